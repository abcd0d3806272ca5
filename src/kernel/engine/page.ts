/**
 * The engine's one walk over a document's tree: every element and text node a reader could see,
 * in document order, in flat columns that rules and the block reader read instead of walking the
 * tree again.
 *
 * Elements inside `SKIP_TAGS` (scripts, styles, `<head>`, embedded documents) are left out
 * together with the skipping element. For each element kept: its parent, the extent of its
 * subtree, its place among its parent's elements (for CSS paths), whether it starts a block, the
 * words, link words and commas of the text it owns (text belongs to the nearest block-level
 * ancestor, so a paragraph's links and emphasis count for the paragraph), and its class names
 * and id as interned word ids. The walk itself is recorded as a sequence of events (element
 * opened, closed, text), from which `readBlocks` builds the blocks for any set of claims without
 * touching the tree.
 *
 * A page is made once per document and handed to the kinds through their context; nothing here is
 * cached behind the tree (a cache keyed by the tree keeps every tree alive through the young
 * generation's collections, which copied them from page to page).
 */
import type { Element, Root, Text } from 'hast';
import type { Position } from 'unist';
import { collapseWhitespace, TextMeasure } from '../text/words.js';
import type { PageHead, PageView } from '../kinds/types.js';
import { beginPage, wordId } from '../text/class-words.js';

/** Elements whose content starts and ends a block (CSS `display: block`-like in browsers). */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
  'menu', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose content is never shown as text (scripts, styles, embedded documents, head). */
export const SKIP_TAGS = new Set([
  'head', 'script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'select', 'textarea', 'audio', 'video',
]);

/** How an element takes part in the block layout (`Page.role`): its text flows with its parent's... */
export const INLINE = 0;
/** ...it starts and ends a block... */
export const BLOCK = 1;
/** ...or it is a `<br>`, which ends the block being read. */
export const BREAK = 2;
/** What the walk does with an element by tag name: a role, or skip it and its content. */
const SKIP = 3;
const TAG_ROLE = new Map<string, number>([
  ...[...BLOCK_TAGS].map((tag): [string, number] => [tag, BLOCK]),
  ...[...SKIP_TAGS].map((tag): [string, number] => [tag, SKIP]),
  ['br', BREAK],
]);

/**
 * Events of the walk (`Page.events`): the low two bits say what happened, the rest is a position
 * (an element's in `nodes`, a text's in `texts`). A `<br>` has an open event only.
 */
export const OPEN = 0;
export const CLOSE = 1;
export const TEXT = 2;
export const EVENT_BITS = 2;

/** `Page.textFlags`: the text is inside a link (`a` with `href`)... */
export const IN_LINK = 1;
/** ...it holds something besides whitespace... */
export const NON_SPACE = 2;
/** ...it starts with a word character, or ends with one (see `TextMeasure`)... */
export const STARTS_IN_WORD = 4;
export const ENDS_IN_WORD = 8;
/** ...or it may make one character with the text next to it (a split surrogate pair). */
export const SPLITS_PAIR = 16;

/** The engine's walk of a page: the columns kinds see (`PageView`), and what the block reader needs besides. */
export interface Page extends PageView {
  tree: Root;
  /** Elements in document order; entry 0 is the root. */
  nodes: Array<Element | Root>;
  /** Parent position of each node (-1 for the root). */
  parent: Int32Array;
  /** One past the last position inside each node's subtree. */
  end: Int32Array;
  /** Its place among its parent's element children, from 1 (CSS `:nth-child`), counting skipped ones. */
  nth: Int32Array;
  /** Each node's role (`INLINE`, `BLOCK`, `BREAK`) (the root is a block). */
  role: Uint8Array;
  /** Position of the block-level node that owns each node's text (itself, if it is block-level). */
  owner: Int32Array;
  /** Words, link words and commas of the text each block-level node owns directly. */
  ownWords: Int32Array;
  ownLinkWords: Int32Array;
  ownCommas: Int32Array;
  /** Words and link words of each node's whole subtree. */
  words: Int32Array;
  linkWords: Int32Array;
  /**
   * Class names and id of each node as interned word ids (class-words.ts): node i's are
   * `wordIds[wordStart[i]]` up to (not including) `wordIds[wordStart[i + 1]]`.
   */
  wordStart: Int32Array;
  wordIds: Int32Array;
  /** Where each node starts and ends in the source, when the parser recorded it. */
  positions: Array<Position | undefined>;
  /** Text nodes outside skipped elements, in document order. */
  texts: Text[];
  /**
   * Their values as blocks read them: a text of whitespace only is a single space (a block's
   * whitespace is collapsed to one space anyway), so reading blocks never needs to look at it.
   */
  values: string[];
  /** Words of each text. */
  textWords: Int32Array;
  /** What else is known of each text (`IN_LINK`, `NON_SPACE`, ...). */
  textFlags: Uint8Array;
  /** The walk, in order (see `OPEN`, `CLOSE`, `TEXT`). */
  events: Int32Array;
  /** The text of the first `<title>` in `<head>`, whitespace collapsed, if any. */
  title?: string;
}

/**
 * Scratch columns the walk fills, kept from document to document and grown as needed, so that a
 * page costs one exact-size copy of each column instead of arrays regrown element by element.
 */
const scratch = {
  elements: 0,
  textWords: new Int32Array(0),
  parent: new Int32Array(0),
  end: new Int32Array(0),
  nth: new Int32Array(0),
  role: new Uint8Array(0),
  owner: new Int32Array(0),
  ownWords: new Int32Array(0),
  ownLinkWords: new Int32Array(0),
  ownCommas: new Int32Array(0),
  wordStart: new Int32Array(0),
  texts: 0,
  textFlags: new Uint8Array(0),
  events: 0,
  eventList: new Int32Array(0),
};
/** Columns start at this many entries. */
const FIRST_CAPACITY = 4096;

function capacityFor(needed: number, current: number): number {
  let capacity = Math.max(current, FIRST_CAPACITY);
  while (capacity < needed) capacity *= 2;
  return capacity;
}

function widen<T extends Int32Array | Uint8Array>(column: T, capacity: number): T {
  const wider = new (column.constructor as { new (n: number): T })(capacity);
  wider.set(column);
  return wider;
}

function growElements(needed: number): void {
  const capacity = capacityFor(needed, scratch.elements);
  scratch.parent = widen(scratch.parent, capacity);
  scratch.end = widen(scratch.end, capacity);
  scratch.nth = widen(scratch.nth, capacity);
  scratch.role = widen(scratch.role, capacity);
  scratch.owner = widen(scratch.owner, capacity);
  scratch.ownWords = widen(scratch.ownWords, capacity);
  scratch.ownLinkWords = widen(scratch.ownLinkWords, capacity);
  scratch.ownCommas = widen(scratch.ownCommas, capacity);
  scratch.wordStart = widen(scratch.wordStart, capacity);
  scratch.elements = capacity;
}

function growTexts(needed: number): void {
  const capacity = capacityFor(needed, scratch.texts);
  scratch.textWords = widen(scratch.textWords, capacity);
  scratch.textFlags = widen(scratch.textFlags, capacity);
  scratch.texts = capacity;
}

function growEvents(needed: number): void {
  const capacity = capacityFor(needed, scratch.events);
  scratch.eventList = widen(scratch.eventList, capacity);
  scratch.events = capacity;
}

/** Walk `tree` once and return its page. */
export function scanPage(tree: Root): Page {
  beginPage();
  if (scratch.elements < 2) growElements(2);
  let { parent, end, nth, role, owner, ownWords, ownLinkWords, ownCommas, wordStart, textWords, textFlags, eventList } = scratch;
  const nodes: Array<Element | Root> = [tree];
  const positions: Array<Position | undefined> = [tree.position];
  const texts: Text[] = [];
  const values: string[] = [];
  const measure = new TextMeasure();
  const wordIds: number[] = [];
  let title: string | undefined;
  const head: PageHead = { meta: [], links: [], jsonLd: [] };
  let events = 0;
  parent[0] = -1;
  end[0] = 0;
  nth[0] = 0;
  role[0] = BLOCK;
  owner[0] = 0;
  ownWords[0] = 0;
  ownLinkWords[0] = 0;
  ownCommas[0] = 0;
  wordStart[0] = 0;
  wordStart[1] = 0;

  // The walk's stack as parallel arrays (node, its position, next child, element children seen,
  // inside a link), so that stepping into an element allocates nothing.
  const stack: Array<Element | Root> = [tree];
  const stackAt: number[] = [0];
  const stackNext: number[] = [0];
  const stackElements: number[] = [0];
  const stackInLink: boolean[] = [false];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const { children } = stack[top];
    const from = stackAt[top];
    if (stackNext[top] >= children.length) {
      end[from] = nodes.length;
      if (from !== 0) {
        if (events + 1 > scratch.events) ({ eventList } = (growEvents(events + 1), scratch));
        eventList[events++] = (from << EVENT_BITS) | CLOSE;
      }
      stack.pop();
      stackAt.pop();
      stackNext.pop();
      stackElements.pop();
      stackInLink.pop();
      continue;
    }
    const child = children[stackNext[top]++];
    if (child.type === 'text') {
      const k = texts.length;
      if (k + 1 > scratch.texts) ({ textWords, textFlags } = (growTexts(k + 1), scratch));
      if (events + 1 > scratch.events) ({ eventList } = (growEvents(events + 1), scratch));
      texts.push(child);
      eventList[events++] = (k << EVENT_BITS) | TEXT;
      const inLink = stackInLink[top];
      const { value } = child;
      measure.measure(value);
      const n = measure.words;
      values.push(measure.nonSpace || value === '' ? value : ' ');
      textWords[k] = n;
      textFlags[k] =
        (inLink ? IN_LINK : 0) |
        (measure.nonSpace ? NON_SPACE : 0) |
        (measure.startsInWord ? STARTS_IN_WORD : 0) |
        (measure.endsInWord ? ENDS_IN_WORD : 0) |
        (measure.splitsPair ? SPLITS_PAIR : 0);
      if (n === 0 && measure.commas === 0) continue;
      const at = owner[from];
      ownWords[at] += n;
      ownCommas[at] += measure.commas;
      if (inLink) ownLinkWords[at] += n;
      continue;
    }
    if (child.type !== 'element') continue;
    const ordinal = ++stackElements[top];
    const tag = child.tagName;
    const kind = TAG_ROLE.get(tag) ?? INLINE;
    if (kind === SKIP) {
      if (tag === 'head') {
        title ??= titleOf(child);
        readHead(child, head);
      } else if (tag === 'script') {
        addJsonLd(child, head);
      }
      continue;
    }
    if (kind === INLINE && (tag === 'meta' || tag === 'link')) (tag === 'meta' ? head.meta : head.links).push(child);
    const at = nodes.length;
    if (at + 2 > scratch.elements) {
      growElements(at + 2);
      ({ parent, end, nth, role, owner, ownWords, ownLinkWords, ownCommas, wordStart } = scratch);
    }
    if (events + 1 > scratch.events) ({ eventList } = (growEvents(events + 1), scratch));
    eventList[events++] = (at << EVENT_BITS) | OPEN;
    nodes.push(child);
    positions.push(child.position);
    parent[at] = from;
    end[at] = at + 1;
    nth[at] = ordinal;
    role[at] = kind;
    owner[at] = kind === BLOCK ? at : owner[from];
    ownWords[at] = 0;
    ownLinkWords[at] = 0;
    ownCommas[at] = 0;
    addNames(child, wordIds);
    wordStart[at + 1] = wordIds.length;
    if (kind === BREAK) continue;
    stack.push(child);
    stackAt.push(at);
    stackNext.push(0);
    stackElements.push(0);
    stackInLink.push(stackInLink[top] || (tag === 'a' && child.properties.href !== undefined));
  }

  const n = nodes.length;
  const page: Page = {
    tree,
    nodes,
    parent: parent.slice(0, n),
    end: end.slice(0, n),
    nth: nth.slice(0, n),
    role: role.slice(0, n),
    owner: owner.slice(0, n),
    ownWords: ownWords.slice(0, n),
    ownLinkWords: ownLinkWords.slice(0, n),
    ownCommas: ownCommas.slice(0, n),
    words: ownWords.slice(0, n),
    linkWords: ownLinkWords.slice(0, n),
    wordStart: wordStart.slice(0, n + 1),
    wordIds: Int32Array.from(wordIds),
    positions,
    texts,
    values,
    textWords: textWords.slice(0, texts.length),
    textFlags: textFlags.slice(0, texts.length),
    events: eventList.slice(0, events),
    ...(title !== undefined ? { title } : {}),
    head,
  };
  if (tree.children.length > 0) {
    const html = tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'html');
    const lang = html?.properties.lang;
    if (typeof lang === 'string' && lang.trim() !== '') head.lang = lang.trim();
  }
  const { words, linkWords } = page;
  for (let i = n - 1; i > 0; i--) {
    words[page.parent[i]] += words[i];
    linkWords[page.parent[i]] += linkWords[i];
  }
  return page;
}




/**
 * CSS paths of positions ("html:nth-child(1) > body:nth-child(2) > p:nth-child(5)"), each
 * ancestor's part made once per page (removals of neighbouring blocks share their ancestors).
 */
export class PagePaths {
  private readonly known: Array<string | undefined>;
  constructor(private readonly page: Page) {
    this.known = new Array(page.nodes.length);
    this.known[0] = '';
  }

  of(at: number): string {
    const { known } = this;
    let path = known[at];
    if (path !== undefined) return path;
    // Climb to the nearest ancestor with a known path, then come down making each part.
    const chain: number[] = [];
    for (let i = at; known[i] === undefined; i = this.page.parent[i]) chain.push(i);
    path = known[this.page.parent[chain[chain.length - 1]]]!;
    for (let c = chain.length - 1; c >= 0; c--) {
      const i = chain[c];
      const part = `${(this.page.nodes[i] as Element).tagName}:nth-child(${this.page.nth[i]})`;
      path = path === '' ? part : `${path} > ${part}`;
      known[i] = path;
    }
    return path;
  }
}

/** Push the interned ids of an element's class names and id words. */
function addNames(element: Element, out: number[]): void {
  const { className, id } = element.properties;
  if (Array.isArray(className)) {
    for (const name of className) if (typeof name === 'string' && name !== '') out.push(wordId(name));
  } else if (typeof className === 'string') {
    addWords(className, out);
  }
  if (typeof id === 'string' && id !== '') addWords(id, out);
}

function addWords(value: string, out: number[]): void {
  if (!SPACE.test(value)) {
    out.push(wordId(value));
    return;
  }
  for (const word of value.split(SPACES)) if (word !== '') out.push(wordId(word));
}

const SPACE = /\s/;
const SPACES = /\s+/;

/** `<meta>`, `<link>` and JSON-LD scripts of a `<head>` (and of what it nests, such as `<noscript>`), in document order. */
function readHead(head: Element, into: PageHead): void {
  const pending: Element[] = [head];
  while (pending.length > 0) {
    const element = pending.pop()!;
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i];
      if (child.type === 'element') pending.push(child);
    }
    if (element.tagName === 'meta') into.meta.push(element);
    else if (element.tagName === 'link') into.links.push(element);
    else if (element.tagName === 'script') addJsonLd(element, into);
  }
}

/** The text of a `<script type="application/ld+json">`. */
function addJsonLd(script: Element, into: PageHead): void {
  const type = script.properties.type;
  if (typeof type !== 'string' || !/^\s*application\/ld\+json\s*$/i.test(type)) return;
  let text = '';
  for (const child of script.children) if (child.type === 'text') text += child.value;
  if (text.trim() !== '') into.jsonLd.push(text);
}

/** The text of a `<title>` directly in `<head>`. */
function titleOf(head: Element): string | undefined {
  for (const child of head.children) {
    if (child.type === 'element' && child.tagName === 'title') {
      const value = child.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      return collapseWhitespace(value) || undefined;
    }
  }
  return undefined;
}
