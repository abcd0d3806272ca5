/**
 * What the command-line inputs name: single documents, JSONL(.gz) files of records, WARC(.gz)
 * files of records, or stdin. Folders are walked recursively and globs expanded, both in a
 * stable (sorted) order, so that two runs see the documents in the same order.
 */
import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { GOLD_FILE } from './documents.js';

/** How an input file is read. */
export type InputKind = 'document' | 'jsonl' | 'warc';

/** One input file (or stdin), in reading order. */
export interface InputFile {
  kind: InputKind;
  /** Absolute path, or `-` for stdin. */
  path: string;
  /** The path as shown in ids, sources and messages: relative to the working folder. */
  shown: string;
  /** Path relative to the input it was found under: output names mirror it. */
  relativePath: string;
  /** Bytes on disk (0 for stdin). */
  size: number;
  /** Why it cannot be read at all (a folder that cannot be listed): it becomes an error record. */
  error?: string;
}

/** Files of records, by name; `.ndjson` is another name for JSON lines. */
const JSONL_FILE = /\.(jsonl|ndjson)(\.gz)?$/i;
const WARC_FILE = /\.warc(\.gz)?$/i;
/** Documents a folder walk picks up, besides JSONL and WARC files. */
const DOCUMENT_FILE = /\.(x?html?|txt|text)$/i;
/** Corpus metadata beside the documents, never a corpus itself. */
const MANIFEST_FILE = /^manifest\.jsonl$/i;

/** The kind of a file named on the command line (anything else is one document). */
export function inputKind(path: string): InputKind {
  if (JSONL_FILE.test(path)) return 'jsonl';
  if (WARC_FILE.test(path)) return 'warc';
  return 'document';
}

/** `pages.jsonl.gz` -> `pages`: the folder its records are mirrored into. */
export function stripCorpusExtension(name: string): string {
  return name.replace(JSONL_FILE, '').replace(WARC_FILE, '');
}

/**
 * Expand the inputs: `-` is stdin; an existing folder is walked; a pattern with glob characters
 * that names no existing path is expanded (for shells that do not, and for quoted patterns);
 * anything else is a file (a missing one is passed on, to become an error record).
 */
export function* expandInputs(inputs: string[], cwd: string): Generator<InputFile> {
  for (const input of inputs) {
    if (input === '-') {
      yield { kind: 'document', path: '-', shown: '-', relativePath: 'stdin', size: 0 };
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
      yield* walk(path, path, cwd);
      continue;
    }
    yield fileInput(path, basename(path), cwd);
  }
}

function fileInput(path: string, relativePath: string, cwd: string): InputFile {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // A missing or unreadable file is reported when it is read.
  }
  return { kind: inputKind(path), path, shown: relative(cwd, path) || path, relativePath, size };
}

/**
 * Depth-first, each folder's entries sorted by name: a stable order without listing the whole tree
 * first. Symbolic links to files are followed; links to folders are not (they could loop).
 */
function* walk(dir: string, root: string, cwd: string): Generator<InputFile> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    yield { ...fileInput(dir, relative(root, dir), cwd), error: `cannot read the folder: ${(error as Error).message}` };
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(full, root, cwd);
    } else if ((entry.isFile() || (entry.isSymbolicLink() && isFile(full))) && isCorpusFile(entry.name)) {
      yield fileInput(full, relative(root, full), cwd);
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Files a folder walk reads: documents, JSONL and WARC files; never gold texts or manifests. */
function isCorpusFile(name: string): boolean {
  if (GOLD_FILE.test(name) || MANIFEST_FILE.test(name)) return false;
  return DOCUMENT_FILE.test(name) || JSONL_FILE.test(name) || WARC_FILE.test(name);
}
