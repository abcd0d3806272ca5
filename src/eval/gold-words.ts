/**
 * Gold words, and what removing words costs against them, in the scorer's terms: gold words are
 * matched as a multiset against the kept words, so removing a word costs a gold word only when
 * fewer copies of it would remain than the gold holds. The learner asks what a candidate would
 * cost (`cost`, `take`); `winnow eval` asks what each removal cost (`falseRemovals`).
 */
import type { CleanResult } from '../kernel/clean.js';
import { ruleKey } from '../kernel/engine/removal.js';
import { tokens } from '../kernel/text/words.js';

/** How many times each word occurs. */
function bagOf(words: readonly string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of words) bag.set(t, (bag.get(t) ?? 0) + 1);
  return bag;
}

/** The kept words of a page against its gold words. */
export class GoldLedger {
  private readonly kept: Map<string, number>;
  private readonly gold: Map<string, number>;

  constructor(keptTexts: readonly string[], gold: string) {
    this.kept = bagOf(keptTexts.flatMap((text) => tokens(text)));
    this.gold = bagOf(tokens(gold));
  }

  /** Gold words that removing `removed` (word tokens) would lose. */
  cost(removed: readonly string[]): number {
    let lost = 0;
    for (const [t, n] of bagOf(removed)) {
      const g = this.gold.get(t) ?? 0;
      if (g === 0) continue;
      const k = this.kept.get(t) ?? 0;
      lost += Math.min(k, g) - Math.min(Math.max(0, k - n), g);
    }
    return lost;
  }

  /** Gold words that keeping `removed` as well (words the kept text lacks) would win back. */
  regain(removed: readonly string[]): number {
    let won = 0;
    for (const [t, n] of bagOf(removed)) {
      const g = this.gold.get(t) ?? 0;
      const k = this.kept.get(t) ?? 0;
      won += Math.min(k + n, g) - Math.min(k, g);
    }
    return won;
  }

  /** Remove `removed` from the kept words (to account for rules one after another). */
  take(removed: readonly string[]): number {
    const lost = this.cost(removed);
    for (const t of removed) {
      const k = this.kept.get(t) ?? 0;
      if (k > 0) this.kept.set(t, k - 1);
    }
    return lost;
  }
}

/**
 * Words each rule removed that belong in the gold, by rule key. The removals are stacked on the
 * kept text in document order and taken off the top: a gold word no kept word matches is blamed
 * on the earliest removal that held a copy of it, and on no other.
 */
export function falseRemovals(result: CleanResult, goldText: string): Map<string, number> {
  const removed = result.removals.map((removal) => tokens(removal.text));
  const ledger = new GoldLedger([result.text, ...result.removals.map((removal) => removal.text)], goldText);
  const byRule = new Map<string, number>();
  for (let i = result.removals.length - 1; i >= 0; i--) {
    const removal = result.removals[i];
    const key = ruleKey(removal);
    byRule.set(key, (byRule.get(key) ?? 0) + Math.min(ledger.take(removed[i]), removal.words));
  }
  return byRule;
}
