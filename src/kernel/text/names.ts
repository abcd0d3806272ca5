/**
 * Author names from a byline or a metadata value: "By Jo Lee and Sam Poe" -> ["Jo Lee", "Sam
 * Poe"]. The byline's word ("By", "Von", "Par", ...), e-mail addresses and initials in brackets
 * are left out; names are split at commas and at "and" in the languages news is written in. A
 * news agency or a desk named as an author ("dpa", "AFP", "Redaktion") stays: it wrote the copy.
 */

/** A byline's opening word, with what may follow it ("By:", "Written by"). */
const BYLINE_WORD = /^(?:(?:\p{L}+\s+)?(?:by|von|par|por)|text(?:e)?|autor(?:in)?|author|di|da|door|av|af|przez)\s*:?\s+/iu;
/** Where a byline goes on to something else: " - 28.04.2024", " | Updated", " · 3 min read". */
const TAIL = /\s+[-–—|·•]\s.*$/;
/** Between two names. */
const SEPARATOR = /\s*(?:,|;|&|\+|\/)\s*|\s+(?:and|und|et|y|e|og|och|en|i|oraz|a)\s+/i;
/** Initials or a desk code in brackets: "Elena Oberholzer (obe)". */
const BRACKETS = /\s*[([][^)\]]*[)\]]/g;

/** The names in `text`, cleaned; none when it holds no name. */
export function authorNames(text: string): string[] {
  const value = text.replace(/\s+/g, ' ').replace(BRACKETS, '').trim().replace(BYLINE_WORD, '');
  const names: string[] = [];
  for (const part of value.split(SEPARATOR)) {
    const name = part.replace(TAIL, '').replace(BYLINE_WORD, '').trim();
    if (name === '' || name.includes('@') || /\d/.test(name) || !/\p{L}/u.test(name)) continue;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
