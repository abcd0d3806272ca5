/**
 * Learning with gold what the rules in force take from an outlet's article: `keep` rules for the
 * elements, named by a stable id or class, whose text the outlet's clean copy keeps and the rules
 * remove (a comment thread the gold keeps, a fact box the defaults read as a rail, a table).
 *
 * Candidates are the named elements around the blocks the rules remove, ranked by the gold words
 * a keep would bring back less the other words it would bring with them (`gold-blocks.ts` says
 * which blocks are gold); the best few are run through the engine with the outlet's rules, and
 * one is taken when it raises the pages' mean words F1 and helps more pages than it hurts
 * (`judge.ts`). Then the next, with it in force, while one does.
 */
import type { Element } from 'hast';
import { runRules, type EngineResult } from '../kernel/engine/run.js';
import type { LoadedRule } from '../kernel/rules/parse.js';
import { tokens } from '../kernel/text/words.js';
import { compile, ruleObject, type Candidate } from './candidate.js';
import { fresh } from './fresh.js';
import { markGold } from './gold-blocks.js';
import { helpsMost, mean, pageF1s, runF1 } from './judge.js';
import type { Evidence, LearnedRule } from './learn.js';
import { shorten } from './normalise.js';
import { labelOf, ledgerOf, type ArticlePage } from './page.js';
import { IDENT } from './stable-names.js';

/** At most this many keep rules per outlet. */
const MAX_KEEPS = 3;
/** Candidates run through the engine in each round (the best by their tally). */
const TRIED = 6;
/** A keep is taken when it raises the pages' mean words F1 by this much. */
const MIN_GAIN = 0.002;
/** Characters of each example kept in comments. */
const EXAMPLE_CHARS = 100;

interface Tally {
  /** Gold words the rules remove inside the element, and the other words they remove there, per page. */
  gold: Map<number, number>;
  other: Map<number, number>;
}

/** A learned keep rule, loaded as the outlet's file would hold it. */
export interface LearnedKeep {
  rule: LearnedRule;
  loaded: LoadedRule;
}

/**
 * Keep rules for `pages` (those with gold count) cleaned with `rules`, in the order they were
 * taken, named apart from the ids in `taken`. A candidate must bring gold back on `minSupport` of
 * the pages with gold (one at least).
 */
export function learnKeeps(outlet: string, pages: readonly ArticlePage[], rules: readonly LoadedRule[], minSupport: number, taken: ReadonlySet<string>, at: string): LearnedKeep[] {
  const scored = pages.filter((p) => p.type === 'html' && p.doc.gold !== undefined);
  if (scored.length === 0) return [];
  const required = Math.max(1, Math.ceil(minSupport * scored.length - 1e-9));
  const out: LearnedKeep[] = [];
  let inForce = [...rules];
  const tried = new Set<string>();
  const ids = new Set(taken);
  while (out.length < MAX_KEEPS) {
    const runs = scored.map((page) => runRules(page.tree, inForce));
    const scores = runs.map((run, p) => runF1(run, scored[p].doc.gold!));
    const candidates = rank(runs.map((run, p) => ({ run, gold: scored[p].doc.gold! })), required).filter((css) => !tried.has(css)).slice(0, TRIED);
    let best: { css: string; loaded: LoadedRule; scores: number[] } | undefined;
    for (const css of candidates) {
      tried.add(css);
      const loaded = compile(outlet, fresh(idOf(css), ids), candidateFor(css));
      if (!loaded) continue;
      const next = pageF1s(scored, [...inForce, loaded]);
      if (mean(next) < mean(scores) + MIN_GAIN || !helpsMost(scores, next)) continue;
      if (!best || mean(next) > mean(best.scores)) best = { css, loaded, scores: next };
    }
    if (!best) break;
    ids.add(best.loaded.id);
    out.push({ loaded: best.loaded, rule: evidenceOf(best.loaded, best.css, scored, runs, at) });
    inForce = [...inForce, best.loaded];
  }
  return out;
}

/**
 * The selectors (`#id`, `.class`) of the named elements around removed blocks, best first: by
 * the gold words less the other words a keep would bring back, over the pages where it brings
 * back more gold than not, which must be `required` pages or more.
 */
function rank(runs: ReadonlyArray<{ run: EngineResult; gold: string }>, required: number): string[] {
  const tallies = new Map<string, Tally>();
  runs.forEach(({ run, gold }, p) => {
    const { page, blocks } = run.view;
    const marks = markGold(blocks.map((b) => b.text), gold);
    const words = ` ${blocks.map((b) => wordsOf(b.text)).join(' ')} `;
    blocks.forEach((block, b) => {
      if (run.kept[b] !== undefined || marks.words[b] === 0) return;
      const seen = new Set<string>();
      for (let at = block.at; at > 0; at = page.parent[at]) {
        const node = page.nodes[at];
        if (node.type !== 'element') continue;
        const label = labelOf(node as Element);
        if (label === undefined || seen.has(label) || !IDENT.test(label.slice(1)) || quotes(label, words)) continue;
        seen.add(label);
        let tally = tallies.get(label);
        if (!tally) tallies.set(label, (tally = { gold: new Map(), other: new Map() }));
        const side = marks.gold[b] ? tally.gold : tally.other;
        side.set(p, (side.get(p) ?? 0) + marks.words[b]);
      }
    });
  });
  const worth = [...tallies].flatMap(([css, tally]) => {
    const helped = runs.map((_, p) => (tally.gold.get(p) ?? 0) - (tally.other.get(p) ?? 0)).filter((net) => net > 0);
    return helped.length >= required ? [{ css, net: helped.reduce((n, x) => n + x, 0) }] : [];
  });
  return worth.sort((a, b) => b.net - a.net || a.css.localeCompare(b.css)).map((w) => w.css);
}

/** Lower-case words, one space apart. */
function wordsOf(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Whether a name is made of the page's own words (`#sonderklausel-beim-hausrecht`, the anchor of a
 * subheading): it names one article's text, not a place in the outlet's template.
 */
function quotes(label: string, pageWords: string): boolean {
  const name = wordsOf(label.slice(1).replace(/([a-z])([A-Z])/g, '$1 $2'));
  return name.includes(' ') && pageWords.includes(` ${name} `);
}

function idOf(css: string): string {
  return `keep-${css.slice(1).replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'element'}`;
}

function candidateFor(css: string): Pick<Candidate, 'description' | 'rule'> {
  return { description: `\`${css}\` is the outlet's text (the gold keeps it) where the other rules remove it: kept whole.`, rule: { keep: css } };
}

/**
 * The keep rule with its evidence: the words it keeps that the rules without it remove (`before`:
 * their run on each page), and how much of that is gold.
 */
function evidenceOf(loaded: LoadedRule, css: string, pages: readonly ArticlePage[], before: readonly EngineResult[], at: string): LearnedRule {
  const id = loaded.id;
  let words = 0;
  let gold = 0;
  const missed: string[] = [];
  const examples: string[] = [];
  let fired = 0;
  pages.forEach((page, p) => {
    const after = runRules(page.tree, [...before[p].rules, loaded]);
    const index = after.rules.length - 1;
    // The two runs may cut blocks apart differently (a kept element is a block of its own): what
    // comes back is told by text nodes, not block numbers.
    const removed = new Set(before[p].view.blocks.filter((b) => before[p].kept[b.index] === undefined).flatMap((b) => b.texts));
    const back = after.view.blocks.filter((b) => b.keptBy === index && b.texts.some((t) => removed.has(t))).map((b) => b.text);
    if (back.length === 0) {
      missed.push(page.doc.id);
      return;
    }
    fired++;
    const backWords = back.flatMap((text) => tokens(text));
    words += backWords.length;
    gold += ledgerOf(before[p], page.doc.gold ?? '').regain(backWords);
    if (examples.length < 3) examples.push(shorten(back[0], EXAMPLE_CHARS));
  });
  const precision = words === 0 ? 1 : Math.round((gold / words) * 1000) / 1000;
  const evidence: Evidence = { pages: fired, seen: pages.length, ...(missed.length > 0 ? { missed } : {}), words, examples, precision, keeps: true };
  return {
    id,
    source: 'keep',
    rule: { ...ruleObject(id, candidateFor(css)), learned: { support: `${fired}/${pages.length}`, precision, at } },
    evidence,
  };
}
