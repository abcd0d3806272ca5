/**
 * A cleaned document as an article: its fields (title, standfirst, authors, dates, ...) and its
 * body (paragraphs, list items and the section headings between them), as JSON and Markdown
 * outputs give it.
 */
import type { Block } from './engine/blocks.js';
import type { Fields } from './engine/fields.js';
import type { EngineResult } from './engine/run.js';
import type { FieldName } from './kinds/fields.js';

/** One part of the body, in reading order. */
export interface BodyPart {
  type: 'heading' | 'paragraph' | 'item';
  text: string;
  /** For a heading: its rank, 2 for `h2` and so on. */
  level?: number;
}

export interface Article {
  /** The headline (from the page's metadata, else its headline block). */
  title?: string;
  /** The summary (dek) the page gives for the article. */
  standfirst?: string;
  /** The authors' names. */
  authors: string[];
  /** When it was published, and last modified, as ISO 8601. */
  date?: string;
  modified?: string;
  /** The canonical URL, the site's name, the language, the lead image's URL. */
  url?: string;
  site?: string;
  language?: string;
  image?: string;
  body: BodyPart[];
}

const HEADING = /^h([1-6])$/;

/** The article of an engine result: its fields, and its kept blocks (the title line aside) as the body. */
export function articleOf(result: EngineResult): Article {
  const { fields } = result;
  const text = (name: FieldName) => {
    const value = fields[name]?.value;
    return typeof value === 'string' ? { [name]: value } : {};
  };
  const authors = fields.authors?.value;
  return {
    ...text('title'),
    ...text('standfirst'),
    authors: Array.isArray(authors) ? authors : typeof authors === 'string' ? [authors] : [],
    ...text('date'),
    ...text('modified'),
    ...text('url'),
    ...text('site'),
    ...text('language'),
    ...text('image'),
    body: result.view.blocks.flatMap((block, i) => {
      const kept = result.kept[i];
      return kept === undefined || i === result.title ? [] : [bodyPart(block, kept)];
    }),
  };
}

function bodyPart(block: Block, text: string): BodyPart {
  const heading = HEADING.exec(block.tag);
  if (heading) return { type: 'heading', text, level: Math.max(2, Number(heading[1])) };
  if (block.tag === 'li' || block.tag === 'dd') return { type: 'item', text };
  return { type: 'paragraph', text };
}

/** The article as Markdown: `# title`, then the body, a heading as `##`, a list item as `- `. */
export function articleMarkdown(article: Article, titleLine: string | undefined): string {
  const parts: string[] = [];
  const title = titleLine ?? article.title;
  if (title !== undefined) parts.push(`# ${title}`);
  let list: string[] = [];
  const flush = () => {
    if (list.length > 0) parts.push(list.join('\n'));
    list = [];
  };
  for (const part of article.body) {
    if (part.type === 'item') {
      list.push(`- ${escapeMarkdown(part.text)}`);
      continue;
    }
    flush();
    parts.push(part.type === 'heading' ? `${'#'.repeat(part.level ?? 2)} ${part.text}` : escapeMarkdown(part.text));
  }
  flush();
  return parts.length > 0 ? `${parts.join('\n\n')}\n` : '';
}

/** A paragraph that starts like Markdown syntax ("# ", "- ", "1. ", "> ") is escaped so it stays a paragraph. */
function escapeMarkdown(text: string): string {
  return text.replace(/^([#>+*-]|\d+[.)])(?=\s)/, '\\$1');
}

export type { Fields };
