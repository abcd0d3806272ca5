/**
 * One walk over a page, shared by the kinds that weigh text (main content, link density): every
 * element in document order with its parent, the extent of its subtree, and the words, link words
 * and commas of the text it owns, and its class names. Computed once per tree (cached) and kept in
 * flat arrays of numbers, so a kind that needs the figures reads them instead of walking the tree
 * again.
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
  parent: number[];
  /** One past the last position inside each node's subtree. */
  end: number[];
  /** Position of the block-level node that owns each node's text (itself, if it is block-level). */
  owner: number[];
  /** Words, link words and commas of the text each block-level node owns directly. */
  ownWords: number[];
  ownLinkWords: number[];
  ownCommas: number[];
  /** Words and link words of each node's whole subtree. */
  words: number[];
  linkWords: number[];
  /**
   * Class names and id of each node as interned word ids (class-words.ts): node i's are
   * `wordIds[wordStart[i]]` up to (not including) `wordIds[wordStart[i + 1]]`.
   */
  wordStart: number[];
  wordIds: number[];
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

function buildIndex(tree: Root): PageIndex {
  beginPage();
  const nodes: Array<Element | Root> = [tree];
  const parent: number[] = [-1];
  const owner: number[] = [0];
  const end: number[] = [0];
  const ownWords: number[] = [0];
  const ownLinkWords: number[] = [0];
  const ownCommas: number[] = [0];
  const wordStart: number[] = [0, 0];
  const wordIds: number[] = [];

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
    nodes.push(child);
    parent.push(from);
    owner.push(BLOCK_TAGS.has(child.tagName) ? at : owner[from]);
    end.push(at + 1);
    ownWords.push(0);
    ownLinkWords.push(0);
    ownCommas.push(0);
    addNames(child, wordIds);
    wordStart.push(wordIds.length);
    stack.push(child);
    stackAt.push(at);
    stackNext.push(0);
    stackInLink.push(stackInLink[top] || (child.tagName === 'a' && child.properties.href !== undefined));
  }

  const words = ownWords.slice();
  const linkWords = ownLinkWords.slice();
  for (let i = nodes.length - 1; i > 0; i--) {
    words[parent[i]] += words[i];
    linkWords[parent[i]] += linkWords[i];
  }
  return { nodes, parent, end, owner, ownWords, ownLinkWords, ownCommas, words, linkWords, wordStart, wordIds };
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
