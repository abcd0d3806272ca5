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
  capHastDepth(tree);
  return tree;
}

/** The same tree for a page too deep to convert whole: parse5's tree capped first, then converted. */
function cappedParse(source: string): Root {
  const document = parse(source, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  capDepth(document);
  return fromParse5(document, { file: new VFile(source) }) as Root;
}

type HastParent = Root | Element;
type HastChild = RootContent | ElementContent;

/** A hast node's children; a `<template>`'s are in its content fragment (one level, as in parse5's tree). */
function hastKids(node: HastParent): HastChild[] {
  return node.type === 'element' && node.content ? node.content.children : node.children;
}

function setHastKids(node: HastParent, kids: HastChild[]): void {
  if (node.type === 'element' && node.content) node.content.children = kids as RootContent[];
  else node.children = kids as ElementContent[];
}

/** capDepth on a hast tree: everything deeper than MAX_DEPTH attached to its ancestor at MAX_DEPTH - 1, in document order. */
function capHastDepth(root: Root): void {
  const pending: Array<[HastParent, number]> = [[root, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    const kids = hastKids(node);
    if (depth >= MAX_DEPTH - 1) {
      if (!kids.some((kid) => kid.type === 'element' && hastKids(kid).length > 0)) continue;
      const flat: HastChild[] = [];
      const todo = [...kids].reverse();
      while (todo.length > 0) {
        const kid = todo.pop()!;
        flat.push(kid);
        if (kid.type !== 'element') continue;
        const inner = hastKids(kid);
        for (let i = inner.length - 1; i >= 0; i--) todo.push(inner[i]);
        setHastKids(kid, []);
      }
      setHastKids(node, flat);
      continue;
    }
    for (const kid of kids) if (kid.type === 'element') pending.push([kid, depth + 1]);
  }
}

/** A node's children; a `<template>`'s are in its content fragment. */
function kidsOf(node: P5Parent): P5Child[] {
  return isTemplate(node) ? node.content.childNodes : node.childNodes;
}

function isTemplate(node: P5Parent): node is P5Template {
  return 'content' in node && node.content !== undefined;
}

/** Attach everything deeper than MAX_DEPTH to the node at depth MAX_DEPTH - 1, in document order. */
function capDepth(document: P5Parent): void {
  const pending: Array<[P5Parent, number]> = [[document, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    const kids = kidsOf(node);
    if (depth >= MAX_DEPTH - 1) {
      flattenInto(node, kids);
      continue;
    }
    for (const kid of kids) if ('childNodes' in kid) pending.push([kid, depth + 1]);
  }
}

function flattenInto(parent: P5Parent, kids: P5Child[]): void {
  if (!kids.some((kid) => 'childNodes' in kid && kidsOf(kid).length > 0)) return;
  const flat: P5Child[] = [];
  const todo = [...kids].reverse();
  while (todo.length > 0) {
    const node = todo.pop()!;
    flat.push(node);
    node.parentNode = parent;
    if (!('childNodes' in node)) continue;
    const inner = kidsOf(node);
    for (let i = inner.length - 1; i >= 0; i--) todo.push(inner[i]);
    if (isTemplate(node)) node.content.childNodes = [];
    else node.childNodes = [];
  }
  if (isTemplate(parent)) parent.content.childNodes = flat;
  else parent.childNodes = flat;
}
