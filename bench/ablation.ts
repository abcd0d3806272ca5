/**
 * What each default rule is worth: Winnow with rules/default.yaml, then with each default rule
 * switched off in turn (leave one out), scored on a gold corpus in the Dragnet layout.
 *
 *   npm run bench:build && node build/bench/ablation.js ../shared/corpus/dragnet-train [--record] [--limit N]
 *
 * Each page is parsed once and every variant runs on the same tree (the engine does not change
 * the tree), so the run costs one parse per page plus one engine pass per variant.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runWithSafetyNet } from '../src/kernel/engine/relax.js';
import { htmlToHast } from '../src/kernel/parse/html.js';
import type { LoadedRule } from '../src/kernel/rules/parse.js';
import { loadRules } from '../src/io/rules.js';
import { readDragnet } from './dragnet.js';
import { machine } from './machine.js';
import { recordSection } from './record.js';
import { loadScorer, type Scores } from './scorer.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    record: { type: 'boolean', default: false },
    limit: { type: 'string' },
    scorer: { type: 'string' },
  },
});
const corpus = resolve(positionals[0] ?? '../shared/corpus/dragnet-train');
const scorer = await loadScorer(corpus, values.scorer);
const pages = readDragnet(corpus, values.limit ? Number(values.limit) : Infinity);

const defaults = loadRules('rules').forOutlet(undefined).rules;
const variants: Array<{ name: string; rules: LoadedRule[] }> = [
  { name: 'all default rules', rules: defaults },
  ...defaults.map((rule) => ({ name: `without \`${rule.id}\` (${rule.kind.meta.name})`, rules: defaults.filter((r) => r !== rule) })),
];
const results: Scores[][] = variants.map(() => []);
for (const page of pages) {
  const tree = htmlToHast(page.html);
  variants.forEach((variant, i) => results[i].push(scorer.scorePair(runWithSafetyNet(tree, variant.rules).text, page.gold)));
}

const base = scorer.macro(results[0]);
const rows = variants.map((variant, i) => {
  const m = scorer.macro(results[i]);
  const delta = (a: number, b: number) => (i === 0 ? '' : ` (${a - b >= 0 ? '+' : ''}${(a - b).toFixed(3)})`);
  return `| ${variant.name} | ${m.words.precision.toFixed(3)} | ${m.words.recall.toFixed(3)} | ${m.words.f1.toFixed(3)}${delta(m.words.f1, base.words.f1)} | ${m.shingles.f1.toFixed(3)}${delta(m.shingles.f1, base.shingles.f1)} |`;
});
const table = [
  `### Each default rule's worth on ${pages.length} pages of \`${corpus.split('/').slice(-2).join('/')}\``,
  '',
  `${machine()}. Command: \`node build/bench/ablation.js ${positionals[0] ?? '../shared/corpus/dragnet-train'}\` (after \`npm run bench:build\`).`,
  'Winnow with rules/default.yaml, then with one default rule switched off at a time; in brackets the change against all rules.',
  '',
  '| rules | words P | words R | words F1 | shingles F1 |',
  '|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(table);
if (values.record) recordSection('ablation', table);
