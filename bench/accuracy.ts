/**
 * Accuracy of Winnow's rules against its peers on a gold corpus in the Dragnet layout.
 *
 *   npm run bench:build && node build/bench/accuracy.js CORPUS [--record] [--limit N] [--only winnow,...] [--scorer PATH]
 *
 * Reads one of ../shared's corpora (CORPUS, by default ../shared/corpus/dragnet-train; also
 * ../shared/corpus/fundus-publishers) and scores with ../shared's reference scorer
 * (../shared/tools/score.mjs, or --scorer PATH): words and 4-word-shingle precision, recall, F1,
 * macro-averaged over pages. Also counts pages that came out empty while their gold is not, and
 * how many pages Winnow's safety net relaxed (by step). `--record` writes the `accuracy` section
 * of bench/RESULTS.md.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS, readDragnet } from './dragnet.js';
import { PEERS, winnow, type Extractor } from './extractors.js';
import { machine } from './machine.js';
import { commandLine, recordSection } from './record.js';
import { loadScorer, type Scores } from './scorer.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    record: { type: 'boolean', default: false },
    limit: { type: 'string' },
    scorer: { type: 'string' },
    only: { type: 'string' },
  },
});
const corpus = resolve(positionals[0] ?? DEFAULT_CORPUS);
const scorer = await loadScorer(corpus, values.scorer);
const pages = readDragnet(corpus, values.limit ? Number(values.limit) : Infinity);

const ours = winnow();
const extractors: Extractor[] = [ours, ...PEERS].filter((e) => !values.only || values.only.split(',').includes(e.name));
const rows: string[] = [];
for (const extractor of extractors) {
  const results: Scores[] = [];
  let empty = 0;
  let failed = 0;
  for (const page of pages) {
    let text = '';
    try {
      text = await extractor.extract(page.html, page.url);
    } catch {
      failed++;
    }
    if (text.trim() === '' && page.gold.trim() !== '') empty++;
    results.push(scorer.scorePair(text, page.gold));
  }
  const m = scorer.macro(results);
  const relaxed = extractor === ours ? relaxedSummary(ours.relaxed) : '';
  const row = `| ${extractor.name} | ${m.words.precision.toFixed(3)} | ${m.words.recall.toFixed(3)} | ${m.words.f1.toFixed(3)} | ${m.shingles.precision.toFixed(3)} | ${m.shingles.recall.toFixed(3)} | ${m.shingles.f1.toFixed(3)} | ${empty} | ${failed} | ${relaxed} |`;
  rows.push(row);
  console.log(row);
}

const table = [
  `## Accuracy on ${pages.length} pages of \`${corpus.split('/').slice(-2).join('/')}\``,
  '',
  `${machine()}. Command: \`${commandLine()}\`.`,
  'Macro-averages over pages of ../shared/tools/score.mjs; a peer\'s article HTML is turned into text with the same block conversion as Winnow\'s output.',
  '',
  '| extractor | words P | words R | words F1 | shingles P | shingles R | shingles F1 | empty (gold not) | errors | pages relaxed by the safety net |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...rows,
].join('\n');
console.log(`\n${table}`);
if (values.record) recordSection('accuracy', table);

function relaxedSummary(relaxed: Map<number, number>): string {
  const total = [...relaxed.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return '0';
  const steps = [...relaxed.entries()].sort((a, b) => a[0] - b[0]).map(([step, n]) => `step ${step}: ${n}`);
  return `${total} (${steps.join(', ')})`;
}
