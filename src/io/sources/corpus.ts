/**
 * The corpus, as one stream of items in input order: every input file (or stdin) read in its
 * format (formats/registry.ts). Streams throughout: one file's chunk, one JSONL line or one WARC
 * payload at a time is held, whatever the size of the corpus.
 *
 * `readCorpus` hands on raw documents (bytes, decoded later in a worker); `readDocuments` decodes
 * them in place, for the commands that look at documents one by one (`explain`, `eval`, `learn`):
 * every command reads the same documents the same way.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { CleanInput } from '../../kernel/clean.js';
import { readError } from './formats/document.js';
import { AUTO, formatNamed, FORMATS, outputNameOf, type FormatSource, type SourceFormat } from './formats/registry.js';
import { maybeGunzip, peek } from './formats/streams.js';
import { DEFAULT_FIELDS, type RecordFields } from './fields.js';
import { fetchDocument } from './fetch.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../time-limit.js';
import { expandInputs, STDIN, type InputFile } from './inputs.js';
import type { CorpusItem } from './items.js';
import { Manifests } from './manifest.js';
import { prepareDocument, UnreadableDocument } from './prepare.js';

/** How inputs are read: `auto` (each file by its name, stdin by its first bytes), or all in one format. */
export type InputFormat = string;

export interface CorpusOptions {
  /** Documents (files, JSONL lines, WARC payloads) over this many bytes become error records. */
  maxBytes: number;
  /** `auto` (default), or a format's name (`document`, `jsonl`, `warc`). */
  inputFormat: InputFormat;
  /** Standard input as bytes (only read when an input is `-`). */
  stdin: () => AsyncIterable<Uint8Array>;
  /** Items before this position were finished by an earlier run (`--resume`): they are counted, not read. */
  resumeFrom: number;
  /** Bytes read from the inputs so far (compressed bytes for .gz files), for progress. */
  progress: { bytes: number };
  /** Time limit for fetching a web page, in milliseconds (0: none). */
  fetchTimeoutMs?: number;
}

/** Default size cap: larger than any real article page, small enough for a worker's memory. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** The names `--input-format` takes. */
export const INPUT_FORMATS: readonly string[] = [AUTO, ...FORMATS.map((f) => f.name)];

const RESUMED: CorpusItem = { kind: 'resumed' };

export async function* readCorpus(files: Iterable<InputFile>, options: CorpusOptions): AsyncGenerator<CorpusItem> {
  let position = 0;
  const isDone = () => position < options.resumeFrom;
  const manifests = new Manifests();
  const chosen = options.inputFormat === AUTO ? undefined : formatNamed(options.inputFormat);
  for (const file of files) {
    for await (const item of readInput(file, chosen, options, isDone, manifests)) {
      yield position++ < options.resumeFrom ? RESUMED : item;
    }
  }
}

async function* readInput(file: InputFile, chosen: SourceFormat | undefined, options: CorpusOptions, isDone: () => boolean, manifests: Manifests): AsyncGenerator<CorpusItem> {
  const failed = (reason: string): CorpusItem => ({ kind: 'failed', id: file.shown, source: file.shown, reason, input: true });
  const count = (chunks: AsyncIterable<Uint8Array>) => counted(chunks, options.progress);
  if (file.path === STDIN) {
    // Gzip is undone first, so that the first bytes say what the stream holds.
    const chunks = await maybeGunzip(count(options.stdin()));
    const { head, all } = await peek(chunks);
    const format = chosen ?? FORMATS.find((f) => f.sniff?.(head)) ?? formatNamed('document')!;
    yield* format.read({ shown: STDIN, outputName: 'stdin', chunks: () => all, maxBytes: options.maxBytes, isDone });
    return;
  }
  if (file.error !== undefined) {
    yield failed(file.error);
    return;
  }
  if (file.skip !== undefined) {
    yield { kind: 'skipped', source: file.shown, reason: file.skip, tell: true };
    return;
  }
  if (file.url !== undefined) {
    if (isDone()) {
      yield RESUMED;
      return;
    }
    const item = await fetchDocument(file.url, { timeoutMs: options.fetchTimeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000, maxBytes: options.maxBytes, outputName: file.relativePath });
    if (item.kind === 'document') options.progress.bytes += item.doc.bytes.length;
    yield item;
    return;
  }
  let size: number;
  try {
    const info = await stat(file.path);
    if (info.isDirectory()) return;
    size = info.size;
  } catch (error) {
    yield failed(readError(error));
    return;
  }
  const format = chosen ?? file.format;
  if (!format.many && isDone()) {
    // A finished document is counted without reading it.
    options.progress.bytes += size;
    yield RESUMED;
    return;
  }
  const { range } = file;
  const source: FormatSource = {
    shown: file.shown,
    path: file.path,
    outputName: outputNameOf(file.relativePath, format),
    size: range ? range.end - range.start : size,
    chunks: () => count(createReadStream(file.path, range ? { start: range.start, end: range.end - 1 } : {})),
    ...(range ? { range: { offset: range.start, before: range.before } } : {}),
    maxBytes: options.maxBytes,
    isDone,
    ...(format.many ? {} : { manifest: manifests.lookup(file.path) }),
  };
  yield* format.read(source);
}

/** Pass chunks through, adding their sizes to `counter.bytes`. */
async function* counted(chunks: AsyncIterable<Uint8Array>, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    counter.bytes += chunk.length;
    yield chunk;
  }
}

/** A document read and decoded, as `explain`, `eval` and `learn` take it. */
export interface SourceDocument {
  /** Its id: the path as shown, a record's id field, `file.jsonl:LINE`, a WARC record id, `-`. */
  id: string;
  /** Where it came from, for messages: `path`, `file.jsonl:LINE`, `file.warc.gz@OFFSET`, `-`. */
  source: string;
  /** Its file on disk, for a file of one document. */
  path?: string;
  /** Its path under the input it was found in (`lbc/page.html`), or a record's name (`pages/12`, `stdin`). */
  relativePath: string;
  /** The document, decoded as `winnow clean` decodes it; absent when it could not be read. */
  input?: CleanInput;
  /** Problems that did not stop it (invalid bytes replaced). */
  warnings: string[];
  /** Why it could not be read. */
  error?: string;
}

export interface ReadOptions {
  cwd: string;
  stdin?: () => AsyncIterable<Uint8Array>;
  inputFormat?: InputFormat;
  maxBytes?: number;
  fields?: RecordFields;
  fetchTimeoutMs?: number;
}

/** Every document the inputs hold, read and decoded in order; unreadable ones carry an `error`. */
export async function* readDocuments(inputs: string[], options: ReadOptions): AsyncGenerator<SourceDocument> {
  const files = [...expandInputs(inputs, options.cwd)];
  const byShown = new Map(files.map((f) => [f.shown, f]));
  const items = readCorpus(files, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    inputFormat: options.inputFormat ?? AUTO,
    stdin: options.stdin ?? (async function* () {}),
    resumeFrom: 0,
    progress: { bytes: 0 },
    ...(options.fetchTimeoutMs !== undefined ? { fetchTimeoutMs: options.fetchTimeoutMs } : {}),
  });
  for await (const item of items) {
    if (item.kind === 'resumed' || item.kind === 'skipped') continue;
    if (item.kind === 'failed') {
      yield { id: item.id, source: item.source, relativePath: byShown.get(item.source)?.relativePath ?? item.source, warnings: [], error: item.reason };
      continue;
    }
    const raw = item.doc;
    // A file of one document has its own path; a record is named by its output name.
    const file = raw.path === undefined ? undefined : byShown.get(raw.path);
    const where = file === undefined ? { relativePath: raw.outputName } : { path: file.path, relativePath: file.relativePath };
    try {
      const prepared = prepareDocument(raw, options.fields ?? DEFAULT_FIELDS);
      yield { id: prepared.id, source: raw.source, ...where, input: prepared.input, warnings: prepared.warnings };
    } catch (error) {
      if (!(error instanceof UnreadableDocument)) throw error;
      yield { id: raw.id ?? raw.source, source: raw.source, ...where, warnings: [], error: error.message };
    }
  }
}
