/**
 * Does a learned outlet file outlive a redesign? For every publisher of a news corpus with pages
 * crawled on two or more dates: learn with gold from the pages of one date, clean the pages of
 * another date (never seen) with the defaults plus that file, and with the defaults alone; both
 * ways, every ordered pair of dates.
 *
 *   npm run bench:build && node build/bench/crossdate.js [CORPUS] [--record] [--rules DIR] [--scorer PATH]
 *
 * Reads CORPUS in the Dragnet layout with a manifest of {id, url, publisher, crawl_date}: by
 * default ../shared/corpus/fundus-publishers (read in place, not copied). Only the defaults of
 * the rules folder are used (rules/default.yaml), never its outlet files: the learned file is the
 * only outlet knowledge. Body text (`--no-title`), words F1 of ../shared/tools/score.mjs.
 * `--record` writes the `crossdate` section of bench/RESULTS.md.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clean } from '../src/kernel/clean.js';
import { renderRuleFile } from '../src/learn/emit.js';
import { learnOutlet } from '../src/learn/learn.js';
import { loadRules } from '../src/io/rules.js';
import { byPublisher, collapsed, readDragnet, readKnown, type Page } from './dragnet.js';
import { machine } from './machine.js';
import { commandLine, recordSection } from './record.js';
import { loadScorer } from './scorer.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    record: { type: 'boolean', default: false },
    rules: { type: 'string', default: 'rules' },
    scorer: { type: 'string' },
  },
});
const corpus = resolve(positionals[0] ?? '../shared/corpus/fundus-publishers');
const scorer = await loadScorer(corpus, values.scorer);
const scratch = mkdtempSync(join(tmpdir(), 'winnow-crossdate-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
copyFileSync(join(resolve(values.rules), 'default.yaml'), join(scratch, 'default.yaml'));
mkdirSync(join(scratch, 'outlets'));
const defaults = loadRules(scratch);

/** Each publisher's pages by crawl day. */
const byDate = new Map<string, Map<string, Page[]>>();
for (const [publisher, pages] of byPublisher(readDragnet(corpus))) {
  const dates = new Map<string, Page[]>();
  for (const page of pages) if (page.crawlDate) dates.set(page.crawlDate, [...(dates.get(page.crawlDate) ?? []), page]);
  byDate.set(publisher, dates);
}

interface Row {
  publisher: string;
  train: string;
  test: string;
  defaults: number;
  learned: number;
  /** Test pages with a known title, and how many of them each way gets exactly right. */
  titled: number;
  titlesDefaults: number;
  titlesLearned: number;
  rules: string;
}
const f1 = (text: string, gold: string) => scorer.scorePair(text, gold).words.f1;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
const started = Date.now();
const rows: Row[] = [];
for (const [publisher, dates] of [...byDate].sort((a, b) => a[0].localeCompare(b[0]))) {
  if (dates.size < 2) continue;
  const outlet = publisher.toLowerCase();
  for (const [train, trainPages] of dates) {
    const proposal = learnOutlet({ outlet, documents: trainPages.map((p) => ({ id: p.id, content: p.html, gold: p.gold, type: 'html' as const, known: readKnown(corpus, p.id) ?? {} })), ruleSet: defaults });
    writeFileSync(join(scratch, 'outlets', `${outlet}.yaml`), renderRuleFile({ outlet, hosts: [], disable: proposal.disable, comment: ' cross-date' }, proposal.rules));
    const learned = loadRules(scratch);
    rmSync(join(scratch, 'outlets', `${outlet}.yaml`));
    const content = proposal.rules.find((r) => r.source === 'content')?.rule.content;
    const title = proposal.rules.find((r) => r.source === 'title')?.rule;
    for (const [test, testPages] of dates) {
      if (test === train) continue;
      const plain = testPages.map((p) => clean({ content: p.html, type: 'html' }, { rules: defaults, title: false }));
      const filed = testPages.map((p) => clean({ content: p.html, type: 'html', outlet }, { rules: learned, title: false }));
      const base = mean(testPages.map((p, i) => f1(plain[i].text, p.gold)));
      const withFile = mean(testPages.map((p, i) => f1(filed[i].text, p.gold)));
      const known = testPages.map((p) => readKnown(corpus, p.id)?.title);
      const right = (results: typeof plain) => results.filter((r, i) => known[i] !== undefined && collapsed(r.article.title) === collapsed(known[i])).length;
      const summary = [content === undefined ? 'no content rule' : `content: ${[content].flat().join(' | ')}`, ...(title ? [`title: ${title.metadata ?? 'h1'}`] : []), `${proposal.rules.length - (content === undefined ? 0 : 1) - (title ? 1 : 0)} inner`, ...(proposal.disable?.length ? [`disable ${proposal.disable.map((d) => d.id).join(', ')}`] : [])].join('; ');
      rows.push({ publisher, train, test, defaults: base, learned: withFile, titled: known.filter((k) => k !== undefined).length, titlesDefaults: right(plain), titlesLearned: right(filed), rules: summary });
      process.stderr.write(`${publisher.padEnd(24)} ${train} -> ${test}  ${base.toFixed(3)}  ${withFile.toFixed(3)}\n`);
    }
  }
}

const beat = rows.filter((r) => r.learned > r.defaults + 1e-9).length;
const tied = rows.filter((r) => Math.abs(r.learned - r.defaults) <= 1e-9).length;
const worse = rows.length - beat - tied;
const publishers = new Set(rows.map((r) => r.publisher)).size;
// Pairs where the defaults leave room: below this F1 a file can beat them; at 1.000 it can only tie.
const ROOM = 0.99;
const room = rows.filter((r) => r.defaults < ROOM);
const roomBeat = room.filter((r) => r.learned > r.defaults + 1e-9).length;
// Pairs where the defaults are perfect as printed: a file can at best tie there, which bounds the share of pairs it can beat.
const perfect = rows.filter((r) => r.defaults >= 0.9995).length;
const markdown = [
  `## Learned outlet files on an unseen date (\`${corpus.split('/').slice(-2).join('/')}\`)`,
  '',
  `${machine()}; ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  `Command: \`${commandLine()}\`.`,
  `Every publisher with pages crawled on two or more dates (${publishers} publishers, ${rows.length} ordered pairs of dates): rules learned with gold from the pages of one date (\`learnOutlet\`, as \`winnow learn --gold\`), the pages of the other date cleaned with the defaults alone and with the defaults plus the learned file. Body text (\`--no-title\`); words F1 of ../shared/tools/score.mjs, the mean over the test date's pages. Titles: the learner is given the training pages' titles (structure/ID.json, as a fields file beside each gold text); a test page's title is right when it equals its structure/ID.json title after collapsing whitespace.`,
  '',
  '| summary | value |',
  '|---|---:|',
  `| words F1 on the unseen date, defaults alone (mean over pairs) | ${mean(rows.map((r) => r.defaults)).toFixed(3)} |`,
  `| words F1 on the unseen date, defaults + learned file (mean over pairs) | **${mean(rows.map((r) => r.learned)).toFixed(3)}** |`,
  `| title exact on the unseen date's pages, defaults alone | ${titleShare('titlesDefaults')} |`,
  `| title exact on the unseen date's pages, defaults + learned file | **${titleShare('titlesLearned')}** |`,
  `| pairs where the learned file beats the defaults / ties / is worse | ${beat} / ${tied} / ${worse} (beats or ties: ${((100 * (beat + tied)) / rows.length).toFixed(0)}%) |`,
  `| pairs where the defaults score below ${ROOM}: the learned file beats them in | ${roomBeat} of ${room.length} (${((100 * roomBeat) / (room.length || 1)).toFixed(0)}%) |`,
  `| pairs where the defaults score 1.000 already (a file can only tie there): so at most this share of pairs can be beaten | ${perfect} of ${rows.length}: ${((100 * (rows.length - perfect)) / (rows.length || 1)).toFixed(0)}% |`,
  '',
  '| publisher | learned on | tested on | defaults | + learned | Δ | titles exact: defaults, + learned | learned file |',
  '|---|---|---|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.publisher} | ${r.train} | ${r.test} | ${r.defaults.toFixed(3)} | ${r.learned.toFixed(3)} | ${signed(r.learned - r.defaults)} | ${r.titlesDefaults}, ${r.titlesLearned} of ${r.titled} | ${r.rules.replace(/\|/g, '\\|')} |`),
].join('\n');
process.stdout.write(`${markdown}\n`);
if (values.record) recordSection('crossdate', markdown);

/** Share of the test pages (over all pairs) whose title a way gets exactly right. */
function titleShare(key: 'titlesDefaults' | 'titlesLearned'): string {
  const right = rows.reduce((s, r) => s + r[key], 0);
  const all = rows.reduce((s, r) => s + r.titled, 0);
  return `${((100 * right) / (all || 1)).toFixed(1)}% (${right} of ${all})`;
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
}
