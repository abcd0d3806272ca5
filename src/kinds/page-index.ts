/**
 * One walk over a page, shared by the kinds that select elements (main content, class-id, tags,
 * hidden): every element in document order with its parent, the extent of its subtree, the
 * words, link words and commas of the text it owns, and its class names. Computed once per tree
 * (cached) and kept in flat typed arrays, so a kind that needs the figures reads them instead of
 * walking the tree again.
 *
 * "Owns" follows the engine's blocks: text belongs to the nearest block-level ancestor (a `p`,
 * `div`, `li`, ...), so the text of a paragraph's links and emphasis counts for the paragraph.
 */
import type { Element, Root } from 'hast';
import { BLOCK_TAGS, SKIP_TAGS } from '../engine/blocks.js';
import { countWords } from '../engine/words.js';
import { beginPage, wordId, type WordTest } from './class-words.js';

export interface PageIndex {
  /** Elements in document order; entry 0 is the root. */
  nodes: Array<Element | Root>;
  /** Parent position of each node (-1 for the root). */
  parent: Int32Array;
  /** One past the last position inside each node's subtree. */
  end: Int32Array;
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
}

const cache = new WeakMap<Root, PageIndex>();

/** The index of `tree` (built on first use, then cached for the tree's lifetime). */
export function pageIndex(tree: Root): PageIndex {
  let index = cache.get(tree);
  if (!index) {
    index = buildIndex(tree);
    cache.set(tree, index);
  }
  return index;
}

/** Whether any class name or the id of node `i` passes `test`. */
export function anyWord(index: PageIndex, i: number, test: WordTest): boolean {
  const { wordStart, wordIds } = index;
  for (let k = wordStart[i], stop = wordStart[i + 1]; k < stop; k++) if (test.matches(wordIds[k])) return true;
  return false;
}

/** Whether nodes `a` and `b` have the same class names and id, in the same order (and some). */
export function sameNames(index: PageIndex, a: number, b: number): boolean {
  const { wordStart, wordIds } = index;
  const length = wordStart[a + 1] - wordStart[a];
  if (length === 0 || length !== wordStart[b + 1] - wordStart[b]) return false;
  for (let k = 0; k < length; k++) if (wordIds[wordStart[a] + k] !== wordIds[wordStart[b] + k]) return false;
  return true;
}

/**
 * Scratch columns the walk fills, kept from page to page and grown as needed, so that a page
 * costs one exact-size copy of each column instead of arrays regrown element by element.
 */
const scratch = {
  capacity: 0,
  parent: new Int32Array(0),
  owner: new Int32Array(0),
  end: new Int32Array(0),
  ownWords: new Int32Array(0),
  ownLinkWords: new Int32Array(0),
  ownCommas: new Int32Array(0),
  wordStart: new Int32Array(0),
};
/** Columns start at this many elements. */
const FIRST_CAPACITY = 4096;

function grow(needed: number): void {
  let capacity = Math.max(scratch.capacity, FIRST_CAPACITY);
  while (capacity < needed) capacity *= 2;
  const widen = (column: Int32Array) => {
    const wider = new Int32Array(capacity);
    wider.set(column);
    return wider;
  };
  scratch.parent = widen(scratch.parent);
  scratch.owner = widen(scratch.owner);
  scratch.end = widen(scratch.end);
  scratch.ownWords = widen(scratch.ownWords);
  scratch.ownLinkWords = widen(scratch.ownLinkWords);
  scratch.ownCommas = widen(scratch.ownCommas);
  scratch.wordStart = widen(scratch.wordStart);
  scratch.capacity = capacity;
}

function buildIndex(tree: Root): PageIndex {
  beginPage();
  if (scratch.capacity < 2) grow(2);
  let { parent, owner, end, ownWords, ownLinkWords, ownCommas, wordStart } = scratch;
  const nodes: Array<Element | Root> = [tree];
  const wordIds: number[] = [];
  parent[0] = -1;
  owner[0] = 0;
  end[0] = 0;
  ownWords[0] = 0;
  ownLinkWords[0] = 0;
  ownCommas[0] = 0;
  wordStart[0] = 0;
  wordStart[1] = 0;

  // The walk's stack as parallel arrays (node, its position, next child, inside a link), so that
  // stepping into an element allocates nothing.
  const stack: Array<Element | Root> = [tree];
  const stackAt: number[] = [0];
  const stackNext: number[] = [0];
  const stackInLink: boolean[] = [false];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const { children } = stack[top];
    const from = stackAt[top];
    if (stackNext[top] >= children.length) {
      end[from] = nodes.length;
      stack.pop();
      stackAt.pop();
      stackNext.pop();
      stackInLink.pop();
      continue;
    }
    const child = children[stackNext[top]++];
    if (child.type === 'text') {
      const n = countWords(child.value);
      const commas = countCommas(child.value);
      if (n === 0 && commas === 0) continue;
      const at = owner[from];
      ownWords[at] += n;
      ownCommas[at] += commas;
      if (stackInLink[top]) ownLinkWords[at] += n;
      continue;
    }
    if (child.type !== 'element' || SKIP_TAGS.has(child.tagName)) continue;
    const at = nodes.length;
    if (at + 2 > scratch.capacity) {
      grow(at + 2);
      ({ parent, owner, end, ownWords, ownLinkWords, ownCommas, wordStart } = scratch);
    }
    nodes.push(child);
    parent[at] = from;
    owner[at] = BLOCK_TAGS.has(child.tagName) ? at : owner[from];
    end[at] = at + 1;
    ownWords[at] = 0;
    ownLinkWords[at] = 0;
    ownCommas[at] = 0;
    addNames(child, wordIds);
    wordStart[at + 1] = wordIds.length;
    stack.push(child);
    stackAt.push(at);
    stackNext.push(0);
    stackInLink.push(stackInLink[top] || (child.tagName === 'a' && child.properties.href !== undefined));
  }

  const n = nodes.length;
  const index: PageIndex = {
    nodes,
    parent: parent.slice(0, n),
    end: end.slice(0, n),
    owner: owner.slice(0, n),
    ownWords: ownWords.slice(0, n),
    ownLinkWords: ownLinkWords.slice(0, n),
    ownCommas: ownCommas.slice(0, n),
    words: ownWords.slice(0, n),
    linkWords: ownLinkWords.slice(0, n),
    wordStart: wordStart.slice(0, n + 1),
    wordIds: Int32Array.from(wordIds),
  };
  const { words, linkWords } = index;
  for (let i = n - 1; i > 0; i--) {
    words[index.parent[i]] += words[i];
    linkWords[index.parent[i]] += linkWords[i];
  }
  return index;
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

/** Commas in Latin, CJK and Arabic scripts: a sign of running prose (as in Readability). */
const COMMAS = new Set([0x2c, 0x60c, 0xfe50, 0xfe10, 0xfe11, 0x2e41, 0x2e34, 0x2e32, 0xff0c, 0x3001]);
/** The smallest comma code beyond ASCII (a cheap first test). */
const FIRST_WIDE_COMMA = 0x60c;

function countCommas(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x2c || (code >= FIRST_WIDE_COMMA && COMMAS.has(code))) n++;
  }
  return n;
}
