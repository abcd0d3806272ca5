/**
 * JSONL and JSONL.gz files -> one raw document per non-blank line. Lines are passed on undecoded
 * (a worker parses them), so reading stays cheap on the main thread. A line over the size cap,
 * and the unreadable tail of a truncated .gz file, become error records; every line read before
 * the damage is kept.
 */
import type { CorpusItem } from '../items.js';
import { BlankRunError, isBlank, LineSplitter } from './lines.js';
import { maybeGunzip } from './streams.js';
import type { FormatSource, SourceFormat } from './registry.js';

export const jsonl: SourceFormat = {
  name: 'jsonl',
  description: 'JSON lines, one record per line (plain or gzipped); `.ndjson` is another name',
  files: /\.(jsonl|ndjson)(\.gz)?$/i,
  many: true,
  // A JSON object opening the stream (`{"`): no HTML or text document starts so.
  sniff: (head) => /^\uFEFF?\s*\{\s*"/.test(new TextDecoder().decode(head.subarray(0, 64))),
  read: readJsonl,
};

async function* readJsonl(source: FormatSource): AsyncGenerator<CorpusItem> {
  const splitter = new LineSplitter(source.maxBytes);
  splitter.lines = source.range?.before ?? 0;
  try {
    for await (const line of splitter.split(await maybeGunzip(source.chunks()))) {
      const where = `${source.shown}:${line.number}`;
      if (line.bytes === undefined) {
        yield { kind: 'failed', id: where, source: where, reason: `over the size cap: the line has ${line.length} bytes, more than ${source.maxBytes} (--max-bytes)` };
        continue;
      }
      if (isBlank(line.bytes)) continue;
      if (source.isDone()) {
        yield { kind: 'resumed' };
        continue;
      }
      yield { kind: 'document', doc: { format: 'jsonl', source: where, outputName: `${source.outputName}/${line.number}`, bytes: line.bytes } };
    }
  } catch (error) {
    const where = `${source.shown}:${splitter.lines + 1}`;
    const reason = error instanceof BlankRunError ? `${error.message}; reading stopped` : `truncated or corrupt data, reading stopped after line ${splitter.lines}: ${(error as Error).message}`;
    yield { kind: 'failed', id: where, source: where, reason, input: true };
  }
}

