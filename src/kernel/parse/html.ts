/**
 * HTML -> hast the reference way: unified with rehype-parse (parse5 builds the tree a browser
 * would build, hast-util-from-parse5 converts it; scripting off, positions on).
 *
 * Two additions: a leading byte-order mark is dropped, and nodes nested deeper than MAX_DEPTH are
 * attached at the cap (see depth.ts), as the fast parser does. hast-util-from-parse5 recurses once
 * per level, so a page nested deeper than the call stack allows (100,000 `<div>`s) overflows it:
 * such a page is parsed by parse5 directly, capped in parse5's tree, then converted. Both ways
 * give the same tree.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { MAX_DEPTH } from '../../fast-html/depth.js';

const reference = unified().use(rehypeParse).freeze();

type P5Parent = DefaultTreeAdapterMap['parentNode'];
type P5Child = DefaultTreeAdapterMap['childNode'];
type P5Template = DefaultTreeAdapterMap['template'];

/**
 * A leading byte-order mark belongs to the encoding, not the document: browsers drop it while
 * decoding, but parse5 (given a string) would read it as text, which puts the page in quirks
 * mode and ignores its doctype. It is dropped first (files read as UTF-8 by Node keep it).
 */
const BYTE_ORDER_MARK = 0xfeff;

export function htmlToHast(html: string): Root {
  const source = html.charCodeAt(0) === BYTE_ORDER_MARK ? html.slice(1) : html;
  let tree: Root;
  try {
    tree = reference.parse(source);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return cappedParse(source);
  }
  capDepth<HastNode>(tree, HAST_SHAPE);
  return tree;
}

/** The same tree for a page too deep to convert whole: parse5's tree capped first, then converted. */
function cappedParse(source: string): Root {
  const document = parse(source, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  capDepth<P5Node>(document, P5_SHAPE);
  return fromParse5(document, { file: new VFile(source) }) as Root;
}

type P5Node = P5Parent | P5Child;

function isTemplate(node: P5Node): node is P5Template {
  return 'content' in node && node.content !== undefined;
}

/** parse5's tree shape: a node with `childNodes` is a parent; a `<template>`'s children are in its content fragment. */
const P5_SHAPE: TreeShape<P5Node> = {
  kids: (node) => (isTemplate(node) ? node.content.childNodes : 'childNodes' in node ? node.childNodes : undefined),
  setKids: (node, kids) => {
    if (isTemplate(node)) node.content.childNodes = kids as P5Child[];
    else (node as P5Parent).childNodes = kids as P5Child[];
  },
  adopt: (node, parent) => {
    (node as P5Child).parentNode = parent as P5Parent;
  },
};

type HastNode = Root | RootContent;

/** The hast tree's shape: elements and the root have children; a `<template>`'s are in its content fragment (one level, as in parse5's tree). */
const HAST_SHAPE: TreeShape<HastNode> = {
  kids: (node) => (node.type === 'root' ? node.children : node.type === 'element' ? (node.content ? node.content.children : node.children) : undefined),
  setKids: (node, kids) => {
    if (node.type === 'element' && node.content) node.content.children = kids as RootContent[];
    else (node as Root | Element).children = kids as ElementContent[];
  },
};

/** How to walk one kind of tree: a node's children (undefined for a leaf), and how to set them. */
interface TreeShape<N> {
  kids(node: N): N[] | undefined;
  setKids(node: N, kids: N[]): void;
  /** Tell a node it has a new parent (parse5's nodes know theirs). */
  adopt?(node: N, parent: N): void;
}

/** Attach everything deeper than MAX_DEPTH to its ancestor at depth MAX_DEPTH - 1, in document order. */
function capDepth<N>(root: N, shape: TreeShape<N>): void {
  const pending: Array<[N, number]> = [[root, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    const kids = shape.kids(node)!;
    if (depth >= MAX_DEPTH - 1) flattenInto(node, kids, shape);
    else for (const kid of kids) if (shape.kids(kid) !== undefined) pending.push([kid, depth + 1]);
  }
}

function flattenInto<N>(parent: N, kids: N[], shape: TreeShape<N>): void {
  if (!kids.some((kid) => (shape.kids(kid)?.length ?? 0) > 0)) return;
  const flat: N[] = [];
  const todo = [...kids].reverse();
  while (todo.length > 0) {
    const node = todo.pop()!;
    flat.push(node);
    shape.adopt?.(node, parent);
    const inner = shape.kids(node);
    if (inner === undefined) continue;
    for (let i = inner.length - 1; i >= 0; i--) todo.push(inner[i]);
    shape.setKids(node, []);
  }
  shape.setKids(parent, flat);
}
