/**
 * Were the default rules chosen on the pages they are scored on? Cross-validation by site.
 *
 *   npm run bench:build && node build/bench/folds.js [FUNDUS] [DRAGNET] [--folds 5] [--record]
 *
 * Reads ../shared's corpora: FUNDUS (default ../shared/corpus/fundus-publishers, scored on the
 * body alone) and DRAGNET (default ../shared/corpus/dragnet-train, scored with the title line),
 * with ../shared's reference scorer.
 *
 * The rules of rules/default.yaml that news pages called for each come with alternatives: the
 * rule as shipped, the rule switched off, and other settings. The publishers of FUNDUS and the
 * hosts of DRAGNET are dealt into folds; for each fold, every rule's alternative is chosen on the
 * other folds alone (the other rules as shipped), and the rules so chosen clean the held-out fold.
 *
 * What is chosen for: Winnow cleans news, and a news article's body leaves out its byline, date
 * and captions, as FUNDUS's gold does; DRAGNET's gold (web pages of 2012) keeps them. So an
 * alternative is chosen for the macro words F1 on FUNDUS, as long as DRAGNET's stays at or above
 * its floor (0.915, the news-structure issue's bar); below the floor, each point DRAGNET loses
 * counts ten times. The table says how often each alternative was
 * chosen, and what the held-out folds score with the chosen rules and with the shipped ones. A
 * shipped rule chosen in every fold, and held-out scores as good as the shipped rules', say the
 * defaults were not tuned to particular pages. `--record` writes the `folds` section of
 * bench/RESULTS.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { clean } from '../src/kernel/clean.js';
import { compileRuleSet } from '../src/kernel/rules/compile.js';
import type { RuleSet, RuleSource } from '../src/kernel/rules/ruleset.js';
import { ruleFilePaths } from '../src/io/rules.js';
import { readDragnet, type Page } from './dragnet.js';
import { machine } from './machine.js';
import { commandLine, recordSection } from './record.js';
import { loadScorer } from './scorer.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { folds: { type: 'string', default: '5' }, record: { type: 'boolean', default: false }, scorer: { type: 'string' } },
});
const fundusDir = resolve(positionals[0] ?? '../shared/corpus/fundus-publishers');
const dragnetDir = resolve(positionals[1] ?? '../shared/corpus/dragnet-train');
const FOLDS = Number(values.folds);
const scorer = await loadScorer(fundusDir, values.scorer);

/** An alternative: the rule's YAML as it would stand in rules/default.yaml, or null for off. */
interface Candidate {
  id: string;
  alternatives: Array<{ name: string; yaml: string | null }>;
}

/** Each rule news pages called for, against its alternatives (the first is the rule as shipped). */
const CANDIDATES: Candidate[] = [
  { id: 'hidden-by-class', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  { id: 'captions', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  { id: 'caption-names', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  { id: 'embeds', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  {
    id: 'fact-boxes',
    alternatives: [
      { name: 'shipped', yaml: 'shipped' },
      { name: 'off', yaml: null },
      { name: 'max-share 0.3', yaml: "id: fact-boxes\nclass-id: ['(?:^|[-_])(?:fact-?box|facts-?box|info-?box|infobox|fact-?sheet)(?:[-_]|$)']\nmax-share: 0.3" },
    ],
  },
  { id: 'author-boxes', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  { id: 'bylines', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  {
    id: 'dateline',
    alternatives: [
      { name: 'shipped', yaml: 'shipped' },
      { name: 'off', yaml: null },
      { name: 'max-words 8', yaml: 'id: dateline\ndate-line: true\nmax-words: 8\nextract: date' },
      { name: 'extra-words 0', yaml: 'id: dateline\ndate-line: true\nextra-words: 0\nextract: date' },
    ],
  },
  { id: 'read-time', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  { id: 'credit-captions', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  { id: 'read-more-links', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  { id: 'headline', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  {
    id: 'teasers',
    alternatives: [
      { name: 'shipped', yaml: 'shipped' },
      { name: 'off', yaml: null },
      { name: 'without with-links', yaml: "id: teasers\nclass-id: ['(?:^|[-_])teasers?(?:[-_]|$)']\nmax-share: 0.5\nrelax: 2" },
    ],
  },
  { id: 'paywall-prompts', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  { id: 'audio-players', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  { id: 'audio-labels', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  { id: 'newsroom-notes', alternatives: [{ name: 'shipped', yaml: 'shipped' }, { name: 'off', yaml: null }] },
  {
    id: 'link-rails',
    alternatives: [
      { name: 'shipped', yaml: 'shipped' },
      { name: 'density 0.5, alone 0.9', yaml: 'id: link-rails\nlink-density: 0.5\nmin-run: 2\nalone: 0.9\nrelax: 2' },
      { name: 'density 0.9, never alone', yaml: 'id: link-rails\nlink-density: 0.9\nmin-run: 2\nrelax: 2' },
    ],
  },
];

// The rules folder as text, and a rule set for any choice of alternatives.
const rulesDir = resolve('rules');
const sources: RuleSource[] = ruleFilePaths(rulesDir).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const defaultsAt = sources.findIndex((s) => /default\.ya?ml$/.test(s.path));

function ruleSetWith(choice: ReadonlyMap<string, string | null>): RuleSet {
  const doc = parseDocument(sources[defaultsAt].text);
  const rules = doc.get('rules', true) as YAMLSeq;
  for (const [id, yaml] of choice) {
    if (yaml === 'shipped') continue;
    const at = rules.items.findIndex((item) => isMap(item) && (item as YAMLMap).get('id') === id);
    if (at === -1) throw new Error(`rules/default.yaml has no rule ${id}`);
    // Off: the rule stays (outlet files may name it in `disable`) but does not run.
    if (yaml === null) (rules.items[at] as YAMLMap).set('enabled', false);
    else rules.items[at] = parseDocument(yaml).contents as YAMLMap;
  }
  if (!isSeq(rules)) throw new Error('rules/default.yaml: rules is not a list');
  const changed = sources.map((s, i) => (i === defaultsAt ? { path: s.path, text: doc.toString() } : s));
  const { ruleSet, errors } = compileRuleSet(rulesDir, changed);
  if (!ruleSet) throw new Error(errors.map((e) => e.message).join('\n'));
  return ruleSet;
}

interface Scored {
  page: Page;
  corpus: 'fundus' | 'dragnet';
  group: string;
  fold: number;
}
const pages: Scored[] = [
  ...readDragnet(fundusDir).map((page) => ({ page, corpus: 'fundus' as const, group: page.id.replace(/_\d{4}_\d{2}_\d{2}$/, '') })),
  ...readDragnet(dragnetDir).map((page) => ({ page, corpus: 'dragnet' as const, group: page.host ?? `page ${page.id}` })),
].map((p) => ({ ...p, fold: 0 }));
// Sites dealt into folds in name order, so the folds are the same on every run.
const groups = [...new Set(pages.map((p) => `${p.corpus}:${p.group}`))].sort();
const foldOf = new Map(groups.map((g, i) => [g, i % FOLDS]));
for (const p of pages) p.fold = foldOf.get(`${p.corpus}:${p.group}`)!;

/** Words F1 of every page with `ruleSet`. */
function scores(ruleSet: RuleSet): Float64Array {
  const out = new Float64Array(pages.length);
  pages.forEach(({ page, corpus }, i) => {
    const result = clean({ content: page.html, type: 'html', ...(page.url ? { url: page.url } : {}) }, { rules: ruleSet, title: corpus === 'dragnet' });
    out[i] = scorer.scorePair(result.text, page.gold).words.f1;
  });
  return out;
}

/** DRAGNET's floor: below it, its losses count against an alternative ten times. */
const DRAGNET_FLOOR = 0.915;
const BELOW_FLOOR_WEIGHT = 10;

/** The two corpora's macro F1 over the pages `take` keeps, and the objective they make (see the header). */
function objective(f1: Float64Array, take: (p: Scored) => boolean): { both: number; fundus: number; dragnet: number } {
  const mean = (corpus: string) => {
    let sum = 0;
    let n = 0;
    pages.forEach((p, i) => {
      if (p.corpus === corpus && take(p)) {
        sum += f1[i];
        n++;
      }
    });
    return n ? sum / n : 0;
  };
  const fundus = mean('fundus');
  const dragnet = mean('dragnet');
  return { both: fundus - BELOW_FLOOR_WEIGHT * Math.max(0, DRAGNET_FLOOR - dragnet), fundus, dragnet };
}

const shipped = new Map(CANDIDATES.map((c) => [c.id, 'shipped' as string | null]));
const shippedScores = scores(ruleSetWith(shipped));
const variantScores = new Map<string, Float64Array>();
for (const candidate of CANDIDATES) {
  for (const alternative of candidate.alternatives.slice(1)) {
    const choice = new Map(shipped);
    choice.set(candidate.id, alternative.yaml);
    variantScores.set(`${candidate.id}/${alternative.name}`, scores(ruleSetWith(choice)));
    process.stderr.write('.');
  }
}
process.stderr.write('\n');
const scoresOf = (id: string, name: string) => (name === 'shipped' ? shippedScores : variantScores.get(`${id}/${name}`)!);

// Per fold: each rule's alternative chosen on the other folds; then the held-out fold cleaned with the chosen rules.
const chosenCount = new Map<string, number>();
const heldOut = { chosen: new Float64Array(pages.length), shipped: shippedScores };
for (let fold = 0; fold < FOLDS; fold++) {
  const train = (p: Scored) => p.fold !== fold;
  const choice = new Map<string, string | null>();
  for (const candidate of CANDIDATES) {
    let best = candidate.alternatives[0];
    let bestScore = objective(scoresOf(candidate.id, best.name), train).both;
    for (const alternative of candidate.alternatives.slice(1)) {
      const score = objective(scoresOf(candidate.id, alternative.name), train).both;
      if (score > bestScore + 1e-9) {
        best = alternative;
        bestScore = score;
      }
    }
    choice.set(candidate.id, best.yaml);
    chosenCount.set(`${candidate.id}/${best.name}`, (chosenCount.get(`${candidate.id}/${best.name}`) ?? 0) + 1);
  }
  const same = [...choice.values()].every((y) => y === 'shipped');
  const f1 = same ? shippedScores : scores(ruleSetWith(choice));
  pages.forEach((p, i) => {
    if (p.fold === fold) heldOut.chosen[i] = f1[i];
  });
}

const f3 = (n: number) => n.toFixed(3);
const signed = (n: number) => `${n >= 0 ? '+' : '-'}${Math.abs(n).toFixed(4)}`;
const all = () => true;
const base = objective(shippedScores, all);
const rows = CANDIDATES.flatMap((candidate) =>
  candidate.alternatives.map((alternative) => {
    const o = objective(scoresOf(candidate.id, alternative.name), all);
    return `| ${alternative.name === 'shipped' ? `\`${candidate.id}\`` : ''} | ${alternative.name} | ${chosenCount.get(`${candidate.id}/${alternative.name}`) ?? 0} of ${FOLDS} | ${alternative.name === 'shipped' ? f3(o.fundus) : signed(o.fundus - base.fundus)} | ${alternative.name === 'shipped' ? f3(o.dragnet) : signed(o.dragnet - base.dragnet)} |`;
  }),
);
const chosen = objective(heldOut.chosen, all);
const lines = [
  '## Default rules chosen by fold (publishers and hosts held out)',
  '',
  `${machine()}.`,
  `Command: \`${commandLine()}\`.`,
  `${pages.filter((p) => p.corpus === 'fundus').length} fundus-publishers pages (body alone) and ${pages.filter((p) => p.corpus === 'dragnet').length} dragnet-train pages (title line and body), ${groups.length} sites dealt into ${FOLDS} folds by name. For each fold, each rule's alternative is the one with the best fundus-publishers macro words F1 on the other folds, as long as dragnet-train's stays at or above ${DRAGNET_FLOOR} (below it, each point lost counts ${BELOW_FLOOR_WEIGHT} times); the other rules as shipped. Whole-corpus figures: macro words F1 of the shipped rules, and the change with the alternative alone.`,
  '',
  '| rule | alternative | chosen in | fundus words F1 (Δ) | dragnet words F1 (Δ) |',
  '|---|---|---:|---:|---:|',
  ...rows,
  '',
  '| held-out folds cleaned with | fundus words F1 | dragnet words F1 |',
  '|---|---:|---:|',
  `| the shipped rules | ${f3(base.fundus)} | ${f3(base.dragnet)} |`,
  `| the rules chosen on the other folds | ${f3(chosen.fundus)} | ${f3(chosen.dragnet)} |`,
];
console.log(lines.join('\n'));
if (values.record) recordSection('folds', lines.join('\n'));
