/**
 * What the user waits for: whole-process wall time of `winnow clean DIR --out OUT --jobs 1`
 * against Readability.js and Defuddle (each on linkedom) run as whole processes over the same
 * folder (bench/peer-process.ts: read each page, write its text), and `clean()` over the same
 * pages in a fresh process (bench/engine-pass.ts): its first pass is what the engine costs in a
 * run that cleans each page once, its third the warm engine. Median of 3 rounds, the tools
 * alternating within each round, each pinned to one core with `taskset -c 0` when it is installed;
 * peak RSS of each process from GNU time. Then two cores: `--jobs 2` against `--jobs 1`, neither
 * pinned.
 *
 *   npm run build && npm run bench:build && node build/bench/process.js [HTML_DIR ...] [--record] [--rounds N]
 *
 * Reads the HTML folders in place (default: ../shared/corpus/dragnet-train/html and
 * ../shared/corpus/fundus-publishers/html); writes outputs to a temporary folder, removed after.
 * `--record` writes the `process` section of bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CAN_PIN, machine, nodeOnOneCore } from './machine.js';
import { commandLine, recordSection } from './record.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { record: { type: 'boolean', default: false }, rounds: { type: 'string', default: '3' } },
});
const folders = (positionals.length > 0 ? positionals : ['../shared/corpus/dragnet-train/html', '../shared/corpus/fundus-publishers/html']).map((f) => resolve(f));
const rounds = Number(values.rounds);
const loadBefore = loadavg()[0].toFixed(1);
const scratch = mkdtempSync(join(tmpdir(), 'winnow-process-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const TIME = '/usr/bin/time';

interface Run {
  seconds: number;
  rssMiB: number;
  /** CPU time of the process and its threads (user + system), seconds. */
  cpu: number;
}

/** Run Node on `args` as its own process (pinned to one core unless `pin` is false); wall time, peak RSS and stdout. */
function timed(args: string[], pin = true): Run & { stdout: string } {
  const out = join(scratch, 'out');
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  const withOut = args.map((a) => (a === 'OUT' ? out : a));
  const [command, argv] = pin ? nodeOnOneCore(withOut) : [process.execPath, withOut];
  const child = spawnSync(TIME, ['-f', '%M %U %S', command, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
  const [rss, user, system] = child.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds, rssMiB: rss / 1024, cpu: user + system, stdout: child.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const winnowBin = resolve('bin/winnow.js');
const peer = resolve('build/bench/peer-process.js');
const enginePass = resolve('build/bench/engine-pass.js');

const rows: string[] = [];
const summary: string[] = [];
const cores: string[] = [];
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
  const cold: number[] = [];
  const warm: number[] = [];
  const jobs = new Map<number, Run[]>([[1, []], [2, []]]);
  for (let round = 0; round < rounds; round++) {
    for (const tool of round % 2 === 0 ? tools : [...tools].reverse()) {
      const run = timed(tool.args);
      runs.get(tool.name)!.push(run);
      process.stderr.write(`${label} round ${round + 1}: ${tool.name} ${run.seconds.toFixed(2)} s, ${run.rssMiB.toFixed(0)} MiB\n`);
    }
    const { passes } = JSON.parse(timed([enginePass, folder, '3']).stdout) as { passes: number[] };
    cold.push(passes[0]);
    warm.push(passes[2]);
    for (const n of round % 2 === 0 ? [1, 2] : [2, 1]) {
      jobs.get(n)!.push(timed([winnowBin, 'clean', folder, '--out', 'OUT', '--jobs', String(n), '--quiet'], false));
    }
    process.stderr.write(`${label} round ${round + 1}: clean() first pass ${passes[0].toFixed(2)} s, warm ${passes[2].toFixed(2)} s; --jobs 1/2 unpinned ${jobs.get(1)!.at(-1)!.seconds.toFixed(2)}/${jobs.get(2)!.at(-1)!.seconds.toFixed(2)} s\n`);
  }
  const base = median(runs.get(tools[1].name)!.map((r) => r.seconds));
  const perPage = (seconds: number) => `${(names.length / seconds).toFixed(0)} | ${(bytes / 2 ** 20 / seconds).toFixed(1)}`;
  for (const tool of tools) {
    const seconds = median(runs.get(tool.name)!.map((r) => r.seconds));
    const rss = Math.max(...runs.get(tool.name)!.map((r) => r.rssMiB));
    rows.push(`| ${label} | ${tool.name} | ${seconds.toFixed(2)} | ${perPage(seconds)} | ${rss.toFixed(0)} | ${(base / seconds).toFixed(2)}x |`);
  }
  const engineCold = median(cold);
  const engineWarm = median(warm);
  rows.push(`| ${label} | \`clean()\` alone, first pass in a fresh process | ${engineCold.toFixed(2)} | ${perPage(engineCold)} | | ${(base / engineCold).toFixed(2)}x |`);
  rows.push(`| ${label} | \`clean()\` alone, warm (third pass) | ${engineWarm.toFixed(2)} | ${perPage(engineWarm)} | | ${(base / engineWarm).toFixed(2)}x |`);
  const whole = median(runs.get(tools[0].name)!.map((r) => r.seconds));
  summary.push(`| ${label} (${names.length} pages, ${(bytes / 2 ** 20).toFixed(1)} MB) | ${(base / whole).toFixed(2)}x | ${(base / engineCold).toFixed(2)}x / ${(base / engineWarm).toFixed(2)}x | ${(100 * (1 - engineCold / whole)).toFixed(0)}% | ${(100 * (1 - engineWarm / whole)).toFixed(0)}% |`);
  const one = median(jobs.get(1)!.map((r) => r.seconds));
  const two = median(jobs.get(2)!.map((r) => r.seconds));
  const cores1 = median(jobs.get(1)!.map((r) => r.cpu / r.seconds));
  const cores2 = median(jobs.get(2)!.map((r) => r.cpu / r.seconds));
  cores.push(`| ${label} | ${one.toFixed(2)} | ${cores1.toFixed(2)} | ${two.toFixed(2)} | ${cores2.toFixed(2)} | ${(one / two).toFixed(2)}x |`);
}

const markdown = [
  '## Whole process: `winnow clean` against peers run as processes',
  '',
  `${machine()}; ${rounds} rounds, median.`,
  `Command: \`${commandLine('npm run build && npm run bench:build')}\`.`,
  'Wall time of each tool as a whole process over one folder of pages, ' +
    (CAN_PIN ? 'every process pinned to one core (`taskset -c 0`; winnow with `--jobs 1`)' : 'one job (`--jobs 1`; taskset is not installed, so processes are not pinned)') +
    ': reading every page, extracting, writing one text per page (peers: bench/peer-process.ts, the article\'s `textContent`). ' +
    'The engine alone (bench/engine-pass.ts): `clean()` over the same pages, already read and decoded, in a fresh process on the same core; its first pass is what a run that cleans each page once spends inside `clean()` (the JIT warms up on these very pages), the third pass the warm engine, a floor no single run reaches. ' +
    '"vs Readability" is Readability.js + linkedom\'s wall time over the tool\'s.',
  '',
  '| pages | tool | seconds | pages/s | MB/s | peak RSS (MiB) | vs Readability |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...rows,
  '',
  '| corpus | winnow clean vs Readability.js + linkedom, whole process | ceiling: `clean()` alone vs Readability, first pass / warm | winnow clean\'s wall time outside `clean()`, first pass | ... outside warm `clean()` |',
  '|---|---:|---:|---:|---:|',
  ...summary,
  '',
  'Two cores: `winnow clean DIR --out OUT` with `--jobs 1` and `--jobs 2`, neither pinned, same rounds: median wall seconds, and cores used (CPU time of all threads, user + system, over wall time). `--jobs 1` is already more than one core: the main thread reads and writes while the worker cleans, and V8 compiles and collects garbage on threads of its own.',
  `Load average (1 min) before -> after: ${loadBefore} -> ${loadavg()[0].toFixed(1)}.`,
  '',
  '| pages | --jobs 1 (s) | cores used | --jobs 2 (s) | cores used | speed-up |',
  '|---|---:|---:|---:|---:|---:|',
  ...cores,
].join('\n');
process.stdout.write(`${markdown}\n`);
if (values.record) recordSection('process', markdown);
