/**
 * The removal report: what `winnow clean --report` writes and `winnow report` reads.
 * Documented field by field in docs/report-schema.md; `REPORT_SCHEMA` (schema.ts) checks it.
 */

/** Bumped whenever a field changes meaning or goes away; new optional fields keep the version. */
export const REPORT_SCHEMA_VERSION = 1;

/** A place in a rule file. */
export interface ReportOrigin {
  file: string;
  line: number;
  column: number;
}

/** Counts of what something removed. */
export interface RemovalCounts {
  /** Documents it removed anything from. */
  documentsHit: number;
  /** Blocks it removed, wholly or in part (each removal record counts once). */
  blocks: number;
  /** Characters of removed text. */
  chars: number;
  /** Words removed (words as the reference scorer counts them). */
  words: number;
}

/** One removed snippet, truncated to `exampleChars`. */
export interface ReportExample {
  document: string;
  text: string;
  /** Words of the whole removal (before truncation). */
  words: number;
  truncated?: true;
}

export interface ReportRule extends RemovalCounts {
  /** `outlet/id`: the outlet of the rule's file and the rule id. */
  key: string;
  outlet: string;
  id: string;
  kind: string;
  description?: string;
  /** Where the rule is written, when the rules were at hand. */
  origin?: ReportOrigin;
  /** Outlets (of documents) whose resolved rule list holds this rule. */
  appliedIn: string[];
  /** Documents the rule was run on. */
  documentsApplied: number;
  /** Documents whose title, authors or date this rule gave (a `metadata` rule removes nothing). */
  documentsWithFields?: number;
  /** A `keep` rule (which removes nothing): documents it kept text in, and the words of what it kept. */
  documentsKept?: number;
  wordsKept?: number;
  /** `words` over every input word of the corpus. */
  shareOfInputWords: number;
  /** `words` over every removed word of the corpus. */
  shareOfRemovedWords: number;
  /** The same counts per document outlet (a default rule runs in many outlets). */
  byOutlet: Array<RemovalCounts & { outlet: string }>;
  /** At most `maxExamples` removals, sampled uniformly (reservoir) among distinct texts. */
  examples: ReportExample[];
  /**
   * Why the rule fired (a removal's `detail`: the pattern, class, selector or element that
   * matched), the most words first: at most `WHY_SHOWN` reasons, the rest summed in `whyOther`.
   */
  why?: ReportWhy[];
  whyOther?: { blocks: number; words: number };
}

export interface ReportWhy {
  detail: string;
  blocks: number;
  words: number;
}

export interface DocumentCounts {
  documents: number;
  blocksIn: number;
  blocksRemoved: number;
  charsRemoved: number;
  wordsIn: number;
  wordsOut: number;
  wordsRemoved: number;
  /** wordsRemoved / wordsIn (0 when there were no words). */
  shareRemoved: number;
}

export interface ReportOutlet extends DocumentCounts {
  outlet: string;
  ruleFiles: string[];
  /** Rules in the outlet's resolved list (0 when the rules were not at hand). */
  rulesApplied: number;
  /** Rules that removed anything from a document of this outlet. */
  rulesFired: number;
}

export interface ReportTotals extends DocumentCounts {
  rules: number;
  rulesFired: number;
  rulesNeverFired: number;
  /**
   * Documents by the share of their words removed, in ten bins: [0, 10%), [10%, 20%), ...,
   * [90%, 100%] (every document counted, also those not listed).
   */
  documentsByShareRemoved?: number[];
}

export interface ReportDocument {
  id: string;
  /** The page's address: the document's URL, else its canonical address, when known. */
  url?: string;
  outlet: string;
  blocksIn: number;
  blocksRemoved: number;
  wordsIn: number;
  wordsOut: number;
  wordsRemoved: number;
  shareRemoved: number;
  /** Words each rule that fired removed, by rule key. */
  rules: Record<string, number>;
  /** Types of the warnings this document raised. */
  warnings?: WarningType[];
}

/** A run of a block's text: kept (no `rule`) or removed by the rule `rule` names. */
export interface DetailSegment {
  text: string;
  rule?: string;
  /** Only part of the block was removed (a `strip` rule); its place in the block is not recorded. */
  partial?: true;
}

export interface ReportDetail {
  id: string;
  url?: string;
  outlet: string;
  /** Every block of the document in order (position = block index), each as its kept and removed runs. */
  blocks: DetailSegment[][];
}

/** `stale`: a `content` rule found no article on some documents (the outlet's template changed?). */
export type WarningType = 'never-fired' | 'over-removal' | 'rule-dominance' | 'stale';

export interface ReportWarning {
  type: WarningType;
  /** The rule key (never-fired, rule-dominance). */
  rule?: string;
  /** The document id (over-removal, rule-dominance). */
  document?: string;
  /** The measured share: removed share of the document, or the rule's share of its words. */
  share?: number;
  /** Words kept (over-removal). */
  wordsKept?: number;
  message: string;
}

/** Thresholds and bounds the report was built with (see ReportOptions). */
export interface ReportSettings {
  maxRemovedShare: number;
  minWordsKept: number;
  ruleDominanceShare: number;
  maxExamples: number;
  exampleChars: number;
  maxDocuments: number;
  maxDocumentDetails: number;
  maxWarnings: number;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  generator: { name: 'winnow'; version: string };
  settings: ReportSettings;
  totals: ReportTotals;
  outlets: ReportOutlet[];
  /** Every rule that applied or fired, most words removed first. */
  rules: ReportRule[];
  /** Per-document rows (documents with warnings first to be kept when over `maxDocuments`), in input order. */
  documents: ReportDocument[];
  documentsOmitted: number;
  /** Block-level detail for at most `maxDocumentDetails` documents (documents with warnings preferred). */
  details: ReportDetail[];
  detailsOmitted: number;
  warnings: ReportWarning[];
  /** How many warnings of each type were raised (also those left out over `maxWarnings`). */
  warningCounts: Record<Exclude<WarningType, 'stale'>, number> & { stale?: number };
  warningsOmitted: number;
}
