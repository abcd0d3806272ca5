/**
 * Reads a corpus in the Dragnet layout (`html/ID.html`, `gold/ID.txt`, `manifest.jsonl` with
 * {id, url, host}): ../shared's corpora, ../shared/corpus/dragnet-train and
 * ../shared/corpus/fundus-publishers. Pages are decoded by the one decoder `winnow clean` uses,
 * so every bench runs on the text `clean` would see.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDocument } from '../src/io/sources/decode.js';
import { collapseWhitespace } from '../src/kernel/text/words.js';

/** The corpus a bench reads when it is given none: ../shared beside the checkout, run from its root. */
export const DEFAULT_CORPUS = '../shared/corpus/dragnet-train';

export interface Page {
  id: string;
  url?: string;
  host?: string;
  /** A news corpus's publisher and crawl day (YYYY-MM-DD), when its manifest names them. */
  publisher?: string;
  crawlDate?: string;
  /** The page's raw bytes as crawled. */
  bytes: Buffer;
  /** The page decoded to a string, as `winnow clean` decodes it (src/io/sources/decode.ts). */
  html: string;
  gold: string;
}

/** The pages of a news corpus by publisher (pages whose manifest names none are left out). */
export function byPublisher(pages: readonly Page[]): Map<string, Page[]> {
  const out = new Map<string, Page[]>();
  for (const page of pages) if (page.publisher) out.set(page.publisher, [...(out.get(page.publisher) ?? []), page]);
  return out;
}

export function readDragnet(dir: string, limit = Infinity): Page[] {
  if (!existsSync(join(dir, 'html'))) throw new Error(`${dir}: not a Dragnet-layout corpus (expected html/, gold/, manifest.jsonl)`);
  const meta = new Map<string, { url?: string; host?: string; publisher?: string; crawl_date?: string }>();
  const manifest = join(dir, 'manifest.jsonl');
  if (existsSync(manifest)) {
    for (const line of readFileSync(manifest, 'utf8').split('\n')) {
      if (line.trim()) {
        const entry = JSON.parse(line) as { id: string; url?: string; host?: string; publisher?: string; crawl_date?: string };
        meta.set(entry.id, entry);
      }
    }
  }
  const ids = readdirSync(join(dir, 'html'))
    .filter((name) => name.endsWith('.html'))
    .map((name) => name.slice(0, -'.html'.length))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .slice(0, limit);
  return ids.map((id) => {
    const bytes = readFileSync(join(dir, 'html', `${id}.html`));
    const goldPath = join(dir, 'gold', `${id}.txt`);
    return {
      id,
      url: meta.get(id)?.url || undefined,
      host: meta.get(id)?.host || undefined,
      publisher: meta.get(id)?.publisher || undefined,
      crawlDate: meta.get(id)?.crawl_date?.slice(0, 10) || undefined,
      bytes,
      html: decodeDocument(bytes, { markup: 'html' }).text,
      gold: existsSync(goldPath) ? readFileSync(goldPath, 'utf8') : '',
    };
  });
}

/** An article's fields as a news corpus's structure/ID.json gives them (authors there are a Python list's text). */
export interface KnownFields {
  title?: string;
  authors?: string[];
  date?: string;
}

/** The fields of page `id` from CORPUS/structure/ID.json, when the corpus has them. */
export function readKnown(corpus: string, id: string): KnownFields | undefined {
  const path = join(corpus, 'structure', `${id}.json`);
  if (!existsSync(path)) return undefined;
  const s = JSON.parse(readFileSync(path, 'utf8')) as { title?: string; authors?: string; publishing_date?: string };
  const authors = typeof s.authors === 'string' ? [...s.authors.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? m[2]) : undefined;
  return { ...(s.title ? { title: s.title } : {}), ...(authors ? { authors } : {}), ...(s.publishing_date ? { date: s.publishing_date } : {}) };
}

/** A field's text as gold and output are compared: whitespace collapsed, nothing for none. */
export function collapsed(text: string | undefined): string {
  return collapseWhitespace(text ?? '');
}
