import type { Root } from 'hast';
import { fastHtmlToHast } from '../../fast-html/tree-builder.js';
import { htmlToHast } from './html.js';
import { textToHast } from './text.js';

export { fastHtmlToHast, type FastHtmlOptions } from '../../fast-html/tree-builder.js';
export { htmlToHast } from './html.js';
export { MAX_DEPTH } from '../../fast-html/depth.js';
export { textToHast } from './text.js';

/** What kind of markup a document is written in. */
export type InputType = 'html' | 'text';

/**
 * Which HTML parser builds the tree: `fast` (htmlparser2's tokenizer and Winnow's own tree
 * builder) or `parse5` (the reference: parse5 and hast-util-from-parse5, as rehype-parse).
 */
export type HtmlParser = 'fast' | 'parse5';

export const HTML_PARSERS: readonly HtmlParser[] = ['fast', 'parse5'];

/** The parser `clean` uses unless told otherwise. */
export const DEFAULT_HTML_PARSER: HtmlParser = 'fast';

/** Looks like HTML when the first non-space character opens a tag, doctype or comment. */
const LOOKS_LIKE_HTML = /^\s*(?:<!doctype|<html|<head|<body|<!--|<[a-z][\w-]*[\s>/])/i;

/** File names of HTML documents... */
export const HTML_FILE = /\.x?html?$/i;
/** ...and of plain-text ones. */
export const TEXT_FILE = /\.(txt|text|md)$/i;

/** Guess the type of a document from its file name, else from its first characters. */
export function detectType(content: string, path?: string): InputType {
  if (path) {
    if (HTML_FILE.test(path)) return 'html';
    if (TEXT_FILE.test(path)) return 'text';
  }
  return LOOKS_LIKE_HTML.test(content) ? 'html' : 'text';
}

export function toHast(content: string, type: InputType, parser: HtmlParser = DEFAULT_HTML_PARSER): Root {
  if (type === 'text') return textToHast(content);
  return parser === 'parse5' ? htmlToHast(content) : fastHtmlToHast(content);
}
