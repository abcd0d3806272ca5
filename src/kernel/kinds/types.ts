/**
 * The contract between the engine and a rule kind.
 *
 * A kind decides; the engine removes and accounts. A kind never touches the tree and never sees
 * the engine's internals: element kinds read a `PageView` (the engine's one walk of the page, as
 * flat read-only columns) and name the elements they match; block kinds return a `Decision` for
 * one block, seen as a `BlockInfo`. The engine's own page and blocks satisfy these views.
 */
import type { Element, Parent, Root } from 'hast';
import type { FieldName, FieldReading } from './fields.js';

/** JSON Schema for a kind's own keys (an object schema's `properties` and `required`). */
export interface KindSchema {
  properties: Record<string, JsonSchema>;
  required: string[];
}

export type JsonSchema = Record<string, unknown>;

export interface KindMeta {
  /**
   * Name of the kind, as it appears in reports, and the key that picks it in a rule file
   * (`pattern: ...` makes a `pattern` rule).
   */
  name: string;
  /** One line for docs and the editor schema. */
  description: string;
  /** Whether the kind decides on whole elements or on text blocks, or reads the page's fields (and removes nothing). */
  level: 'element' | 'block' | 'page';
  /** The kind's own keys (its `name` among them). */
  schema: KindSchema;
  /**
   * The kind removes what surrounds the article (`main-content`): taking most of a web page's
   * words is its job, so reports do not warn of its rule dominance; the over-removal warning
   * still shows a page it emptied. Default: false.
   */
  surroundings?: boolean;
  /** A worked example: the docs show it, and one test runs every kind's. */
  example: KindExample;
}

/** A rule of a kind at work on a small document. */
export interface KindExample {
  /** The rules, as the `rules:` list of a rule file (YAML): the kind's rule, and any it needs beside it. */
  rules: string;
  /** The document: plain text or HTML. */
  text?: string;
  html?: string;
  /** Text the rules remove, and text they keep. */
  drops: string[];
  keeps: string[];
  /** Fields of the article the rules read. */
  fields?: Partial<Record<FieldName, string | string[]>>;
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

/**
 * The page as a kind sees it: every element a reader could see, in document order, in flat
 * columns indexed by position (entry 0 is the root). Read-only: a kind must not write to them.
 */
export interface PageView {
  readonly tree: Root;
  /** Elements in document order; entry 0 is the root. */
  readonly nodes: ReadonlyArray<Element | Root>;
  /** Parent position of each node (-1 for the root). */
  readonly parent: Int32Array;
  /** One past the last position inside each node's subtree. */
  readonly end: Int32Array;
  /** Position of the block-level node that owns each node's text (itself, if it is block-level). */
  readonly owner: Int32Array;
  /** Words, link words and commas of the text each block-level node owns directly. */
  readonly ownWords: Int32Array;
  readonly ownLinkWords: Int32Array;
  readonly ownCommas: Int32Array;
  /** Words and link words of each node's whole subtree. */
  readonly words: Int32Array;
  readonly linkWords: Int32Array;
  /**
   * Class names and id of each node as interned word ids (text/class-words.ts): node i's are
   * `wordIds[wordStart[i]]` up to (not including) `wordIds[wordStart[i + 1]]`.
   */
  readonly wordStart: Int32Array;
  readonly wordIds: Int32Array;
  /** The text of the page's `<title>`, whitespace collapsed, if it has one. */
  readonly title?: string;
  /** What the page says of itself outside its text: `<meta>`, `<link>`, JSON-LD, `<html lang>`. */
  readonly head: PageHead;
}

/** What a page says of itself outside its text, as the walk found it. */
export interface PageHead {
  /** `<meta>` elements, in `<head>` or not, in document order. */
  meta: Element[];
  /** `<link>` elements. */
  links: Element[];
  /** Texts of `<script type="application/ld+json">` elements. */
  jsonLd: string[];
  /** `<html lang>`, when given. */
  lang?: string;
}

/** One block (a run of text a reader sees as one paragraph) as a kind sees it. */
export interface BlockInfo {
  /** Position in reading order, from 0. */
  readonly index: number;
  /** The block's original text, whitespace collapsed. */
  readonly text: string;
  /** Words of `text`. */
  readonly words: number;
  /** Words of the block's text nodes each counted on its own, and of those inside links (`a` with `href`). */
  readonly nodeWords: number;
  readonly linkWords: number;
  /** The parent of the block's container: blocks of containers with the same parent form one group. */
  readonly group: Parent | undefined;
  /** Tag name of the block's container (`p`, `h1`, `li`, ...; empty for text at the top of the document). */
  readonly tag: string;
  /** Index of the rule that keeps the block whole (`keep`): no rule removes it or cuts it. */
  readonly keptBy?: number;
}

/** What a block kind asks the engine to do with a block. */
export type Decision =
  /** Remove the block; `also` lists further block indices to remove with it (caption's alt text). */
  | { drop: 'block'; detail?: string; also?: number[] }
  /** Remove the given [start, end) character ranges of the block's current text. */
  | { drop: 'inline'; detail?: string; ranges: Array<[number, number]> };

export interface BlockContext {
  /** The page, read-only. */
  page: PageView;
  /** The article's fields as the page's metadata gives them (before any block is decided), read-only. */
  fields: Readonly<Partial<Record<FieldName, { value: string | string[] }>>>;
  /** Every block of the document, in order. */
  blocks: readonly BlockInfo[];
  /** The block being decided on. */
  block: BlockInfo;
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
  /** For a kind that finds the article (`findArticle`): what it found on this page. */
  article?: ArticleFound;
}

/** The elements that hold the article, as a `content` rule found them, and how (the selector that matched). */
export interface ArticleFound {
  at: number[];
  detail: string;
}

export interface ElementMatcher {
  level: 'element';
  /**
   * The page positions (`PageView.nodes`) of every element the rule matches, in document order.
   * It may leave out the elements earlier rules claimed and everything inside them: the outermost
   * claim takes a subtree whole, so a claim there would change nothing.
   */
  select(page: PageView, context: ElementContext): number[];
  /**
   * Why the rule selected the element at `at` (one `select` returned on this page), for the
   * removal's `detail`: the class name and pattern that matched, the selector of a list, the
   * attribute that hides it. Asked only for elements the rule claimed.
   */
  why?(page: PageView, at: number): string | undefined;
  /**
   * The CSS selector list (hast-util-select semantics) that selects exactly what `select` does,
   * when there is one: the engine then matches all such rules in one walk instead of calling
   * `select` once per rule.
   */
  css?: string;
  /**
   * For a kind that says where the article is (`content`): the elements holding it on this page,
   * or undefined when it finds none. The first rule that finds the article stands in for the
   * kinds that look for it (`surroundings`), and `select` then gets what it found; a rule that
   * finds nothing is stale on the page, and the others apply as if it were not there.
   */
  findArticle?(page: PageView): ArticleFound | undefined;
  /**
   * The rule keeps what it selects (`keep`): no rule removes those elements or any text inside
   * them, whatever claims an element around them.
   */
  keeps?: boolean;
}

/** A kind that reads the article's fields from the page and removes nothing (`metadata`). */
export interface PageMatcher {
  level: 'page';
  read(page: PageView): FieldReading[];
}

export type Matcher = BlockMatcher | ElementMatcher | PageMatcher;

export interface RuleKind<Options = Record<string, unknown>> {
  meta: KindMeta;
  /** Build the matcher once per rule set; throw `OptionError` for a bad option. */
  compile(options: Options): Matcher;
}
