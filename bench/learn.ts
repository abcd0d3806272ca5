/**
 * Learned rules on real pages: for every host of a corpus with enough pages, k-fold by page,
 * learn rules on the other folds (once without gold, once with), clean the held-out fold, and
 * score it with the reference scorer against the default rules alone. With `--train N`, each
 * page is cleaned instead with rules learned from N other pages of its host (the first N in
 * corpus order): "learn from 4 pages, clean a 5th". `--by publisher` groups a news corpus's
 * pages by publisher, and `--body` scores the body alone (`--no-title`), as fundus-publishers'
 * gold is.
 *
 *   npm run bench:build && node build/bench/learn.js CORPUS [--record] [--folds 5 | --train N] [--min-pages 5] [--by host|publisher] [--body] [--host H] [--rules DIR] [--scorer PATH]
 *
 * Reads one of ../shared's corpora in the Dragnet layout (html/ID.html, gold/ID.txt,
 * manifest.jsonl with {id, url, host}): CORPUS, by default ../shared/corpus/dragnet-train
 * (Dragnet data set, AGPL-3.0; read in place, not copied). `--record` writes the `learn` section
 * of bench/RESULTS.md (with `--train N`, the section `learn-N-CORPUS`). Scores are words F1 of ../shared/tools/score.mjs (or --scorer PATH), averaged over a
 * host's pages, then over hosts. Each host's learned rules are written to a temporary rules
 * folder beside the defaults and loaded with loadRules, exactly as `winnow learn --write` would
 * leave them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clean } from '../src/kernel/clean.js';
import { proposalComment, renderRuleFile } from '../src/learn/emit.js';
import { learnFromPages, preparePages, withoutGold, type Proposal } from '../src/learn/learn.js';
import { loadRules } from '../src/io/rules.js';
import { DEFAULT_CORPUS, readDragnet, type Page } from './dragnet.js';
import { machine } from './machine.js';
import { commandLine, recordSection } from './record.js';
import { loadScorer } from './scorer.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    record: { type: 'boolean', default: false },
    folds: { type: 'string', default: '5' },
    train: { type: 'string' },
    by: { type: 'string', default: 'host' },
    body: { type: 'boolean', default: false },
    'min-pages': { type: 'string', default: '5' },
    host: { type: 'string', multiple: true },
    rules: { type: 'string', default: 'rules' },
    scorer: { type: 'string' },
  },
});
const corpus = resolve(positionals[0] ?? DEFAULT_CORPUS);
const corpusName = corpus.split('/').slice(-2).join('/');
const scorer = await loadScorer(corpus, values.scorer);
const folds = Number(values.folds);
const trainPages = values.train === undefined ? undefined : Number(values.train);
if (trainPages !== undefined && !(Number.isInteger(trainPages) && trainPages >= 1)) throw new Error(`--train ${values.train}: give a number of pages, 1 or more`);
if (values.by !== 'host' && values.by !== 'publisher') throw new Error(`--by ${values.by}: give host or publisher`);
const groupBy = values.by;
const title = !values.body;
const minPages = Number(values['min-pages']);
const defaultsFile = join(resolve(values.rules), 'default.yaml');
const made: string[] = [];
process.on('exit', () => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const defaults = loadRules(rulesFolder());

const byHost = new Map<string, Page[]>();
for (const page of readDragnet(corpus)) {
  const group = groupBy === 'host' ? page.host : page.publisher;
  if (!group) continue;
  const list = byHost.get(group) ?? [];
  list.push(page);
  byHost.set(group, list);
}
const hosts = [...byHost]
  .filter(([host, pages]) => pages.length >= minPages && (!values.host || values.host.includes(host)))
  .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));

interface Row {
  host: string;
  pages: number;
  base: number;
  learned: number;
  gold: number;
  rules: number;
  rulesGold: number;
  bound: number;
}
const f1 = (text: string, gold: string) => scorer.scorePair(text, gold).words.f1;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
const started = Date.now();
const rows: Row[] = [];
/** How many pages each split learned from. */
const trainedOn: number[] = [];
for (const [host, pages] of hosts) {
  const docs = pages.map((p) => ({ id: p.id, url: p.url, content: p.html, gold: p.gold, type: 'html' as const }));
  // Each page is parsed once; every split learns from the prepared pages of its training pages.
  const outlet = host.toLowerCase();
  const prepared = preparePages(docs, defaults, outlet);
  if (prepared.failed.length > 0) throw new Error(`${host}: ${prepared.failed.map((f) => `${f.id}: ${f.error}`).join('; ')}`);
  const scores = { base: [] as number[], learned: [] as number[], gold: [] as number[], bound: [] as number[] };
  let rules = 0;
  let rulesGold = 0;
  const runs = splits(docs.length);
  trainedOn.push(...runs.map((split) => docs.filter((_, i) => split.train(i)).length));
  for (const split of runs) {
    const train = prepared.pages.filter((_, i) => split.train(i));
    const plain = learnFromPages(outlet, withoutGold(train), defaults).proposal;
    const checked = learnFromPages(outlet, train, defaults).proposal;
    rules += plain.rules.length;
    rulesGold += checked.rules.length;
    const plainRules = loadRules(rulesFolder(plain));
    const checkedRules = loadRules(rulesFolder(checked));
    for (const doc of docs.filter((_, i) => split.test(i))) {
      const base = scorer.scorePair(clean({ content: doc.content, type: 'html' }, { rules: defaults, title }).text, doc.gold).words;
      scores.base.push(base.f1);
      // Removal rules cannot bring back what the defaults drop: at best they remove every other word.
      scores.bound.push(base.recall === 0 ? 0 : (2 * base.recall) / (1 + base.recall));
      scores.learned.push(f1(clean({ content: doc.content, type: 'html', outlet }, { rules: plainRules, title }).text, doc.gold));
      scores.gold.push(f1(clean({ content: doc.content, type: 'html', outlet }, { rules: checkedRules, title }).text, doc.gold));
    }
  }
  const row: Row = { host, pages: docs.length, base: mean(scores.base), learned: mean(scores.learned), gold: mean(scores.gold), rules: rules / runs.length, rulesGold: rulesGold / runs.length, bound: mean(scores.bound) };
  rows.push(row);
  process.stderr.write(`${host.padEnd(36)} ${String(row.pages).padStart(3)}  ${row.base.toFixed(3)}  ${row.learned.toFixed(3)} (${signed(row.learned - row.base)})  ${row.gold.toFixed(3)} (${signed(row.gold - row.base)})\n`);
}

const base = mean(rows.map((r) => r.base));
const learned = mean(rows.map((r) => r.learned));
const gold = mean(rows.map((r) => r.gold));
const worst = rows.reduce((w, r) => (r.learned - r.base < w.learned - w.base ? r : w), rows[0]);
const worstGold = rows.reduce((w, r) => (r.gold - r.base < w.gold - w.base ? r : w), rows[0]);
const seconds = (Date.now() - started) / 1000;
const bound = mean(rows.map((r) => r.bound));
const trained = mean(trainedOn);
const gap = (x: number) => `${((100 * (x - base)) / (1 - base)).toFixed(0)}%`;
const group = groupBy === 'host' ? 'host' : 'publisher';
const markdown = [
  trainPages === undefined ? `## Learned rules, per host of \`${corpusName}\`` : `## Learned from up to ${trainPages} pages, tested on another (\`${corpusName}\`)`,
  '',
  `${machine()}; ${seconds.toFixed(0)} s.`,
  `Command: \`${commandLine()}\`.`,
  trainPages === undefined
    ? `Every ${group} with ${minPages} or more pages (${rows.length} ${group}s, ${rows.reduce((n, r) => n + r.pages, 0)} pages), ${folds}-fold by page: rules learned from the other folds (without gold, then with gold); the held-out fold cleaned with the defaults alone and with the defaults plus the learned rules.`
    : `Every ${group} with ${minPages} or more pages (${rows.length} ${group}s, ${rows.reduce((n, r) => n + r.pages, 0)} pages): each page cleaned with rules learned (without gold, then with gold) from ${trainPages} other pages of its ${group} (the first ${trainPages} others in corpus order; all the others when the ${group} has fewer: ${trained.toFixed(1)} on average), against the defaults alone.`,
  `Words F1 of ../shared/tools/score.mjs${title ? '' : ' on the body alone (`--no-title`)'}, the mean over a ${group}'s pages, then over ${group}s. "rules": the mean number of learned rules per ${trainPages === undefined ? 'fold' : 'page cleaned'}. Gap closed: (learned - defaults) / (1 - defaults).`,
  '',
  `| ${group} | pages | defaults | + learned | Δ | + learned with gold | Δ | rules (no gold / gold) |`,
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.host} | ${r.pages} | ${r.base.toFixed(3)} | ${r.learned.toFixed(3)} | ${signed(r.learned - r.base)} | ${r.gold.toFixed(3)} | ${signed(r.gold - r.base)} | ${r.rules.toFixed(1)} / ${r.rulesGold.toFixed(1)} |`),
  `| **mean of ${rows.length} ${group}s** | | **${base.toFixed(3)}** | **${learned.toFixed(3)}** | **${signed(learned - base)}** | **${gold.toFixed(3)}** | **${signed(gold - base)}** | |`,
  '',
  '| summary | words F1 | Δ against the defaults |',
  '|---|---:|---:|',
  `| bound for removal rules: every word the defaults keep that is not in the gold removed, nothing else (they cannot bring back what the defaults drop) | ${bound.toFixed(3)} | ${signed(bound - base)} |`,
  `| gap closed without gold / with gold | ${gap(learned)} / ${gap(gold)} | |`,
  `| ${group} the learned rules helped least without gold (negative Δ: made worse): ${worst.host} | ${worst.learned.toFixed(3)} | ${signed(worst.learned - worst.base)} |`,
  `| ${group} the learned rules helped least with gold (negative Δ: made worse): ${worstGold.host} | ${worstGold.gold.toFixed(3)} | ${signed(worstGold.gold - worstGold.base)} |`,
].join('\n');
process.stdout.write(`${markdown}\n`);
if (values.record) recordSection(trainPages === undefined ? 'learn' : `learn-${trainPages}-${corpusName.split('/').pop()}`, markdown);

/**
 * How a group's pages are split: k folds by page (page i in fold i % k), or with `--train N`
 * one split per page, training on the first N other pages.
 */
function splits(pages: number): Array<{ train: (i: number) => boolean; test: (i: number) => boolean }> {
  if (trainPages === undefined) {
    const k = Math.min(folds, pages);
    return Array.from({ length: k }, (_, fold) => ({ train: (i: number) => i % k !== fold, test: (i: number) => i % k === fold }));
  }
  return Array.from({ length: pages }, (_, page) => {
    const others = Array.from({ length: pages }, (_, i) => i).filter((i) => i !== page).slice(0, trainPages);
    return { train: (i: number) => others.includes(i), test: (i: number) => i === page };
  });
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
}

/** A temporary rules folder: the defaults, plus a proposal as its outlet file. */
function rulesFolder(proposal?: Proposal): string {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-bench-rules-'));
  made.push(dir);
  copyFileSync(defaultsFile, join(dir, 'default.yaml'));
  if (proposal) {
    mkdirSync(join(dir, 'outlets'));
    writeFileSync(join(dir, 'outlets', `${proposal.outlet}.yaml`), renderRuleFile({ outlet: proposal.outlet, hosts: [], disable: proposal.disable, comment: proposalComment(proposal) }, proposal.rules));
  }
  return dir;
}
