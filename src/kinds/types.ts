/**
 * The contract between the engine and a rule kind.
 *
 * A kind decides; the engine removes and accounts. A kind never touches the tree: block kinds
 * return a `Decision` for one block, element kinds name the elements they match.
 */
import type { Element, Root } from 'hast';
import type { Block } from '../engine/blocks.js';

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
  /** The document's tree (read-only), for kinds that weigh a block against the page. */
  tree: Root;
  /** Every block of the document, in order. */
  blocks: readonly Block[];
  /** The block being decided on. */
  block: Block;
  /** The block's current text (after earlier inline strips). */
  text: string;
  /** Whether a block has been removed already. */
  isRemoved(index: number): boolean;
}

export interface BlockMatcher {
  level: 'block';
  decide(context: BlockContext): Decision | null;
}

/** What an element kind may know when it selects: which elements earlier rules claimed. */
export interface ElementContext {
  /** Whether an earlier element rule claimed this element itself (not its ancestors). */
  isClaimed(element: Element): boolean;
}

export interface ElementMatcher {
  level: 'element';
  /** Every element of the tree the rule matches, in document order. */
  select(tree: Root, context: ElementContext): Element[];
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
