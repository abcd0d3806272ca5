/**
 * Corpus readers: files, folders (recursive) and stdin -> documents to clean.
 *
 * In a folder, `<name>.gold.txt` is the gold text of `<name>.txt`/`<name>.html`, never an input,
 * and a `manifest.jsonl` ({id, url, outlet?}) gives the URL and outlet of the files named by id.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { walkFiles } from './walk.js';

/** A document to clean, or the reason it could not be read. */
export interface SourceDocument {
  /** Stable id: the path relative to the input root, or `-` for stdin. */
  id: string;
  /** Path on disk (absent for stdin). */
  path?: string;
  /** Path relative to the input it was found under; output names mirror it. */
  relativePath: string;
  content?: string;
  url?: string;
  outlet?: string;
  error?: string;
}

/** File names that are gold texts or corpus metadata, never documents. */
export const GOLD_FILE = /\.gold\.txt$/i;
const DOCUMENT_FILE = /\.(x?html?|txt|text)$/i;
const MANIFEST = 'manifest.jsonl';

export interface ManifestEntry {
  id: string;
  url?: string;
  outlet?: string;
}

/** Expand the inputs to document paths, in a stable (sorted) order. */
export function* listDocuments(inputs: string[]): Generator<{ path: string; root: string }> {
  for (const input of inputs) {
    if (input === '-') continue;
    if (!existsSync(input)) {
      yield { path: input, root: input };
      continue;
    }
    if (!statSync(input).isDirectory()) {
      yield { path: input, root: input };
      continue;
    }
    const found = [...walkFiles(input, (name) => DOCUMENT_FILE.test(name) && !GOLD_FILE.test(name))];
    for (const path of found.sort()) yield { path, root: input };
  }
}

/** Manifests of the folders the documents live in, keyed by folder then by id. */
export class Manifests {
  private readonly byDir = new Map<string, Map<string, ManifestEntry>>();

  /** The manifest entry for a document path: looked up by file name without extension. */
  lookup(path: string): ManifestEntry | undefined {
    let dir = join(path, '..');
    for (let depth = 0; depth < 3; depth++) {
      const entries = this.load(dir);
      const hit = entries.get(basename(path, extname(path)));
      if (hit) return hit;
      const up = join(dir, '..');
      if (up === dir) break;
      dir = up;
    }
    return undefined;
  }

  private load(dir: string): Map<string, ManifestEntry> {
    let entries = this.byDir.get(dir);
    if (entries) return entries;
    entries = new Map();
    const file = join(dir, MANIFEST);
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          const entry = JSON.parse(line) as ManifestEntry;
          if (entry && typeof entry.id === 'string') entries.set(entry.id, entry);
        } catch {
          // A broken manifest line only loses that document's URL; the document is still cleaned.
        }
      }
    }
    this.byDir.set(dir, entries);
    return entries;
  }
}

/** Read every input as a document; unreadable inputs become documents with an `error`. */
export function* readDocuments(inputs: string[], stdin?: () => string): Generator<SourceDocument> {
  if (inputs.includes('-') && stdin) {
    yield { id: '-', relativePath: 'stdin', content: stdin() };
  }
  const manifests = new Manifests();
  for (const { path, root } of listDocuments(inputs)) {
    const relativePath = path === root ? basename(path) : relative(root, path);
    const doc: SourceDocument = { id: path, path, relativePath };
    try {
      doc.content = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      doc.error = code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${(error as Error).message}`;
      yield doc;
      continue;
    }
    const entry = manifests.lookup(path);
    if (entry?.url) doc.url = entry.url;
    if (entry?.outlet) doc.outlet = entry.outlet;
    yield doc;
  }
}
