/**
 * The contract between the engine and a rule kind.
 *
 * A kind decides; the engine removes and accounts. A kind never touches the tree: block kinds
 * return a `Decision` for one block, element kinds name the elements they match.
 */
import type { Block } from '../engine/blocks.js';
import type { Page } from '../engine/page.js';

/** JSON Schema for a kind's own keys (an object schema's `properties` and `required`). */
export interface KindSchema {
  properties: Record<string, JsonSchema>;
  required: string[];
}

export type JsonSchema = Record<string, unknown>;

export interface KindMeta {
  /** Name of the kind as it appears in reports ("pattern", "caption", ...). */
  name: string;
  /** One line for docs and the editor schema. */
  description: string;
  /** Whether the kind decides on whole elements or on text blocks. */
  level: 'element' | 'block';
  /** The kind's own keys. */
  schema: KindSchema;
  /**
   * The kind removes what surrounds the article (`main-content`): taking most of a web page's
   * words is its job, so reports do not warn of its rule dominance; the over-removal warning
   * still shows a page it emptied. Default: false.
   */
  surroundings?: boolean;
}

/** Raised by `compile` for a bad option; `key` names the offending key so the loader can place it. */
export class OptionError extends Error {
  constructor(
    message: string,
    readonly key: (string | number)[],
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** What a block kind asks the engine to do with a block. */
export type Decision =
  /** Remove the block; `also` lists further block indices to remove with it (caption's alt text). */
  | { drop: 'block'; detail?: string; also?: number[] }
  /** Remove the block and every block after it. */
  | { drop: 'rest'; detail?: string }
  /** Remove the given [start, end) character ranges of the block's current text. */
  | { drop: 'inline'; detail?: string; ranges: Array<[number, number]> };

export interface BlockContext {
  /** The document's page (its tree and the engine's walk of it), read-only. */
  page: Page;
  /** Every block of the document, in order. */
  blocks: readonly Block[];
  /** The block being decided on. */
  block: Block;
  /** The block's current text (after earlier inline strips). */
  text: string;
  /** Whether a block has been removed already. */
  isRemoved(index: number): boolean;
  /**
   * The rule's own value for this document: `make()` the first time the rule asks, the same value
   * after that (a kind that weighs the whole page once, such as `link-density`).
   */
  memo<T>(make: () => T): T;
}

export interface BlockMatcher {
  level: 'block';
  decide(context: BlockContext): Decision | null;
}

/** What an element kind may know when it selects: which elements earlier rules claimed. */
export interface ElementContext {
  /** Whether an earlier element rule claimed the element at this page position itself (not its ancestors). */
  isClaimed(at: number): boolean;
}

export interface ElementMatcher {
  level: 'element';
  /**
   * The page positions (`Page.nodes`) of every element the rule matches, in document order. It
   * may leave out the elements earlier rules claimed and everything inside them: the outermost
   * claim takes a subtree whole, so a claim there would change nothing.
   */
  select(page: Page, context: ElementContext): number[];
  /**
   * The CSS selector list (hast-util-select semantics) that selects exactly what `select` does,
   * when there is one: the engine then matches all such rules in one walk instead of calling
   * `select` once per rule.
   */
  css?: string;
}

export type Matcher = BlockMatcher | ElementMatcher;

export interface RuleKind<Options = Record<string, unknown>> {
  meta: KindMeta;
  /** Does a rule with these keys belong to this kind? (Keys are the rule's own, already validated.) */
  claims(rule: Record<string, unknown>): boolean;
  /** Build the matcher once per rule set; throw `OptionError` for a bad option. */
  compile(options: Options): Matcher;
}
