/**
 * What one candidate rule would remove from each page, on top of the rules in force, and what
 * that would cost against gold. The candidate is decided the way the engine decides it (its
 * compiled matcher, after every rule in force), but on the page's prepared block view, so that
 * hundreds of candidates cost one parse per page.
 */
import type { Element, Root, Text } from 'hast';
import { SKIP_TAGS } from '../kernel/engine/blocks.js';
import { tokens } from '../kernel/text/words.js';
import type { BlockContext } from '../kernel/kinds/types.js';
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
}

export function evaluate(rule: LoadedRule, pages: readonly LearnPage[]): Effect {
  const effects: PageEffect[] = [];
  pages.forEach((page, index) => {
    const removed = rule.matcher.level === 'element' ? elementRemovals(rule, page) : blockRemovals(rule, page);
    const counts = removed.map((r) => tokens(r.text).length);
    const words = counts.reduce((n, c) => n + c, 0);
    if (words === 0) return;
    const lost = page.ledger ? page.ledger.cost(removed.flatMap((r) => tokens(r.text))) : 0;
    effects.push({ page: index, texts: removed.map((r) => r.text), blocks: removed.map((r) => r.block), counts, words, lost });
  });
  return summarise(effects, pages.some((p) => p.ledger !== undefined));
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

/** Texts of the blocks a block rule would remove, after the rules in force. */
function blockRemovals(rule: LoadedRule, page: LearnPage): Removed[] {
  if (rule.matcher.level !== 'block') return [];
  const { blocks } = page.base.view;
  const current = [...page.base.kept];
  const out: Removed[] = [];
  const remove = (i: number) => {
    const text = current[i];
    if (text === undefined) return;
    out.push({ block: i, text });
    current[i] = undefined;
  };
  let memo: { value: unknown } | undefined;
  const context: BlockContext = {
    page: page.base.view.page,
    blocks,
    block: blocks[0],
    text: '',
    isRemoved: (i) => current[i] === undefined,
    memo: <T>(make: () => T): T => (memo ??= { value: make() }).value as T,
  };
  for (let i = 0; i < blocks.length; i++) {
    const text = current[i];
    if (text === undefined) continue;
    if (rule.scope && !rule.scope(i, blocks.length)) continue;
    context.block = blocks[i];
    context.text = text;
    const decision = rule.matcher.decide(context);
    if (decision === null) continue;
    if (decision.drop === 'rest') {
      for (let j = i; j < blocks.length; j++) remove(j);
      break;
    }
    if (decision.drop === 'block') {
      remove(i);
      for (const j of decision.also ?? []) remove(j);
    } else {
      out.push({ block: i, text: decision.ranges.map(([s, e]) => text.slice(s, e)).join(' ') });
    }
  }
  return out;
}

/** Texts a selector rule would remove: the text inside the elements it matches, in blocks still kept. */
function elementRemovals(rule: LoadedRule, page: LearnPage): Removed[] {
  if (rule.matcher.level !== 'element') return [];
  const inside = new Set<Text>();
  const { page: scanned, claimed } = page.base.view;
  const claimedElements = new Set<Element | Root>(claimed.map((c) => c.element));
  const isClaimed = (at: number) => claimedElements.has(scanned.nodes[at]);
  for (const at of rule.matcher.select(scanned, { isClaimed })) collectTexts(scanned.nodes[at] as Element, inside);
  const out: Removed[] = [];
  for (const pb of page.blocks) {
    if (pb.kept === undefined) continue;
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
