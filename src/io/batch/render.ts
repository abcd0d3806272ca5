/**
 * A cleaned document -> what is written for it: the body of its own file (or stdout), or its
 * line in a JSONL output. Rendering happens in the workers; the main thread only writes.
 */
import type { CleanResult } from '../../kernel/clean.js';
import type { Format, OutputKind } from './messages.js';

const EXTENSION: Record<Format, string> = { text: '.txt', html: '.html', json: '.json', markdown: '.md' };

/** A record of a JSONL output: the cleaned text and how many words each rule removed. */
export interface OutputRecord {
  id: string;
  /** Where the document was read: `path`, `file.jsonl:LINE`, `file.warc.gz@OFFSET`. */
  source: string;
  url: string | null;
  outlet: string;
  text: string;
  /** Cleaned HTML, with `--format html`; the article as Markdown, with `--format markdown`. */
  html?: string;
  markdown?: string;
  wordsIn: number;
  wordsOut: number;
  /** Words removed, per rule id, in the order the rules first fired. */
  removed: Record<string, number>;
  /** Decoding problems that did not stop cleaning. */
  warnings?: string[];
}

export function render(result: CleanResult, output: OutputKind, format: Format, meta: { source: string; warnings: string[] }): string {
  if (output === 'jsonl') {
    if (format === 'json') return `${JSON.stringify({ ...result, source: meta.source, ...(meta.warnings.length ? { warnings: meta.warnings } : {}) })}\n`;
    return `${JSON.stringify(outputRecord(result, format, meta))}\n`;
  }
  if (format === 'text') return result.text;
  if (format === 'html') return result.html ?? '';
  if (format === 'markdown') return result.markdown ?? '';
  return `${JSON.stringify(result)}\n`;
}

export function outputRecord(result: CleanResult, format: Format, meta: { source: string; warnings: string[] }): OutputRecord {
  const removed: Record<string, number> = {};
  for (const removal of result.removals) removed[removal.rule] = (removed[removal.rule] ?? 0) + removal.words;
  return {
    id: result.id ?? meta.source,
    source: meta.source,
    url: result.url ?? null,
    outlet: result.outlet,
    text: result.text,
    ...(format === 'html' ? { html: result.html ?? '' } : {}),
    ...(format === 'markdown' ? { markdown: result.markdown ?? '' } : {}),
    wordsIn: result.stats.wordsIn,
    wordsOut: result.stats.wordsOut,
    removed,
    ...(meta.warnings.length ? { warnings: meta.warnings } : {}),
  };
}

/** `lbc/page` -> `lbc/page.txt` (text), `.html` (html), `.json` (json), `.md` (markdown). */
export function outputFileName(name: string, format: Format): string {
  return `${name}${EXTENSION[format]}`;
}
