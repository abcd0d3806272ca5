/**
 * Pages to learn from: documents from files, folders and manifests (as `winnow clean` reads
 * them), each with its gold text when a gold folder is given, and its host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { readDocuments } from '../io/sources/documents.js';
import { hostOf } from '../kernel/rules/outlet.js';
import type { LearnDocument } from './page.js';

export interface CorpusDocument extends LearnDocument {
  /** Host of the page's URL, without a leading `www.`. */
  host?: string;
}

export interface ReadResult {
  documents: CorpusDocument[];
  /** Inputs that could not be read, with the reason. */
  failed: Array<{ id: string; error: string }>;
}

/**
 * Read every input. With `goldDir`, the gold of `NAME.html` or `NAME.txt` is the first of
 * `NAME.gold.txt` and `NAME.txt` in `goldDir` (at the page's relative path, then at the top)
 * that exists; `.gold.txt` first, so the gold folder may be the corpus folder itself.
 */
export function readLearnDocuments(inputs: string[], options: { goldDir?: string; readStdin?: () => string; display?: (path: string) => string } = {}): ReadResult {
  const documents: CorpusDocument[] = [];
  const failed: ReadResult['failed'] = [];
  for (const doc of readDocuments(inputs, options.readStdin)) {
    const id = doc.path === undefined ? '-' : options.display?.(doc.path) ?? doc.path;
    if (doc.error !== undefined || doc.content === undefined) {
      failed.push({ id, error: doc.error ?? 'unreadable' });
      continue;
    }
    const out: CorpusDocument = { id, content: doc.content, path: doc.path, url: doc.url };
    const host = hostOf(doc.url)?.toLowerCase().replace(/^www\./, '');
    if (host) out.host = host;
    if (options.goldDir !== undefined) {
      const gold = goldFor(options.goldDir, doc.relativePath, doc.path);
      if (gold !== undefined) out.gold = gold;
    }
    documents.push(out);
  }
  return { documents, failed };
}

function goldFor(goldDir: string, relativePath: string, own: string | undefined): string | undefined {
  const stem = relativePath.slice(0, relativePath.length - extname(relativePath).length);
  const name = basename(stem);
  for (const candidate of [`${stem}.gold.txt`, `${name}.gold.txt`, `${stem}.txt`, `${name}.txt`]) {
    const path = join(goldDir, candidate);
    if (existsSync(path) && (own === undefined || resolve(path) !== resolve(own))) return readFileSync(path, 'utf8');
  }
  return undefined;
}

/** Documents grouped by host (documents without a URL are left out), largest group first. */
export function groupByHost(documents: readonly CorpusDocument[]): Array<{ host: string; documents: CorpusDocument[] }> {
  const groups = new Map<string, CorpusDocument[]>();
  for (const doc of documents) {
    if (!doc.host) continue;
    const list = groups.get(doc.host) ?? [];
    list.push(doc);
    groups.set(doc.host, list);
  }
  return [...groups].map(([host, docs]) => ({ host, documents: docs })).sort((a, b) => b.documents.length - a.documents.length || a.host.localeCompare(b.host));
}
