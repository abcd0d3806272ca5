/**
 * What corpus readers produce, one item per input document in input order: the raw bytes of a
 * document to clean (decoded later, in a worker), or the reason a document could not be read.
 */

/** How the bytes of a raw document are laid out. */
export type RawFormat =
  /** The bytes are the document itself (a file, stdin, a WARC record's payload). */
  | 'bytes'
  /** The bytes are one JSONL line: a JSON object holding the document and its fields. */
  | 'jsonl';

/** A document as read, before decoding: structured-cloneable, so it can be sent to a worker. */
export interface RawDocument {
  format: RawFormat;
  /** Where it came from, for messages and error records: `path`, `file.jsonl:LINE`, `file.warc.gz@OFFSET`, `-`. */
  source: string;
  /** Its id when the reader knows it (a file's path, a WARC record id); JSONL records read theirs in the worker. */
  id?: string;
  /** Output name (without extension) when mirroring into a folder: `lbc/page`, `pages/12`. */
  outputName: string;
  /** The file's path as shown (outlet by folder, type by extension); absent for records and stdin. */
  path?: string;
  url?: string;
  outlet?: string;
  /** What the transport says the bytes are (a WARC response's Content-Type): `html` or `text`. */
  markup?: 'html' | 'text';
  /** The charset the transport declared (a WARC response's Content-Type). */
  charset?: string;
  bytes: Uint8Array;
}

export type CorpusItem =
  | { kind: 'document'; doc: RawDocument }
  /**
   * A document (or part of a file) that could not be read; it becomes an error record. `input`:
   * the input file itself could not be read (to its end): its reading stopped here.
   */
  | { kind: 'failed'; id: string; source: string; reason: string; input?: true }
  /** A record that is not a document to clean (a WARC response holding an image, a redirect). */
  | { kind: 'skipped'; source: string; reason: string; /** Say so on stderr (a file named or found), unlike a WARC file's non-documents. */ tell?: true }
  /** A document finished by an earlier run (`--resume`): counted, not read again. */
  | { kind: 'resumed' };
