/**
 * What the user waits for: whole-process wall time of `winnow clean DIR --out OUT --jobs 1`
 * against Readability.js and Defuddle (each on linkedom) run as whole processes over the same
 * folder (bench/peer-process.ts: read each page, write its text), and `clean()` over the same
 * pages inside this process, which is what the engine alone costs. Median of 3 rounds, the tools
 * alternating within each round, each pinned to one core with `taskset -c 0` when it is installed;
 * peak RSS of each process from GNU time.
 *
 *   npm run build && npm run bench:build && node build/bench/process.js [HTML_DIR ...] [--record] [--rounds N]
 *
 * Reads the HTML folders in place (default: ../shared/corpus/dragnet-train/html and
 * ../shared/corpus/fundus-publishers/html); writes outputs to a temporary folder, removed after.
 * `--record` writes the `process` section of bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clean } from '../src/kernel/clean.js';
import { decodeDocument } from '../src/io/sources/decode.js';
import { loadRules } from '../src/io/rules.js';
import { CAN_PIN, machine, nodeOnOneCore } from './machine.js';
import { commandLine, recordSection } from './record.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { record: { type: 'boolean', default: false }, rounds: { type: 'string', default: '3' } },
});
const folders = (positionals.length > 0 ? positionals : ['../shared/corpus/dragnet-train/html', '../shared/corpus/fundus-publishers/html']).map((f) => resolve(f));
const rounds = Number(values.rounds);
const scratch = mkdtempSync(join(tmpdir(), 'winnow-process-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const TIME = '/usr/bin/time';

interface Run {
  seconds: number;
  rssMiB: number;
}

/** Run a command as its own process; wall time and peak RSS (GNU time's %M, KiB). */
function timed(args: string[]): Run {
  const out = join(scratch, 'out');
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  const [command, argv] = nodeOnOneCore(args.map((a) => (a === 'OUT' ? out : a)));
  const child = spawnSync(TIME, ['-f', '%M', command, ...argv], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
  const rss = Number(child.stderr.trim().split('\n').at(-1));
  return { seconds, rssMiB: rss / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rules = loadRules('rules');
const winnowBin = resolve('bin/winnow.js');
const peer = resolve('build/bench/peer-process.js');

const rows: string[] = [];
const summary: string[] = [];
for (const folder of folders) {
  const names = readdirSync(folder).filter((n) => n.endsWith('.html')).sort();
  const bytes = names.reduce((n, name) => n + statSync(join(folder, name)).size, 0);
  const label = `${basename(dirname(folder))}/${basename(folder)}`;
  const tools: Array<{ name: string; args: string[] }> = [
    { name: 'winnow clean --jobs 1', args: [winnowBin, 'clean', folder, '--out', 'OUT', '--jobs', '1', '--quiet'] },
    { name: 'Readability.js + linkedom', args: [peer, 'readability', folder, 'OUT'] },
    { name: 'Defuddle + linkedom', args: [peer, 'defuddle', folder, 'OUT'] },
  ];
  const runs = new Map<string, Run[]>(tools.map((t) => [t.name, []]));
  const inProcess: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const tool of round % 2 === 0 ? tools : [...tools].reverse()) {
      const run = timed(tool.args);
      runs.get(tool.name)!.push(run);
      process.stderr.write(`${label} round ${round + 1}: ${tool.name} ${run.seconds.toFixed(2)} s, ${run.rssMiB.toFixed(0)} MiB\n`);
    }
    // The engine alone: the same pages, decoded and cleaned in this process (files already read).
    const pages = names.map((name) => decodeDocument(readFileSync(join(folder, name)), { markup: 'html' }).text);
    const started = performance.now();
    for (const html of pages) clean({ content: html, type: 'html' }, { rules });
    inProcess.push((performance.now() - started) / 1000);
  }
  const engine = median(inProcess);
  const base = median(runs.get(tools[1].name)!.map((r) => r.seconds));
  for (const tool of tools) {
    const seconds = median(runs.get(tool.name)!.map((r) => r.seconds));
    const rss = Math.max(...runs.get(tool.name)!.map((r) => r.rssMiB));
    rows.push(`| ${label} | ${tool.name} | ${seconds.toFixed(2)} | ${(names.length / seconds).toFixed(0)} | ${(bytes / 2 ** 20 / seconds).toFixed(1)} | ${rss.toFixed(0)} | ${(base / seconds).toFixed(2)}x |`);
  }
  rows.push(`| ${label} | \`clean()\` in one process (the engine alone) | ${engine.toFixed(2)} | ${(names.length / engine).toFixed(0)} | ${(bytes / 2 ** 20 / engine).toFixed(1)} | | ${(base / engine).toFixed(2)}x |`);
  const whole = median(runs.get(tools[0].name)!.map((r) => r.seconds));
  summary.push(`| ${label} (${names.length} pages, ${(bytes / 2 ** 20).toFixed(1)} MB) | ${(base / whole).toFixed(2)}x | ${(100 * (1 - engine / whole)).toFixed(0)}% |`);
}

const markdown = [
  '## Whole process: `winnow clean` against peers run as processes',
  '',
  `${machine()}; ${rounds} rounds, median.`,
  `Command: \`${commandLine('npm run build && npm run bench:build')}\`.`,
  'Wall time of each tool as a whole process over one folder of pages, ' +
    (CAN_PIN ? 'every process pinned to one core (`taskset -c 0`; winnow with `--jobs 1`)' : 'one job (`--jobs 1`; taskset is not installed, so processes are not pinned)') +
    ': reading every page, extracting, writing one text per page (peers: bench/peer-process.ts, the article\'s `textContent`). The engine alone: `clean()` over the same pages, already read and decoded, in one process. "vs Readability" is Readability.js + linkedom\'s wall time over the tool\'s.',
  '',
  '| pages | tool | seconds | pages/s | MB/s | peak RSS (MiB) | vs Readability |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...rows,
  '',
  '| corpus | winnow clean vs Readability.js + linkedom, whole process | share of winnow clean\'s wall time outside `clean()` |',
  '|---|---:|---:|',
  ...summary,
].join('\n');
process.stdout.write(`${markdown}\n`);
if (values.record) recordSection('process', markdown);
