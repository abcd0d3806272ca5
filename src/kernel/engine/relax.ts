/**
 * The safety net: when the rules would leave too little of a page, run them again with the
 * rules that may cut too much switched off, step by step, as Readability retries with its
 * heuristics relaxed.
 *
 * A rule opts in with `relax: N`: it is switched off from step N on. Step 1 switches off the
 * rules marked `relax: 1` (in rules/default.yaml, main-content selection), step 2 also those
 * marked `relax: 2`, and so on. The first step that leaves enough text wins; when none does,
 * the step that kept the most words does. The result says which step was taken and which rules
 * it switched off, so a report can tell a relaxed page from a strict one.
 */
import type { Root } from 'hast';
import type { LoadedRule } from '../rules/parse.js';
import { scanPage, type Page } from './page.js';
import { runRules, type EngineResult, type RunOptions } from './run.js';

/** Fewer words kept than this counts as "too little": the rules took the page's text away (short
 * articles are real: dragnet-train has gold texts of 8 words, so the bar stays low)... */
export const MIN_WORDS_KEPT = 3;
/** ...unless the page itself is that short: only pages with this many words more are retried. */
export const MIN_WORDS_IN = 50;

/** Which relaxation step produced a result. */
export interface Relaxation {
  /** The step taken (1 = the first relaxation). */
  step: number;
  /** Ids of the rules the step switched off. */
  off: string[];
  /** Words the strict rules would have kept. */
  strictWords: number;
}

export interface SafeResult extends EngineResult {
  /** Present when the strict rules left too little and a relaxation step was taken. */
  relaxed?: Relaxation;
}

/** Whether a result keeps too little of its page, so that the rules should be relaxed. */
export function keepsTooLittle(result: EngineResult): boolean {
  return result.wordsOut < MIN_WORDS_KEPT && result.wordsIn >= MIN_WORDS_IN;
}

/**
 * Run `rules` over `tree`; relax them step by step while they keep too little. Every step reads
 * the same walk of the tree (`page`, made here unless the caller has it).
 */
export function runWithSafetyNet(tree: Root, rules: readonly LoadedRule[], page: Page = scanPage(tree), options: RunOptions = {}): SafeResult {
  const strict = runRules(tree, rules, page, options);
  if (!keepsTooLittle(strict)) return strict;
  const steps = [...new Set(rules.map((r) => r.relax).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  let best: SafeResult = strict;
  for (const step of steps) {
    const off = rules.filter((r) => r.relax !== undefined && r.relax <= step);
    const result = runRules(tree, rules.filter((r) => r.relax === undefined || r.relax > step), page, options);
    if (result.wordsOut > best.wordsOut) {
      best = { ...result, relaxed: { step, off: off.map((r) => r.id), strictWords: strict.wordsOut } };
    }
    if (!keepsTooLittle(result)) break;
  }
  return best;
}
