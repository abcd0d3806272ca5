/**
 * `manifest.jsonl` beside a corpus's files: one JSON object per line, `{id, url?, outlet?}`,
 * giving the URL and outlet of the file named by `id` (its name without extension). A document
 * finds its entry in its own folder or up to two folders above it (`html/ID.html` beside
 * `manifest.jsonl`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/** The manifest's file name; a folder walk never reads it as a corpus. */
export const MANIFEST_FILE = 'manifest.jsonl';
/** How many folders up from a document its manifest may be. */
const LEVELS = 3;

export interface ManifestEntry {
  id: string;
  url?: string;
  outlet?: string;
}

/** Manifests of the folders the documents live in, each read once. */
export class Manifests {
  private readonly byDir = new Map<string, Map<string, ManifestEntry>>();

  /** The manifest entry for a document path: looked up by file name without extension. */
  lookup(path: string): ManifestEntry | undefined {
    let dir = join(path, '..');
    for (let depth = 0; depth < LEVELS; depth++) {
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
    const file = join(dir, MANIFEST_FILE);
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
