/**
 * Where the gold text of a document is (what a clean copy of it keeps). In order:
 * 1. beside it: `name.gold.txt` next to `name.txt` or `name.html` (the bundled corpus layout);
 * 2. in the gold folder, under the document's name relative to its input (then under its file
 *    name alone): `name.gold.txt` if that folder holds any `*.gold.txt` (then it is a corpus
 *    folder, and its `name.txt` files are inputs, not gold), else `name.txt` (the Dragnet layout:
 *    `html/ID.html` has its gold in `gold/ID.txt`).
 * A document is never its own gold.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { walkFolder } from './inputs.js';

/** A gold text's file name beside its document, and in a corpus-layout gold folder. */
export const GOLD_SUFFIX = '.gold.txt';
export const GOLD_FILE = /\.gold\.txt$/i;
/** A gold text's file name in a folder of gold texts. */
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

  /**
   * The gold file of a document: `path` is its file (absent for a record of a JSONL or WARC
   * file), `relativePath` its path under its input (`lbc/page.html`), or a record's name (`pages/12`).
   */
  find(path: string | undefined, relativePath: string): string | undefined {
    if (path !== undefined) {
      const beside = `${stem(path)}${GOLD_SUFFIX}`;
      if (existsSync(beside)) return beside;
    }
    if (this.dir === undefined) return undefined;
    const suffix = this.corpusLayout ? GOLD_SUFFIX : GOLD_TEXT;
    const name = stem(relativePath);
    for (const candidate of new Set([name, basename(name)])) {
      const file = join(this.dir, `${candidate}${suffix}`);
      if (path !== undefined && resolve(file) === resolve(path)) continue;
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    return undefined;
  }

  /** Every gold file under the gold folder, as [path, the relative name a prediction would have]. */
  *goldFiles(): Generator<{ path: string; name: string }> {
    if (this.dir === undefined || !existsSync(this.dir)) return;
    const isGold = (name: string) => (this.corpusLayout ? GOLD_FILE.test(name) : name.endsWith(GOLD_TEXT));
    const found = [...walkFolder(this.dir, isGold)].filter((f) => f.error === undefined && f.skip === undefined).map((f) => f.path);
    for (const path of found.sort()) {
      const rel = relative(this.dir, path);
      const name = this.corpusLayout ? rel.slice(0, -GOLD_SUFFIX.length) : stem(rel);
      yield { path, name: name.split(sep).join('/') };
    }
  }
}

function holdsGoldFiles(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  return !walkFolder(dir, (name) => GOLD_FILE.test(name)).next().done;
}

/** True when a gold text sits beside the document (it is an input of a corpus, not cleaned output). */
export function hasGoldBeside(path: string): boolean {
  return existsSync(`${stem(path)}${GOLD_SUFFIX}`);
}
