/**
 * `caption`: a credited photo caption ("... Picture: Alamy", "... - STEFAN ROUSSEAU/AFP/Getty")
 * and, when one stands just before it in the same group, the image's alt-text line.
 */
import { compilePatterns, ignoreCaseSchema, regexFlags, stringOrList } from './shared.js';
import { firstMatch } from './pattern.js';
import type { RuleKind } from './types.js';

interface Options {
  caption: string | string[];
  'alt-text'?: boolean;
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
        'alt-text': { type: 'boolean', description: 'Also remove the line just before the caption in the same group (default: true).' },
        'ignore-case': ignoreCaseSchema,
      },
      required: ['caption'],
    },
  },
  compile(options) {
    const regexes = compilePatterns('caption', options.caption, regexFlags(options['ignore-case']));
    const withAltText = options['alt-text'] ?? true;
    return {
      level: 'block',
      decide: ({ blocks, block, text: current }) => {
        const hit = firstMatch(regexes, current);
        if (hit === undefined) return null;
        const previous = blocks[block.index - 1];
        const pairs = withAltText && previous !== undefined && block.group !== undefined && previous.group === block.group;
        return { drop: 'block', detail: hit, also: pairs ? [previous.index] : undefined };
      },
    };
  },
};
