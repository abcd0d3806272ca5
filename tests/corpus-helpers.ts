/** Corpora built inside the tests: articles, JSONL and WARC files (no binary fixtures to keep in sync). */
import { WARCRecord, WARCSerializer } from 'warcio';
import { gzipSync } from 'node:zlib';

const WORDS = ['council', 'river', 'budget', 'station', 'minister', 'harbour', 'school', 'festival', 'report', 'season', 'market', 'bridge'];

/** A small news page: a headline, a few paragraphs, an ad label and a related-links block. Deterministic in `i`. */
export function article(i: number): string {
  const words = (n: number, salt: number) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3 + salt) % WORDS.length]).join(' ');
  const paragraphs = Array.from({ length: 2 + (i % 5) }, (_, p) => `<p>${words(12 + ((i + p) % 9), p)}.</p>`).join('\n');
  return `<!doctype html><html><head><title>Story ${i}</title></head><body><h1>Story ${i}: ${words(4, 1)}</h1>\n${paragraphs}\n<p>Advertisement</p>\n<p>Closing line of story ${i}.</p></body></html>`;
}

/** JSON lines from records. */
export function jsonl(records: unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

export interface WarcEntry {
  url: string;
  body: string | Uint8Array;
  /** HTTP Content-Type (default `text/html; charset=utf-8`). */
  contentType?: string;
  /** HTTP status (default 200). */
  status?: number;
  /** WARC record type (default `response`). */
  type?: 'response' | 'request' | 'resource';
}

/** A WARC file (one gzip member per record when `gzip`), written with warcio. */
export async function warc(entries: WarcEntry[], gzip = false): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  parts.push(await WARCSerializer.serialize(await WARCRecord.createWARCInfo({ filename: 'test.warc', warcVersion: 'WARC/1.1' }, { software: 'winnow tests' }), { gzip }));
  for (const entry of entries) {
    const body = typeof entry.body === 'string' ? new TextEncoder().encode(entry.body) : entry.body;
    const type = entry.type ?? 'response';
    const record = await WARCRecord.create(
      {
        url: entry.url,
        date: '2024-12-19T06:11:00Z',
        type,
        warcVersion: 'WARC/1.1',
        ...(type === 'response' ? { httpHeaders: { 'Content-Type': entry.contentType ?? 'text/html; charset=utf-8' }, statusline: `HTTP/1.1 ${entry.status ?? 200} OK` } : {}),
        ...(type === 'resource' ? { warcHeaders: { 'Content-Type': entry.contentType ?? 'text/html' } } : {}),
      },
      (async function* () {
        yield body;
      })(),
    );
    parts.push(await WARCSerializer.serialize(record, { gzip }));
  }
  return Buffer.concat(parts.map((p) => Buffer.from(p)));
}

export const gzip = (data: string | Uint8Array) => gzipSync(data);
