/**
 * The ceiling of learning per host on Dragnet: rules learned with gold from all of a host's pages
 * and scored on those same pages (in-sample: no fold holds any page out), against the defaults
 * alone. What the learner with gold reaches on the pages it saw bounds what it, or the learner
 * without gold, can reach on pages it did not see; and the gap it closes is the share of
 * `(1 - defaults)` a held-out bench could close at most with these kinds of rules.
 *
 * The region oracle asks the same of any rules that select by the names an outlet's template
 * gives its elements (the rules `winnow learn` may write: no position, no made-up name): each
 * block's region is its nearest element with a stable id or class and its own tag, and per
 * region the oracle decides, with gold, to remove it, keep it whole, or leave it to the defaults,
 * choosing what scores best on the pages it may see. On the pages it chose from it is an
 * in-sample bound; chosen on the other folds (5-fold by page, as bench/learn.ts), it is what
 * rules of that form could reach on pages they were not learned from.
 *
 *   npm run bench:build && node build/bench/learn-ceiling.js [CORPUS] [--min-pages 5] [--record]
 *
 * Reads CORPUS (default ../shared/corpus/dragnet-train) in place. `--record` writes the
 * `learn-ceiling` section of bench/RESULTS.md.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clean } from '../src/kernel/clean.js';
import { runRules } from '../src/kernel/engine/run.js';
import { toHast } from '../src/kernel/parse/index.js';
import { tokens } from '../src/kernel/text/words.js';
import { renderRuleFile } from '../src/learn/emit.js';
import { learnOutlet } from '../src/learn/learn.js';
import { helpsMost } from '../src/learn/judge.js';
import { preparePage } from '../src/learn/page.js';
import { loadRules } from '../src/io/rules.js';
import { DEFAULT_CORPUS, readDragnet, type Page } from './dragnet.js';
import { machine } from './machine.js';
import { commandLine, recordSection } from './record.js';
import { loadScorer } from './scorer.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { record: { type: 'boolean', default: false }, 'min-pages': { type: 'string', default: '5' }, rules: { type: 'string', default: 'rules' } } });
const corpus = resolve(positionals[0] ?? DEFAULT_CORPUS);
const scorer = await loadScorer(corpus);
const minPages = Number(values['min-pages']);
const scratch = mkdtempSync(join(tmpdir(), 'winnow-ceiling-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
copyFileSync(join(resolve(values.rules), 'default.yaml'), join(scratch, 'default.yaml'));
mkdirSync(join(scratch, 'outlets'));
const defaults = loadRules(scratch);

const byHost = new Map<string, Page[]>();
for (const page of readDragnet(corpus)) if (page.host) byHost.set(page.host, [...(byHost.get(page.host) ?? []), page]);
const hosts = [...byHost].filter(([, pages]) => pages.length >= minPages).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
const rows: Array<{ host: string; pages: number; base: number; learned: number; bound: number; blocks: number; regions: number; heldOut: number; safe: number; removalsOnly: number }> = [];
/** Folds of the held-out region oracle, by page (page i is in fold i % FOLDS), as bench/learn.ts. */
const FOLDS = 5;

/** What a rule naming an element can decide of a region: remove it, keep it whole, or leave it to the defaults. */
type Decision = 'remove' | 'keep' | 'defaults';
interface RegionBlock {
  region: string;
  whole: string;
  /** The block after the defaults (undefined: they remove it). */
  cleaned: string | undefined;
  wholeWords: string[];
  cleanedWords: string[];
}
interface RegionPage {
  blocks: RegionBlock[];
  gold: string;
  goldBag: Map<string, number>;
  goldWords: number;
}

function regionPage(html: string, gold: string): RegionPage {
  const page = preparePage({ id: '', content: html, type: 'html' }, defaults.forOutlet(undefined).rules);
  const goldBag = new Map<string, number>();
  const goldTokens = tokens(gold);
  for (const w of goldTokens) goldBag.set(w, (goldBag.get(w) ?? 0) + 1);
  const blocks = page.blocks.map((b) => ({ region: `${b.region} ${b.tag}`, whole: b.block.text, cleaned: b.kept, wholeWords: tokens(b.block.text), cleanedWords: b.kept === undefined ? [] : tokens(b.kept) }));
  return { blocks, gold, goldBag, goldWords: goldTokens.length };
}

function regionText(page: RegionPage, choice: ReadonlyMap<string, Decision>): string {
  const kept: string[] = [];
  for (const b of page.blocks) {
    const decision = choice.get(b.region) ?? 'defaults';
    const text = decision === 'remove' ? undefined : decision === 'keep' ? b.whole : b.cleaned;
    if (text !== undefined) kept.push(text);
  }
  return kept.join('\n\n');
}

/** Words F1 as score.mjs counts it (multiset overlap), without joining the text. */
function regionF1(page: RegionPage, choice: ReadonlyMap<string, Decision>): number {
  const bag = new Map<string, number>();
  let n = 0;
  for (const b of page.blocks) {
    const decision = choice.get(b.region) ?? 'defaults';
    for (const w of decision === 'remove' ? [] : decision === 'keep' ? b.wholeWords : b.cleanedWords) {
      bag.set(w, (bag.get(w) ?? 0) + 1);
      n++;
    }
  }
  let overlap = 0;
  for (const [w, c] of bag) overlap += Math.min(c, page.goldBag.get(w) ?? 0);
  return n + page.goldWords === 0 ? 1 : (2 * overlap) / (n + page.goldWords);
}

/**
 * Per region seen on two pages or more, the decision that scores best on `pages` (the mean words
 * F1 of the pages it occurs on), by coordinate ascent from "leave it to the defaults": three
 * sweeps over the regions, each trying every decision in `decisions`. `safe`: a decision is
 * taken only when it helps more of those pages than it hurts, as the learner takes a rule.
 */
function chooseRegions(pages: readonly RegionPage[], decisions: readonly Decision[], safe = false): Map<string, Decision> {
  const on = new Map<string, RegionPage[]>();
  for (const page of pages) for (const region of new Set(page.blocks.map((b) => b.region))) on.set(region, [...(on.get(region) ?? []), page]);
  const choice = new Map<string, Decision>();
  for (let sweep = 0; sweep < 3; sweep++) {
    for (const [region, its] of on) {
      if (its.length < 2) continue;
      const current = choice.get(region) ?? 'defaults';
      let best = current;
      const before = its.map((p) => regionF1(p, choice));
      let bestF1 = mean(before);
      for (const decision of decisions) {
        if (decision === current) continue;
        choice.set(region, decision);
        const after = its.map((p) => regionF1(p, choice));
        const f1 = mean(after);
        if (f1 > bestF1 + 1e-9 && (!safe || helpsMost(before, after))) [best, bestF1] = [decision, f1];
      }
      choice.set(region, best);
    }
  }
  return choice;
}

/** Each page scored with region decisions chosen on the other folds' pages. */
function heldOut(pages: readonly RegionPage[], decisions: readonly Decision[], safe = false): number[] {
  const k = Math.min(FOLDS, pages.length);
  const scores: number[] = [];
  for (let fold = 0; fold < k; fold++) {
    const choice = chooseRegions(pages.filter((_, i) => i % k !== fold), decisions, safe);
    pages.forEach((page, i) => {
      if (i % k === fold) scores[i] = scorer.scorePair(regionText(page, choice), page.gold).words.f1;
    });
  }
  return scores;
}
const ALL: Decision[] = ['remove', 'keep', 'defaults'];

/**
 * What any rules deciding block by block could keep at best: of the page's blocks (before any
 * rule), those most of whose words are gold words (counted against what the gold still has left).
 */
function bestBlocks(html: string, gold: string): string {
  const left = new Map<string, number>();
  for (const word of tokens(gold)) left.set(word, (left.get(word) ?? 0) + 1);
  const kept: string[] = [];
  for (const text of runRules(toHast(html, 'html'), []).kept) {
    if (text === undefined) continue;
    const words = tokens(text);
    const inGold = words.filter((w) => (left.get(w) ?? 0) > 0).length;
    if (words.length === 0 || inGold * 2 <= words.length) continue;
    for (const w of words) if ((left.get(w) ?? 0) > 0) left.set(w, left.get(w)! - 1);
    kept.push(text);
  }
  return kept.join('\n\n');
}
for (const [host, pages] of hosts) {
  const docs = pages.map((p) => ({ id: p.id, content: p.html, gold: p.gold, type: 'html' as const }));
  const proposal = learnOutlet({ outlet: host, documents: docs, ruleSet: defaults });
  writeFileSync(join(scratch, 'outlets', 'ceiling.yaml'), renderRuleFile({ outlet: 'ceiling', hosts: [], disable: proposal.disable, comment: ' ceiling' }, proposal.rules.map((r) => r)).replace(/^outlet: .*$/m, 'outlet: ceiling'));
  const learned = loadRules(scratch);
  const base: number[] = [];
  const withFile: number[] = [];
  const bound: number[] = [];
  const blocks: number[] = [];
  for (const doc of docs) {
    blocks.push(scorer.scorePair(bestBlocks(doc.content, doc.gold), doc.gold).words.f1);
    const words = scorer.scorePair(clean({ content: doc.content, type: 'html' }, { rules: defaults }).text, doc.gold).words;
    base.push(words.f1);
    bound.push(words.recall === 0 ? 0 : (2 * words.recall) / (1 + words.recall));
    withFile.push(scorer.scorePair(clean({ content: doc.content, type: 'html', outlet: 'ceiling' }, { rules: learned }).text, doc.gold).words.f1);
  }
  const regionPages = docs.map((doc) => regionPage(doc.content, doc.gold));
  const inSample = chooseRegions(regionPages, ALL);
  const regions = mean(regionPages.map((page) => scorer.scorePair(regionText(page, inSample), page.gold).words.f1));
  rows.push({ host, pages: docs.length, base: mean(base), learned: mean(withFile), bound: mean(bound), blocks: mean(blocks), regions, heldOut: mean(heldOut(regionPages, ALL)), safe: mean(heldOut(regionPages, ALL, true)), removalsOnly: mean(heldOut(regionPages, ['remove', 'defaults'])) });
  process.stderr.write(`${host.padEnd(36)} ${mean(base).toFixed(3)} ${mean(withFile).toFixed(3)}\n`);
}
const base = mean(rows.map((r) => r.base));
const learned = mean(rows.map((r) => r.learned));
const bound = mean(rows.map((r) => r.bound));
const blockBound = mean(rows.map((r) => r.blocks));
const regions = mean(rows.map((r) => r.regions));
const heldOutRegions = mean(rows.map((r) => r.heldOut));
const removalsOnly = mean(rows.map((r) => r.removalsOnly));
const safeRegions = mean(rows.map((r) => r.safe));
const worstHeldOut = [...rows].sort((a, b) => a.heldOut - a.base - (b.heldOut - b.base))[0];
const worstSafe = [...rows].sort((a, b) => a.safe - a.base - (b.safe - b.base))[0];
const gap = (x: number) => `${((100 * (x - base)) / (1 - base)).toFixed(0)}%`;
const markdown = [
  `## The ceiling of learning per host (\`${corpus.split('/').slice(-2).join('/')}\`)`,
  '',
  `${machine()}.`,
  `Command: \`${commandLine()}\`.`,
  `Every host with ${minPages} or more pages (${rows.length} hosts, ${rows.reduce((n, r) => n + r.pages, 0)} pages): rules learned with gold from all its pages (\`learnOutlet\`, as \`winnow learn --gold\`: a content rule, kept elements, inner removals, defaults switched off) and scored on the same pages. Words F1 of ../shared/tools/score.mjs, mean over a host's pages, then over hosts; "gap closed" is (F1 - defaults) / (1 - defaults).`,
  '',
  '| rules | words F1 | gap closed |',
  '|---|---:|---:|',
  `| the defaults alone | ${base.toFixed(3)} | 0% |`,
  `| removal rules at best (every word the defaults keep that is not gold removed; nothing brought back) | ${bound.toFixed(3)} | ${gap(bound)} |`,
  `| defaults + rules learned with gold, on the pages they were learned from | ${learned.toFixed(3)} | ${gap(learned)} |`,
  `| any rules deciding block by block, at best: the page's blocks most of whose words are gold | ${blockBound.toFixed(3)} | ${gap(blockBound)} |`,
  `| region oracle, chosen on the same pages: per region (nearest stable id or class, and tag) remove it, keep it whole or leave it to the defaults | ${regions.toFixed(3)} | ${gap(regions)} |`,
  `| region oracle, chosen with gold on the other folds (${FOLDS}-fold by page), scored on the held-out page | ${heldOutRegions.toFixed(3)} | ${gap(heldOutRegions)} |`,
  `| the same, removing or leaving to the defaults only (what removal rules can say) | ${removalsOnly.toFixed(3)} | ${gap(removalsOnly)} |`,
  `| host the held-out region oracle does worst on: ${worstHeldOut.host} | ${worstHeldOut.heldOut.toFixed(3)} | Δ ${(worstHeldOut.heldOut - worstHeldOut.base).toFixed(3)} |`,
  `| region oracle held out, each decision taken only when it helps more of the pages it was chosen on than it hurts (as the learner takes a rule) | ${safeRegions.toFixed(3)} | ${gap(safeRegions)} |`,
  `| host that one does worst on: ${worstSafe.host} | ${worstSafe.safe.toFixed(3)} | Δ ${(worstSafe.safe - worstSafe.base).toFixed(3)} |`,
  '',
  '| hosts where in-sample learning does worst | pages | defaults | learned in-sample |',
  '|---|---:|---:|---:|',
  ...[...rows].sort((a, b) => a.learned - a.base - (b.learned - b.base)).slice(0, 5).map((r) => `| ${r.host} | ${r.pages} | ${r.base.toFixed(3)} | ${r.learned.toFixed(3)} |`),
].join('\n');
process.stdout.write(`${markdown}\n`);
if (values.record) recordSection('learn-ceiling', markdown);
