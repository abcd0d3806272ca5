/** What the learner's generators propose, and what they all need to know of the pages. */
import { stringify } from 'yaml';
import { parseRuleFile, type LoadedRule } from '../kernel/rules/parse.js';
import { tokens } from '../kernel/text/words.js';
import type { LearnOptions } from './options.js';
import type { LearnPage, PageBlock } from './page.js';

/** The kind of structure a candidate came from (and the section of the output it goes in). */
export type Source = 'content' | 'keep' | 'title' | 'selector' | 'rest' | 'caption' | 'pattern' | 'text';

/** Order of sources in the proposed file: where the article is, what of it stays whole, where its title is, elements, markers, captions, patterns, texts. */
export const SOURCE_ORDER: readonly Source[] = ['content', 'keep', 'title', 'selector', 'rest', 'caption', 'pattern', 'text'];

export interface Candidate {
  /** A readable id; made unique against the rules in force and the other candidates later. */
  id: string;
  description: string;
  /** The rule's matcher keys as they will be written (`text`, `pattern`, `selector`, `drop`, ...). */
  rule: Record<string, unknown>;
  source: Source;
  /**
   * Whether the generator's structural checks vouch for the candidate. Without gold only vouched
   * candidates are proposed; with gold, any candidate whose precision is high enough is.
   */
  vouched: boolean;
  /**
   * Learned with gold from the page's structure (an element's names), not from its text: may be
   * proposed from a single page, as nothing in it quotes the page.
   */
  structural?: boolean;
  /** Variants to try, in order, when this one is rejected (a caption without its alt-text line). */
  alternatives?: Candidate[];
}

/** Where one key (at some level) occurs: the pages, and each occurrence. */
export interface KeyStats {
  pages: Set<number>;
  occurrences: Array<{ page: number; block: PageBlock }>;
}

export interface LearnContext {
  pages: LearnPage[];
  options: LearnOptions;
  /** Pages a candidate must fire in. */
  required: number;
  /** Pages a structural candidate learned with gold must fire in (it may be one). */
  requiredStructural: number;
  withGold: boolean;
  exact: Map<string, KeyStats>;
  shape: Map<string, KeyStats>;
  names: Map<string, KeyStats>;
}

/** Count, for every key at every level, the pages its kept blocks occur on. */
export function indexKeys(pages: readonly LearnPage[]): Pick<LearnContext, 'exact' | 'shape' | 'names'> {
  const exact = new Map<string, KeyStats>();
  const shape = new Map<string, KeyStats>();
  const names = new Map<string, KeyStats>();
  const add = (map: Map<string, KeyStats>, key: string, page: number, block: PageBlock) => {
    let stats = map.get(key);
    if (!stats) map.set(key, (stats = { pages: new Set(), occurrences: [] }));
    stats.pages.add(page);
    stats.occurrences.push({ page, block });
  };
  pages.forEach((page, p) => {
    for (const block of page.blocks) {
      if (block.kept === undefined || block.words === 0) continue;
      add(exact, block.exact, p, block);
      add(shape, block.shape, p, block);
      add(names, block.names, p, block);
    }
  });
  return { exact, shape, names };
}

/** Whether a kept block recurs: its exact text is on two pages or more. */
export function recurs(context: LearnContext, block: PageBlock): boolean {
  return (context.exact.get(block.exact)?.pages.size ?? 0) >= 2;
}

/**
 * What removing these occurrences would take: their words, and of those the words the pages'
 * gold keeps (`lost`, 0 without gold), counted page by page as the ledger counts them.
 */
export function removalCost(context: LearnContext, occurrences: KeyStats['occurrences']): { words: number; lost: number } {
  const byPage = new Map<number, string[]>();
  for (const o of occurrences) {
    const list = byPage.get(o.page) ?? [];
    list.push(...tokens(o.block.kept!));
    byPage.set(o.page, list);
  }
  let words = 0;
  let lost = 0;
  for (const [page, removed] of byPage) {
    words += removed.length;
    lost += context.pages[page].ledger?.cost(removed) ?? 0;
  }
  return { words, lost };
}

/** The rule as written in the file: id and description first, then the matcher keys. */
export function ruleObject(id: string, candidate: Pick<Candidate, 'description' | 'rule'>): Record<string, unknown> {
  return { id, description: candidate.description, ...candidate.rule };
}

/** Compile one candidate through the rule loader, as a one-rule file of the outlet. */
export function compile(outlet: string, id: string, candidate: Pick<Candidate, 'description' | 'rule'>): LoadedRule | undefined {
  const source = stringify({ outlet, rules: [ruleObject(id, candidate)] });
  const { file } = parseRuleFile(source, `(learned ${outlet})`, { expectOutlet: outlet });
  return file?.rules[0];
}
