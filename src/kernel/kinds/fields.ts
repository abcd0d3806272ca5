/**
 * The article's fields: what a cleaned document says besides its body. Page kinds (`metadata`)
 * read them from the page's own metadata; any rule with `extract: FIELD` fills one from the text
 * it removes (a byline, a dateline). Values are normalised as they are read: dates to ISO 8601,
 * authors to a list of names.
 */
import { isoDate } from '../text/dates.js';
import { authorNames } from '../text/names.js';
import { collapseWhitespace } from '../text/words.js';

export const FIELDS = ['title', 'standfirst', 'authors', 'date', 'modified', 'url', 'site', 'language', 'image'] as const;
export type FieldName = (typeof FIELDS)[number];

/** A field value as a rule read it, with what it read it from (`json-ld NewsArticle.headline`). */
export interface FieldReading {
  field: FieldName;
  value: string | string[];
  detail: string;
}

/** The field an `extract:` name fills, if any (`author` and `authors` both fill `authors`). */
const EXTRACT_FIELDS: Record<string, FieldName> = {
  title: 'title',
  headline: 'title',
  standfirst: 'standfirst',
  summary: 'standfirst',
  author: 'authors',
  authors: 'authors',
  byline: 'authors',
  date: 'date',
  published: 'date',
  modified: 'modified',
  updated: 'modified',
};

/** The field reading of text a rule with `extract: NAME` removed; none when the name is no field or the text holds no value. */
export function extractedField(name: string, text: string, language: string | undefined): Omit<FieldReading, 'detail'> | undefined {
  const field = EXTRACT_FIELDS[name];
  if (field === undefined) return undefined;
  const value = readField(field, text, language);
  return value === undefined ? undefined : { field, value };
}

/** A raw value as the field holds it: dates as ISO 8601, authors as names, the rest as collapsed text. */
export function readField(field: FieldName, raw: string, language: string | undefined): string | string[] | undefined {
  const text = collapseWhitespace(raw);
  if (text === '') return undefined;
  if (field === 'date' || field === 'modified') return isoDate(text, language);
  if (field === 'authors') {
    const names = authorNames(text);
    return names.length > 0 ? names : undefined;
  }
  return text;
}
