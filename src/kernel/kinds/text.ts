/** `text`: remove blocks whose whole text is one of the given strings (whitespace and case normalised). */
import { normalizeForMatch } from '../text/words.js';
import { asList, stringOrList } from './shared.js';
import type { RuleKind } from './types.js';

interface Options {
  text: string | string[];
}

export const text: RuleKind<Options> = {
  meta: {
    name: 'text',
    description: 'Remove blocks whose entire text equals one of the given strings, ignoring case and extra whitespace.',
    level: 'block',
    example: {
      rules: '- id: ad-label\n  text: [ADVERTISEMENT, Advertisement feature]\n',
      text: 'The council voted to close the library.\n\nAdvertisement\n\nThe vote was close.\n',
      drops: ['Advertisement'],
      keeps: ['The council voted to close the library.', 'The vote was close.'],
    },
    schema: {
      properties: { text: stringOrList('The exact text of a block to remove, or a list of them.') },
      required: ['text'],
    },
  },
  compile(options) {
    const wanted = textSet(options.text);
    return {
      level: 'block',
      decide: ({ text: current }) => {
        const hit = wanted.get(normalizeForMatch(current));
        return hit === undefined ? null : { drop: 'block', detail: hit };
      },
    };
  },
};

/** Normalised form -> the string as the rule file wrote it (for attribution). */
export function textSet(value: string | string[]): Map<string, string> {
  return new Map(asList(value).map((t) => [normalizeForMatch(t), t]));
}
