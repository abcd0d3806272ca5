/**
 * The cleaned page as a document of its own (`--format html`): UTF-8, a head written afresh
 * (charset, title, language, canonical address), and the page's body with what the rules removed
 * gone and what a reader's copy should not carry sanitised away by hast-util-sanitize: scripts,
 * styles, comments, frames, event-handler attributes and `javascript:` links. Elements a reader
 * does not need are unwrapped, their text kept; classes and ids stay (hooks for a stylesheet).
 */
import type { Element, ElementContent, Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Article } from './article.js';
import { bodyOf } from './kinds/view.js';

/** Elements dropped with everything inside them: nothing in them is text a reader reads. */
const DROPPED = ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'select', 'textarea', 'head', 'title'];
/** Elements of an article beyond GitHub's list, kept as they are. */
const ARTICLE_ELEMENTS = ['article', 'section', 'header', 'footer', 'main', 'aside', 'figure', 'figcaption', 'time', 'span', 'small', 'mark', 'cite', 'abbr', 'u', 's', 'picture', 'source', 'video', 'audio', 'caption', 'col', 'colgroup'];

const SCHEMA: Schema = {
  ...defaultSchema,
  // The page's own ids, unprefixed: links to anchors inside the article keep working.
  clobber: [],
  clobberPrefix: '',
  strip: DROPPED,
  tagNames: [...(defaultSchema.tagNames ?? []), ...ARTICLE_ELEMENTS],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className'],
    time: ['dateTime'],
    video: ['src', 'poster', 'controls'],
    audio: ['src', 'controls'],
    source: ['src', 'srcSet', 'type', 'media'],
    img: [...(defaultSchema.attributes?.img ?? []), 'srcSet', 'sizes'],
  },
  protocols: { ...defaultSchema.protocols, poster: ['http', 'https'] },
};

/** The tree after removals -> a standalone HTML document. */
export function articleHtml(tree: Root, article: Article): string {
  const body = bodyOf(tree);
  const content = sanitize({ type: 'root', children: body ? body.children : tree.children }, SCHEMA) as Root;
  const head: ElementContent[] = [element('meta', { charSet: 'utf-8' })];
  if (article.title !== undefined) head.push(element('title', {}, [{ type: 'text', value: article.title }]));
  if (article.url !== undefined) head.push(element('link', { rel: ['canonical'], href: article.url }));
  const document: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      element('html', article.language ? { lang: article.language } : {}, [element('head', {}, head), element('body', {}, content.children as ElementContent[])]),
    ],
  };
  return toHtml(document);
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}
