/**
 * Scoring cleaned text against gold text: word and 4-word-shingle precision, recall and F1, per
 * document and macro-averaged. The definitions are those of the reference scorer
 * (`shared/tools/score.mjs`), so its numbers and these agree to the last bit:
 *
 * - tokens are runs of Unicode letters, numbers and `_`, case kept (src/engine/words.ts);
 * - a shingle is 4 consecutive tokens; a text of 1-3 tokens has one shorter shingle, an empty one none;
 * - true positives are the multiset overlap of predicted and gold items;
 * - precision of an empty prediction is 0, or 1 when the gold is empty too; recall of an empty
 *   gold is 1; F1 is 0 when precision and recall are both 0;
 * - macro: the mean of each document's precision, recall and F1, plus the F1 of the two means.
 */
import { tokens } from '../kernel/text/words.js';

/** Shingle length of the article-extraction-benchmark style metric. */
export const SHINGLE_SIZE = 4;
/** Joins a shingle's tokens; cannot occur inside a token. */
const SHINGLE_JOINER = '\u0001';

export interface Overlap {
  precision: number;
  recall: number;
  f1: number;
}

export interface PairScore {
  words: Overlap;
  shingles: Overlap;
}

export interface MacroOverlap extends Overlap {
  /** F1 of the mean precision and the mean recall. */
  f1OfMeans: number;
}

export interface MacroScore {
  words: MacroOverlap;
  shingles: MacroOverlap;
  docs: number;
}

export const METRICS = ['words', 'shingles'] as const;
export type Metric = (typeof METRICS)[number];

/** Counts of each distinct item. */
export function multiset(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** Every run of `size` consecutive tokens; a shorter non-empty text is one shingle. */
export function shingles(words: readonly string[], size = SHINGLE_SIZE): string[] {
  if (words.length === 0) return [];
  if (words.length <= size) return [words.join(SHINGLE_JOINER)];
  const out: string[] = [];
  for (let start = 0; start + size <= words.length; start++) out.push(words.slice(start, start + size).join(SHINGLE_JOINER));
  return out;
}

function f1Of(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Precision, recall and F1 of predicted items against gold items, as multisets. */
export function overlap(gold: readonly string[], predicted: readonly string[]): Overlap {
  const goldCounts = multiset(gold);
  let matched = 0;
  for (const [item, count] of multiset(predicted)) matched += Math.min(count, goldCounts.get(item) ?? 0);
  const precision = predicted.length > 0 ? matched / predicted.length : gold.length > 0 ? 0 : 1;
  const recall = gold.length > 0 ? matched / gold.length : 1;
  return { precision, recall, f1: f1Of(precision, recall) };
}

export function scoreText(predicted: string, gold: string): PairScore {
  const p = tokens(predicted);
  const g = tokens(gold);
  return { words: overlap(g, p), shingles: overlap(shingles(g), shingles(p)) };
}

export function macroAverage(scores: readonly PairScore[]): MacroScore {
  const n = scores.length || 1;
  const average = (metric: Metric): MacroOverlap => {
    let precision = 0;
    let recall = 0;
    let f1 = 0;
    for (const s of scores) {
      precision += s[metric].precision;
      recall += s[metric].recall;
      f1 += s[metric].f1;
    }
    precision /= n;
    recall /= n;
    return { precision, recall, f1: f1 / n, f1OfMeans: f1Of(precision, recall) };
  };
  return { words: average('words'), shingles: average('shingles'), docs: scores.length };
}
