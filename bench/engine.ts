/**
 * Where the engine's time goes: in one process, each page parsed alone (its tree dropped), and
 * parsed, walked and cleaned by the rules with the three steps timed apart, the two runs taking
 * turns at going first, so that the engine's cost is read against a parse of the same spell of
 * the machine (a shared machine's speed drifts within minutes).
 *
 *   npm run bench:build && taskset -c 0 node build/bench/engine.js ../shared/corpus/dragnet-train [--passes 3] [--limit N] [--by-rule] [--record]
 *
 * Reads a corpus in the Dragnet layout (pages in memory, as bench/speed.ts does). Per page:
 * `fastHtmlToHast` (parse), `scanPage` (the engine's one walk over the tree: elements, texts,
 * word counts, class names), `runWithSafetyNet` over that walk with the rules in ./rules
 * (element rules, blocks, block rules, accounting, text out). A warm-up over a fifth of the pages,
 * then the pass with the median engine cost. Garbage collection is read from `perf_hooks` GC
 * entries, each counted for the step it started in. After each pass, a pass of the floor: each
 * page parsed and then only read (every node visited, each text's words counted), the least an
 * engine that reads the finished tree does, so that the engine's cost can be judged against it.
 * `--by-rule` adds, after those passes, one more (untimed as a whole) in which each rule's own
 * work is timed: an element rule's `select`, a block rule's `decide` over every block, every time
 * the safety net runs it; the rest of the rules step is the engine's own (claims, reading the
 * blocks, accounting, text out). Each is given as a share of that pass's parse. Timing every call
 * adds its own cost, so the shares are for comparing the rules, not for adding up to the step.
 * Run from the repository root.
 */
import type { Element, Root } from 'hast';
import type { LoadedRule } from '../src/kernel/rules/parse.js';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runWithSafetyNet } from '../src/kernel/engine/relax.js';
import { scanPage } from '../src/kernel/engine/page.js';
import { TextMeasure } from '../src/kernel/text/words.js';
import { fastHtmlToHast } from '../src/fast-html/tree-builder.js';
import { loadRules } from '../src/io/rules.js';
import { readDragnet } from './dragnet.js';
import { machine } from './machine.js';
import { middle, parseThen, warmUpPages } from './passes.js';
import { recordSection } from './record.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    passes: { type: 'string', default: '3' },
    limit: { type: 'string' },
    record: { type: 'boolean', default: false },
    'by-rule': { type: 'boolean', default: false },
  },
});
const corpusArg = positionals[0] ?? '../shared/corpus/dragnet-train';
const pages = readDragnet(resolve(corpusArg), values.limit ? Number(values.limit) : Infinity).map((p) => p.html);
const bytes = pages.reduce((sum, html) => sum + Buffer.byteLength(html), 0);
const rules = loadRules('rules').forOutlet(undefined).rules;

/** Milliseconds per step over a pass; `gc` is the collector's time that started within each step. */
interface Pass {
  /** The parse alone, its tree dropped at once. */
  alone: number;
  /** The parse, then the walk and the rules over its tree. */
  parse: number;
  walk: number;
  rules: number;
  gc: Record<Step, number>;
}

type Step = 'alone' | 'parse' | 'walk' | 'rules';

/**
 * The least any engine that reads the finished tree does: visit every node and count the words
 * of every text (rules decide on words). Nothing is recorded.
 */
function readTree(tree: Root): void {
  const measure = new TextMeasure();
  const stack: Array<Root | Element> = [tree];
  while (stack.length > 0) {
    for (const child of stack.pop()!.children) {
      if (child.type === 'element') stack.push(child);
      else if (child.type === 'text') measure.measure(child.value);
    }
  }
}

/** A pass of the floor: each page parsed, then only read (`readTree`); the parse and the read timed apart. */
function floorPass(subset: string[]): { parse: number; read: number } {
  const { parse, then } = parseThen(subset, readTree);
  return { parse, read: then };
}

/** Start time and duration of each collection, in `performance.now()` milliseconds. */
const collections: Array<[number, number]> = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collections.push([entry.startTime, entry.duration]);
});
observer.observe({ entryTypes: ['gc'] });

/** The entries of GC done so far are delivered to the observer a little later, from a timer. */
const settle = () => new Promise((done) => setTimeout(done, 100));

/**
 * A pass: each page parsed alone, and parsed, walked and cleaned, the two in turn (which goes
 * first changes from page to page and from pass to pass), so that both see the same spell of
 * the machine. Each collection counts for the step it started in.
 */
async function pass(subset: string[], round = 0): Promise<Pass> {
  const now = () => performance.now();
  const time: Record<Step, number> = { alone: 0, parse: 0, walk: 0, rules: 0 };
  // Steps as they ran: start, end and step, three entries each.
  const spans: Array<number | Step> = [];
  const span = (step: Step, from: number, to: number) => {
    time[step] += to - from;
    spans.push(from, to, step);
  };
  await settle();
  collections.length = 0;
  for (let i = 0; i < subset.length; i++) {
    for (const engine of (i + round) % 2 === 0 ? [false, true] : [true, false]) {
      const t0 = now();
      const tree = fastHtmlToHast(subset[i]);
      const t1 = now();
      if (!engine) {
        span('alone', t0, t1);
        continue;
      }
      const page = scanPage(tree);
      const t2 = now();
      runWithSafetyNet(tree, rules, page);
      const t3 = now();
      span('parse', t0, t1);
      span('walk', t1, t2);
      span('rules', t2, t3);
    }
  }
  await settle();
  const gc: Record<Step, number> = { alone: 0, parse: 0, walk: 0, rules: 0 };
  let k = 0;
  for (const [start, duration] of collections) {
    while (k + 3 < spans.length && (spans[k + 1] as number) <= start) k += 3;
    if (start >= (spans[k] as number) && start < (spans[k + 1] as number)) gc[spans[k + 2] as Step] += duration;
  }
  return { ...time, gc };
}

await pass(warmUpPages(pages));
floorPass(warmUpPages(pages));
const passes: Pass[] = [];
const floorShares: number[] = [];
for (let i = 0; i < Math.max(1, Number(values.passes)); i++) {
  passes.push(await pass(pages, i));
  const floor = floorPass(pages);
  floorShares.push((100 * floor.read) / floor.parse);
}
observer.disconnect();
const engineCost = (p: Pass) => p.parse + p.walk + p.rules - p.alone;
const median = middle(passes.map((p) => engineCost(p) / p.alone));
const chosen = passes.find((p) => engineCost(p) / p.alone === median)!;

const share = (ms: number) => `${((100 * ms) / chosen.alone).toFixed(0)}%`;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const row = (step: Step, what: string) => `| ${what} | ${seconds(chosen[step])} | ${share(chosen[step])} | ${seconds(chosen.gc[step])} |`;
const slower = chosen.parse - chosen.alone;
const table = [
  `### Engine steps on ${pages.length} pages (${(bytes / 1e6).toFixed(1)} MB) of \`${corpusArg.split('/').slice(-2).join('/')}\``,
  '',
  `${machine()}. One process; each page parsed alone and then parsed, walked and cleaned, taking turns at going first. The pass with the median engine cost of ${passes.length} after a warm-up.`,
  `Command: \`npm run bench:build && taskset -c 0 node build/bench/engine.js ${corpusArg}${values.passes !== '3' ? ` --passes ${values.passes}` : ''}${values.limit ? ` --limit ${values.limit}` : ''}${values['by-rule'] ? ' --by-rule' : ''} --record\`.`,
  '',
  '| step | seconds per pass | share of the parse alone | of it, garbage collection |',
  '|---|---:|---:|---:|',
  row('alone', 'parse alone (fast parser, hast with positions; the tree dropped)'),
  row('parse', 'parse, in the engine\'s run'),
  row('walk', 'walk (scanPage: elements, texts, words, class names)'),
  row('rules', 'rules (element rules, blocks, block rules, accounting, text)'),
  '',
  `The engine costs ${share(engineCost(chosen))} on top of the parse (passes: ${passes.map((p) => `${((100 * engineCost(p)) / p.alone).toFixed(0)}%`).join(', ')}): the walk and the rules ${share(chosen.walk + chosen.rules)}, and the parse ran ${share(Math.abs(slower))} ${slower >= 0 ? 'slower' : 'faster'} in the engine's run than alone.`,
  `Floor: only visiting every node of the tree and counting each text's words (in passes of their own, after the parse, against that parse) costs ${middle(floorShares).toFixed(0)}% (passes: ${floorShares.map((f) => `${f.toFixed(0)}%`).join(', ')}). It is the least any engine that reads the finished tree does before a rule runs.`,
].join('\n');

/**
 * One pass with every rule's matcher timed: each rule copied with a matcher whose `select` or
 * `decide` adds its time to the rule's account (the original matcher does the work).
 */
function byRulePass(): string[] {
  const spent = new Map<string, number>();
  const timedRules: LoadedRule[] = rules.map((rule) => {
    const original = rule.matcher;
    const timed = <A extends unknown[], R>(work: (...args: A) => R) => (...args: A): R => {
      const t0 = performance.now();
      try {
        return work(...args);
      } finally {
        spent.set(rule.id, (spent.get(rule.id) ?? 0) + performance.now() - t0);
      }
    };
    const matcher = Object.create(original) as typeof original;
    if (original.level === 'block') (matcher as typeof original).decide = timed(original.decide.bind(original));
    else (matcher as typeof original).select = timed(original.select.bind(original));
    return { ...rule, matcher };
  });
  let step = 0;
  const { parse } = parseThen(pages, (tree) => {
    const page = scanPage(tree);
    const t0 = performance.now();
    runWithSafetyNet(tree, timedRules, page);
    step += performance.now() - t0;
  });
  const inRules = [...spent.values()].reduce((sum, ms) => sum + ms, 0);
  const pct = (ms: number) => `${((100 * ms) / parse).toFixed(1)}%`;
  return [
    '',
    `By rule (\`--by-rule\`; one more pass with each rule's matcher timed, every call, the safety net's reruns included; shares of that pass's parse, ${seconds(parse)} s): the rules step ${pct(step)}, of it the engine's own work (claims, blocks, accounting, text) ${pct(step - inRules)} and the rules' own ${pct(inRules)}:`,
    '',
    '| rule | kind | seconds | share of the parse |',
    '|---|---|---:|---:|',
    ...rules
      .filter((rule) => spent.has(rule.id))
      .sort((a, b) => spent.get(b.id)! - spent.get(a.id)!)
      .map((rule) => `| ${rule.id} | ${rule.kind.meta.name} | ${(spent.get(rule.id)! / 1000).toFixed(3)} | ${pct(spent.get(rule.id)!)} |`),
  ];
}

const report = values['by-rule'] ? [table, ...byRulePass()].join('\n') : table;
console.log(report);
if (values.record) recordSection('engine-steps', report);
