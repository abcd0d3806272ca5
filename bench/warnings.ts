/**
 * The report's over-removal thresholds, chosen with folds by site: a warning should be news, a
 * page that really lost its article, not the norm of a whole web page losing its chrome.
 *
 *   npm run build && npm run bench:build && node build/bench/warnings.js [DRAGNET] [FUNDUS] [--folds 5] [--record]
 *
 * Reads the corpora in place (default ../shared/corpus/dragnet-train and
 * ../shared/corpus/fundus-publishers: html/, gold/, manifest.jsonl). Every page is cleaned with
 * the shipped rules (the fundus pages with `title: false`, as their gold is the body alone), and
 * is "damaged" when it kept less than 80% of its gold words (words recall < 0.8): what an
 * over-removal warning should find. A page is flagged when it lost words and more than
 * `maxRemovedShare` of them, or kept fewer than `minWordsKept`. Sites (dragnet hosts, fundus
 * publishers) are dealt into folds in name order; for each fold the grid point with the best F1 of
 * finding damaged pages on the other folds is chosen and scored on the held-out fold. `--record`
 * writes the `warnings` section of bench/RESULTS.md.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clean } from '../src/kernel/clean.js';
import { decodeDocument } from '../src/io/sources/decode.js';
import { loadRules } from '../src/io/rules.js';
import { scoreText } from '../src/eval/score.js';
import { DEFAULT_MAX_REMOVED_SHARE, DEFAULT_MIN_WORDS_KEPT } from '../src/report/options.js';
import { machine } from './machine.js';
import { commandLine, recordSection } from './record.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { folds: { type: 'string', default: '5' }, record: { type: 'boolean', default: false } } });
const FOLDS = Number(values.folds);
const [dragnetDir, fundusDir] = [positionals[0] ?? '../shared/corpus/dragnet-train', positionals[1] ?? '../shared/corpus/fundus-publishers'].map((d) => resolve(d));
/** Gold words kept below this share: the page lost part of its article. */
const DAMAGED_RECALL = 0.8;
const SHARES = [0.8, 0.85, 0.9, 0.95, 0.98];
const KEPT = [0, 25, 50, 100];

interface Page {
  site: string;
  fold: number;
  share: number;
  removed: number;
  kept: number;
  damaged: boolean;
}

const rules = loadRules('rules');
const pages: Page[] = [];
for (const [dir, news] of [[dragnetDir, false], [fundusDir, true]] as const) {
  const manifest = new Map(
    readFileSync(join(dir, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; url?: string; host?: string; publisher?: string })
      .map((r) => [String(r.id), r]),
  );
  for (const name of readdirSync(join(dir, 'html')).filter((n) => n.endsWith('.html')).sort()) {
    const id = name.replace(/\.html$/, '');
    const goldPath = join(dir, 'gold', `${id}.txt`);
    if (!existsSync(goldPath)) continue;
    const entry = manifest.get(id);
    const html = decodeDocument(readFileSync(join(dir, 'html', name)), { markup: 'html' }).text;
    const result = clean({ content: html, type: 'html', ...(entry?.url ? { url: entry.url } : {}) }, { rules, ...(news ? { title: false } : {}) });
    const recall = scoreText(result.text, readFileSync(goldPath, 'utf8')).words.recall;
    const { wordsIn, wordsOut, wordsRemoved } = result.stats;
    pages.push({ site: `${news ? 'fundus' : 'dragnet'}:${entry?.publisher ?? entry?.host ?? id}`, fold: 0, share: wordsIn ? wordsRemoved / wordsIn : 0, removed: wordsRemoved, kept: wordsOut, damaged: recall < DAMAGED_RECALL });
  }
}
// Sites dealt into folds in name order, so the folds are the same on every run.
const sites = [...new Set(pages.map((p) => p.site))].sort();
const foldOf = new Map(sites.map((s, i) => [s, i % FOLDS]));
for (const p of pages) p.fold = foldOf.get(p.site)!;

interface Point {
  share: number;
  kept: number;
}
const grid: Point[] = SHARES.flatMap((share) => KEPT.map((kept) => ({ share, kept })));
const flagged = (p: Page, { share, kept }: Point) => p.removed > 0 && (p.share > share || p.kept < kept);

function detection(set: readonly Page[], point: Point) {
  const flags = set.filter((p) => flagged(p, point));
  const found = flags.filter((p) => p.damaged).length;
  const damaged = set.filter((p) => p.damaged).length;
  const precision = flags.length ? found / flags.length : 1;
  const recall = damaged ? found / damaged : 1;
  return { flags: flags.length, found, damaged, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
const label = (p: Point) => `${p.share} / ${p.kept}`;

const foldRows: string[] = [];
const chosenCounts = new Map<string, number>();
for (let fold = 0; fold < FOLDS; fold++) {
  const train = pages.filter((p) => p.fold !== fold);
  const held = pages.filter((p) => p.fold === fold);
  // Best F1 on the training folds; ties go to the point that flags fewer pages (fewer warnings to read).
  const best = grid
    .map((point) => ({ point, d: detection(train, point) }))
    .sort((a, b) => b.d.f1 - a.d.f1 || a.d.flags - b.d.flags)[0].point;
  chosenCounts.set(label(best), (chosenCounts.get(label(best)) ?? 0) + 1);
  const d = detection(held, best);
  foldRows.push(`| ${fold + 1} | ${held.length} | ${label(best)} | ${d.flags} | ${d.found} of ${d.damaged} | ${d.precision.toFixed(2)} | ${d.recall.toFixed(2)} | ${d.f1.toFixed(2)} |`);
}

const allRows = grid.map((point) => {
  const d = detection(pages, point);
  const shipped = point.share === DEFAULT_MAX_REMOVED_SHARE && point.kept === DEFAULT_MIN_WORDS_KEPT ? ' (shipped)' : '';
  return `| ${label(point)}${shipped} | ${d.flags} | ${d.found} of ${d.damaged} | ${d.precision.toFixed(2)} | ${d.recall.toFixed(2)} | ${d.f1.toFixed(2)} |`;
});

const markdown = [
  '## Over-removal warnings chosen with folds by site',
  '',
  `${machine()}; ${FOLDS} folds.`,
  `Command: \`${commandLine('npm run build && npm run bench:build')}\`.`,
  `${pages.length} pages (dragnet-train and fundus-publishers, ${sites.length} sites) cleaned with the shipped rules; a page is damaged when it kept less than ${DAMAGED_RECALL * 100}% of its gold words (${pages.filter((p) => p.damaged).length} pages). A page is flagged when it lost words and more than the share removed, or kept fewer than the words kept. Each fold's thresholds are chosen on the other folds (best F1 of finding damaged pages, then fewest flags) and scored on it.`,
  '',
  '| held-out fold | pages | chosen: share removed / words kept | flagged | damaged found | precision | recall | F1 |',
  '|---:|---:|---|---:|---:|---:|---:|---:|',
  ...foldRows,
  '',
  `Chosen: ${[...chosenCounts].map(([point, n]) => `${point} in ${n} fold${n === 1 ? '' : 's'}`).join(', ')}. Every point on all pages:`,
  '',
  '| share removed / words kept | flagged | damaged found | precision | recall | F1 |',
  '|---|---:|---:|---:|---:|---:|',
  ...allRows,
].join('\n');
process.stdout.write(`${markdown}\n`);
if (values.record) recordSection('warnings', markdown);
