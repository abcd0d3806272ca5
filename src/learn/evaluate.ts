/**
 * What one candidate rule would remove from each page, on top of the rules in force, and what
 * that would cost against gold. The candidate is decided by the engine's own claim step and
 * decision loop, after every rule in force, on the page's prepared walk and blocks, so that
 * hundreds of candidates cost one parse per page.
 */
import type { Element, Text } from 'hast';
import { SKIP_TAGS } from '../kernel/engine/blocks.js';
import { decideBlocks, isBlockRule } from '../kernel/engine/decide.js';
import { claimElements, UNCLAIMED } from '../kernel/engine/run.js';
import { tokens } from '../kernel/text/words.js';
import type { LoadedRule } from '../kernel/rules/parse.js';
import type { LearnPage } from './page.js';

/** What a candidate removes from one page. */
export interface PageEffect {
  page: number;
  /** Removed text, one entry per block (whole or in part). */
  texts: string[];
  /** Index of the block each text was removed from. */
  blocks: number[];
  /** Words of each text. */
  counts: number[];
  words: number;
  /** Gold words lost (0 without gold). */
  lost: number;
}

export interface Effect {
  /** Pages where the candidate removed at least one word. */
  pages: PageEffect[];
  words: number;
  lost: number;
  /** Share of removed words not in gold; undefined without gold. */
  precision?: number;
  /** The candidate would remove a page's headline: it removes nothing that counts. */
  headline?: boolean;
}

export function evaluate(rule: LoadedRule, pages: readonly LearnPage[]): Effect {
  const effects: PageEffect[] = [];
  // One list for every page: the engine compiles an element rule's CSS once per list.
  const alone = [rule];
  let headline = false;
  pages.forEach((page, index) => {
    const removed = rule.matcher.level === 'element' ? elementRemovals(alone, page) : blockRemovals(rule, page);
    // The headline is the article's title line (or, for the body alone, the title rule's removal): never a learned rule's.
    if (page.base.title !== undefined && removed.some((r) => r.block === page.base.title)) headline = true;
    const counts = removed.map((r) => tokens(r.text).length);
    const words = counts.reduce((n, c) => n + c, 0);
    if (words === 0) return;
    const lost = page.ledger ? page.ledger.cost(removed.flatMap((r) => tokens(r.text))) : 0;
    effects.push({ page: index, texts: removed.map((r) => r.text), blocks: removed.map((r) => r.block), counts, words, lost });
  });
  return headline ? { pages: [], words: 0, lost: 0, headline } : summarise(effects, pages.some((p) => p.ledger !== undefined));
}

export function summarise(effects: PageEffect[], withGold: boolean): Effect {
  const words = effects.reduce((n, e) => n + e.words, 0);
  const lost = effects.reduce((n, e) => n + e.lost, 0);
  return { pages: effects, words, lost, ...(withGold ? { precision: words === 0 ? 1 : 1 - lost / words } : {}) };
}

/** A removed text and the index of its block. */
interface Removed {
  block: number;
  text: string;
}

/** Texts of the blocks a block rule would remove, decided by the engine's loop after the rules in force. */
function blockRemovals(rule: LoadedRule, page: LearnPage): Removed[] {
  if (!isBlockRule(rule)) return [];
  const { blocks, page: scanned } = page.base.view;
  const out: Removed[] = [];
  decideBlocks(scanned, blocks, [...page.base.kept], [rule], { fields: page.base.fields, keepTitle: true, ...(page.base.title !== undefined ? { title: page.base.title } : {}) }, {
    title: () => {},
    removed: (_rule, block, text) => out.push({ block, text }),
    cut: (_rule, block, before, _after, ranges) => out.push({ block, text: ranges.map(([s, e]) => before.slice(s, e)).join(' ') }),
  });
  return out;
}

/**
 * Texts an element rule would remove: the engine's claim step, after the claims of the rules in
 * force, names the elements; their text in blocks still kept, but for kept ones, is what goes.
 */
function elementRemovals(alone: readonly LoadedRule[], page: LearnPage): Removed[] {
  const { page: scanned } = page.base.view;
  const claims = page.base.claims.slice();
  claimElements(scanned, alone, claims);
  const inside = new Set<Text>();
  for (let at = 1; at < claims.length; at++) {
    if (claims[at] >= 0 && page.base.claims[at] === UNCLAIMED) collectTexts(scanned.nodes[at] as Element, inside);
  }
  const out: Removed[] = [];
  for (const pb of page.blocks) {
    // A removed block stays removed; a kept one (`keep`) stays kept whatever claims it.
    if (pb.kept === undefined || pb.block.keptBy !== undefined) continue;
    const texts = pb.block.texts.filter((t) => inside.has(t));
    if (texts.length === 0) continue;
    out.push({ block: pb.block.index, text: texts.length === pb.block.texts.length ? pb.kept : texts.map((t) => t.value).join('') });
  }
  return out;
}

function collectTexts(root: Element, into: Set<Text>): void {
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.children) {
      if (child.type === 'text') into.add(child);
      else if (child.type === 'element' && !SKIP_TAGS.has(child.tagName)) stack.push(child);
    }
  }
}
