/**
 * The ceiling of learning per host on Dragnet: rules learned with gold from all of a host's pages
 * and scored on those same pages (in-sample: no fold holds any page out), against the defaults
 * alone. What the learner with gold reaches on the pages it saw bounds what it, or the learner
 * without gold, can reach on pages it did not see; and the gap it closes is the share of
 * `(1 - defaults)` a held-out bench could close at most with these kinds of rules.
 *
 *   npm run bench:build && node build/bench/learn-ceiling.js [CORPUS] [--min-pages 5] [--record]
 *
 * Reads CORPUS (default ../shared/corpus/dragnet-train) in place. `--record` writes the
 * `learn-ceiling` section of bench/RESULTS.md.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clean } from '../src/kernel/clean.js';
import { runRules } from '../src/kernel/engine/run.js';
import { toHast } from '../src/kernel/parse/index.js';
import { tokens } from '../src/kernel/text/words.js';
import { renderRuleFile } from '../src/learn/emit.js';
import { learnOutlet } from '../src/learn/learn.js';
import { loadRules } from '../src/io/rules.js';
import { DEFAULT_CORPUS, readDragnet, type Page } from './dragnet.js';
import { machine } from './machine.js';
import { commandLine, recordSection } from './record.js';
import { loadScorer } from './scorer.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { record: { type: 'boolean', default: false }, 'min-pages': { type: 'string', default: '5' }, rules: { type: 'string', default: 'rules' } } });
const corpus = resolve(positionals[0] ?? DEFAULT_CORPUS);
const scorer = await loadScorer(corpus);
const minPages = Number(values['min-pages']);
const scratch = mkdtempSync(join(tmpdir(), 'winnow-ceiling-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
copyFileSync(join(resolve(values.rules), 'default.yaml'), join(scratch, 'default.yaml'));
mkdirSync(join(scratch, 'outlets'));
const defaults = loadRules(scratch);

const byHost = new Map<string, Page[]>();
for (const page of readDragnet(corpus)) if (page.host) byHost.set(page.host, [...(byHost.get(page.host) ?? []), page]);
const hosts = [...byHost].filter(([, pages]) => pages.length >= minPages).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
const rows: Array<{ host: string; pages: number; base: number; learned: number; bound: number; blocks: number }> = [];

/**
 * What any rules deciding block by block could keep at best: of the page's blocks (before any
 * rule), those most of whose words are gold words (counted against what the gold still has left).
 */
function bestBlocks(html: string, gold: string): string {
  const left = new Map<string, number>();
  for (const word of tokens(gold)) left.set(word, (left.get(word) ?? 0) + 1);
  const kept: string[] = [];
  for (const text of runRules(toHast(html, 'html'), []).kept) {
    if (text === undefined) continue;
    const words = tokens(text);
    const inGold = words.filter((w) => (left.get(w) ?? 0) > 0).length;
    if (words.length === 0 || inGold * 2 <= words.length) continue;
    for (const w of words) if ((left.get(w) ?? 0) > 0) left.set(w, left.get(w)! - 1);
    kept.push(text);
  }
  return kept.join('\n\n');
}
for (const [host, pages] of hosts) {
  const docs = pages.map((p) => ({ id: p.id, content: p.html, gold: p.gold, type: 'html' as const }));
  const proposal = learnOutlet({ outlet: host, documents: docs, ruleSet: defaults });
  writeFileSync(join(scratch, 'outlets', 'ceiling.yaml'), renderRuleFile({ outlet: 'ceiling', hosts: [], disable: proposal.disable, comment: ' ceiling' }, proposal.rules.map((r) => r)).replace(/^outlet: .*$/m, 'outlet: ceiling'));
  const learned = loadRules(scratch);
  const base: number[] = [];
  const withFile: number[] = [];
  const bound: number[] = [];
  const blocks: number[] = [];
  for (const doc of docs) {
    blocks.push(scorer.scorePair(bestBlocks(doc.content, doc.gold), doc.gold).words.f1);
    const words = scorer.scorePair(clean({ content: doc.content, type: 'html' }, { rules: defaults }).text, doc.gold).words;
    base.push(words.f1);
    bound.push(words.recall === 0 ? 0 : (2 * words.recall) / (1 + words.recall));
    withFile.push(scorer.scorePair(clean({ content: doc.content, type: 'html', outlet: 'ceiling' }, { rules: learned }).text, doc.gold).words.f1);
  }
  rows.push({ host, pages: docs.length, base: mean(base), learned: mean(withFile), bound: mean(bound), blocks: mean(blocks) });
  process.stderr.write(`${host.padEnd(36)} ${mean(base).toFixed(3)} ${mean(withFile).toFixed(3)}\n`);
}
const base = mean(rows.map((r) => r.base));
const learned = mean(rows.map((r) => r.learned));
const bound = mean(rows.map((r) => r.bound));
const blockBound = mean(rows.map((r) => r.blocks));
const gap = (x: number) => `${((100 * (x - base)) / (1 - base)).toFixed(0)}%`;
const markdown = [
  `## The ceiling of learning per host (\`${corpus.split('/').slice(-2).join('/')}\`)`,
  '',
  `${machine()}.`,
  `Command: \`${commandLine()}\`.`,
  `Every host with ${minPages} or more pages (${rows.length} hosts, ${rows.reduce((n, r) => n + r.pages, 0)} pages): rules learned with gold from all its pages (\`learnOutlet\`, as \`winnow learn --gold\`: a content rule, inner removals, defaults switched off) and scored on the same pages. Words F1 of ../shared/tools/score.mjs, mean over a host's pages, then over hosts; "gap closed" is (F1 - defaults) / (1 - defaults).`,
  '',
  '| rules | words F1 | gap closed |',
  '|---|---:|---:|',
  `| the defaults alone | ${base.toFixed(3)} | 0% |`,
  `| removal rules at best (every word the defaults keep that is not gold removed; nothing brought back) | ${bound.toFixed(3)} | ${gap(bound)} |`,
  `| defaults + rules learned with gold, on the pages they were learned from | ${learned.toFixed(3)} | ${gap(learned)} |`,
  `| any rules deciding block by block, at best: the page's blocks most of whose words are gold | ${blockBound.toFixed(3)} | ${gap(blockBound)} |`,
  '',
  '| hosts where in-sample learning does worst | pages | defaults | learned in-sample |',
  '|---|---:|---:|---:|',
  ...[...rows].sort((a, b) => a.learned - a.base - (b.learned - b.base)).slice(0, 5).map((r) => `| ${r.host} | ${r.pages} | ${r.base.toFixed(3)} | ${r.learned.toFixed(3)} |`),
].join('\n');
process.stdout.write(`${markdown}\n`);
if (values.record) recordSection('learn-ceiling', markdown);
