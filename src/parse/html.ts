/**
 * HTML -> hast with rehype-parse (parse5 underneath): the tree a browser would build.
 */
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const parser = unified().use(rehypeParse).freeze();

export function htmlToHast(html: string): Root {
  return parser.parse(html);
}
