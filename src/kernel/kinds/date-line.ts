/**
 * `date-line`: a short block that is a date and little else, "Published 17 December 2024, 12:17",
 * "Stand: 28.04.2024 08:52 Uhr", "Updated April 27, 2024 at 5:30 p.m.": when the article was
 * written, not part of it. With `extract: date` it gives the `date` field when the page's
 * metadata does not.
 *
 *   - id: dateline
 *     date-line: true
 *     max-words: 12        # blocks longer than this are prose, whatever dates they hold
 *     extra-words: 2       # words besides the date and its labels ("Publiziert", "um", "Uhr")
 *
 * Month and weekday names are read in English, German, French, Spanish, Italian, Portuguese,
 * Dutch, Polish and the Nordic languages (text/dates.ts).
 */
import { wordsBesideDate } from '../text/dates.js';
import { countWords } from '../text/words.js';
import type { RuleKind } from './types.js';

interface Options {
  'date-line': true;
  'max-words'?: number;
  'extra-words'?: number;
}

const DEFAULT_MAX_WORDS = 12;
const DEFAULT_EXTRA_WORDS = 2;

export const dateLine: RuleKind<Options> = {
  meta: {
    name: 'date-line',
    description: 'Remove a short block that is a date (and time) with little else: "Published 17 December 2024, 12:17", "Stand: 28.04.2024 08:52 Uhr".',
    level: 'block',
    example: {
      rules: '- id: dateline\n  date-line: true\n  extract: date\n',
      text: 'Library to close\n\nPublished 17 December 2024, 12:17\n\nOn 17 December 2024 the council voted to close the library.\n',
      drops: ['Published 17 December 2024, 12:17'],
      keeps: ['Library to close', 'On 17 December 2024 the council voted to close the library.'],
      fields: { date: '2024-12-17T12:17' },
    },
    schema: {
      properties: {
        'date-line': { const: true, description: 'Remove blocks that are a date (write `date-line: true`).' },
        'max-words': { type: 'integer', minimum: 1, description: `Longest block, in words, that may be a date line (default: ${DEFAULT_MAX_WORDS}).` },
        'extra-words': { type: 'integer', minimum: 0, description: `Words a date line may hold besides the date, the time and their labels (default: ${DEFAULT_EXTRA_WORDS}).` },
      },
      required: ['date-line'],
    },
  },
  compile(options) {
    const maxWords = options['max-words'] ?? DEFAULT_MAX_WORDS;
    const extraWords = options['extra-words'] ?? DEFAULT_EXTRA_WORDS;
    return {
      level: 'block',
      decide({ text, page }) {
        if (countWords(text) > maxWords) return null;
        const extra = wordsBesideDate(text, page.head.lang);
        return extra !== undefined && extra <= extraWords ? { drop: 'block' } : null;
      },
    };
  },
};
