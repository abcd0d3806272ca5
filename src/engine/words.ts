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

/**
 * Whether each UTF-16 code unit of the Basic Multilingual Plane is a word character: 0 not yet
 * known, 1 yes, 2 no. Filled on first sight, so counting words is a table lookup per character
 * instead of a Unicode-property regex run (the engine counts every block's words).
 */
const BMP_WORD = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) BMP_WORD[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
/** Word-ness of code points beyond the BMP (surrogate pairs), as met. */
const ASTRAL_WORD = new Map<number, boolean>();

function isWordUnit(code: number): boolean {
  let known = BMP_WORD[code];
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    BMP_WORD[code] = known;
  }
  return known === 1;
}

function isWordAstral(codePoint: number): boolean {
  let known = ASTRAL_WORD.get(codePoint);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(codePoint));
    ASTRAL_WORD.set(codePoint, known);
  }
  return known;
}

/** How many word tokens `text` holds (the same count as `tokens(text).length`). */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let word: boolean;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        word = isWordAstral((code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
        i++;
      } else {
        word = false;
      }
    } else {
      word = isWordUnit(code);
    }
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}

/** Whitespace that needs rewriting: any run of two, or one that is not a plain space. */
const UNTIDY_SPACE = /\s\s|[^\S ]/;

/** Collapse runs of whitespace (including no-break spaces) to one space and trim the ends. */
export function collapseWhitespace(text: string): string {
  // Most block texts need only the trim: test before building a new string.
  return UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** Whether `text` has any character that is not whitespace. */
export function hasNonSpace(text: string): boolean {
  return NON_SPACE.test(text);
}
const NON_SPACE = /\S/;

/** The form in which exact-text rules compare block text: whitespace collapsed, lower case. */
export function normalizeForMatch(text: string): string {
  return collapseWhitespace(text).toLowerCase();
}
