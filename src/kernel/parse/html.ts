/**
 * HTML -> hast the reference way: parse5 builds the tree a browser would build, and
 * hast-util-from-parse5 converts it, exactly as rehype-parse does (scripting off, positions on).
 *
 * Two differences from rehype-parse: a leading byte-order mark is dropped, and nodes nested deeper than MAX_DEPTH are attached at the cap
 * before conversion (see depth.ts), because hast-util-from-parse5 recurses once per level and
 * overflows the call stack on pages nested 10,000 deep. Below the cap the tree is rehype-parse's.
 */
import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { VFile } from 'vfile';
import { MAX_DEPTH } from '../../fast-html/depth.js';

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
  const document = parse(source, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  capDepth(document);
  return fromParse5(document, { file: new VFile(source) }) as Root;
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
