/** Byte streams: the first chunk without losing it, and gzip undone when the bytes say so. */
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** First bytes of a gzip stream. */
const GZIP_MAGIC = [0x1f, 0x8b];

/** The first chunk, and the whole stream including it again. */
export async function peek(chunks: AsyncIterable<Uint8Array>): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
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

/** Decompress when the stream starts with the gzip magic number, whatever the file is called. */
export async function maybeGunzip(chunks: AsyncIterable<Uint8Array>): Promise<AsyncIterable<Uint8Array>> {
  const { head, all } = await peek(chunks);
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) return all;
  const gunzip = createGunzip();
  // Errors of the source and of the decompression both surface when the output is read.
  pipeline(Readable.from(all), gunzip, () => {});
  return gunzip;
}
