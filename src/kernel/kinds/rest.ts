/** `drop: rest`: a marker block (by text or pattern) and everything after it, e.g. a "More news" rail. */
import { normalizeForMatch } from '../text/words.js';
import { firstMatch } from './pattern.js';
import { compilePatterns, ignoreCaseSchema, regexFlags, stringOrList } from './shared.js';
import { textSet } from './text.js';
import type { RuleKind } from './types.js';
import { OptionError } from './types.js';

interface Options {
  drop: 'rest';
  text?: string | string[];
  pattern?: string | string[];
  'ignore-case'?: boolean;
}

export const rest: RuleKind<Options> = {
  meta: {
    name: 'rest',
    description: 'With `drop: rest`: remove the marker block (found by `text` or `pattern`) and every block after it.',
    level: 'block',
    schema: {
      properties: {
        drop: { const: 'rest', description: 'Remove the marker block and everything after it.' },
        text: stringOrList('Exact text of the marker block (case and whitespace ignored).'),
        pattern: stringOrList('A regular expression the marker block matches.'),
        'ignore-case': ignoreCaseSchema,
      },
      required: ['drop'],
    },
  },
  claims: (rule) => rule.drop === 'rest',
  compile(options) {
    if (options.text === undefined && options.pattern === undefined) {
      throw new OptionError('A `drop: rest` rule needs a marker', ['drop'], 'add `text: <marker text>` or `pattern: <regex>`');
    }
    const texts = options.text === undefined ? undefined : textSet(options.text);
    const regexes = options.pattern === undefined ? [] : compilePatterns('pattern', options.pattern, regexFlags(options['ignore-case']));
    return {
      level: 'block',
      decide: ({ text: current }) => {
        const hit = texts?.get(normalizeForMatch(current)) ?? firstMatch(regexes, current);
        return hit === undefined ? null : { drop: 'rest', detail: hit };
      },
    };
  },
};
