/**
 * Whether V8's allocation-site pretenuring changes Winnow's speed, and how much the machine
 * itself drifts from one process to the next (a shared VM's speed does, within minutes).
 *
 *   npm run bench:build && node build/bench/pretenuring.js ../shared/corpus/dragnet-train [--processes 4] [--limit N] [--record]
 *
 * With pretenuring (V8's default) a process may decide, from the survival rates of its early
 * collections, to allocate objects from some allocation sites straight into the old generation;
 * a tree being built survives collections, so a parser's nodes are candidates.
 *
 * Starts fresh processes, each pinned to one core (`taskset -c 0` when available), in turn with
 * V8's defaults and with `--no-allocation-site-pretenuring`. Each reads the pages into memory and
 * loads the rules in ./rules, then, in tight loops as engine.js runs them: three passes that
 * parse each page with the fast parser and walk its tree (`scanPage`), timed apart; two passes of
 * `clean()` over every page (parse, walk, rules, text out); and a pass that allocates nothing
 * (each page's words counted in place), which shows how much the machine itself drifted from
 * process to process. The last pass of each kind counts. Reports each process's seconds and
 * the range over the processes of each kind. Run from the repository root.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clean, loadRules, type RuleSet } from '../src/index.js';
import { scanPage } from '../src/engine/page.js';
import { TextMeasure } from '../src/engine/words.js';
import { fastHtmlToHast } from '../src/parse/fast-html.js';
import { readDragnet } from './dragnet.js';
import { machine } from './machine.js';
import { recordSection } from './record.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    processes: { type: 'string', default: '4' },
    limit: { type: 'string' },
    record: { type: 'boolean', default: false },
    child: { type: 'boolean', default: false },
  },
});
const corpusArg = positionals[0] ?? '../shared/corpus/dragnet-train';
const NO_PRETENURING = '--no-allocation-site-pretenuring';

/** Seconds per pass of one process. */
interface Passes {
  parse: number;
  walk: number;
  clean: number;
  count: number;
}

/** One process: read, then time the passes (the first of each kind warms up), print them as JSON. */
function child(): void {
  const pages = readDragnet(resolve(corpusArg), values.limit ? Number(values.limit) : Infinity).map((p) => p.html);
  const rules = loadRules('rules');
  const now = () => process.hrtime.bigint();
  const seconds = (ns: bigint) => Number(ns) / 1e9;
  // Parse and walk each page, as engine.js does (three passes, the last one counts)...
  let parse = 0n;
  let walk = 0n;
  for (let pass = 0; pass < 3; pass++) {
    parse = 0n;
    walk = 0n;
    for (const html of pages) {
      const t0 = now();
      const tree = fastHtmlToHast(html);
      const t1 = now();
      scanPage(tree);
      parse += t1 - t0;
      walk += now() - t1;
    }
  }
  // ...then clean each page with the rules (two passes)...
  let clean = 0n;
  for (let pass = 0; pass < 2; pass++) {
    const t0 = now();
    for (const html of pages) cleanPage(html, rules);
    clean = now() - t0;
  }
  // ...and count each page's words in place, which allocates nothing: the machine's own speed.
  const measure = new TextMeasure();
  const t0 = now();
  for (const html of pages) measure.measure(html);
  const passes: Passes = { parse: seconds(parse), walk: seconds(walk), clean: seconds(clean), count: seconds(now() - t0) };
  console.log(JSON.stringify({ ...passes, pages: pages.length, bytes: pages.reduce((sum, html) => sum + Buffer.byteLength(html), 0) }));
}

function cleanPage(html: string, rules: RuleSet): string {
  return clean({ content: html, type: 'html' }, { rules }).text;
}

function parent(): void {
  const pin = existsSync('/usr/bin/taskset') || existsSync('/bin/taskset');
  const kinds = [
    { name: "V8's defaults", flags: [] as string[] },
    { name: `\`${NO_PRETENURING}\``, flags: [NO_PRETENURING] },
  ];
  const runs: Array<Array<Passes & { pages: number; bytes: number }>> = kinds.map(() => []);
  for (let i = 0; i < Number(values.processes); i++) {
    kinds.forEach((kind, k) => {
      const args = [...kind.flags, process.argv[1], corpusArg, '--child', ...(values.limit ? ['--limit', values.limit] : [])];
      const result = spawnSync(pin ? 'taskset' : process.execPath, pin ? ['-c', '0', process.execPath, ...args] : args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      if (result.status !== 0) throw new Error(`a process with ${kind.name} exited with ${result.status}`);
      const passes = JSON.parse(result.stdout) as Passes & { pages: number; bytes: number };
      runs[k].push(passes);
      console.error(`${kind.name}, process ${i + 1}: parse ${passes.parse.toFixed(2)} s, walk ${passes.walk.toFixed(2)} s, clean ${passes.clean.toFixed(2)} s, count ${passes.count.toFixed(2)} s`);
    });
  }
  const { pages, bytes } = runs[0][0];
  const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}`;
  const table = [
    `### Pretenuring on and off, ${pages} pages (${(bytes / 1e6).toFixed(1)} MB) of \`${corpusArg.split('/').slice(-2).join('/')}\``,
    '',
    `${machine()}. ${values.processes} fresh processes of each kind, in turn${pin ? ', pinned to one core' : ''}; in each, three passes that parse and walk each page, two that clean each page, one that counts words; the last pass of each kind counts. Seconds per pass, process by process.`,
    `Command: \`npm run bench:build && node build/bench/pretenuring.js ${corpusArg}${values.processes !== '4' ? ` --processes ${values.processes}` : ''}${values.limit ? ` --limit ${values.limit}` : ''} --record\`.`,
    '',
    '| V8 | parse (fast parser) | walk (scanPage) | clean() (parse, walk, rules, text) | count words in place (allocates nothing) |',
    '|---|---|---|---|---|',
    ...kinds.map((kind, k) => {
      const cell = (key: keyof Passes) => {
        const xs = runs[k].map((r) => r[key]);
        return `${list(xs)} (${range(xs)})`;
      };
      return `| ${kind.name} | ${cell('parse')} | ${cell('walk')} | ${cell('clean')} | ${cell('count')} |`;
    }),
  ].join('\n');
  console.log(table);
  if (values.record) recordSection('pretenuring', table);
}

if (values.child) child();
else parent();
