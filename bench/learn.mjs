#!/usr/bin/env node
// Learned rules on real pages: for every host of a corpus with enough pages, k-fold by page,
// learn rules on the other folds (once without gold, once with), clean the held-out fold, and
// score it with the reference scorer, against the default rules alone.
//
//   npm run build && node bench/learn.mjs ../shared/corpus/dragnet-train [--folds 5] [--min-pages 5] [--host H] [--json FILE]
//
// The corpus is a folder with html/ID.html, gold/ID.txt and manifest.jsonl ({id, url, host}), like
// ../shared/corpus/dragnet-train (Dragnet data set, AGPL-3.0; not copied into this repository).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scorePair } from '../../shared/tools/score.mjs';
import { clean, loadRules } from '../dist/index.js';
import { learnFromPages, preparePages, withoutGold, renderRuleFile, proposalComment } from '../dist/learn/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    folds: { type: 'string', default: '5' },
    'min-pages': { type: 'string', default: '5' },
    host: { type: 'string', multiple: true },
    json: { type: 'string' },
    rules: { type: 'string', default: join(ROOT, 'rules') },
  },
});
const corpus = positionals[0];
if (!corpus || !existsSync(join(corpus, 'manifest.jsonl'))) {
  console.error('usage: node bench/learn.mjs CORPUS_DIR (with html/, gold/, manifest.jsonl) [--folds 5] [--min-pages 5] [--host H] [--json FILE]');
  process.exit(2);
}
const made = [];
process.on('exit', () => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const folds = Number(values.folds);
const minPages = Number(values['min-pages']);
const defaultsFile = join(values.rules, 'default.yaml');
const defaults = loadRules(rulesFolder(undefined));

const manifest = readFileSync(join(corpus, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const byHost = new Map();
for (const entry of manifest) {
  if (!entry.host) continue;
  if (!byHost.has(entry.host)) byHost.set(entry.host, []);
  byHost.get(entry.host).push(entry);
}
const hosts = [...byHost].filter(([h, list]) => list.length >= minPages && (!values.host || values.host.includes(h))).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));

const f1 = (pred, gold) => scorePair(pred, gold).words.f1;
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
const started = Date.now();
const rows = [];
for (const [host, entries] of hosts) {
  const docs = entries
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map((e) => ({ id: e.id, url: e.url, content: readFileSync(join(corpus, 'html', `${e.id}.html`), 'utf8'), gold: readFileSync(join(corpus, 'gold', `${e.id}.txt`), 'utf8'), type: 'html' }));
  const scores = { base: [], learned: [], gold: [] };
  let rulesLearned = 0;
  let rulesLearnedGold = 0;
  const k = Math.min(folds, docs.length);
  // Each page is parsed once; every fold learns from the prepared pages of the other folds.
  const { pages, failed } = preparePages(docs, defaults, host);
  if (failed.length > 0) throw new Error(`${host}: ${failed.map((f) => `${f.id}: ${f.error}`).join('; ')}`);
  for (let fold = 0; fold < k; fold++) {
    const test = docs.filter((_, i) => i % k === fold);
    const train = pages.filter((_, i) => i % k !== fold);
    const plain = learnFromPages(host, withoutGold(train), defaults).proposal;
    const withGold = learnFromPages(host, train, defaults).proposal;
    rulesLearned += plain.rules.length;
    rulesLearnedGold += withGold.rules.length;
    const learnedRules = loadRules(rulesFolder(plain));
    const goldRules = loadRules(rulesFolder(withGold));
    for (const doc of test) {
      scores.base.push(f1(clean({ content: doc.content, type: 'html' }, { rules: defaults }).text, doc.gold));
      scores.learned.push(f1(clean({ content: doc.content, type: 'html', outlet: host }, { rules: learnedRules }).text, doc.gold));
      scores.gold.push(f1(clean({ content: doc.content, type: 'html', outlet: host }, { rules: goldRules }).text, doc.gold));
    }
  }
  const row = { host, pages: docs.length, base: mean(scores.base), learned: mean(scores.learned), gold: mean(scores.gold), rules: rulesLearned / k, rulesGold: rulesLearnedGold / k };
  rows.push(row);
  console.error(`${host.padEnd(36)} ${String(row.pages).padStart(3)}  ${row.base.toFixed(3)}  ${row.learned.toFixed(3)} (${sign(row.learned - row.base)})  ${row.gold.toFixed(3)} (${sign(row.gold - row.base)})`);
}

const summary = {
  hosts: rows.length,
  pages: rows.reduce((n, r) => n + r.pages, 0),
  base: mean(rows.map((r) => r.base)),
  learned: mean(rows.map((r) => r.learned)),
  gold: mean(rows.map((r) => r.gold)),
  worstDrop: Math.min(...rows.map((r) => r.learned - r.base)),
  worstDropGold: Math.min(...rows.map((r) => r.gold - r.base)),
  seconds: (Date.now() - started) / 1000,
};
const lines = [
  `| host | pages | defaults | + learned | Δ | + learned with gold | Δ | rules (no gold / gold) |`,
  `|---|---:|---:|---:|---:|---:|---:|---:|`,
  ...rows.map((r) => `| ${r.host} | ${r.pages} | ${r.base.toFixed(3)} | ${r.learned.toFixed(3)} | ${sign(r.learned - r.base)} | ${r.gold.toFixed(3)} | ${sign(r.gold - r.base)} | ${r.rules.toFixed(1)} / ${r.rulesGold.toFixed(1)} |`),
  `| **mean of ${summary.hosts} hosts** | ${summary.pages} | **${summary.base.toFixed(3)}** | **${summary.learned.toFixed(3)}** | **${sign(summary.learned - summary.base)}** | **${summary.gold.toFixed(3)}** | **${sign(summary.gold - summary.base)}** | |`,
];
console.log(lines.join('\n'));
console.log(`\nworst host change: ${sign(summary.worstDrop)} without gold, ${sign(summary.worstDropGold)} with gold; ${summary.seconds.toFixed(0)} s; node ${process.version}; ${cpus()[0]?.model}`);
if (values.json) writeFileSync(values.json, JSON.stringify({ summary, rows }, null, 2));

function sign(x) {
  return `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
}

/** A temporary rules folder: the defaults, plus the proposal as an outlet file. */
function rulesFolder(proposal) {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-bench-rules-'));
  copyFileSync(defaultsFile, join(dir, 'default.yaml'));
  if (proposal) {
    mkdirSync(join(dir, 'outlets'));
    writeFileSync(join(dir, 'outlets', `${proposal.outlet}.yaml`), renderRuleFile({ outlet: proposal.outlet, hosts: [], comment: proposalComment(proposal) }, proposal.rules));
  }
  made.push(dir);
  return dir;
}
