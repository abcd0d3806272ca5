/**
 * Where the gold text of a document is. In order:
 * 1. beside it: `name.gold.txt` next to `name.txt` or `name.html` (the bundled corpus layout);
 * 2. in the `--gold` folder, under the same relative name: `name.gold.txt` if that folder holds
 *    any `*.gold.txt` (then it is a corpus folder, and its `name.txt` files are inputs, not gold),
 *    else `name.txt` (the Dragnet layout: `html/ID.html` has its gold in `gold/ID.txt`);
 *    the relative path is tried first, then the file name alone.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { GOLD_FILE } from '../io/sources/documents.js';
import { walkFiles } from '../io/sources/walk.js';

export const GOLD_SUFFIX = '.gold.txt';
const GOLD_TEXT = '.txt';

/** `a/b/name.html` -> `a/b/name` */
export function stem(path: string): string {
  const ext = extname(path);
  return ext ? path.slice(0, -ext.length) : path;
}

export class GoldFinder {
  /** True when the gold folder is a corpus folder (its gold files are `*.gold.txt`). */
  readonly corpusLayout: boolean;

  constructor(readonly dir?: string) {
    this.corpusLayout = dir !== undefined && holdsGoldFiles(dir);
  }

  /** The gold file of the document at `path`, found under an input as `relativePath`, if any. */
  find(path: string | undefined, relativePath: string): string | undefined {
    if (path !== undefined) {
      const beside = `${stem(path)}${GOLD_SUFFIX}`;
      if (existsSync(beside)) return beside;
    }
    if (this.dir === undefined) return undefined;
    const suffix = this.corpusLayout ? GOLD_SUFFIX : GOLD_TEXT;
    for (const name of new Set([stem(relativePath), basename(stem(relativePath))])) {
      const candidate = join(this.dir, `${name}${suffix}`);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return undefined;
  }

  /** Every gold file under the gold folder, as [path, the relative name a prediction would have]. */
  *goldFiles(): Generator<{ path: string; name: string }> {
    if (this.dir === undefined || !existsSync(this.dir)) return;
    const isGold = (name: string) => (this.corpusLayout ? GOLD_FILE.test(name) : name.endsWith(GOLD_TEXT));
    const found = [...walkFiles(this.dir, isGold)];
    for (const path of found.sort()) {
      const rel = relative(this.dir, path);
      const name = this.corpusLayout ? rel.slice(0, -GOLD_SUFFIX.length) : stem(rel);
      yield { path, name: name.split(sep).join('/') };
    }
  }
}

function holdsGoldFiles(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  return !walkFiles(dir, (name) => GOLD_FILE.test(name)).next().done;
}

/** True when a gold text sits beside the document (it is an input of a corpus, not cleaned output). */
export function hasGoldBeside(path: string): boolean {
  return existsSync(`${stem(path)}${GOLD_SUFFIX}`);
}
