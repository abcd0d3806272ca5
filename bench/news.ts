/**
 * News articles: the body and the fields Winnow finds, scored on ../shared's corpora.
 *
 *   npm run bench:build && node build/bench/news.js [FUNDUS] [DRAGNET] [--rules DIR] [--record] [--pages]
 *
 * FUNDUS (default ../shared/corpus/fundus-publishers): news pages whose gold is the article body
 * only, and whose structure/ID.json gives the title, authors and publishing date. Each page is
 * cleaned with `--no-title` (the body alone, as extractors scored on article bodies give it) and
 * scored with ../shared's reference scorer; the title must equal the gold's after whitespace is
 * collapsed; the date must name the gold's day (in UTC, or as written); authors are scored as
 * sets of names (F1 per page with gold authors, then the mean).
 * DRAGNET (default ../shared/corpus/dragnet-train): web pages whose gold keeps the headline:
 * cleaned with the title line, scored the same way.
 * `--record` writes the `news` section of bench/RESULTS.md; `--pages` prints every fundus page.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clean } from '../src/kernel/clean.js';
import { loadRules } from '../src/io/rules.js';
import type { RuleSet } from '../src/kernel/rules/ruleset.js';
import { collapsed, readDragnet, type Page } from './dragnet.js';
import { machine } from './machine.js';
import { commandLine, recordSection } from './record.js';
import { loadScorer, type Scores } from './scorer.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rules: { type: 'string' }, record: { type: 'boolean', default: false }, pages: { type: 'boolean', default: false }, scorer: { type: 'string' } },
});
const fundusDir = resolve(positionals[0] ?? '../shared/corpus/fundus-publishers');
const dragnetDir = resolve(positionals[1] ?? '../shared/corpus/dragnet-train');
const rulesDir = resolve(values.rules ?? 'rules');
const rules = loadRules(rulesDir);
const scorer = await loadScorer(fundusDir, values.scorer);

interface Structure {
  title?: string;
  authors?: string[];
  publishing_date?: string;
}


/** The day an ISO-ish date names: as written, and in UTC when it carries an offset. */
function days(date: string | undefined): string[] {
  if (!date) return [];
  const out = [date.slice(0, 10)];
  const parsed = Date.parse(date.replace(' ', 'T'));
  if (/(?:Z|[+-]\d{2}:?\d{2})$/.test(date) && !Number.isNaN(parsed)) out.push(new Date(parsed).toISOString().slice(0, 10));
  return out;
}

function setF1(found: string[], gold: string[]): number {
  const a = new Set(found.map((n) => collapsed(n).toLowerCase()));
  const b = new Set(gold.map((n) => collapsed(n).toLowerCase()));
  if (a.size === 0 && b.size === 0) return 1;
  const both = [...a].filter((n) => b.has(n)).length;
  return both === 0 ? 0 : (2 * both) / (a.size + b.size);
}

function cleanPage(page: Page, title: boolean, withRules: RuleSet = rules) {
  return clean({ content: page.html, type: 'html', ...(page.url ? { url: page.url } : {}) }, { rules: withRules, title });
}

/** The defaults of the rules folder alone (its outlet files left out). */
function defaultsOnly(dir: string): RuleSet {
  const scratch = mkdtempSync(join(tmpdir(), 'winnow-news-'));
  process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
  copyFileSync(join(dir, 'default.yaml'), join(scratch, 'default.yaml'));
  return loadRules(scratch);
}

interface FieldScores {
  titles: number;
  dated: number;
  datesRight: number;
  withAuthors: number;
  authorF1: number;
}

// Fundus: body, title, date, authors; with the rules given, and the fields with their defaults alone.
const fundus = readDragnet(fundusDir);
const structures = new Map(fundus.map((page) => [page.id, JSON.parse(readFileSync(join(fundusDir, 'structure', `${page.id}.json`), 'utf8')) as Structure]));
const bodies: Scores[] = [];
const perPublisher = new Map<string, number[]>();

function scoreFields(withRules: RuleSet, onPage?: (page: Page, result: ReturnType<typeof clean>, title: boolean, date: boolean | undefined, authors: number | undefined) => void): FieldScores {
  const out: FieldScores = { titles: 0, dated: 0, datesRight: 0, withAuthors: 0, authorF1: 0 };
  for (const page of fundus) {
    const result = cleanPage(page, false, withRules);
    const structure = structures.get(page.id)!;
    const titleRight = collapsed(result.article.title) === collapsed(structure.title);
    if (titleRight) out.titles++;
    let dateRight: boolean | undefined;
    if (structure.publishing_date) {
      out.dated++;
      const gold = days(structure.publishing_date);
      dateRight = days(result.article.date).some((d) => gold.includes(d));
      if (dateRight) out.datesRight++;
    }
    let authors: number | undefined;
    if (structure.authors && structure.authors.length > 0) {
      out.withAuthors++;
      authors = setF1(result.article.authors, structure.authors);
      out.authorF1 += authors;
    }
    onPage?.(page, result, titleRight, dateRight, authors);
  }
  return out;
}

const given = scoreFields(rules, (page, result, titleRight, dateRight, authors) => {
  const score = scorer.scorePair(result.text, page.gold);
  bodies.push(score);
  const publisher = page.id.replace(/_\d{4}_\d{2}_\d{2}$/, '');
  perPublisher.set(publisher, [...(perPublisher.get(publisher) ?? []), score.words.f1]);
  if (values.pages) console.log(`${page.id}\t${score.words.precision.toFixed(3)}\t${score.words.recall.toFixed(3)}\t${score.words.f1.toFixed(3)}\ttitle ${titleRight ? 'ok' : '--'}\tdate ${dateRight === undefined ? 'n/a' : dateRight ? 'ok' : '--'}\tauthors ${authors === undefined ? 'n/a' : authors.toFixed(2)}`);
});
const aloneBodies: Scores[] = [];
const alone = scoreFields(defaultsOnly(rulesDir), (page, result) => aloneBodies.push(scorer.scorePair(result.text, page.gold)));
const bodyAlone = scorer.macro(aloneBodies);
const body = scorer.macro(bodies);
const publisherMean = [...perPublisher.values()].reduce((n, f1s) => n + f1s.reduce((a, b) => a + b, 0) / f1s.length, 0) / perPublisher.size;

// Dragnet: body with its title line.
const dragnet = readDragnet(dragnetDir);
const withTitle = scorer.macro(dragnet.map((page) => scorer.scorePair(cleanPage(page, true).text, page.gold)));

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}% (${n} of ${of})`;
const f3 = (n: number) => n.toFixed(3);
const lines = [
  '## News articles: body and fields',
  '',
  `${machine()}.`,
  `Command: \`${commandLine()}\`.`,
  `Rules: \`${values.rules ?? 'rules'}\` (the defaults, and the outlet files whose hosts match). Body scored by ../shared/tools/score.mjs, words and 4-word shingles, macro over pages.`,
  '',
  '| corpus | text | pages | words P | words R | words F1 | shingles F1 |',
  '|---|---|---:|---:|---:|---:|---:|',
  `| fundus-publishers | body alone (\`--no-title\`) | ${fundus.length} | ${f3(body.words.precision)} | ${f3(body.words.recall)} | ${f3(body.words.f1)} | ${f3(body.shingles.f1)} |`,
  `| fundus-publishers, the defaults alone | body alone (\`--no-title\`) | ${fundus.length} | ${f3(bodyAlone.words.precision)} | ${f3(bodyAlone.words.recall)} | ${f3(bodyAlone.words.f1)} | ${f3(bodyAlone.shingles.f1)} |`,
  `| dragnet-train | title line and body | ${dragnet.length} | ${f3(withTitle.words.precision)} | ${f3(withTitle.words.recall)} | ${f3(withTitle.words.f1)} | ${f3(withTitle.shingles.f1)} |`,
  '',
  `fundus-publishers, mean over ${perPublisher.size} publishers of their pages' words F1: ${f3(publisherMean)}.`,
  '',
  `| field (fundus-publishers, against structure/ID.json) | \`${values.rules ?? 'rules'}\` | its defaults alone |`,
  '|---|---:|---:|',
  `| title, exact after collapsing whitespace | ${pct(given.titles, fundus.length)} | ${pct(alone.titles, fundus.length)} |`,
  `| date, the day (pages whose gold has one) | ${pct(given.datesRight, given.dated)} | ${pct(alone.datesRight, alone.dated)} |`,
  `| authors, set F1 (mean over the ${given.withAuthors} pages whose gold names authors) | ${f3(given.withAuthors ? given.authorF1 / given.withAuthors : 0)} | ${f3(alone.withAuthors ? alone.authorF1 / alone.withAuthors : 0)} |`,
  '',
  "The outlet files of `rules/outlets/` were learned from these very pages (bench/library.ts), as Fundus's parsers were written on them: the defaults-alone column is what an unknown outlet gets, and the `crossdate` section what a learned file does on pages of another date.",
];
console.log(lines.join('\n'));
if (values.record) recordSection('news', lines.join('\n'));
