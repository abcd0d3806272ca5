/**
 * The formats an input file can hold, one module each: a page (`document`), JSON lines
 * (`jsonl`), captured pages (`warc`). A folder walk reads every file whose name one of them
 * claims; `--input-format NAME` reads every input in that format; on stdin, a format that knows
 * its first bytes (`sniff`) is used, else `document`. A new format (a Common Crawl WET file, say)
 * is one module and one line in `FORMATS`, and reaches `clean`, `explain`, `eval` and `learn` alike.
 */
import type { CorpusItem } from '../items.js';
import type { ManifestEntry } from '../manifest.js';
import { document } from './document.js';
import { jsonl } from './jsonl.js';
import { warc } from './warc.js';

/** One input, as a format reads it. */
export interface FormatSource {
  /** The input as ids and messages show it: its path as given, or `-` for stdin. */
  shown: string;
  /** Its path on disk; absent for stdin. */
  path?: string;
  /** Where its documents go when mirrored into a folder, without extension: `lbc/page` for a page, `pages` for `pages.jsonl.gz`'s records (`pages/12`). */
  outputName: string;
  /** Its size on disk when stat knows it (a regular file); reading is capped whatever this says. */
  size?: number;
  /** Its bytes, as read (counted into the run's progress). */
  chunks(): AsyncIterable<Uint8Array>;
  /** Documents over this many bytes become error records. */
  maxBytes: number;
  /** The next document was finished by an earlier run (`--resume`): count it, do not read it. */
  isDone(): boolean;
  /**
   * Read from a record boundary on (a shard of a cluster run): the bytes of the file before the
   * first one read, and the lines (JSONL) or records (WARC) in them; numbers and offsets go on from there.
   */
  range?: { offset: number; before: number };
  /** A file of one document: its URL and outlet from a `manifest.jsonl` beside it. */
  manifest?: ManifestEntry;
}

export interface SourceFormat {
  /** Its name for `--input-format`. */
  name: string;
  /** One line for `--help`. */
  description: string;
  /** File names in this format: a folder walk reads them, and `--input-format auto` reads them so. */
  files: RegExp;
  /** The file holds many documents (mirrored into a folder named after the file). */
  many: boolean;
  /** Whether a stream starting with these bytes is in this format (stdin with `--input-format auto`). */
  sniff?(head: Uint8Array): boolean;
  read(source: FormatSource): AsyncIterable<CorpusItem>;
}

/** In the order names are tried: the first whose `files` matches reads a file. */
export const FORMATS: readonly SourceFormat[] = [jsonl, warc, document];

/** `auto`: each file by its name, stdin by its first bytes. */
export const AUTO = 'auto';

export function formatNamed(name: string): SourceFormat | undefined {
  return FORMATS.find((f) => f.name === name);
}

/** The format a file named `name` is read in; anything no format claims is one document. */
export function formatOfFile(name: string): SourceFormat {
  return FORMATS.find((f) => f.files.test(name)) ?? document;
}

/** `pages.jsonl.gz` -> `pages`, `lbc/page.html` -> `lbc/page`: the output name of an input file. */
export function outputNameOf(relativePath: string, format: SourceFormat): string {
  if (format.many) {
    const stripped = FORMATS.filter((f) => f.many).reduce((name, f) => name.replace(f.files, ''), relativePath);
    return stripped;
  }
  const dot = relativePath.lastIndexOf('.');
  const slash = Math.max(relativePath.lastIndexOf('/'), relativePath.lastIndexOf('\\'));
  return dot > slash + 1 ? relativePath.slice(0, dot) : relativePath;
}
