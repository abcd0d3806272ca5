/**
 * Speed of Winnow against its peers, with accuracy beside it, on a corpus in the Dragnet layout.
 *
 *   npm run bench -- CORPUS [--record] [--passes N] [--limit N] [--only a,b] [--scorer PATH]
 *   (= npm run bench:build && node build/bench/speed.js ...)
 *
 * Reads one of ../shared's corpora in the Dragnet layout (CORPUS, by default
 * ../shared/corpus/dragnet-train) and scores with ../shared/tools/score.mjs; `--record` writes
 * the `speed` section of bench/RESULTS.md. Each tool runs in its own child
 * process, pinned to one core (`taskset -c 0` when available), so that its peak RSS is its own
 * and no two tools compete for the CPU. The tools take turns: round 1 runs every tool once, then
 * round 2 (in a rotated order), and so on, so that a slow spell of a shared machine falls on every
 * tool alike instead of on whichever ran then. Each Winnow run end to end and its parser's
 * parse-only run go back to back (in turn first), and the engine's cost on top of parsing is the
 * median of their rounds' differences; a further child runs both in one process, page by page
 * (`PAIRED`), for the same cost without two processes apart. In a round a tool gets a fresh
 * child: it reads the pages into memory, warms up over part of them, and times one pass over all
 * of them; only one child is alive at a time. The figures are each tool's median pass, its peak
 * RSS the largest of its rounds. Process start, reading the corpus and the warm-up are not timed.
 * Between two documents every tool yields to the event loop once, as a service would (jsdom
 * frees a closed window only then).
 *
 * Tools: Winnow end to end (parse + the rules in ./rules + text out) with each parser, each
 * parser alone, and the peers (bench/extractors.ts; a peer's time is its own parse and
 * extraction, its article HTML is turned into text for scoring outside the timed passes).
 * Accuracy: words and 4-word-shingle F1 of each tool's text from the first timed pass, scored by
 * the reference scorer (../shared/tools/score.mjs, or --scorer PATH), macro-averaged over pages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadRules } from '../src/index.js';
import { fastHtmlToHast } from '../src/fast-html/tree-builder.js';
import { htmlToHast } from '../src/kernel/parse/html.js';
import { DEFAULT_CORPUS, readDragnet } from './dragnet.js';
import { PEERS, winnow, type Extractor } from './extractors.js';
import { CAN_PIN, machine, nodeOnOneCore } from './machine.js';
import { middle, WARM_UP_SHARE, warmUpPages } from './passes.js';
import { commandLine, recordSection } from './record.js';
import { loadScorer } from './scorer.js';

/** Tools timed over one pass only, since they are slow (readability+jsdom: some 6 minutes a pass on dragnet-train). */
const ONE_PASS = new Set(['readability+jsdom']);
/** Each Winnow run end to end and the run of its parser alone, whose difference is the engine's cost. */
const PAIRS = new Map([
  ['winnow', 'parse only: fast'],
  ['winnow --parser parse5', 'parse only: parse5'],
]);
/** Bytes in a megabyte, as MB/s is reported. */
const MB = 1e6;
/**
 * Winnow and the fast parser alone in one process, page by page: the engine's cost without two
 * processes (a pair above can run minutes apart, and its parse-only child collects garbage in a
 * heap of its own), reported beside the pairs and not as a row of the table.
 */
const PAIRED = 'winnow + parse only (paired)';

interface Tool {
  name: string;
  /** What the tool does, for the table. */
  what: string;
  /** Work on one page; returns text to score, or undefined when the tool makes no text. */
  run(html: string, url: string | undefined): Promise<string> | string;
  toText?(output: string): string;
  /** Two tools timed apart on each page in turn (`PAIRED`); `run` then times nothing of its own. */
  pair?: [(html: string) => unknown, (html: string, url: string | undefined) => unknown];
}

interface Measured {
  tool: string;
  pages: number;
  bytes: number;
  /** Every timed pass, one per round. */
  passMs: number[];
  peakRssMb: number;
  /** RSS after the pages were read, before the tool ran: the part of the peak that is the corpus. */
  baselineRssMb: number;
  wordsF1?: number;
  shinglesF1?: number;
  failed: number;
  /** For `PAIRED`: each pass's milliseconds of the pair's two tools. */
  pairMs?: Array<[number, number]>;
}

function tools(): Tool[] {
  const rules = loadRules('rules');
  const fromExtractor = (e: Extractor, what: string): Tool => ({ name: e.name, what, run: e.run, toText: e.toText });
  const endToEnd = winnow(rules, 'winnow', 'fast');
  return [
    fromExtractor(endToEnd, 'parse (fast) + default rules + text'),
    fromExtractor(winnow(rules, 'winnow --parser parse5', 'parse5'), 'parse (parse5) + default rules + text'),
    { name: 'parse only: fast', what: 'HTML -> hast, fast builder', run: (html) => (fastHtmlToHast(html), '') },
    { name: 'parse only: parse5', what: 'HTML -> hast, parse5 (reference)', run: (html) => (htmlToHast(html), '') },
    ...PEERS.map((p) => fromExtractor(p, 'parse + extraction (article HTML)')),
    { name: PAIRED, what: 'parse only (fast) and winnow, page by page', run: () => '', pair: [(html) => fastHtmlToHast(html), endToEnd.run] },
  ];
}

const here = dirname(fileURLToPath(import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    record: { type: 'boolean', default: false },
    passes: { type: 'string', default: '3' },
    limit: { type: 'string' },
    only: { type: 'string' },
    scorer: { type: 'string' },
    child: { type: 'string' },
  },
});
const corpus = resolve(positionals[0] ?? DEFAULT_CORPUS);
const passes = Math.max(1, Number(values.passes));
const limit = values.limit ? Number(values.limit) : Infinity;

/** What the parent asks of a child, one message at a time; the child answers each with a `Reply`. */
type Command = { do: 'warm-up' } | { do: 'pass'; round: number } | { do: 'finish'; score: boolean };
type Reply =
  | { ready: true; pages: number; bytes: number; baselineRssMb: number }
  | { warmedUp: true }
  | { passMs: number; failed: number }
  | { measured: Measured };

/** One tool in this process: read the pages, then warm up, time passes and score when told. */
async function child(name: string): Promise<void> {
  const tool = tools().find((t) => t.name === name);
  if (!tool) throw new Error(`Unknown tool ${name}`);
  const pages = readDragnet(corpus, limit).map((p) => ({ html: p.html, url: p.url, gold: p.gold, size: p.bytes.length }));
  const bytes = pages.reduce((sum, p) => sum + p.size, 0);
  globalThis.gc?.();
  const baselineRssMb = process.memoryUsage().rss / MB;
  const send = (reply: Reply) => process.send!(reply);

  const passMs: number[] = [];
  const pairMs: Array<[number, number]> = [];
  let outputs: Array<string | undefined> = [];
  let failed = 0;
  const runPass = async (subset: typeof pages, round = 0) => {
    const current: Array<string | undefined> = new Array(subset.length);
    let errors = 0;
    const pairNs = [0n, 0n];
    const started = process.hrtime.bigint();
    for (let i = 0; i < subset.length; i++) {
      if (tool.pair) {
        // Which of the two goes first alternates from page to page, the other way in odd rounds.
        // A page one of them fails on counts as an error, as for any tool, and the pass goes on.
        let pageFailed = false;
        for (const k of (i + round) % 2 === 0 ? [0, 1] : [1, 0]) {
          const t0 = process.hrtime.bigint();
          try {
            tool.pair[k](subset[i].html, subset[i].url);
          } catch {
            pageFailed = true;
          }
          pairNs[k] += process.hrtime.bigint() - t0;
        }
        if (pageFailed) errors++;
      } else {
        const output = await runSafely(tool, subset[i].html, subset[i].url);
        if (output === undefined) errors++;
        current[i] = output;
      }
      await nextTurn();
    }
    const pair: [number, number] = [Number(pairNs[0]) / 1e6, Number(pairNs[1]) / 1e6];
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, current, errors, pair };
  };

  process.on('message', async (command: Command) => {
    if (command.do === 'warm-up') {
      await runPass(warmUpPages(pages));
      // Collect now, untimed: an idle child must not collect while another one is timed on the same core.
      globalThis.gc?.();
      send({ warmedUp: true });
    } else if (command.do === 'pass') {
      const pass = await runPass(pages, command.round);
      if (passMs.length === 0) outputs = pass.current;
      passMs.push(pass.ms);
      if (tool.pair) pairMs.push(pass.pair);
      failed = pass.errors;
      globalThis.gc?.();
      send({ passMs: pass.ms, failed });
    } else {
      // maxRSS is in KiB; every size in the table is in MB (10^6 bytes).
      const peakRssMb = (process.resourceUsage().maxRSS * 1024) / MB;
      let scores: { wordsF1?: number; shinglesF1?: number } = {};
      if (command.score && tool.toText) {
        const scorer = await loadScorer(corpus, values.scorer);
        const results = pages.map((page, i) => scorer.scorePair(outputs[i] === undefined ? '' : tool.toText!(outputs[i]!), page.gold));
        const macro = scorer.macro(results);
        scores = { wordsF1: macro.words.f1, shinglesF1: macro.shingles.f1 };
      }
      send({
        measured: {
          tool: name,
          pages: pages.length,
          bytes,
          passMs,
          peakRssMb,
          baselineRssMb,
          ...scores,
          failed,
          ...(tool.pair ? { pairMs } : {}),
        },
      });
      process.disconnect();
    }
  });
  send({ ready: true, pages: pages.length, bytes, baselineRssMb });
}

async function runSafely(tool: Tool, html: string, url: string | undefined): Promise<string | undefined> {
  try {
    return await tool.run(html, url);
  } catch {
    return undefined;
  }
}

/** A tool's child process and the replies it has sent, awaited one at a time. */
class Child {
  private readonly replies: Reply[] = [];
  private waiting: ((reply: Reply) => void) | undefined;
  private stderr = '';
  readonly exited: Promise<number | null>;

  constructor(readonly name: string, private readonly process: ChildProcess) {
    process.on('message', (reply: Reply) => {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve(reply);
      } else this.replies.push(reply);
    });
    process.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
  }

  /** The next reply, or an error with the child's stderr if it exits first. */
  async next(): Promise<Reply> {
    const queued = this.replies.shift();
    if (queued) return queued;
    const reply = new Promise<Reply>((resolve) => {
      this.waiting = resolve;
    });
    const exit = this.exited.then((code) => {
      throw new Error(`${this.name} exited (code ${code}):\n${this.stderr.trim()}`);
    });
    return Promise.race([reply, exit]);
  }

  async ask(command: Command): Promise<Reply> {
    this.process.send(command);
    return this.next();
  }

  kill(): void {
    this.process.kill();
  }
}

/**
 * Take turns over the passes: in every round each tool gets a fresh pinned child process that
 * reads the pages, warms up and runs one timed pass, alone on the machine (idle children kept
 * alive beside the timed one slowed it down by up to three times). Then print (and record) the table.
 */
async function parent(): Promise<void> {
  const names = tools().map((t) => t.name).filter((n) => !values.only || values.only.split(',').includes(n));
  const loadBefore = loadavg();
  const start = (name: string): Child => {
    const args = ['--expose-gc', join(here, 'speed.js'), corpus, '--child', name];
    if (values.limit) args.push('--limit', values.limit);
    if (values.scorer) args.push('--scorer', values.scorer);
    const [command, commandArgs] = nodeOnOneCore(args);
    return new Child(name, spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }));
  };
  // Per tool: the first round's figures (with its scores), then every round's pass and peak RSS.
  const measured = new Map<string, Measured>();
  const failed = new Set<string>();
  // Each parser's end-to-end run and its parse-only run go back to back, so that the engine's
  // cost is read from two runs minutes apart at most, not from medians of different rounds.
  const units = names.reduce<string[][]>((out, name) => {
    const partner = PAIRS.get(name) ?? [...PAIRS].find(([, parseOnly]) => parseOnly === name)?.[0];
    const unit = partner !== undefined ? out.find((u) => u.includes(partner)) : undefined;
    if (unit) unit.push(name);
    else out.push([name]);
    return out;
  }, []);
  for (let pass = 0; pass < passes; pass++) {
    // Rotate the order so that no tool always runs right after the same one; a pair swaps its order each round.
    const order = units.flatMap((_, i) => {
      const unit = units[(i + pass) % units.length];
      return pass % 2 === 0 ? unit : [...unit].reverse();
    });
    for (const name of order) {
      if (failed.has(name) || (pass > 0 && ONE_PASS.has(name))) continue;
      const child = start(name);
      try {
        await child.next();
        await child.ask({ do: 'warm-up' });
        const reply = (await child.ask({ do: 'pass', round: pass })) as { passMs: number };
        const round = ((await child.ask({ do: 'finish', score: pass === 0 })) as { measured: Measured }).measured;
        const sofar = measured.get(name);
        if (sofar === undefined) measured.set(name, round);
        else {
          sofar.passMs.push(...round.passMs);
          sofar.pairMs?.push(...(round.pairMs ?? []));
          sofar.peakRssMb = Math.max(sofar.peakRssMb, round.peakRssMb);
        }
        await child.exited;
        process.stderr.write(`${name}: pass ${pass + 1}, ${(reply.passMs / 1000).toFixed(2)} s\n`);
      } catch (error) {
        process.stderr.write(`speed: ${name} failed: ${(error as Error).message}\n`);
        failed.add(name);
        measured.delete(name);
        child.kill();
      }
    }
  }
  const results = names.flatMap((name) => {
    const m = measured.get(name);
    if (m === undefined) return [];
    return [{ ...m, medianMs: middle(m.passMs) }];
  });
  const loadAfter = loadavg();
  const table = render(results, { pinned: CAN_PIN, loadBefore, loadAfter });
  console.log(table);
  if (values.record) recordSection('speed', table);
}

function render(results: Array<Measured & { medianMs: number }>, run: { pinned: boolean; loadBefore: number[]; loadAfter: number[] }): string {
  const byName = new Map(results.map((r) => [r.tool, r]));
  const mbps = (r: Measured & { medianMs: number }) => r.bytes / MB / (r.medianMs / 1000);
  const reference = byName.get('readability+linkedom');
  const first = results[0];
  const f1 = (v: number | undefined) => (v === undefined ? '' : v.toFixed(3));
  const rows = results.filter((r) => r.pairMs === undefined).map((r) => {
    const ratio = reference ? `${(mbps(r) / mbps(reference)).toFixed(1)}x` : '';
    const tool = r.passMs.length !== passes ? `${r.tool} (${r.passMs.length} pass${r.passMs.length === 1 ? '' : 'es'})` : r.tool;
    return `| ${tool} | ${(r.pages / (r.medianMs / 1000)).toFixed(1)} | ${mbps(r).toFixed(1)} | ${ratio} | ${r.peakRssMb.toFixed(0)} (${r.baselineRssMb.toFixed(0)}) | ${f1(r.wordsF1)} | ${f1(r.shinglesF1)} | ${r.failed} |`;
  });
  // The engine's cost on top of parsing: each pair of processes run back to back, round by round, and the paired process.
  const costs: string[] = [];
  const percents = (shares: number[]) => shares.map((x) => `${x.toFixed(0)}%`).join(', ');
  for (const [endToEndName, parseOnlyName] of PAIRS) {
    const endToEnd = byName.get(endToEndName);
    const parseOnly = byName.get(parseOnlyName);
    if (!endToEnd || !parseOnly || endToEnd.passMs.length !== parseOnly.passMs.length) continue;
    const shares = endToEnd.passMs.map((ms, i) => (100 * (ms - parseOnly.passMs[i])) / parseOnly.passMs[i]);
    const rounds = endToEnd.passMs.map((ms, i) => `${(ms / 1000).toFixed(2)} vs ${(parseOnly.passMs[i] / 1000).toFixed(2)}`).join('; ');
    costs.push(`| \`${endToEndName}\` against \`${parseOnlyName}\`, two processes back to back | ${middle(shares).toFixed(0)}% | ${percents(shares)} | ${rounds} |`);
  }
  const paired = byName.get(PAIRED);
  if (paired?.pairMs && paired.pairMs.length > 0) {
    const shares = paired.pairMs.map(([parse, endToEnd]) => (100 * (endToEnd - parse)) / parse);
    const rounds = paired.pairMs.map(([parse, endToEnd]) => `${(endToEnd / 1000).toFixed(2)} vs ${(parse / 1000).toFixed(2)}`).join('; ');
    const failures = paired.failed > 0 ? ` (${paired.failed} pages failed in one of the two)` : '';
    costs.push(`| \`winnow\` and \`parse only: fast\` paired in one process, page by page${failures} | ${middle(shares).toFixed(0)}% | ${percents(shares)} | ${rounds} |`);
  }
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
  return [
    `## Speed on ${first ? first.pages : 0} pages (${first ? (first.bytes / MB).toFixed(1) : 0} MB) of \`${corpus.split('/').slice(-2).join('/')}\``,
    '',
    `${machine()}. Load average (1, 5, 15 min) before: ${load(run.loadBefore)}; after: ${load(run.loadAfter)}.`,
    `Command: \`${commandLine()}\`.`,
    `${passes} round${passes === 1 ? '' : 's'}; in each, every tool alone in a fresh process${run.pinned ? ' pinned to one core (taskset -c 0)' : ''}, pages in memory, a warm-up over ${Math.round(WARM_UP_SHARE * 100)}% of the pages, one timed pass. Median pass; MB = 10^6 bytes of raw HTML.`,
    'Peak RSS: the largest maximum resident set of the tool\'s processes; in brackets the RSS with the corpus loaded, before the tool ran. F1: macro-averaged over pages by ../shared/tools/score.mjs.',
    '',
    '| tool | pages/s | MB/s | vs Readability+linkedom | peak RSS MB (corpus loaded) | words F1 | shingles F1 | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    ...(costs.length === 0
      ? []
      : [
          '',
          '| engine cost on top of parsing (share of the parse-only time) | median | rounds | winnow vs parse only, seconds per pass |',
          '|---|---:|---|---|',
          ...costs,
        ]),
  ].join('\n');
}

if (values.child !== undefined) await child(values.child);
else await parent();
