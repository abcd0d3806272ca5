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

/** How many word tokens `text` holds. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

/** Collapse runs of whitespace (including no-break spaces) to one space and trim the ends. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The form in which exact-text rules compare block text: whitespace collapsed, lower case. */
export function normalizeForMatch(text: string): string {
  return collapseWhitespace(text).toLowerCase();
}
