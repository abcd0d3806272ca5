/** Options of the report builder, each with its default and why. */
import type { ReportSettings } from './types.js';

export interface ReportOptions {
  /** Warn about a document when more than this share of its words was removed (default 0.8). */
  maxRemovedShare?: number;
  /** Warn about a document that lost words and kept fewer than this many (default 50). */
  minWordsKept?: number;
  /** Warn when one rule took more than this share of one document's words (default 0.5). */
  ruleDominanceShare?: number;
  /** Example snippets kept per rule (default 3). */
  maxExamples?: number;
  /** Characters an example snippet is truncated to (default 200). */
  exampleChars?: number;
  /** Per-document rows kept; documents with warnings are kept first (default 5,000). */
  maxDocuments?: number;
  /** Documents whose blocks are kept for the HTML page; documents with warnings first (default 100). */
  maxDocumentDetails?: number;
  /** Over-removal and rule-dominance warnings listed; all are counted (default 1,000). */
  maxWarnings?: number;
  /** Rule-file paths in the report are written relative to this folder (default: as loaded). */
  root?: string;
}

/**
 * Nine tenths gone: chosen with folds by site (bench/warnings.ts; 0.9 in 3 of 5 folds, 0.95 in the
 * others). At four fifths a whole web page losing its chrome was flagged as often as not: 228
 * warnings on 1,224 pages, 18% of them pages that lost their article; at 0.9, 91 and 35%.
 */
export const DEFAULT_MAX_REMOVED_SHARE = 0.9;
/** A news story shorter than a short paragraph after cleaning has probably lost its body. */
export const DEFAULT_MIN_WORDS_KEPT = 50;
/** A rule that takes most of a document is either a rail cut-off or a mistake. */
export const DEFAULT_RULE_DOMINANCE_SHARE = 0.5;
/** Enough to recognise what a rule takes, few enough to keep a rule's row short. */
export const DEFAULT_MAX_EXAMPLES = 3;
/** About two lines of text. */
export const DEFAULT_EXAMPLE_CHARS = 200;
/** About 1 MB of rows: a 100,000-document report stays small. */
export const DEFAULT_MAX_DOCUMENTS = 5000;
/** Block-level text is the bulk of a report (~10-30 kB a web page); 100 pages is a few MB. */
export const DEFAULT_MAX_DOCUMENT_DETAILS = 100;
/** More than a reviewer reads; the counts say how many there were. */
export const DEFAULT_MAX_WARNINGS = 1000;

export function settingsOf(options: ReportOptions): ReportSettings {
  const settings: ReportSettings = {
    maxRemovedShare: options.maxRemovedShare ?? DEFAULT_MAX_REMOVED_SHARE,
    minWordsKept: options.minWordsKept ?? DEFAULT_MIN_WORDS_KEPT,
    ruleDominanceShare: options.ruleDominanceShare ?? DEFAULT_RULE_DOMINANCE_SHARE,
    maxExamples: options.maxExamples ?? DEFAULT_MAX_EXAMPLES,
    exampleChars: options.exampleChars ?? DEFAULT_EXAMPLE_CHARS,
    maxDocuments: options.maxDocuments ?? DEFAULT_MAX_DOCUMENTS,
    maxDocumentDetails: options.maxDocumentDetails ?? DEFAULT_MAX_DOCUMENT_DETAILS,
    maxWarnings: options.maxWarnings ?? DEFAULT_MAX_WARNINGS,
  };
  for (const key of ['maxRemovedShare', 'ruleDominanceShare'] as const) {
    const v = settings[key];
    if (!(v >= 0 && v <= 1)) throw new RangeError(`Unexpected ${key} ${v}, expected a share between 0 and 1`);
  }
  for (const key of ['minWordsKept', 'maxExamples', 'exampleChars', 'maxDocuments', 'maxDocumentDetails', 'maxWarnings'] as const) {
    const v = settings[key];
    if (!(Number.isInteger(v) && v >= 0)) throw new RangeError(`Unexpected ${key} ${v}, expected a whole number of 0 or more`);
  }
  return settings;
}
