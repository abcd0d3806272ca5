/** `strip`: remove the part of a block a regular expression matches, keep the rest ("date 2024-12-19 " prefixes). */
import { compilePatterns, ignoreCaseSchema, regexFlags, stringOrList } from './shared.js';
import type { RuleKind } from './types.js';

interface Options {
  strip: string | string[];
  'ignore-case'?: boolean;
}

export const strip: RuleKind<Options> = {
  meta: {
    name: 'strip',
    description: 'Remove every part of a block\'s text that a regular expression matches; a block left empty is removed whole.',
    level: 'block',
    example: {
      rules: "- id: syndication-date\n  strip: '^date \\d{4}-\\d{2}-\\d{2} '\n",
      text: 'date 2024-12-19 Council votes to close library\n\nThe council voted on Tuesday.\n',
      drops: ['date 2024-12-19'],
      keeps: ['Council votes to close library', 'The council voted on Tuesday.'],
    },
    schema: {
      properties: {
        strip: stringOrList('A regular expression for the text to cut out of the block, e.g. "^date \\\\d{4}-\\\\d{2}-\\\\d{2} ".'),
        'ignore-case': ignoreCaseSchema,
      },
      required: ['strip'],
    },
  },
  compile(options) {
    const regexes = compilePatterns('strip', options.strip, regexFlags(options['ignore-case'], 'g'));
    return {
      level: 'block',
      decide: ({ text: current }) => {
        const ranges: Array<[number, number]> = [];
        let detail: string | undefined;
        for (const re of regexes) {
          re.lastIndex = 0;
          for (const m of current.matchAll(re)) {
            if (m[0].length === 0) continue;
            ranges.push([m.index, m.index + m[0].length]);
            detail ??= re.source;
          }
        }
        return ranges.length === 0 ? null : { drop: 'inline', ranges, detail };
      },
    };
  },
};
