/**
 * The learner's thresholds, each a named option with its default. The CLI exposes them as
 * `--min-support`, `--min-pages`, `--min-precision`, ... (see `winnow learn --help`).
 */

export interface LearnOptions {
  /**
   * Share of the pages a candidate must fire in (default 0.5): template text recurs on most of an
   * outlet's pages, an article's own sentences on one.
   */
  minSupport: number;
  /**
   * Fewest pages a candidate must fire in (default 2; never less than 2, so that nothing seen in
   * only one page is proposed).
   */
  minPages: number;
  /** With gold text: the lowest precision (share of removed words not in gold) accepted (default 0.98). */
  minPrecision: number;
  /**
   * Without gold, a selector or `drop: rest` candidate must take mostly template: at most this
   * share of the words it removes may be prose found on one page only (default 0.15).
   */
  maxUniqueShare: number;
  /** Without gold, a selector may take at most this share of a page's one-page prose (default 0.05). */
  maxContentShare: number;
  /**
   * Without gold, the most of a page's own words (words the defaults leave on it, in blocks found on
   * no other page) that a rule may remove from it, on every page it is learned from (default 0.5):
   * a rule that takes more holds an article.
   */
  maxPageShare: number;
  /**
   * A rail line (after a `drop: rest` marker) in plain text has at most this many words; longer
   * blocks are paragraphs, which a rule learned without gold leaves alone at and after the start of
   * the article (default 20).
   */
  maxRailWords: number;
  /** With `--by host`: fewest outlets a cross-outlet default must be template text of (default 3). */
  minOutlets: number;
  /** With `--by host`: fewest pages an outlet needs before rules are learned for it (default 5). */
  minOutletPages: number;
  /** Examples kept per proposed rule (default 3). */
  examples: number;
  /** The date recorded in `learned.at` (default: today, YYYY-MM-DD). */
  at?: string;
}

/** Template blocks recur on most pages; half is lenient enough for rails that come and go. */
export const DEFAULT_MIN_SUPPORT = 0.5;
/** Two pages is the floor: text seen on one page is that page's own. */
export const FLOOR_MIN_PAGES = 2;
/** The threshold: at most 2 removed words in 100 may be article text. */
export const DEFAULT_MIN_PRECISION = 0.98;
/** A sidebar or rail may hold a little prose of its own (a blurb), not an article. */
export const DEFAULT_MAX_UNIQUE_SHARE = 0.15;
/** A selector that takes more than a twentieth of a page's own prose probably holds the article. */
export const DEFAULT_MAX_CONTENT_SHARE = 0.05;
/** Template is the lesser part of a page: a rule that takes most of what is left takes the article. */
export const DEFAULT_MAX_PAGE_SHARE = 0.5;
/** Headlines in a rail are short; article paragraphs are longer. */
export const DEFAULT_MAX_RAIL_WORDS = 20;
/** "Many outlets": three is the least that is not a coincidence of two templates. */
export const DEFAULT_MIN_OUTLETS = 3;
/** The "hosts with 5 or more pages". */
export const DEFAULT_MIN_OUTLET_PAGES = 5;
/** Two or three examples are enough to judge a rule. */
export const DEFAULT_EXAMPLES = 3;

export const DEFAULT_LEARN_OPTIONS: LearnOptions = {
  minSupport: DEFAULT_MIN_SUPPORT,
  minPages: FLOOR_MIN_PAGES,
  minPrecision: DEFAULT_MIN_PRECISION,
  maxUniqueShare: DEFAULT_MAX_UNIQUE_SHARE,
  maxContentShare: DEFAULT_MAX_CONTENT_SHARE,
  maxPageShare: DEFAULT_MAX_PAGE_SHARE,
  maxRailWords: DEFAULT_MAX_RAIL_WORDS,
  minOutlets: DEFAULT_MIN_OUTLETS,
  minOutletPages: DEFAULT_MIN_OUTLET_PAGES,
  examples: DEFAULT_EXAMPLES,
};

/** Options with defaults filled in and the page floor enforced. */
export function resolveOptions(partial: Partial<LearnOptions> = {}): LearnOptions {
  const options = { ...DEFAULT_LEARN_OPTIONS, ...stripUndefined(partial) };
  options.minPages = Math.max(FLOOR_MIN_PAGES, Math.ceil(options.minPages));
  return options;
}

/** Pages a candidate must fire in, out of `pages`. */
export function requiredPages(options: LearnOptions, pages: number): number {
  return Math.max(options.minPages, Math.ceil(options.minSupport * pages - 1e-9));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
