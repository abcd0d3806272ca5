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
 * V8's defaults and with `--no-allocation-site-pretenuring`, each running one workload in a tight
 * loop (no turn of the event loop between pages), after reading the pages into memory and loading
 * the rules in ./rules:
 * - `walk`: three passes that parse each page with the fast parser and walk its tree
 *   (`scanPage`), timed apart, as engine.js does;
 * - `clean`: three passes of `clean()` over every page (parse, walk, rules, text out), as a
 *   script that cleans pages one after another would, the texts kept until the pass ends.
 * The last pass counts. Then a pass that allocates nothing (each page's words counted in place)
 * shows how fast the machine itself ran for that process. Reports each process's seconds per
 * pass and their range. Run from the repository root.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clean, loadRules } from '../src/index.js';
import { scanPage } from '../src/kernel/engine/page.js';
import { TextMeasure } from '../src/kernel/text/words.js';
import { readDragnet } from './dragnet.js';
import { CAN_PIN, machine, nodeOnOneCore } from './machine.js';
import { parseThen } from './passes.js';
import { recordSection } from './record.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    processes: { type: 'string', default: '4' },
    limit: { type: 'string' },
    record: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});
const corpusArg = positionals[0] ?? '../shared/corpus/dragnet-train';
const NO_PRETENURING = '--no-allocation-site-pretenuring';
const WORKLOADS = ['walk', 'clean'] as const;
type Workload = (typeof WORKLOADS)[number];
const PASSES = 3;

/** Seconds of one process's last pass, by step (`parse` and `walk`, or `clean`), and of its count. */
interface Timed {
  steps: Record<string, number>;
  count: number;
  pages: number;
  bytes: number;
}

/** One process: read, run the workload's passes, count words, print the times as JSON. */
function child(workload: Workload): void {
  const pages = readDragnet(resolve(corpusArg), values.limit ? Number(values.limit) : Infinity).map((p) => p.html);
  const rules = loadRules('rules');
  const now = () => process.hrtime.bigint();
  const seconds = (ns: bigint) => Number(ns) / 1e9;
  let steps: Record<string, number> = {};
  for (let pass = 0; pass < PASSES; pass++) {
    if (workload === 'walk') {
      const { parse, then } = parseThen(pages, scanPage);
      steps = { parse: parse / 1000, walk: then / 1000 };
    } else {
      const texts: string[] = [];
      const t0 = now();
      for (const html of pages) texts.push(clean({ content: html, type: 'html' }, { rules }).text);
      steps = { clean: seconds(now() - t0) };
    }
  }
  const measure = new TextMeasure();
  const t0 = now();
  for (const html of pages) measure.measure(html);
  const timed: Timed = { steps, count: seconds(now() - t0), pages: pages.length, bytes: pages.reduce((sum, html) => sum + Buffer.byteLength(html), 0) };
  console.log(JSON.stringify(timed));
}

function parent(): void {
  const kinds = [
    { name: "V8's defaults", flags: [] as string[] },
    { name: `\`${NO_PRETENURING}\``, flags: [NO_PRETENURING] },
  ];
  const runs = new Map<string, Timed[]>();
  for (let i = 0; i < Number(values.processes); i++) {
    for (const workload of WORKLOADS) {
      for (const kind of kinds) {
        const args = [...kind.flags, process.argv[1], corpusArg, '--child', workload, ...(values.limit ? ['--limit', values.limit] : [])];
        const [command, commandArgs] = nodeOnOneCore(args);
        const result = spawnSync(command, commandArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
        if (result.status !== 0) throw new Error(`a ${workload} process with ${kind.name} exited with ${result.status}`);
        const timed = JSON.parse(result.stdout) as Timed;
        const key = `${workload} ${kind.name}`;
        runs.set(key, [...(runs.get(key) ?? []), timed]);
        const steps = Object.entries(timed.steps).map(([step, s]) => `${step} ${s.toFixed(2)} s`).join(', ');
        console.error(`${workload}, ${kind.name}, process ${i + 1}: ${steps}, count ${timed.count.toFixed(2)} s`);
      }
    }
  }
  const { pages, bytes } = [...runs.values()][0][0];
  const cell = (xs: number[]) => `${xs.map((x) => x.toFixed(2)).join(', ')} (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})`;
  const rows = WORKLOADS.flatMap((workload) =>
    kinds.flatMap((kind) => {
      const timed = runs.get(`${workload} ${kind.name}`)!;
      return Object.keys(timed[0].steps).map((step) => `| ${workload} | ${kind.name} | ${step} | ${cell(timed.map((t) => t.steps[step]))} | ${cell(timed.map((t) => t.count))} |`);
    }),
  );
  const table = [
    `### Pretenuring on and off, ${pages} pages (${(bytes / 1e6).toFixed(1)} MB) of \`${corpusArg.split('/').slice(-2).join('/')}\``,
    '',
    `${machine()}. ${values.processes} fresh processes of each workload and kind of V8, in turn${CAN_PIN ? ', pinned to one core' : ''}; in each, ${PASSES} passes in a tight loop (\`walk\`: parse and walk each page; \`clean\`: \`clean()\` each page), the last one timed, then one pass that only counts words. Seconds per pass, process by process.`,
    `Command: \`npm run bench:build && node build/bench/pretenuring.js ${corpusArg}${values.processes !== '4' ? ` --processes ${values.processes}` : ''}${values.limit ? ` --limit ${values.limit}` : ''} --record\`.`,
    '',
    '| workload | V8 | step | seconds per pass (range) | the same processes counting words in place (allocates nothing) |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  console.log(table);
  if (values.record) recordSection('pretenuring', table);
}

if (values.child !== undefined) {
  if (!(WORKLOADS as readonly string[]).includes(values.child)) throw new Error(`--child takes ${WORKLOADS.join(' or ')}`);
  child(values.child as Workload);
} else {
  parent();
}
