/**
 * One walk over a page, shared by the kinds that weigh text (main content, link density): every
 * element in document order with its parent, the extent of its subtree, and the words, link words
 * and commas of the text it owns. Computed once per tree (cached) and kept in flat typed arrays,
 * so a kind that needs the figures reads them instead of walking the tree again.
 *
 * "Owns" follows the engine's blocks: text belongs to the nearest block-level ancestor (a `p`,
 * `div`, `li`, ...), so the text of a paragraph's links and emphasis counts for the paragraph.
 */
import type { Element, Root, Text } from 'hast';
import { BLOCK_TAGS, SKIP_TAGS } from '../engine/blocks.js';
import { countWords } from '../engine/words.js';

/** Commas in Latin, CJK and Arabic scripts: a sign of running prose (as in Readability). */
const COMMA = /[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g;

export interface PageIndex {
  /** Elements in document order; entry 0 is the root. */
  nodes: Array<Element | Root>;
  /** Position of each node in `nodes`. */
  position: Map<Element | Root, number>;
  /** Parent position of each node (-1 for the root). */
  parent: Int32Array;
  /** One past the last position inside each node's subtree. */
  end: Int32Array;
  /** Position of the block-level node that owns each node's text (itself, if it is block-level). */
  owner: Int32Array;
  /** Words, link words and commas of the text each block-level node owns directly. */
  ownWords: Float64Array;
  ownLinkWords: Float64Array;
  ownCommas: Float64Array;
  /** Words and link words of each node's whole subtree. */
  words: Float64Array;
  linkWords: Float64Array;
  /**
   * Class names and id of each node, interned: `names[nameOf[i]]` is node i's lower-cased
   * "class names id" string; 0 stands for none (""). Rules test each distinct string once.
   */
  nameOf: Int32Array;
  names: string[];
  /** Words of each text node, and whether it sits inside a link. */
  textWords: Map<Text, number>;
  linked: Set<Text>;
}

const cache = new WeakMap<Root, PageIndex>();

/**
 * Per page and rule: which interned class-and-id strings a test accepts, each string tested
 * once (pages repeat the same class names on hundreds of elements).
 */
/** Distinct class-and-id strings a memoised test remembers; sites repeat them page after page. */
const MEMO_LIMIT = 50_000;

/** `test` with its answers remembered (up to `MEMO_LIMIT` strings, then it starts afresh). */
export function memoized(test: (names: string) => boolean): (names: string) => boolean {
  const memo = new Map<string, boolean>();
  return (names) => {
    let hit = memo.get(names);
    if (hit === undefined) {
      hit = test(names);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(names, hit);
    }
    return hit;
  };
}

export function namesMatching(index: PageIndex, test: (names: string) => boolean): Uint8Array {
  const hits = new Uint8Array(index.names.length);
  for (let i = 1; i < index.names.length; i++) if (test(index.names[i])) hits[i] = 1;
  return hits;
}

/** The index of `tree` (built on first use, then cached for the tree's lifetime). */
export function pageIndex(tree: Root): PageIndex {
  let index = cache.get(tree);
  if (!index) {
    index = buildIndex(tree);
    cache.set(tree, index);
  }
  return index;
}

interface Frame {
  node: Element | Root;
  at: number;
  next: number;
  inLink: boolean;
}

function buildIndex(tree: Root): PageIndex {
  const nodes: Array<Element | Root> = [tree];
  const parents: number[] = [-1];
  const owners: number[] = [0];
  const ends: number[] = [0];
  const words: number[] = [0];
  const linkWords: number[] = [0];
  const commas: number[] = [0];
  const nameOf: number[] = [0];
  const names: string[] = [''];
  const nameIds = new Map<string, number>([['', 0]]);
  const textWords = new Map<Text, number>();
  const linked = new Set<Text>();

  const stack: Frame[] = [{ node: tree, at: 0, next: 0, inLink: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.node.children.length) {
      ends[frame.at] = nodes.length;
      stack.pop();
      continue;
    }
    const child = frame.node.children[frame.next++];
    if (child.type === 'text') {
      const n = countWords(child.value);
      if (n === 0 && child.value.indexOf(',') < 0) continue;
      textWords.set(child, n);
      const owner = owners[frame.at];
      words[owner] += n;
      commas[owner] += countCommas(child.value);
      if (frame.inLink) {
        linked.add(child);
        linkWords[owner] += n;
      }
      continue;
    }
    if (child.type !== 'element' || SKIP_TAGS.has(child.tagName)) continue;
    const at = nodes.length;
    nodes.push(child);
    parents.push(frame.at);
    owners.push(BLOCK_TAGS.has(child.tagName) ? at : owners[frame.at]);
    ends.push(at + 1);
    words.push(0);
    linkWords.push(0);
    commas.push(0);
    const name = classAndId(child);
    let id = nameIds.get(name);
    if (id === undefined) {
      id = names.length;
      names.push(name);
      nameIds.set(name, id);
    }
    nameOf.push(id);
    stack.push({ node: child, at, next: 0, inLink: frame.inLink || (child.tagName === 'a' && child.properties.href !== undefined) });
  }

  const position = new Map<Element | Root, number>();
  nodes.forEach((node, i) => position.set(node, i));
  const parent = Int32Array.from(parents);
  const subtreeWords = Float64Array.from(words);
  const subtreeLinkWords = Float64Array.from(linkWords);
  for (let i = nodes.length - 1; i > 0; i--) {
    subtreeWords[parent[i]] += subtreeWords[i];
    subtreeLinkWords[parent[i]] += subtreeLinkWords[i];
  }
  return {
    nodes,
    position,
    parent,
    end: Int32Array.from(ends),
    owner: Int32Array.from(owners),
    ownWords: Float64Array.from(words),
    ownLinkWords: Float64Array.from(linkWords),
    ownCommas: Float64Array.from(commas),
    words: subtreeWords,
    linkWords: subtreeLinkWords,
    nameOf: Int32Array.from(nameOf),
    names,
    textWords,
    linked,
  };
}

function countCommas(text: string): number {
  COMMA.lastIndex = 0;
  let n = 0;
  while (COMMA.exec(text) !== null) n++;
  return n;
}

/** The class names and id of an element, as one lower-case string ("" when it has none). */
export function classAndId(element: Element): string {
  const { className, id } = element.properties;
  const classes = Array.isArray(className) ? className.join(' ') : typeof className === 'string' ? className : '';
  const ident = typeof id === 'string' ? id : '';
  return classes && ident ? `${classes} ${ident}`.toLowerCase() : (classes || ident).toLowerCase();
}
