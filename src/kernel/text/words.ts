/**
 * Word counting shared by the engine, reports and evaluation.
 *
 * A word is a run of Unicode letters, numbers or underscores, exactly as the reference scorer
 * (`shared/tools/score.mjs`) tokenises, so that "words removed" in a report and "words" in an
 * evaluation are the same unit.
 */
export const WORD = /[\p{L}\p{N}_]+/gu;

/** The word tokens of `text`, in order. */
export function tokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** One word character (letter, number or `_`), for characters outside the lookup table. */
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;
/** One whitespace character, as `\s` in a regular expression (and so as `collapseWhitespace`). */
const SPACE_CHAR = /^\s$/;

/** Classes of UTF-16 code units in `UNIT_CLASS`: punctuation, symbols and the like... */
const OTHER = 0;
/** ...a word character (letter, number, `_`)... */
const WORD_UNIT = 1;
/** ...whitespace... */
const SPACE = 2;
/** ...a comma (Latin, CJK, Arabic: a sign of running prose, as Readability counts them)... */
const COMMA = 3;
/** ...not looked up yet (every class above this one needs `resolveUnit`)... */
const UNKNOWN = 4;
/** ...or half of a surrogate pair, whose code point decides. */
const HIGH_SURROGATE = 5;
const LOW_SURROGATE = 6;

/** The commas counted (`TextMeasure.commas`). */
const COMMAS = [0x2c, 0x60c, 0xfe50, 0xfe10, 0xfe11, 0x2e41, 0x2e34, 0x2e32, 0xff0c, 0x3001];

/**
 * The class of each UTF-16 code unit, filled on first sight, so that measuring text is a table
 * lookup per character instead of Unicode-property regex runs (the engine reads every text of a
 * page). Filling all 65,536 entries up front would cost every process some 15 ms at start.
 */
const UNIT_CLASS = new Uint8Array(0x10000).fill(UNKNOWN);
for (let c = 0; c < 0x80; c++) learnUnit(c);
UNIT_CLASS.fill(HIGH_SURROGATE, 0xd800, 0xdc00);
UNIT_CLASS.fill(LOW_SURROGATE, 0xdc00, 0xe000);
for (const c of COMMAS) UNIT_CLASS[c] = COMMA;
/** Word-ness of code points beyond the BMP (surrogate pairs), as met: `WORD_UNIT` or `OTHER`. */
const ASTRAL_CLASS = new Map<number, number>();

/** The class of a code unit not looked up yet. */
function learnUnit(code: number): number {
  const unit = String.fromCharCode(code);
  const found = WORD_CHAR.test(unit) ? WORD_UNIT : SPACE_CHAR.test(unit) ? SPACE : OTHER;
  UNIT_CLASS[code] = found;
  return found;
}

/** The class of the code point a surrogate pair encodes (a word character or not). */
function astralClass(high: number, low: number): number {
  const codePoint = (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  let found = ASTRAL_CLASS.get(codePoint);
  if (found === undefined) {
    found = WORD_CHAR.test(String.fromCodePoint(codePoint)) ? WORD_UNIT : OTHER;
    ASTRAL_CLASS.set(codePoint, found);
  }
  return found;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The class of the unit at `i` when the table cannot tell: learned on first sight, or, for half
 * of a surrogate pair, the class of the pair's code point (both halves get it, so a pair counts
 * as one character; a lone half is `OTHER`). Kept out of the counting loops, which stay tight.
 */
function resolveUnit(text: string, i: number, code: number): number {
  const known = UNIT_CLASS[code];
  if (known === UNKNOWN) return learnUnit(code);
  if (known === HIGH_SURROGATE) {
    const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    return isLow(low) ? astralClass(code, low) : OTHER;
  }
  const high = i > 0 ? text.charCodeAt(i - 1) : 0;
  return isHigh(high) ? astralClass(high, code) : OTHER;
}

/** The class of the unit at `i`. */
function unitAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const unit = UNIT_CLASS[code];
  return unit >= UNKNOWN ? resolveUnit(text, i, code) : unit;
}

/**
 * What the engine needs to know of one text node, read in one pass over its characters: its
 * words and commas, whether it holds anything but whitespace, and whether it starts or ends
 * inside a word (so that the words of texts read one after another can be added up: a word
 * split across two texts, "foo<b>bar</b>", is one word of the block).
 */
export class TextMeasure {
  words = 0;
  commas = 0;
  nonSpace = false;
  startsInWord = false;
  endsInWord = false;
  /** It starts with a lone low surrogate or ends with a lone high one: joined, they make one character. */
  splitsPair = false;

  measure(text: string): void {
    let words = 0;
    let commas = 0;
    let spaces = 0;
    let inWord = 0;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      let unit = UNIT_CLASS[code];
      if (unit >= UNKNOWN) unit = resolveUnit(text, i, code);
      // Branch-free counting: which class comes next is not predictable.
      const word = unit === WORD_UNIT ? 1 : 0;
      words += word & (inWord ^ 1);
      inWord = word;
      commas += unit === COMMA ? 1 : 0;
      spaces += unit === SPACE ? 1 : 0;
    }
    this.words = words;
    this.commas = commas;
    this.nonSpace = spaces < length;
    this.startsInWord = length > 0 && unitAt(text, 0) === WORD_UNIT;
    this.endsInWord = inWord === 1;
    this.splitsPair = length > 0 && (isLow(text.charCodeAt(0)) || isHigh(text.charCodeAt(length - 1)));
  }
}

const measured = new TextMeasure();

/** How many word tokens `text` holds (the same count as `tokens(text).length`). */
export function countWords(text: string): number {
  measured.measure(text);
  return measured.words;
}

/** Whitespace that needs rewriting: any run of two, or one that is not a plain space. */
const UNTIDY_SPACE = /\s\s|[^\S ]/;

/** Collapse runs of whitespace (including no-break spaces) to one space and trim the ends. */
export function collapseWhitespace(text: string): string {
  // Most block texts need only the trim: test before building a new string.
  return UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}


/** The form in which exact-text rules compare block text: whitespace collapsed, lower case. */
export function normalizeForMatch(text: string): string {
  return collapseWhitespace(text).toLowerCase();
}
