/**
 * `caption`: a credited photo caption ("... Picture: Alamy", "... - STEFAN ROUSSEAU/AFP/Getty")
 * and, in a plain-text copy of a page, the image's alt-text line when one stands just before it
 * in the same group (in HTML the alt text is an attribute, never a line of the text).
 */
import { compilePatterns, ignoreCaseSchema, regexFlags, stringOrList } from './shared.js';
import { firstMatch } from './pattern.js';
import { countWords } from '../text/words.js';
import { isTextDocument } from './view.js';
import type { RuleKind } from './types.js';

interface Options {
  caption: string | string[];
  'alt-text'?: boolean;
  'max-words'?: number;
  'ignore-case'?: boolean;
}

export const caption: RuleKind<Options> = {
  meta: {
    name: 'caption',
    description: 'Remove a block that ends in a photo credit, and the alt-text line just before it in the same group.',
    level: 'block',
    example: {
      rules: "- id: photo-caption\n  caption: '\\bPicture: [A-Z][\\w&. ]+$'\n",
      text: 'The council voted to close the library.\n\nCouncillors outside the town hall\nThe vote was held on Tuesday. Picture: Alamy\n\nThe vote was close.\n',
      drops: ['Councillors outside the town hall', 'The vote was held on Tuesday. Picture: Alamy'],
      keeps: ['The council voted to close the library.', 'The vote was close.'],
    },
    schema: {
      properties: {
        caption: stringOrList('A regular expression for the credit that marks a caption, e.g. "\\\\. Picture: [A-Z][\\\\w ]+$".'),
        'alt-text': { type: 'boolean', description: 'In plain text, also remove the line just before the caption in the same group: the image\'s alt text (default: true).' },
        'max-words': { type: 'integer', minimum: 1, description: 'Longest block, in words, that may be a caption (default: no limit).' },
        'ignore-case': ignoreCaseSchema,
      },
      required: ['caption'],
    },
  },
  compile(options) {
    const regexes = compilePatterns('caption', options.caption, regexFlags(options['ignore-case']));
    const withAltText = options['alt-text'] ?? true;
    const maxWords = options['max-words'] ?? Infinity;
    return {
      level: 'block',
      decide: ({ page, blocks, block, text: current }) => {
        if (maxWords !== Infinity && countWords(current) > maxWords) return null;
        const hit = firstMatch(regexes, current);
        if (hit === undefined) return null;
        const previous = blocks[block.index - 1];
        // An image's alt text is a line of its own only in a plain-text copy of a page; in HTML it is an attribute.
        const pairs = withAltText && isTextDocument(page) && previous !== undefined && block.group !== undefined && previous.group === block.group;
        return { drop: 'block', detail: hit, also: pairs ? [previous.index] : undefined };
      },
    };
  },
};
