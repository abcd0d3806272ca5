/**
 * How the learner compares blocks across pages, and how it turns what varies into regular
 * expressions. Three levels, each coarser than the last:
 *
 *   exact: whitespace collapsed, lower case (the form `text` rules compare in);
 *   shape: digits and dates generalised ("Comments (12)" ~ "Comments (3)");
 *   names: runs of capitalised words generalised as well ("By Henry Moore" ~ "By Jo Lee").
 *
 * A level's key is what recurs across pages; its pattern is built from one example, with every
 * varying part replaced by a class (never by a list of what was seen).
 */
import { normalizeForMatch } from '../kernel/text/words.js';

/** Month names and their abbreviations, for dates written in words. */
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
];
/** Weekday names and their abbreviations. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun'];

/** A capitalised word: a name, an agency, a place ("Henry", "O'Neill", "AFP", "St."). */
export const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
/** One to four capitalised words: a person's or an agency's name. */
export const NAME = `${NAME_WORD}(?: ${NAME_WORD}){0,3}`;
/** One or more names joined by commas, "and" or "&" (bylines with several authors). */
export const NAMES = `${NAME}(?:(?:,| and| &) ${NAME})*`;
/** A number, with thousands separators or decimals. */
export const NUMBER = '\\d+(?:[.,]\\d+)*';

const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length);
const MONTH_ALTERNATION = `(?:${longestFirst(MONTHS).join('|')})`;
const WEEKDAY_ALTERNATION = `(?:${longestFirst(WEEKDAYS).join('|')})`;
const MONTH_RE = new RegExp(`\\b${MONTH_ALTERNATION}\\b\\.?`, 'giu');
const WEEKDAY_RE = new RegExp(`\\b${WEEKDAY_ALTERNATION}\\b\\.?`, 'giu');
const DIGITS_RE = /\d+(?:[.,]\d+)*/gu;
/** A run of capitalised words (what the names level generalises). */
const CAPITAL_RUN_RE = /\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)*/gu;

/** The exact level: the form `text` rules compare in. */
export const exactKey = normalizeForMatch;

/** The shape level: digits and month and weekday names replaced by placeholders. */
export function shapeKey(text: string): string {
  return exactKey(generaliseDates(text));
}

/**
 * The names level: the shape level with runs of capitalised words replaced as well, except the
 * block's first word, which in template lines is the label ("By ...", "Posted by ...", "Photo: ...").
 */
export function nameKey(text: string): string {
  const shaped = generaliseDates(text);
  const first = FIRST_WORD.exec(shaped)?.[0] ?? '';
  return exactKey(first + shaped.slice(first.length).replace(CAPITAL_RUN_RE, '\u0003'));
}

/** The block's first word and the space after it (kept literal at the names level). */
const FIRST_WORD = /^\S+\s*/u;

function generaliseDates(text: string): string {
  return text.replace(MONTH_RE, '\u0001').replace(WEEKDAY_RE, '\u0002').replace(DIGITS_RE, '#');
}

/** Whether a key still says something literal (a word of two letters or more), not only classes. */
export function hasLiteralWord(key: string): boolean {
  return /\p{L}{2,}/u.test(key.replace(/[\u0001\u0002\u0003#]/gu, ' '));
}

/** Escape `text` for a JavaScript regular expression in Unicode mode (only syntax characters). */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

export type Level = 'exact' | 'shape' | 'names';

/**
 * A regular expression for every block of `example`'s key at `level`: literal text escaped,
 * numbers, dates and (at the names level) capitalised runs as classes. Anchored at both ends.
 */
export function patternFor(example: string, level: Level): string {
  type Piece = { at: number; end: number; re: string };
  const pieces: Piece[] = [];
  const mark = (re: RegExp, replacement: string) => {
    re.lastIndex = 0;
    for (const m of example.matchAll(re)) {
      const at = m.index;
      const end = at + m[0].length;
      if (pieces.some((p) => at < p.end && end > p.at)) continue;
      pieces.push({ at, end, re: replacement });
    }
  };
  if (level !== 'exact') {
    mark(new RegExp(MONTH_RE.source, 'giu'), `${MONTH_ALTERNATION}\\.?`);
    mark(new RegExp(WEEKDAY_RE.source, 'giu'), `${WEEKDAY_ALTERNATION}\\.?`);
    mark(new RegExp(DIGITS_RE.source, 'gu'), NUMBER);
  }
  if (level === 'names') {
    const first = (FIRST_WORD.exec(example)?.[0] ?? '').length;
    const runs = new RegExp(CAPITAL_RUN_RE.source, 'gu');
    runs.lastIndex = first;
    for (let m = runs.exec(example); m !== null; m = runs.exec(example)) {
      const at = m.index;
      const end = at + m[0].length;
      if (!pieces.some((p) => at < p.end && end > p.at)) pieces.push({ at, end, re: `${NAME_WORD}(?: ${NAME_WORD})*` });
    }
  }
  pieces.sort((a, b) => a.at - b.at);
  let out = '^';
  let at = 0;
  for (const piece of pieces) {
    out += escapeRegex(example.slice(at, piece.at)) + piece.re;
    at = piece.end;
  }
  return `${out}${escapeRegex(example.slice(at))}$`;
}

/** A rule id made from text: lower case, words joined by "-", at most `max` words. */
export function slug(text: string, max = 4): string {
  const words = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  return words.slice(0, max).join('-') || 'x';
}

/** `text` cut to `max` characters with an ellipsis, for examples in comments. */
export function shorten(text: string, max = 100): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
