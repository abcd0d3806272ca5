/**
 * One page as the learner sees it: its tree, what the rules already in force (defaults and the
 * outlet's own) leave of it, and, with gold text, a ledger of which words a removal would cost.
 */
import type { Element, Root, Text } from 'hast';
import type { Block } from '../kernel/engine/blocks.js';
import { SKIP_TAGS } from '../kernel/engine/blocks.js';
import { runRules, type EngineResult } from '../kernel/engine/run.js';
import { countWords } from '../kernel/text/words.js';
import { detectType, toHast, type InputType } from '../kernel/parse/index.js';
import type { LoadedRule } from '../kernel/rules/parse.js';
import { GoldLedger } from '../eval/gold-words.js';
import { exactKey, nameKey, shapeKey } from './normalise.js';
import { isNamingClass, isStableName } from './stable-names.js';

/** A document to learn from. */
export interface LearnDocument {
  /** A name for messages and examples (the path, or the manifest id). */
  id: string;
  content: string;
  type?: InputType;
  path?: string;
  url?: string;
  /** The gold text: what a clean copy of the page keeps. */
  gold?: string;
  /** The article's fields as known (a gold fields file): the learner finds where the page gives its title. */
  known?: KnownFields;
}

/** An article's fields as known from outside the page. */
export interface KnownFields {
  title?: string;
  authors?: string[];
  date?: string;
}

/** What the learner knows of one block. */
export interface PageBlock {
  block: Block;
  /** The block's text after the rules in force, or undefined when they removed it. */
  kept: string | undefined;
  exact: string;
  shape: string;
  names: string;
  words: number;
  /** Words inside links (`<a>`): rails and menus are mostly links. */
  linkWords: number;
  /** Tag name of the block's container (`p`, `li`, `h2`, ...). */
  tag: string;
  /** The nearest element around the block with an id or class, as `#id` or `.class` (`page` if none). */
  region: string;
}

export interface LearnPage {
  doc: LearnDocument;
  type: InputType;
  tree: Root;
  /** The engine's result with the rules in force only. */
  base: EngineResult;
  blocks: PageBlock[];
  /** Text node -> index of the block it belongs to. */
  blockOf: Map<Text, number>;
  title?: string;
  ledger?: GoldLedger;
}

/** Parse a document and run the rules in force over it. */
export function preparePage(doc: LearnDocument, baseRules: readonly LoadedRule[]): LearnPage {
  const type = doc.type ?? detectType(doc.content, doc.path);
  return pageOf(doc, type, toHast(doc.content, type), baseRules);
}

/** A page parsed already (its tree), with the rules in force run over it. */
export function pageOf(doc: LearnDocument, type: InputType, tree: Root, baseRules: readonly LoadedRule[]): LearnPage {
  const base = runRules(tree, baseRules);
  const { inLink, region } = walk(tree);
  const blockOf = new Map<Text, number>();
  const blocks: PageBlock[] = base.view.blocks.map((block) => {
    let linkWords = 0;
    for (const t of block.texts) {
      blockOf.set(t, block.index);
      if (inLink.has(t)) linkWords += countWords(t.value);
    }
    const kept = base.kept[block.index];
    const text = kept ?? block.text;
    return {
      block,
      kept,
      exact: exactKey(text),
      shape: shapeKey(text),
      names: nameKey(text),
      words: countWords(text),
      linkWords,
      tag: block.container.type === 'element' ? block.container.tagName : 'root',
      region: block.container.type === 'element' ? region.get(block.container) ?? PAGE_REGION : PAGE_REGION,
    };
  });
  const page: LearnPage = { doc, type, tree, base, blocks, blockOf, title: base.view.title };
  if (doc.gold !== undefined) page.ledger = ledgerOf(base, doc.gold);
  return page;
}

/** Region of blocks outside any element with an id or class. */
export const PAGE_REGION = 'page';

/** Text nodes inside `<a>` elements, and each element's region (nearest id or class, itself included). */
function walk(tree: Root): { inLink: Set<Text>; region: Map<Element, string> } {
  const inLink = new Set<Text>();
  const region = new Map<Element, string>();
  const stack: Array<{ node: Root | Element; link: boolean; label: string }> = [{ node: tree, link: false, label: PAGE_REGION }];
  while (stack.length > 0) {
    const { node, link, label } = stack.pop()!;
    for (const child of node.children) {
      if (child.type === 'text') {
        if (link) inLink.add(child);
      } else if (child.type === 'element' && !SKIP_TAGS.has(child.tagName)) {
        const own = labelOf(child) ?? label;
        region.set(child, own);
        stack.push({ node: child, link: link || child.tagName === 'a', label: own });
      }
    }
  }
  return { inLink, region };
}

/**
 * `#id`, else `.class` (the first that names what the element holds), for an element that has
 * one; a name a build tool made up (`.ArticleModuleText_content__xeMdj`, `#comment-204960`) is no
 * label: the element is in its parent's region, and no rule is named after it.
 */
export function labelOf(element: Element): string | undefined {
  const id = element.properties?.id;
  if (typeof id === 'string' && id.trim() !== '' && isStableName(id.trim())) return `#${id.trim()}`;
  const classes = element.properties?.className;
  const named = Array.isArray(classes) ? classes.find((c) => typeof c === 'string' && isNamingClass(c)) : undefined;
  return named === undefined ? undefined : `.${String(named)}`;
}

/** What the search for the article reads of a page: its tree, gold, and a run of the rules in force. */
export type ArticlePage = Pick<LearnPage, 'doc' | 'type' | 'tree' | 'base' | 'ledger'>;

/** The page with `rules` run over its tree again (not parsed again), for the search for the article. */
export function rerun(page: ArticlePage, rules: readonly LoadedRule[]): ArticlePage {
  const base = runRules(page.tree, rules);
  return {
    doc: page.doc,
    type: page.type,
    tree: page.tree,
    base,
    ...(page.doc.gold !== undefined ? { ledger: ledgerOf(base, page.doc.gold) } : {}),
  };
}

/** The gold words against what a run of the rules kept. */
export function ledgerOf(run: EngineResult, gold: string): GoldLedger {
  return new GoldLedger(run.kept.filter((t): t is string => t !== undefined), gold);
}
