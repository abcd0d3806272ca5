/**
 * Pages to learn from: every document the inputs hold, read and decoded as `winnow clean` reads
 * them, each with its gold text when a gold folder is given (found as `winnow eval` finds it),
 * and its host; and the article's known fields when a fields file (NAME.json) lies beside its gold.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readDocuments } from '../io/sources/corpus.js';
import { GoldFinder } from '../io/sources/gold.js';
import { hostOf } from '../kernel/rules/outlet.js';
import type { KnownFields, LearnDocument } from './page.js';

export interface CorpusDocument extends LearnDocument {
  /** Host of the page's URL, without a leading `www.`. */
  host?: string;
}

export interface ReadResult {
  documents: CorpusDocument[];
  /** Inputs that could not be read, with the reason. */
  failed: Array<{ id: string; error: string }>;
  /** Fields files beside gold texts that could not be used, each naming its file. */
  warnings: string[];
}

export interface ReadLearnOptions {
  cwd: string;
  /** Gold texts (see io/sources/gold.ts); none when absent. */
  goldDir?: string;
  stdin?: () => AsyncIterable<Uint8Array>;
}

/** Read every input; a document that cannot be read is reported and the others are used. */
export async function readLearnDocuments(inputs: string[], options: ReadLearnOptions): Promise<ReadResult> {
  const documents: CorpusDocument[] = [];
  const failed: ReadResult['failed'] = [];
  const warnings: string[] = [];
  const gold = options.goldDir === undefined ? undefined : new GoldFinder(options.goldDir);
  for await (const doc of readDocuments(inputs, { cwd: options.cwd, ...(options.stdin ? { stdin: options.stdin } : {}) })) {
    if (doc.error !== undefined || doc.input === undefined) {
      failed.push({ id: doc.id, error: doc.error ?? 'unreadable' });
      continue;
    }
    const { input } = doc;
    const out: CorpusDocument = { id: doc.id, content: input.content, ...(input.type ? { type: input.type } : {}), ...(input.path !== undefined ? { path: input.path } : {}), ...(input.url !== undefined ? { url: input.url } : {}) };
    const host = hostOf(input.url)?.toLowerCase().replace(/^www\./, '');
    if (host) out.host = host;
    const goldPath = gold?.find(doc.path, doc.relativePath);
    if (goldPath !== undefined) {
      out.gold = readFileSync(goldPath, 'utf8');
      const known = readKnownFields(goldPath);
      if (typeof known === 'string') warnings.push(known);
      else if (known !== undefined) out.known = known;
    }
    documents.push(out);
  }
  return { documents, failed, warnings };
}

/**
 * The article's known fields beside a gold text: `NAME.json` for `NAME.txt` (`ID.gold.json` for
 * `ID.gold.txt`), `{"title": "...", "authors": ["..."], "date": "YYYY-MM-DD"}`, each optional.
 * None when there is no such file; a message naming the file when it is not such an object.
 */
export function readKnownFields(goldPath: string): KnownFields | string | undefined {
  const path = goldPath.replace(/\.txt$/i, '.json');
  if (path === goldPath || !existsSync(path)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return `${path}: not JSON (${(error as Error).message}); its fields are not used. Write {"title": "...", "authors": ["..."], "date": "YYYY-MM-DD"}`;
  }
  const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const { title, authors, date } = object ?? {};
  const strings = (list: unknown) => Array.isArray(list) && list.every((a) => typeof a === 'string');
  if (object === undefined || (title !== undefined && typeof title !== 'string') || (date !== undefined && typeof date !== 'string') || (authors !== undefined && !strings(authors))) {
    return `${path}: expected {"title": "...", "authors": ["..."], "date": "YYYY-MM-DD"} (each optional); its fields are not used`;
  }
  return { ...(typeof title === 'string' ? { title } : {}), ...(strings(authors) ? { authors: authors as string[] } : {}), ...(typeof date === 'string' ? { date } : {}) };
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
