/**
 * `evaluate()`: documents and their gold text in, scores out: per document, macro-averaged, and
 * per rule (false removals, precision, and the corpus F1 without the rule).
 *
 * Two modes. `clean`: the documents are inputs; each is cleaned in memory with the rules, scored,
 * and cleaned again once per rule that fired in it with that rule switched off (ablation). A rule
 * that removed nothing from a document cannot change its output, so only those re-runs are needed
 * and the ablation is exact. `score`: the documents are cleaned text already (`winnow clean --out`);
 * they are scored as they are, and gold files with no document count as empty predictions, as the
 * reference scorer counts them.
 */
import { TimeLimitError, withTimeLimit } from '../io/time-limit.js';
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { shownPath } from '../io/shown.js';
import { clean, type CleanResult } from '../kernel/clean.js';
import type { SourceDocument } from '../io/sources/corpus.js';
import { withKnownOutlet } from '../io/sources/prepare.js';
import { tokens } from '../kernel/text/words.js';
import type { InputType } from '../kernel/parse/index.js';
import { ruleKey } from '../kernel/engine/removal.js';
import type { RuleSet } from '../kernel/rules/ruleset.js';
import { withoutRule } from './ablation.js';
import { falseRemovals } from './gold-words.js';
import type { GoldFinder } from '../io/sources/gold.js';
import { macroAverage, scoreText, type MacroScore, type Overlap, type PairScore } from './score.js';

export type EvalMode = 'clean' | 'score';

export interface EvalOptions {
  mode: EvalMode;
  gold: GoldFinder;
  /** The rules to clean with (required in `clean` mode). */
  ruleSet?: RuleSet;
  /** Apply this outlet's rules to every document (clean mode). */
  outlet?: string;
  /** The documents' URL (clean mode). */
  url?: string;
  /** html or text (clean mode; default: from the file name, else the content). */
  type?: InputType;
  /** Re-clean without each rule that fired (clean mode; default true). */
  ablation?: boolean;
  /** Score the body alone, without the title line (clean mode; default false). */
  noTitle?: boolean;
  /** Paths in the result are written relative to this folder (default: as given). */
  root?: string;
  /** Time limit for cleaning one document, in milliseconds (0 or absent: none); a document over it fails. */
  timeoutMs?: number;
  /** Called after each document (scored, skipped or failed), for progress. */
  onDocument?: (done: number, total: number) => void;
}

export interface EvalDocument extends PairScore {
  id: string;
  outlet?: string;
  /** The gold file. */
  gold: string;
  /** The prediction was missing and scored as empty text (score mode). */
  missingPrediction?: true;
  wordsOut?: number;
  wordsGold: number;
}

export interface EvalRule {
  key: string;
  outlet: string;
  id: string;
  kind: string;
  origin?: string;
  /** Scored documents the rule removed words from. */
  documentsHit: number;
  wordsRemoved: number;
  /** Removed words that the gold holds and the kept text does not already match. */
  falseRemovals: number;
  /** Share of its removed words that were not in the gold (null when it removed no words). */
  precision: number | null;
  /** Macro F1 of the corpus with this rule switched off, and the change from the real run (positive: the rule hurts). */
  without?: { words: number; shingles: number; deltaWords: number; deltaShingles: number };
}

export interface EvalResult {
  mode: EvalMode;
  macro: MacroScore;
  documents: EvalDocument[];
  rules: EvalRule[];
  /** Documents with no gold text (not scored). */
  noGold: string[];
  /** Documents that could not be read or cleaned. */
  failed: Array<{ id: string; error: string }>;
}

interface RuleTally {
  key: string;
  outlet: string;
  id: string;
  kind: string;
  documentsHit: number;
  wordsRemoved: number;
  falseRemovals: number;
  /** Document index -> score with the rule switched off. */
  ablated: Map<number, PairScore>;
}

export function evaluate(documents: Iterable<SourceDocument>, options: EvalOptions): EvalResult {
  const { mode, gold } = options;
  if (mode === 'clean' && !options.ruleSet) throw new Error('evaluate: clean mode needs a ruleSet');
  const show = (path: string) => (options.root !== undefined && isAbsolute(path) ? shownPath(options.root, path) : path);
  const scored: EvalDocument[] = [];
  const noGold: string[] = [];
  const failed: EvalResult['failed'] = [];
  const tallies = new Map<string, RuleTally>();
  const variants = new Map<string, RuleSet>();
  const seenGold = new Set<string>();

  const all = [...documents];
  let done = 0;
  for (const doc of all) {
    options.onDocument?.(done++, all.length);
    const id = doc.id;
    const input = doc.input;
    if (doc.error !== undefined || input === undefined) {
      failed.push({ id, error: doc.error ?? 'unreadable' });
      continue;
    }
    const goldPath = gold.find(doc.path, doc.relativePath);
    if (goldPath === undefined) {
      noGold.push(id);
      continue;
    }
    let goldText: string;
    try {
      goldText = readFileSync(goldPath, 'utf8');
    } catch (error) {
      failed.push({ id, error: `cannot read its gold ${show(goldPath)}: ${(error as Error).message}` });
      continue;
    }
    seenGold.add(goldPath);
    if (mode === 'score') {
      scored.push({ id, gold: show(goldPath), ...scoreText(input.content, goldText), wordsGold: tokens(goldText).length });
      continue;
    }

    const run = (rules: RuleSet): CleanResult =>
      withTimeLimit(options.timeoutMs ?? 0, () =>
        clean(
          { ...withKnownOutlet(input, rules), id, ...(options.url !== undefined ? { url: options.url } : {}), ...(options.outlet !== undefined ? { outlet: options.outlet } : {}), ...(options.type !== undefined ? { type: options.type } : {}) },
          { rules, ...(options.noTitle ? { title: false } : {}) },
        ),
      );
    let result: CleanResult;
    try {
      result = run(options.ruleSet!);
    } catch (error) {
      failed.push({ id, error: (error as Error).message });
      continue;
    }
    const index = scored.length;
    scored.push({
      id,
      outlet: result.outlet,
      gold: show(goldPath),
      ...scoreText(result.text, goldText),
      wordsOut: result.stats.wordsOut,
      wordsGold: tokens(goldText).length,
    });
    const falseByRule = falseRemovals(result, goldText);
    const hit = new Set<string>();
    for (const removal of result.removals) {
      const key = ruleKey(removal);
      let tally = tallies.get(key);
      if (!tally) {
        tally = { key, outlet: removal.outlet, id: removal.rule, kind: removal.kind, documentsHit: 0, wordsRemoved: 0, falseRemovals: 0, ablated: new Map() };
        tallies.set(key, tally);
      }
      tally.wordsRemoved += removal.words;
      if (!hit.has(key)) {
        hit.add(key);
        tally.documentsHit++;
        tally.falseRemovals += falseByRule.get(key) ?? 0;
      }
    }
    if (options.ablation === false) continue;
    for (const key of hit) {
      let variant = variants.get(key);
      if (!variant) variants.set(key, (variant = withoutRule(options.ruleSet!, key)));
      try {
        tallies.get(key)!.ablated.set(index, scoreText(run(variant).text, goldText));
      } catch (error) {
        // Over the time limit without this rule: no score without it, as if it had not fired here.
        if (!(error instanceof TimeLimitError)) throw error;
      }
    }
  }

  options.onDocument?.(done, all.length);
  if (mode === 'score' && gold.dir !== undefined) {
    // As the reference scorer does: a gold file without its prediction scores an empty one.
    for (const { path, name } of gold.goldFiles()) {
      if (seenGold.has(path)) continue;
      const goldText = readFileSync(path, 'utf8');
      scored.push({ id: name, gold: show(path), missingPrediction: true, ...scoreText('', goldText), wordsGold: tokens(goldText).length });
    }
  }

  const macro = macroAverage(scored);
  const rules: EvalRule[] = [...tallies.values()].map((t) => {
    const rule: EvalRule = {
      key: t.key,
      outlet: t.outlet,
      id: t.id,
      kind: t.kind,
      ...originOf(options.ruleSet, t, show),
      documentsHit: t.documentsHit,
      wordsRemoved: t.wordsRemoved,
      falseRemovals: t.falseRemovals,
      precision: t.wordsRemoved > 0 ? (t.wordsRemoved - t.falseRemovals) / t.wordsRemoved : null,
    };
    if (options.ablation !== false) {
      const without = macroAverage(scored.map((s, i) => t.ablated.get(i) ?? s));
      rule.without = {
        words: without.words.f1,
        shingles: without.shingles.f1,
        deltaWords: without.words.f1 - macro.words.f1,
        deltaShingles: without.shingles.f1 - macro.shingles.f1,
      };
    }
    return rule;
  });
  rules.sort((a, b) => (b.without?.deltaWords ?? 0) - (a.without?.deltaWords ?? 0) || b.falseRemovals - a.falseRemovals || a.key.localeCompare(b.key));
  return { mode, macro, documents: scored, rules, noGold, failed };
}


function originOf(ruleSet: RuleSet | undefined, tally: RuleTally, show: (p: string) => string): { origin?: string } {
  if (!ruleSet) return {};
  const file = tally.outlet === 'default' ? ruleSet.defaults : ruleSet.outlets.get(tally.outlet);
  const rule = file?.rules.find((r) => r.id === tally.id);
  return rule ? { origin: `${show(rule.origin.file)}:${rule.origin.line}` } : {};
}

export type { Overlap };
