/**
 * The reference scorer (../shared/tools/score.mjs), loaded at run time: by default from the
 * `tools/` folder two levels above the corpus (../shared/corpus/X -> ../shared/tools), or --scorer PATH.
 */
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Metric {
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  words: Metric;
  shingles: Metric;
}

export interface Scorer {
  scorePair(pred: string, gold: string): Scores;
  macro(results: Scores[]): Scores & { docs: number };
}

export async function loadScorer(corpus: string, scorerOption?: string): Promise<Scorer> {
  const path = resolve(scorerOption ?? join(dirname(dirname(resolve(corpus))), 'tools', 'score.mjs'));
  return (await import(pathToFileURL(path).href)) as Scorer;
}
