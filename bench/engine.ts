/**
 * Where the engine's time goes: each page parsed, walked and cleaned by the rules in one process,
 * the three steps timed apart, and the time the garbage collector took beside them.
 *
 *   npm run bench:build && taskset -c 0 node build/bench/engine.js ../shared/corpus/dragnet-train [--passes 3] [--limit N] [--record]
 *
 * Reads a corpus in the Dragnet layout (pages in memory, as bench/speed.ts does). Per page:
 * `fastHtmlToHast` (parse), `scanPage` (the engine's one walk over the tree: elements, texts,
 * word counts, class names), `runWithSafetyNet` over that walk with the rules in ./rules
 * (element rules, blocks, block rules, accounting, text out). A warm-up over a fifth of the pages,
 * then the median pass. Garbage collection is summed from `perf_hooks` GC entries over the same
 * passes; it runs within the steps above, mostly within the parse, so it is not a step of its own.
 * After each pass, a pass of the floor: each page parsed and then only read (every node visited,
 * each text's words counted), the least an engine that reads the finished tree does, so that
 * the engine's cost can be judged against it. Run from the repository root.
 */
import type { Element, Root } from 'hast';
import { PerformanceObserver } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runWithSafetyNet } from '../src/engine/relax.js';
import { scanPage } from '../src/engine/page.js';
import { TextMeasure } from '../src/engine/words.js';
import { fastHtmlToHast } from '../src/parse/fast-html.js';
import { loadRules } from '../src/rules/ruleset.js';
import { readDragnet } from './dragnet.js';
import { machine } from './machine.js';
import { middle, warmUpPages } from './passes.js';
import { recordSection } from './record.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    passes: { type: 'string', default: '3' },
    limit: { type: 'string' },
    record: { type: 'boolean', default: false },
  },
});
const corpusArg = positionals[0] ?? '../shared/corpus/dragnet-train';
const pages = readDragnet(resolve(corpusArg), values.limit ? Number(values.limit) : Infinity).map((p) => p.html);
const bytes = pages.reduce((sum, html) => sum + Buffer.byteLength(html), 0);
const rules = loadRules('rules').forOutlet(undefined).rules;

interface Pass {
  parse: number;
  walk: number;
  rules: number;
  gc: number;
}

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
  const now = process.hrtime.bigint;
  let parse = 0n;
  let read = 0n;
  for (const html of subset) {
    const t0 = now();
    const tree = fastHtmlToHast(html);
    const t1 = now();
    readTree(tree);
    parse += t1 - t0;
    read += now() - t1;
  }
  return { parse: Number(parse) / 1e6, read: Number(read) / 1e6 };
}

let gcMs = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
observer.observe({ entryTypes: ['gc'] });

/** The entries of GC done so far are delivered to the observer a little later, from a timer. */
const settle = () => new Promise((done) => setTimeout(done, 100));

async function pass(subset: string[]): Promise<Pass> {
  const now = process.hrtime.bigint;
  let parse = 0n;
  let walk = 0n;
  let rulesNs = 0n;
  await settle();
  const gcBefore = gcMs;
  for (const html of subset) {
    const t0 = now();
    const tree = fastHtmlToHast(html);
    const t1 = now();
    const page = scanPage(tree);
    const t2 = now();
    runWithSafetyNet(tree, rules, page);
    const t3 = now();
    parse += t1 - t0;
    walk += t2 - t1;
    rulesNs += t3 - t2;
  }
  await settle();
  return { parse: Number(parse) / 1e6, walk: Number(walk) / 1e6, rules: Number(rulesNs) / 1e6, gc: gcMs - gcBefore };
}

await pass(warmUpPages(pages));
floorPass(warmUpPages(pages));
const passes: Pass[] = [];
const floorShares: number[] = [];
for (let i = 0; i < Math.max(1, Number(values.passes)); i++) {
  passes.push(await pass(pages));
  const floor = floorPass(pages);
  floorShares.push((100 * floor.read) / floor.parse);
}
observer.disconnect();
const median = middle(passes.map((p) => p.parse + p.walk + p.rules));
const chosen = passes.find((p) => p.parse + p.walk + p.rules === median)!;

const share = (ms: number) => `${((100 * ms) / chosen.parse).toFixed(0)}%`;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const table = [
  `### Engine steps on ${pages.length} pages (${(bytes / 1e6).toFixed(1)} MB) of \`${corpusArg.split('/').slice(-2).join('/')}\``,
  '',
  `${machine()}. The median of ${passes.length} passes after a warm-up, one process.`,
  `Command: \`npm run bench:build && taskset -c 0 node build/bench/engine.js ${corpusArg}${values.passes !== '3' ? ` --passes ${values.passes}` : ''}${values.limit ? ` --limit ${values.limit}` : ''} --record\`.`,
  '',
  '| step | seconds per pass | share of the parse |',
  '|---|---:|---:|',
  `| parse (fast parser, hast with positions) | ${seconds(chosen.parse)} | 100% |`,
  `| walk (scanPage: elements, texts, words, class names) | ${seconds(chosen.walk)} | ${share(chosen.walk)} |`,
  `| rules (element rules, blocks, block rules, accounting, text) | ${seconds(chosen.rules)} | ${share(chosen.rules)} |`,
  `| garbage collection, within the steps above | ${seconds(chosen.gc)} | ${share(chosen.gc)} |`,
  '',
  `The engine (walk + rules) costs ${share(chosen.walk + chosen.rules)} on top of the parse.`,
  `Floor: only visiting every node of the tree and counting each text's words (in passes of their own, after the parse, against that parse) costs ${middle(floorShares).toFixed(0)}% (passes: ${floorShares.map((f) => `${f.toFixed(0)}%`).join(', ')}). It is the least any engine that reads the finished tree does before a rule runs.`,
].join('\n');
console.log(table);
if (values.record) recordSection('engine-steps', table);
