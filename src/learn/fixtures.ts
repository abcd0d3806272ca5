/**
 * Pages kept as rule-test fixtures: what the rules read, without what they never do (scripts but
 * the page's JSON-LD, styles, SVG drawings, comments, responsive-image source lists), gzipped.
 * A news page of 300 kB becomes 20-40 kB.
 */
import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { gzipSync } from 'node:zlib';
import { toHast } from '../kernel/parse/index.js';

/** Elements dropped whole. */
const DROPPED = new Set(['style', 'svg', 'template', 'canvas']);
/** Attributes dropped: image source lists and inline event handlers. */
const DROPPED_PROPERTIES = /^(?:srcSet|sizes|dataSrcset|dataSrcSet|imageSrcSet|imageSizes|on[A-Z].*)$/;

/** The page without what no rule reads, as HTML. */
export function stripPage(html: string): string {
  const tree = toHast(html, 'html');
  prune(tree);
  return toHtml(tree, { allowDangerousHtml: true });
}

/** `stripPage`, gzipped at the highest level. */
export function fixtureBytes(html: string): Buffer {
  return gzipSync(Buffer.from(stripPage(html), 'utf8'), { level: 9 });
}

function prune(node: Root | Element): void {
  const kept: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    if (child.type === 'comment') continue;
    if (child.type === 'element') {
      if (DROPPED.has(child.tagName)) continue;
      if (child.tagName === 'script' && !isJsonLd(child)) continue;
      if (child.tagName === 'link' && !isCanonical(child)) continue;
      for (const key of Object.keys(child.properties ?? {})) if (DROPPED_PROPERTIES.test(key)) delete child.properties[key];
      prune(child);
    }
    kept.push(child);
  }
  (node as Element).children = kept as Element['children'];
}

function isJsonLd(script: Element): boolean {
  return String(script.properties?.type ?? '').toLowerCase() === 'application/ld+json';
}

function isCanonical(link: Element): boolean {
  return [link.properties?.rel].flat().some((r) => String(r).toLowerCase() === 'canonical');
}
