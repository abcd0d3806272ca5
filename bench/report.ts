/**
 * Size of the removal report and its HTML page, and the memory used to build them, for an
 * N-document run (default 1,000).
 *
 *   npm run bench:build && node --expose-gc build/bench/report.js CORPUS [--documents 1000] [--out DIR] [--record]
 *
 * Reads the pages under CORPUS/html of one of ../shared's corpora (CORPUS, by default
 * ../shared/corpus/dragnet-train; URLs from CORPUS/manifest.jsonl) and the project's two seed
 * articles (corpus/), cleans them with the project's rules (rules/) and adds every result to a
 * ReportBuilder. When N is larger than the corpus, the documents are cleaned again under new ids
 * (`ID.html#2`, ...): 1,000 documents are the 2 seeds and the 966 Dragnet pages, then the 2 seeds
 * and 30 pages again.
 * Measures the JSON report and the HTML page in bytes, the heap the builder holds after the last
 * document (gc before and after), the peak RSS of the whole process (cleaning included), and the
 * time to clean, build and render. Run from the repository root. `--record` writes the section
 * `report-N` of bench/RESULTS.md (N the number of documents).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clean } from '../src/kernel/clean.js';
import { readDocuments } from '../src/io/sources/corpus.js';
import { ReportBuilder } from '../src/report/builder.js';
import { renderHtml } from '../src/report/formats/html.js';
import { reportJson } from '../src/report/formats/json.js';
import { loadRules } from '../src/io/rules.js';
import { machine } from './machine.js';
import { DEFAULT_CORPUS } from './dragnet.js';
import { commandLine, recordSection } from './record.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    documents: { type: 'string', default: '1000' },
    out: { type: 'string' },
    record: { type: 'boolean', default: false },
  },
});
const corpus = resolve(positionals[0] ?? DEFAULT_CORPUS);
const wanted = Number(values.documents);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc, to measure the heap the builder holds');
const heapNow = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const root = process.cwd();
const rules = loadRules(join(root, 'rules'));
const inputs = [join(root, 'corpus'), join(corpus, 'html')];

const heapBefore = heapNow();
const builder = new ReportBuilder({ ruleSet: rules, root });
let documents = 0;
/** How many times the documents were read (the ids of later rounds end in `#ROUND`). */
let rounds = 0;
const started = process.hrtime.bigint();
for (let round = 1; documents < wanted; round++) {
  rounds = round;
  let read = 0;
  for await (const doc of readDocuments(inputs, { cwd: process.cwd() })) {
    if (documents >= wanted) break;
    read++;
    if (doc.input === undefined) continue;
    const id = round === 1 ? doc.id : `${doc.id}#${round}`;
    builder.add(clean({ ...doc.input, id }, { rules }));
    documents++;
  }
  if (read === 0) throw new Error(`no documents under ${inputs.join(' and ')}`);
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

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const seconds = (a: bigint, b: bigint) => `${(Number(b - a) / 1e9).toFixed(2)} s`;
const row =
  `| ${documents.toLocaleString('en')} | ${report.documents.length.toLocaleString('en')} | ${report.details.length} | ${mb(Buffer.byteLength(json))} | ${mb(Buffer.byteLength(html))} ` +
  `| ${mb(heapHeld)} | ${mb(peakRss)} | ${seconds(started, cleaned)} | ${seconds(cleaned, built)} | ${seconds(built, rendered)} |`;
const header =
  '| documents | rows kept | texts kept | report.json | report.html | heap held by the builder | peak RSS (whole run) | clean | build() | render JSON + HTML |\n' +
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
console.log(`${header}\n${row}`);

if (values.record) {
  recordSection(
    `report-${documents}`,
    [
      `## Removal report of a ${documents.toLocaleString('en')}-document run`,
      '',
      `${machine()}. Command: \`${commandLine()}\`.`,
      `Documents: the 2 seed articles (corpus/) and the pages of \`${corpus.split('/').slice(-2).join('/')}/html\`, cleaned with rules/${rounds > 1 ? `, then the same documents again under new ids up to ${documents.toLocaleString('en')}` : ''}; ` +
        `default report settings (maxDocuments ${report.settings.maxDocuments.toLocaleString('en')}, maxDocumentDetails ${report.settings.maxDocumentDetails}). MB = 10^6 bytes.`,
      '',
      header,
      row,
    ].join('\n'),
  );
}
