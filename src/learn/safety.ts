/**
 * What the learner will not remove without gold, whatever the repetition says. Learned rules run
 * after the defaults and only remove; a wrong one costs the article, and without gold nothing
 * tells the learner so. Repetition alone is weak evidence: a page's structure (the article's
 * container, its byline element) recurs on every page, and so can text the outlet prints with every
 * article (a disclaimer, a note to readers). These checks judge a candidate by what it would remove
 * from the text the defaults leave on each page it was learned from:
 *
 *   - the article's own metadata: in a web page, date and byline lines ("By Jo Lee",
 *     "November 8, 2012", "Posted by Jo Lee on ..."). The defaults keep them with the headline on
 *     purpose (`main-content` keeps what stands between the headline and the article); a learned
 *     rule does not overrule that without gold. In plain text no default judged them, and they are
 *     learned like any other template line.
 *   - recurring prose that stands with the article: a block of text found on other pages too that
 *     reads as prose (more than `maxRailWords` words, or a sentence of `MIN_SENTENCE_WORDS` words or
 *     more in sentence case; mostly not links), at or after the page's first paragraph of its own.
 *     Before the article (a blog's description under its masthead) it is template; with or after
 *     the article it may be what the outlet prints with every article (a disclaimer, a note to
 *     readers, house rules for comments), which some readers of the page count as the article
 *     and others do not: only gold can settle it.
 *   - a large share of a page's own text: a rule that would take more than `maxPageShare` of the
 *     words the defaults leave on a page it was learned from, in blocks found on no other page,
 *     holds an article, not template (the structure that holds the article recurs on every page,
 *     its text does not).
 *
 * With gold, the gold decides (precision), and none of these apply.
 */
import type { LearnContext } from './candidate.js';
import { recurs } from './candidate.js';
import type { Effect } from './evaluate.js';
import { MONTHS, WEEKDAYS } from './normalise.js';
import type { LearnPage, PageBlock } from './page.js';

/** A block is link text when at least half its words are inside links. */
const LINK_SHARE = 0.5;
/**
 * A candidate whose removals are more than this share (in words) date and byline lines is the
 * article's metadata, not template (half: a meta bar that also holds a share link is still metadata).
 */
export const MAX_METADATA_SHARE = 0.5;

const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
/** A date: a month name next to a number, a weekday, a numeric date, or a time ago. */
const DATE = new RegExp(
  [
    `\\b(?:${longestFirst(MONTHS)})\\b\\.?[\\s,•·-]{0,3}\\d`,
    `\\d(?:st|nd|rd|th)?[\\s,•·-]{1,3}(?:${longestFirst(MONTHS)})\\b`,
    `\\b(?:${longestFirst(WEEKDAYS.filter((d) => d.length > 3))})\\b`,
    '\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}\\b',
    '\\b\\d+ (?:minutes?|hours?|days?|weeks?) ago\\b',
  ].join('|'),
  'u',
);
/**
 * A byline: "By Jo Lee", "BY JO LEE", "Posted by Jo Lee", "Written by: Jo Lee"; or a picture's
 * byline standing as a line of its own: "Photo: Jo Lee", "Photo Credit: Shutterstock.com".
 */
const BYLINE = /^(?:(?:(?:[Pp]osted|POSTED|[Ww]ritten|WRITTEN) )?(?:[Bb]y|BY):? +|(?:[Pp]hotos?|PHOTOS?|[Pp]icture|[Ii]mage|[Cc]redit)(?: [Cc]redits?)?: *)\p{Lu}/u;

/** Whether a block is a date or byline line: short, and dated or signed (the whole line, not a caption ending in a credit). */
export function isMetadataLine(block: PageBlock, maxWords: number): boolean {
  const text = block.kept;
  if (text === undefined || block.words === 0 || block.words > maxWords) return false;
  return DATE.test(text) || BYLINE.test(text.trimStart());
}

/** A sentence of this many words or more reads as prose, not as a label. */
export const MIN_SENTENCE_WORDS = 8;
/**
 * Prose is written in sentence case: at least this share of its words start in lower case.
 * Headlines, menus and labels are in title case ("Related Content", "More From Our Blogs").
 */
export const MIN_LOWER_SHARE = 0.5;
const WORD = /\p{L}[\p{L}\p{N}'’-]*/gu;
/** A line of this many words or more that stands in the page's <title> is its headline. */
export const HEADLINE_WORDS = 3;
/** Whether a line between two paragraphs of the article is left alone (HTML only; see `unsafe`). */
export const KEEP_INTERIOR_LINES = true;

/** Whether a block reads as prose: a long block, or a sentence in sentence case; mostly not links. */
function isProse(block: PageBlock, maxRailWords: number): boolean {
  if (block.kept === undefined || block.linkWords >= LINK_SHARE * block.words) return false;
  if (block.words > maxRailWords) return true;
  if (block.words < MIN_SENTENCE_WORDS) return false;
  const words = block.kept.match(WORD) ?? [];
  const lower = words.filter((w) => w[0] !== w[0].toUpperCase()).length;
  return lower >= MIN_LOWER_SHARE * words.length;
}

/** The first and last paragraphs of the page's own (long prose that recurs on no other page). */
function articleSpan(context: LearnContext, page: LearnPage): Span | undefined {
  let first: number | undefined;
  let last = -1;
  for (const b of page.blocks) {
    if (b.kept === undefined || b.words <= context.options.maxRailWords || b.linkWords >= LINK_SHARE * b.words || recurs(context, b)) continue;
    first ??= b.block.index;
    last = b.block.index;
  }
  return first === undefined ? undefined : { first, last };
}

export interface Span {
  first: number;
  last: number;
}

/** Words the defaults leave on the page in blocks that recur on no other page (its own text). */
function ownWords(context: LearnContext, page: LearnPage): number {
  let words = 0;
  for (const b of page.blocks) if (b.kept !== undefined && !recurs(context, b)) words += b.words;
  return words;
}

/** Whether the block is the page's headline: a line of a few words found in its <title>. */
function isHeadline(page: LearnPage, block: PageBlock): boolean {
  if (block.kept === undefined || block.words < HEADLINE_WORDS || !page.title) return false;
  return page.title.toLowerCase().includes(block.kept.trim().toLowerCase());
}

/** Why a candidate may not be proposed without gold, or undefined when it may. */
export function unsafe(context: LearnContext, effect: Effect, spans: Map<number, Span | undefined>): string | undefined {
  if (context.withGold) return undefined;
  const { maxRailWords, maxPageShare } = context.options;
  let metadata = 0;
  let html = 0;
  for (const e of effect.pages) {
    const page = context.pages[e.page];
    if (!spans.has(e.page)) spans.set(e.page, articleSpan(context, page));
    const span = spans.get(e.page);
    let own = 0;
    for (const [i, index] of e.blocks.entries()) {
      const block = page.blocks[index];
      if (isHeadline(page, block)) return 'removes the headline';
      const shared = recurs(context, block);
      if (shared && span && index >= span.first && isProse(block, maxRailWords)) return 'removes recurring prose that stands with the article';
      if (!shared) own += e.counts[i];
      if (page.type !== 'html') continue;
      if (KEEP_INTERIOR_LINES && span && index > span.first && index < span.last) return 'removes a line between paragraphs of the article';
      const words = e.counts[i];
      html += words;
      if (isMetadataLine(block, maxRailWords)) metadata += words;
    }
    const pageOwn = ownWords(context, page);
    if (own > maxPageShare * pageOwn) return `takes ${own} of the ${pageOwn} words of a page's own`;
  }
  if (html > 0 && metadata > MAX_METADATA_SHARE * html) return 'removes mostly date and byline lines';
  return undefined;
}
