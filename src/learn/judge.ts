/**
 * How the learner judges, with gold, a change to an outlet's rules (a content rule, a default
 * switched off, a kept element): each page cleaned by the engine with and without it, words F1
 * against the page's gold, and the change taken only when it helps more of the pages than it
 * hurts, not only their mean.
 */
import { runRules, type EngineResult } from '../kernel/engine/run.js';
import type { LoadedRule } from '../kernel/rules/parse.js';
import { scoreText } from '../eval/score.js';
import type { ArticlePage } from './page.js';

/** A page's words F1 moves by more than this to count as helped or hurt. */
export const PAGE_CHANGE = 0.001;

/** Words F1 (as `winnow eval` and the reference scorer count them) of each page cleaned with `rules`. */
export function pageF1s(pages: readonly ArticlePage[], rules: readonly LoadedRule[]): number[] {
  return pages.map((page) => runF1(runRules(page.tree, rules), page.doc.gold ?? ''));
}

/** Words F1 of what a run of the engine kept, against `gold`. */
export function runF1(run: EngineResult, gold: string): number {
  return scoreText(run.kept.filter((t) => t !== undefined).join('\n'), gold).words.f1;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((n, v) => n + v, 0) / values.length;
}

/**
 * A change must help more of the outlet's pages than it hurts: a gold that keeps the comments on
 * one page and not on three others (gold is not always consistent) is no reason to let comments
 * through on every page.
 */
export function helpsMost(before: readonly number[], after: readonly number[]): boolean {
  let helped = 0;
  let hurt = 0;
  before.forEach((b, i) => {
    if (after[i] > b + PAGE_CHANGE) helped++;
    else if (after[i] < b - PAGE_CHANGE) hurt++;
  });
  return helped > hurt;
}
