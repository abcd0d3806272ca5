/**
 * WARC and WARC.gz files -> documents, with warcio (Webrecorder's WARC library): every `response`
 * (and `resource`) record whose payload is HTML or text is a document; its URL is the record's
 * target URI and its charset the one its HTTP Content-Type declares. Other records (requests,
 * metadata, warcinfo, revisits) are not documents; responses holding images, scripts, PDFs or
 * redirects are counted as skipped.
 *
 * A truncated or corrupt file keeps every record read before the damage; the damage itself
 * becomes an error record naming the byte offset where reading stopped.
 */
import { LimitReader, WARCParser, type WARCRecord } from 'warcio';
import type { CorpusItem } from '../items.js';
import type { FormatSource, SourceFormat } from './registry.js';

/** Record types that carry a captured document. */
const DOCUMENT_RECORDS = new Set(['response', 'resource']);
/** Payload types that are documents to clean; a record without a Content-Type is sniffed. */
const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;
const TEXT_TYPE = /^\s*text\/plain\b/i;
/** `charset=...` in a Content-Type value, quoted or not. */
const CHARSET_PARAM = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

const WARC_MAGIC = 'WARC/';

export const warc: SourceFormat = {
  name: 'warc',
  description: 'WARC files of captured pages (plain or gzipped): every HTML or text response is a document',
  files: /\.warc(\.gz)?$/i,
  many: true,
  sniff: (head) => new TextDecoder().decode(head.subarray(0, WARC_MAGIC.length)) === WARC_MAGIC,
  read: readWarc,
};

async function* readWarc(source: FormatSource): AsyncGenerator<CorpusItem> {
  // Bytes fed to the parser, against its offset when it stops: damage it could not read as records.
  let fed = 0;
  const parser = new WARCParser(
    (async function* () {
      for await (const chunk of source.chunks()) {
        fed += chunk.length;
        yield chunk;
      }
    })(),
  );
  // warcio finds a Content-Length that is too small only when it looks for the next record, and
  // says so on the console: the message is taken here, and the record before it (held back until
  // then) becomes an error record instead of a truncated document.
  let tooSmall: string | undefined;
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const message = String(args[0]);
    if (message.startsWith('Content-Length Too Small')) tooSmall = message;
    else warn(...args);
  };
  let held: CorpusItem | undefined;
  const settle = (): CorpusItem | undefined => {
    const item = held;
    held = undefined;
    if (item?.kind === 'document' && tooSmall !== undefined) {
      const remainder = /Remainder Length: (\d+)/.exec(tooSmall)?.[1];
      return { kind: 'failed', id: item.doc.id ?? item.doc.source, source: item.doc.source, reason: `damaged WARC record: its Content-Length is too small${remainder ? ` (${remainder} more bytes of it follow)` : ''}, so its document would be cut short; fix the WARC file` };
    }
    return item;
  };
  // A range of the file (a shard) goes on counting records and bytes from where it starts.
  let recordNumber = source.range?.before ?? 0;
  const base = source.range?.offset ?? 0;
  try {
    for await (const record of parser) {
      const previous = settle();
      tooSmall = undefined;
      if (previous) yield previous;
      recordNumber++;
      if (!DOCUMENT_RECORDS.has(record.warcType ?? '')) continue;
      const where = `${source.shown}@${base + parser.offset}`;
      const contentType = (record.warcType === 'response' ? record.httpHeaders?.headers.get('content-type') : record.warcHeader('Content-Type')) ?? undefined;
      const status = record.warcType === 'response' ? Number(record.httpHeaders?.statusCode ?? 0) : 0;
      if (status >= 300 && status < 400) {
        yield { kind: 'skipped', source: where, reason: `HTTP ${status} redirect` };
        continue;
      }
      const markup = contentType === undefined || contentType === '' ? undefined : HTML_TYPE.test(contentType) ? 'html' : TEXT_TYPE.test(contentType) ? 'text' : null;
      if (markup === null) {
        yield { kind: 'skipped', source: where, reason: `not HTML or text (${contentType!.split(';')[0].trim()})` };
        continue;
      }
      if (source.isDone()) {
        yield { kind: 'resumed' };
        continue;
      }
      const id = (record.warcHeader('WARC-Record-ID') ?? where).replace(/^<|>$/g, '');
      const payload = await readPayload(record, source.maxBytes);
      if ('reason' in payload) {
        yield { kind: 'failed', id, source: where, reason: payload.reason };
        continue;
      }
      const swallowed = nextRecordInside(payload.bytes);
      if (swallowed !== undefined) {
        yield { kind: 'failed', id, source: where, reason: `damaged WARC record: its Content-Length is too large, and its block runs into the next record (a WARC header at byte ${swallowed} of it); that record is lost too; fix the WARC file` };
        continue;
      }
      held = {
        kind: 'document',
        doc: {
          format: 'bytes',
          source: where,
          id,
          outputName: `${source.outputName}/${recordNumber}`,
          ...(record.warcTargetURI ? { url: record.warcTargetURI } : {}),
          ...(markup ? { markup } : {}),
          ...(charsetOf(contentType) ? { charset: charsetOf(contentType) } : {}),
          bytes: payload.bytes,
        },
      };
    }
    const last = settle();
    if (last) yield last;
  } catch (error) {
    const last = settle();
    if (last) yield last;
    yield { kind: 'failed', id: `${source.shown}@${base + parser.offset}`, source: `${source.shown}@${base + parser.offset}`, reason: `corrupt WARC data, reading stopped here: ${(error as Error).message}`, input: true };
    return;
  } finally {
    console.warn = warn;
  }
  const unread = fed - parser.offset;
  if (unread > 0) {
    const where = `${source.shown}@${base + parser.offset}`;
    yield { kind: 'failed', id: where, source: where, reason: `truncated or corrupt WARC data: the last ${unread} bytes could not be read as records`, input: true };
  }
}

/** WARC/1.0 or WARC/1.1 at the start of a line, followed by a WARC header line: the next record's start. */
const RECORD_START = /\r?\nWARC\/1\.[01]\r?\n(?:[!-9;-~]+:[^\r\n]*\r?\n)*?WARC-(?:Type|Record-ID|Date):/;

/** Where in a record's block the next record starts (a Content-Length too large swallowed it), if it does. */
function nextRecordInside(bytes: Uint8Array): number | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = buffer.indexOf('WARC/1.');
  if (at < 0) return undefined;
  const match = RECORD_START.exec(buffer.toString('latin1', Math.max(0, at - 2)));
  return match ? Math.max(0, at - 2) + match.index : undefined;
}

/** The decoded payload (de-chunked, decompressed), up to `maxBytes`; a short or oversized one is refused. */
async function readPayload(record: WARCRecord, maxBytes: number): Promise<{ bytes: Uint8Array } | { reason: string }> {
  const raw = record.reader;
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of record) {
    length += chunk.length;
    if (length > maxBytes) return { reason: `over the size cap: more than ${maxBytes} bytes (--max-bytes)` };
    parts.push(chunk);
  }
  if (raw instanceof LimitReader && raw.limit > 0) {
    return { reason: `truncated WARC record: ${raw.limit} of its ${record.warcContentLength} bytes are missing` };
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes };
}

/** The `charset` parameter of a Content-Type header value, if any. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const match = contentType ? CHARSET_PARAM.exec(contentType) : null;
  return match ? match[1] : undefined;
}
