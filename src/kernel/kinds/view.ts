/** Reading a `PageView`: class names and ids, and elements' positions. */
import type { Element, Root } from 'hast';
import type { WordTest } from '../text/class-words.js';
import type { PageView } from './types.js';

/** Whether any class name or the id of node `i` passes `test`. */
export function anyWord(page: PageView, i: number, test: WordTest): boolean {
  const { wordStart, wordIds } = page;
  for (let k = wordStart[i], stop = wordStart[i + 1]; k < stop; k++) if (test.matches(wordIds[k])) return true;
  return false;
}

/** Whether nodes `a` and `b` have the same class names and id, in the same order (and some). */
export function sameNames(page: PageView, a: number, b: number): boolean {
  const { wordStart, wordIds } = page;
  const length = wordStart[a + 1] - wordStart[a];
  if (length === 0 || length !== wordStart[b + 1] - wordStart[b]) return false;
  for (let k = 0; k < length; k++) if (wordIds[wordStart[a] + k] !== wordIds[wordStart[b] + k]) return false;
  return true;
}

/** Positions of `elements` in `page` (elements the walk left out are left out). */
/** The `<body>` of a web page (under `<html>`); a plain-text document has none. */
export function bodyOf(tree: Root): Element | undefined {
  const html = tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'html');
  return html?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'body');
}

/** An element as a reader recognises it in the page's source: its tag, id and first two classes (`div#main.story.wide`). */
export function labelOf(element: Element): string {
  const { id, className } = element.properties;
  const classes = Array.isArray(className) ? className.filter((c): c is string => typeof c === 'string' && c !== '').slice(0, 2) : [];
  return `${element.tagName}${typeof id === 'string' && id !== '' ? `#${id}` : ''}${classes.map((c) => `.${c}`).join('')}`;
}

export function positionsOf(page: PageView, elements: Iterable<Element>): number[] {
  const wanted = new Set(elements);
  const out: number[] = [];
  if (wanted.size === 0) return out;
  for (let i = 1; i < page.nodes.length; i++) if (wanted.has(page.nodes[i] as Element)) out.push(i);
  return out;
}

/**
 * Of element positions in document order, those not inside another: `end` is each position's
 * one-past-the-last descendant (`PageView.end`).
 */
export function outermost(end: ArrayLike<number>, positions: readonly number[]): number[] {
  const out: number[] = [];
  let until = -1;
  for (const at of positions) {
    if (at < until) continue;
    out.push(at);
    until = end[at];
  }
  return out;
}

/** A plain-text document (made into a tree by parse/text.ts): no `<html>` element, only its groups of lines. */
export function isTextDocument(page: PageView): boolean {
  return !page.tree.children.some((child) => child.type === 'element' && child.tagName === 'html');
}

/**
 * Every element outside the kept ones, as whole subtrees (the elements on the way down to a kept
 * one stay, as the path to it): what a kind that keeps only the article removes. Elements earlier
 * rules claimed, and `<head>`, are left out; positions come in document order.
 */
export function elementsOutside(page: PageView, keep: Iterable<number>, isClaimed: (at: number) => boolean, spare: (at: number) => boolean = () => false): number[] {
  const { nodes, parent, end } = page;
  const kept = new Set(keep);
  const onPath = new Set<number>();
  for (const k of kept) for (let at = parent[k]; at >= 0 && !onPath.has(at); at = parent[at]) onPath.add(at);
  const outside: number[] = [];
  for (const at of onPath) {
    for (let c = at + 1; c < end[at]; c = end[c]) {
      if (kept.has(c) || onPath.has(c) || spare(c)) continue;
      if ((nodes[c] as Element).tagName === 'head' || isClaimed(c)) continue;
      outside.push(c);
    }
  }
  return outside.sort((a, b) => a - b);
}
