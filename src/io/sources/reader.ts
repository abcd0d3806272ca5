/**
 * The corpus, as one stream of items in input order: every input file (or stdin) read with the
 * reader its kind needs. Streams throughout: one file's chunk, one JSONL line or one WARC
 * payload at a time is held, whatever the size of the corpus.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Manifests } from './documents.js';
import { stripCorpusExtension, type InputFile, type InputKind } from './inputs.js';
import type { CorpusItem } from './items.js';
import { readJsonl } from './jsonl.js';
import { readWarc } from './warc.js';

/** How inputs are read: by file name (`auto`), or all as one kind. */
export type InputFormat = 'auto' | InputKind;

export interface CorpusOptions {
  /** Documents (files, JSONL lines, WARC payloads) over this many bytes become error records. */
  maxBytes: number;
  /** `auto` (default): by file name; stdin is WARC when it starts with `WARC/`, else one document. */
  inputFormat: InputFormat;
  /** Standard input as bytes (only read when an input is `-`). */
  stdin: () => AsyncIterable<Uint8Array>;
  /** Items before this position were finished by an earlier run (`--resume`): they are counted, not read. */
  resumeFrom: number;
  /** Bytes read from the inputs so far (compressed bytes for .gz files), for progress. */
  progress: { bytes: number };
}

const RESUMED: CorpusItem = { kind: 'resumed' };
/** First bytes of a gzip stream. */
const GZIP_MAGIC = [0x1f, 0x8b];
const WARC_MAGIC = 'WARC/';

export async function* readCorpus(files: Iterable<InputFile>, options: CorpusOptions): AsyncGenerator<CorpusItem> {
  let position = 0;
  const isDone = () => position < options.resumeFrom;
  const manifests = new Manifests();
  for (const file of files) {
    for await (const item of readInput(file, options, isDone, manifests)) {
      yield position++ < options.resumeFrom ? RESUMED : item;
    }
  }
}

async function* readInput(file: InputFile, options: CorpusOptions, isDone: () => boolean, manifests: Manifests): AsyncGenerator<CorpusItem> {
  const failed = (reason: string): CorpusItem => ({ kind: 'failed', id: file.shown, source: file.shown, reason });
  const outputBase = stripCorpusExtension(file.relativePath);
  if (file.path === '-') {
    yield* readStdin(options, isDone);
    return;
  }
  if (file.error !== undefined) {
    yield failed(file.error);
    return;
  }
  let size: number;
  try {
    const info = await stat(file.path);
    if (info.isDirectory()) return;
    size = info.size;
  } catch (error) {
    yield failed(fileError(error));
    return;
  }
  const kind = options.inputFormat === 'auto' ? file.kind : options.inputFormat;
  if (kind === 'jsonl') {
    yield* readJsonl({ shown: file.shown, outputBase, chunks: await maybeGunzip(counted(createReadStream(file.path), options.progress)), maxBytes: options.maxBytes, isDone });
    return;
  }
  if (kind === 'warc') {
    const fed = { bytes: 0 };
    yield* readWarc({ shown: file.shown, outputBase, chunks: counted(counted(createReadStream(file.path), options.progress), fed), bytesFed: () => fed.bytes, maxBytes: options.maxBytes, isDone });
    return;
  }
  if (isDone()) {
    options.progress.bytes += size;
    yield RESUMED;
    return;
  }
  if (size > options.maxBytes) {
    options.progress.bytes += size;
    yield failed(`over the size cap: ${size} bytes, more than ${options.maxBytes} (--max-bytes)`);
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.path);
  } catch (error) {
    yield failed(fileError(error));
    return;
  }
  options.progress.bytes += bytes.byteLength;
  const entry = manifests.lookup(file.path);
  yield {
    kind: 'document',
    doc: {
      format: 'bytes',
      source: file.shown,
      id: file.shown,
      outputName: withoutExtension(file.relativePath),
      path: file.shown,
      ...(entry?.url ? { url: entry.url } : {}),
      ...(entry?.outlet ? { outlet: entry.outlet } : {}),
      bytes,
    },
  };
}

/** Stdin: a WARC stream (plain or gzipped) or JSONL when asked for or recognised, else one document. */
async function* readStdin(options: CorpusOptions, isDone: () => boolean): AsyncGenerator<CorpusItem> {
  const chunks = await maybeGunzip(counted(options.stdin(), options.progress));
  const { head, all } = await peek(chunks);
  const kind = options.inputFormat !== 'auto' ? options.inputFormat : new TextDecoder().decode(head.subarray(0, WARC_MAGIC.length)) === WARC_MAGIC ? 'warc' : 'document';
  if (kind === 'jsonl') {
    yield* readJsonl({ shown: '-', outputBase: 'stdin', chunks: all, maxBytes: options.maxBytes, isDone });
    return;
  }
  if (kind === 'warc') {
    const fed = { bytes: 0 };
    yield* readWarc({ shown: '-', outputBase: 'stdin', chunks: counted(all, fed), bytesFed: () => fed.bytes, maxBytes: options.maxBytes, isDone });
    return;
  }
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of all) {
    length += chunk.length;
    if (length <= options.maxBytes) parts.push(chunk);
  }
  if (isDone()) {
    yield RESUMED;
    return;
  }
  if (length > options.maxBytes) {
    yield { kind: 'failed', id: '-', source: '-', reason: `over the size cap: ${length} bytes, more than ${options.maxBytes} (--max-bytes)` };
    return;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  yield { kind: 'document', doc: { format: 'bytes', source: '-', id: '-', outputName: 'stdin', bytes } };
}

/** Pass chunks through, adding their sizes to `counter.bytes`. */
async function* counted(chunks: AsyncIterable<Uint8Array>, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    counter.bytes += chunk.length;
    yield chunk;
  }
}

/** Decompress when the stream starts with the gzip magic number, whatever the file is called. */
async function maybeGunzip(chunks: AsyncIterable<Uint8Array>): Promise<AsyncIterable<Uint8Array>> {
  const { head, all } = await peek(chunks);
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) return all;
  const gunzip = createGunzip();
  // Errors of the source and of the decompression both surface when the output is read.
  pipeline(Readable.from(all), gunzip, () => {});
  return gunzip;
}

/** The first chunk, and the whole stream including it again. */
async function peek(chunks: AsyncIterable<Uint8Array>): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  let first: IteratorResult<Uint8Array>;
  try {
    first = await iterator.next();
  } catch (error) {
    return { head: new Uint8Array(), all: failing(error) };
  }
  const head = first.done ? new Uint8Array() : first.value;
  async function* all(): AsyncGenerator<Uint8Array> {
    if (first.done) return;
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, all: all() };
}

async function* failing(error: unknown): AsyncGenerator<Uint8Array> {
  throw error;
}

function fileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${(error as Error).message}`;
}

/** `lbc/page.html` -> `lbc/page` (output names get the extension of the output format). */
function withoutExtension(path: string): string {
  const ext = extname(path);
  return ext ? path.slice(0, -ext.length) : path;
}
