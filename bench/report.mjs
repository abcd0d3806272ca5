#!/usr/bin/env node
// Benchmark: the removal report (JSON) and its HTML page for an N-document run.
//
//   npm run build
//   node --expose-gc bench/report.mjs ../shared/corpus/dragnet-train [--documents 1000] [--out DIR]
//
// Reads the Dragnet pages under CORPUS/html (with CORPUS/manifest.jsonl for their URLs) and the
// project's two seed articles (corpus/), cleans them with the project's rules and feeds every
// result to a ReportBuilder; when N is larger than the corpus, pages are cleaned again under new
// ids ("#2", "#3", ...). Prints the sizes of the JSON report and the HTML page, the heap the
// builder holds after all documents (measured with gc between), the peak RSS of the process, and
// the time to clean, build and render.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clean, loadRules } from '../dist/index.js';
import { readDocuments } from '../dist/corpus/documents.js';
import { ReportBuilder } from '../dist/report/builder.js';
import { renderHtml } from '../dist/report/html.js';
import { reportJson } from '../dist/report/write.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { documents: { type: 'string', default: '1000' }, out: { type: 'string' } },
});
if (positionals.length !== 1) {
  console.error('usage: node --expose-gc bench/report.mjs CORPUS_DIR [--documents N] [--out DIR]');
  process.exit(2);
}
const corpus = resolve(positionals[0]);
const wanted = Number(values.documents);
const gc = globalThis.gc ?? (() => { throw new Error('run with node --expose-gc'); });

const rules = loadRules(join(ROOT, 'rules'));
const inputs = [join(ROOT, 'corpus'), join(corpus, 'html')];
const heapNow = () => { gc(); gc(); return process.memoryUsage().heapUsed; };

const heapBefore = heapNow();
const builder = new ReportBuilder({ ruleSet: rules, root: ROOT });
let documents = 0;
let round = 1;
const started = process.hrtime.bigint();
while (documents < wanted) {
  for (const doc of readDocuments(inputs)) {
    if (documents >= wanted) break;
    const id = round === 1 ? doc.relativePath : `${doc.relativePath}#${round}`;
    builder.add(clean({ content: doc.content, path: doc.path, url: doc.url, id }, { rules }));
    documents++;
  }
  round++;
}
const cleaned = process.hrtime.bigint();
const heapHeld = heapNow() - heapBefore;
const report = builder.build();
const built = process.hrtime.bigint();
const json = reportJson(report);
const html = renderHtml(report);
const rendered = process.hrtime.bigint();
const peakRss = process.resourceUsage().maxRSS * 1024;

if (values.out) {
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'report.json'), json);
  writeFileSync(join(values.out, 'report.html'), html);
}
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
const s = (a, b) => `${(Number(b - a) / 1e9).toFixed(2)} s`;
console.log(JSON.stringify({
  documents,
  words: report.totals.wordsIn,
  rules: report.totals.rules,
  documentRows: report.documents.length,
  details: report.details.length,
  jsonBytes: Buffer.byteLength(json),
  htmlBytes: Buffer.byteLength(html),
  builderHeapBytes: heapHeld,
  peakRssBytes: peakRss,
}));
console.log(`| ${documents} | ${mb(Buffer.byteLength(json))} | ${mb(Buffer.byteLength(html))} | ${mb(heapHeld)} | ${mb(peakRss)} | ${s(started, cleaned)} | ${s(cleaned, built)} | ${s(built, rendered)} |`);
