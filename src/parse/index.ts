import type { Root } from 'hast';
import { htmlToHast } from './html.js';
import { textToHast } from './text.js';

export { htmlToHast } from './html.js';
export { textToHast } from './text.js';

/** What kind of markup a document is written in. */
export type InputType = 'html' | 'text';

/** Looks like HTML when the first non-space character opens a tag, doctype or comment. */
const LOOKS_LIKE_HTML = /^\s*(?:<!doctype|<html|<head|<body|<!--|<[a-z][\w-]*[\s>/])/i;

/** Guess the type of a document from its file name, else from its first characters. */
export function detectType(content: string, path?: string): InputType {
  if (path) {
    if (/\.x?html?$/i.test(path)) return 'html';
    if (/\.(txt|text|md)$/i.test(path)) return 'text';
  }
  return LOOKS_LIKE_HTML.test(content) ? 'html' : 'text';
}

export function toHast(content: string, type: InputType): Root {
  return type === 'html' ? htmlToHast(content) : textToHast(content);
}
