/**
 * Writes a large JSONL corpus for the batch benchmark (batch.ts) by cycling through the pages of
 * one of ../shared's corpora in the Dragnet layout (../shared/corpus/dragnet-train: 966 real
 * pages, Dragnet data set, AGPL-3.0): one record {id, url, html} per line, `id` suffixed with the
 * round (`100~3`), until the file reaches the requested size (MB and GB are 2^20 and 2^30 bytes).
 *
 *   npm run bench:build && node build/bench/make-corpus.js ../shared/corpus/dragnet-train /tmp/corpus-1g.jsonl [--size 1GB]
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readDragnet } from './dragnet.js';

const SIZE = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i;
const UNIT: Record<string, number> = { k: 2 ** 10, kb: 2 ** 10, m: 2 ** 20, mb: 2 ** 20, g: 2 ** 30, gb: 2 ** 30 };

const { values, positionals } = parseArgs({ allowPositionals: true, options: { size: { type: 'string', default: '1GB' } } });
if (positionals.length !== 2) {
  console.error('Usage: node build/bench/make-corpus.js DRAGNET_DIR OUT.jsonl [--size 1GB]');
  process.exit(2);
}
const match = SIZE.exec(values.size);
if (!match) throw new Error(`Unexpected --size ${values.size}, expected e.g. 1GB or 100MB`);
const target = Number(match[1]) * (match[2] ? UNIT[match[2].toLowerCase()] : 1);
const pages = readDragnet(resolve(positionals[0]));
const out = createWriteStream(resolve(positionals[1]));
let written = 0;
let records = 0;
for (let round = 0; written < target; round++) {
  for (const page of pages) {
    if (written >= target) break;
    const line = `${JSON.stringify({ id: `${page.id}~${round}`, url: page.url, html: page.html })}\n`;
    written += Buffer.byteLength(line);
    records++;
    if (!out.write(line)) await once(out, 'drain');
  }
}
out.end();
await once(out, 'finish');
console.log(`${positionals[1]}: ${records.toLocaleString('en')} records, ${(written / 2 ** 20).toFixed(1)} MiB, from ${pages.length} pages`);
