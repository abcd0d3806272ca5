/** `pattern`: remove blocks whose text a regular expression matches. */
import { compilePatterns, ignoreCaseSchema, regexFlags, stringOrList } from './shared.js';
import type { RuleKind } from './types.js';

interface Options {
  pattern: string | string[];
  'ignore-case'?: boolean;
}

export const pattern: RuleKind<Options> = {
  meta: {
    name: 'pattern',
    description: 'Remove blocks whose text matches a regular expression (anchor with ^ and $ to match the whole block).',
    level: 'block',
    example: {
      rules: "- id: read-more\n  pattern: '^Read more: \\S'\n",
      text: 'The council voted to close the library.\n\nRead more: Council tax to rise\n\nRead more about the vote below, officials said.\n',
      drops: ['Read more: Council tax to rise'],
      keeps: ['Read more about the vote below, officials said.'],
    },
    schema: {
      properties: {
        pattern: stringOrList('A JavaScript regular expression (Unicode mode) tested against each block\'s text, or a list of them.'),
        'ignore-case': ignoreCaseSchema,
      },
      required: ['pattern'],
    },
  },
  compile(options) {
    const regexes = compilePatterns('pattern', options.pattern, regexFlags(options['ignore-case']));
    return {
      level: 'block',
      decide: ({ text: current }) => {
        const hit = firstMatch(regexes, current);
        return hit === undefined ? null : { drop: 'block', detail: hit };
      },
    };
  },
};

/** The source of the first regex that matches `value`, if any (names which alternative fired). */
export function firstMatch(regexes: readonly RegExp[], value: string): string | undefined {
  for (const re of regexes) if (re.test(value)) return re.source;
  return undefined;
}
