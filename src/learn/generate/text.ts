/**
 * Recurring blocks -> `text` rules (the same text on many pages) and `pattern` rules (the same
 * text but for numbers, dates or names: "Comments (12)", "Updated: 3 May 2024, 10:15", "By Jo Lee").
 *
 * Entries are found level by level (exact, then shape, then names), each level taking only the
 * blocks the finer levels left, and grouped into one rule per region of the page.
 */
import { tokens } from '../../kernel/text/words.js';
import { removalCost, type Candidate, type KeyStats, type LearnContext } from '../candidate.js';
import { hasLiteralWord, patternFor, slug, type Level } from '../normalise.js';
import type { PageBlock } from '../page.js';

/** Containers whose text is a page's own headline, never template. */
const HEADING_TAGS = new Set(['h1', 'title']);
/** Texts of this many words or more that appear in some page's <title> are that page's headline. */
const TITLE_GUARD_WORDS = 3;
/** Relative positions that split a plain-text page into top, body and bottom. */
const TOP_END = 1 / 3;
const BOTTOM_START = 2 / 3;

interface Entry {
  level: Level;
  /** The string (`text`) or regular expression (`pattern`) to write. */
  value: string;
  occurrences: Array<{ page: number; block: PageBlock }>;
  group: string;
}

export function textCandidates(context: LearnContext): Candidate[] {
  const covered = new Set<PageBlock>();
  const entries: Entry[] = [];
  const levels: Array<[Level, Map<string, KeyStats>]> = [['exact', context.exact], ['shape', context.shape], ['names', context.names]];
  for (const [level, index] of levels) {
    for (const [key, stats] of index) {
      if (stats.pages.size < context.required) continue;
      if (level === 'names' && !hasLiteralWord(key)) continue;
      // A bare date or number ("November 8, 2012") may be a post's own date line, which some
      // outlets count as article text: only gold can tell. A labelled one ("Updated: ...") is template.
      if (level === 'shape' && !hasLiteralWord(key) && !context.withGold) continue;
      const entry = entryFor(context, level, stats, covered);
      if (!entry) continue;
      for (const o of entry.occurrences) covered.add(o.block);
      entries.push(entry);
    }
  }
  return group(context, entries);
}

function entryFor(context: LearnContext, level: Level, stats: KeyStats, covered: Set<PageBlock>): Entry | undefined {
  let occurrences = stats.occurrences.filter((o) => !covered.has(o.block));
  if (pagesOf(occurrences) < context.required) return undefined;
  if (occurrences.some((o) => HEADING_TAGS.has(o.block.tag))) return undefined;
  // A level above exact must vary at the level below, or the finer level would have taken it.
  const finer = level === 'shape' ? (b: PageBlock) => b.exact : (b: PageBlock) => b.shape;
  if (level !== 'exact' && new Set(occurrences.map((o) => finer(o.block))).size < 2) return undefined;
  if (level === 'names' && median(occurrences.map((o) => o.block.words)) > context.options.maxRailWords) return undefined;

  const example = mostCommon(occurrences.map((o) => o.block.kept!));
  let value = example;
  if (level !== 'exact') {
    value = patternFor(example, level);
    const re = new RegExp(value, 'u');
    occurrences = occurrences.filter((o) => re.test(o.block.kept!));
    if (pagesOf(occurrences) < context.required) return undefined;
  } else if (context.pages[0]?.type === 'html' && !consistentTag(occurrences, context.required)) {
    return undefined;
  }
  if (titleGuard(context, example)) return undefined;
  if (context.withGold && precisionOf(context, occurrences) < context.options.minPrecision) return undefined;
  return { level, value, occurrences, group: groupOf(context, occurrences) };
}

/** In HTML, template text sits in the same kind of element on every page (a link in a menu, not a headline). */
function consistentTag(occurrences: Entry['occurrences'], required: number): boolean {
  const byTag = new Map<string, Set<number>>();
  for (const o of occurrences) {
    let pages = byTag.get(o.block.tag);
    if (!pages) byTag.set(o.block.tag, (pages = new Set()));
    pages.add(o.page);
  }
  return Math.max(...[...byTag.values()].map((s) => s.size)) >= required;
}

/** A long text found in the <title> of some pages but not most is those pages' headline. */
function titleGuard(context: LearnContext, text: string): boolean {
  if (tokens(text).length < TITLE_GUARD_WORDS) return false;
  const lower = text.toLowerCase();
  const inTitles = context.pages.filter((p) => p.title?.toLowerCase().includes(lower)).length;
  return inTitles > 0 && inTitles < context.required;
}

function precisionOf(context: LearnContext, occurrences: Entry['occurrences']): number {
  const { words, lost } = removalCost(context, occurrences);
  return words === 0 ? 1 : 1 - lost / words;
}

/** The group (and rule) an entry goes in: its region in HTML, its place in the page in plain text. */
function groupOf(context: LearnContext, occurrences: Entry['occurrences']): string {
  if (context.pages[0]?.type === 'html') return mostCommon(occurrences.map((o) => o.block.region));
  const at = median(occurrences.map((o) => o.block.block.index / Math.max(1, context.pages[o.page].blocks.length - 1)));
  return at < TOP_END ? 'top' : at >= BOTTOM_START ? 'bottom' : 'body';
}

function group(context: LearnContext, entries: Entry[]): Candidate[] {
  const byGroup = new Map<string, { texts: Entry[]; patterns: Entry[] }>();
  for (const entry of entries) {
    let g = byGroup.get(entry.group);
    if (!g) byGroup.set(entry.group, (g = { texts: [], patterns: [] }));
    (entry.level === 'exact' ? g.texts : g.patterns).push(entry);
  }
  const out: Candidate[] = [];
  const byPages = (a: Entry, b: Entry) => pagesOf(b.occurrences) - pagesOf(a.occurrences);
  for (const [name, g] of byGroup) {
    const where = context.pages[0]?.type === 'html' ? `in ${name}` : `at the ${name} of the page`;
    const base = slug(name.replace(/^[#.]/, ''));
    if (g.texts.length > 0) {
      const texts = g.texts.sort(byPages).map((e) => e.value);
      out.push({
        id: `${base}-text`,
        description: `Template text recurring across the outlet's pages ${where}.`,
        rule: { text: texts.length === 1 ? texts[0] : texts },
        source: 'text',
        vouched: true,
      });
    }
    if (g.patterns.length > 0) {
      const patterns = g.patterns.sort(byPages).map((e) => e.value);
      out.push({
        id: `${base}-lines`,
        description: `Template lines ${where} that differ only in numbers, dates or names.`,
        rule: { pattern: patterns.length === 1 ? patterns[0] : patterns },
        source: 'pattern',
        vouched: true,
      });
    }
  }
  return out;
}

export function pagesOf(occurrences: ReadonlyArray<{ page: number }>): number {
  return new Set(occurrences.map((o) => o.page)).size;
}

export function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = values[0];
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
