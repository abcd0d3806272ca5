/**
 * What the command-line inputs name: files, folders (walked), globs (expanded), web pages
 * (`https://...`, fetched when read), or `-` for stdin.
 * Folders and globs come out in a stable (sorted) order, so that two runs see the documents in
 * the same order. Which format a file is read in is the format registry's business
 * (formats/registry.ts); a folder walk reads the files some format claims.
 */
import { shownPath } from '../shown.js';
import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { FORMATS, formatNamed, formatOfFile, type SourceFormat } from './formats/registry.js';
import { outputNameOfAddress, WEB_ADDRESS } from './fetch.js';
import { GOLD_FILE } from './gold.js';
import { MANIFEST_FILE } from './manifest.js';

/** One input file (or stdin), in reading order. */
export interface InputFile {
  /** The format its name says (`--input-format` may say otherwise). */
  format: SourceFormat;
  /** Absolute path, `-` for stdin, or the address of a web page. */
  path: string;
  /** A web page to fetch (`http://` or `https://`), its address as given. */
  url?: string;
  /** The path as shown in ids, sources and messages: relative to the working folder. */
  shown: string;
  /** Path relative to the input it was found under: output names mirror it. */
  relativePath: string;
  /** Bytes on disk (0 for stdin). */
  size: number;
  /** When the file last changed (what `--resume` checks besides its size). */
  mtimeMs?: number;
  /** Why it cannot be read at all (a folder that cannot be listed): it becomes an error record. */
  error?: string;
  /** Why a folder entry is not read (a named pipe, a broken link...): it is counted as skipped. */
  skip?: string;
  /**
   * Only these bytes of a JSONL or WARC file, from a record boundary (just after a newline; a
   * WARC record's first byte, a gzip member's in a .warc.gz) up to `end`: a shard of a cluster
   * run. Line and record numbers, and WARC offsets, go on from where the range starts.
   */
  range?: ByteRange;
}

export interface ByteRange {
  start: number;
  end: number;
  /** Lines (JSONL) or records (WARC) of the file before `start`. */
  before: number;
}

/** The input named `-`. */
export const STDIN = '-';

/**
 * Expand the inputs: `-` is stdin; an existing folder is walked; a pattern with glob characters
 * that names no existing path is expanded (for shells that do not, and for quoted patterns);
 * anything else is a file (a missing one is passed on, to become an error record).
 */
export function* expandInputs(inputs: string[], cwd: string): Generator<InputFile> {
  for (const input of inputs) {
    if (input === STDIN) {
      yield { format: formatOfFile(''), path: STDIN, shown: STDIN, relativePath: 'stdin', size: 0 };
      continue;
    }
    if (WEB_ADDRESS.test(input)) {
      yield { format: formatNamed('document')!, path: input, url: input, shown: input, relativePath: outputNameOfAddress(input), size: 0 };
      continue;
    }
    const path = resolve(cwd, input);
    if (!existsSync(path) && isDynamicPattern(input)) {
      for (const match of globSync(input, { cwd, absolute: true, onlyFiles: true, expandDirectories: false }).sort()) {
        yield fileInput(match, basename(match), cwd);
      }
      continue;
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
      for (const found of walkFolder(path, isCorpusFile)) {
        const input = fileInput(found.path, relative(path, found.path), cwd);
        yield found.error !== undefined ? { ...input, error: found.error } : found.skip !== undefined ? { ...input, skip: found.skip } : input;
      }
      continue;
    }
    yield fileInput(path, basename(path), cwd);
  }
}

function fileInput(path: string, relativePath: string, cwd: string): InputFile {
  let size = 0;
  let mtimeMs: number | undefined;
  try {
    ({ size, mtimeMs } = statSync(path));
  } catch {
    // A missing or unreadable file is reported when it is read.
  }
  return { format: formatOfFile(path), path, shown: shownPath(cwd, path), relativePath, size, ...(mtimeMs !== undefined ? { mtimeMs } : {}) };
}

/** Files a folder walk reads: those some format claims; never gold texts or manifests. */
function isCorpusFile(name: string): boolean {
  if (GOLD_FILE.test(name) || name.toLowerCase() === MANIFEST_FILE) return false;
  return FORMATS.some((format) => format.files.test(name));
}

/**
 * Every file under `root` whose name `accept` takes: depth-first, each folder's entries in name
 * order (a subfolder where its name falls), so the order is stable without listing the whole tree
 * first, and without recursion whatever the depth. Symbolic links to files are followed; links to
 * folders are not (they could loop). A folder that cannot be listed comes out as its path with
 * the error; an entry the name takes that is not a file to read (a named pipe, a socket, a
 * device, a broken link, a link to a folder or a loop) comes out with why it is skipped.
 */
export function* walkFolder(root: string, accept: (name: string) => boolean): Generator<{ path: string; error?: string; skip?: string }> {
  const stack: Array<{ dir: string; entries: Dirent[]; next: number }> = [];
  const open = function* (dir: string): Generator<{ path: string; error: string }> {
    try {
      const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      stack.push({ dir, entries, next: 0 });
    } catch (error) {
      yield { path: dir, error: `cannot read the folder: ${(error as Error).message}` };
    }
  };
  yield* open(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.entries.length) {
      stack.pop();
      continue;
    }
    const entry = top.entries[top.next++];
    const full = join(top.dir, entry.name);
    if (entry.isDirectory()) yield* open(full);
    else if (accept(entry.name)) {
      const skip = entry.isFile() ? undefined : notAFile(full, entry);
      yield skip === undefined ? { path: full } : { path: full, skip };
    }
  }
}

/** Why a folder entry that is not a regular file is not read, or undefined for a link to a file. */
function notAFile(path: string, entry: Dirent): string | undefined {
  if (entry.isFIFO()) return 'not a file: a named pipe (reading it could wait for ever)';
  if (entry.isSocket()) return 'not a file: a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'not a file: a device';
  if (!entry.isSymbolicLink()) return 'not a file';
  try {
    const target = statSync(path);
    if (target.isFile()) return undefined;
    return target.isDirectory() ? 'a symbolic link to a folder, not followed (it could loop)' : 'a symbolic link to something that is not a file';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'a symbolic link loop' : 'a broken symbolic link (its target does not exist)';
  }
}
