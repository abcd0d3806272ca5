/** Pieces several kinds share: string-or-list options and regex compilation with good errors. */
import type { JsonSchema } from './types.js';
import { OptionError } from './types.js';
import { exponentialRepetition } from './regex-safety.js';

/** A single string or a non-empty list of strings. */
export const stringOrList = (description: string): JsonSchema => ({
  description,
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
  ],
});

export function asList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * Compile each source to a RegExp with the Unicode flag (so `\p{Lu}` works), naming the key and
 * list position of a pattern that does not compile.
 */
export function compilePatterns(key: string, value: string | string[], flags: string): RegExp[] {
  return asList(value).map((source, i) => {
    const where = Array.isArray(value) ? [key, i] : [key];
    let compiled: RegExp;
    try {
      compiled = new RegExp(source, flags);
    } catch (error) {
      const reason = (error as Error).message.replace(/^Invalid regular expression: /, '');
      throw new OptionError(
        `Invalid regular expression in \`${key}\`: ${reason}`,
        where,
        'write a JavaScript regular expression (Unicode mode); escape literal characters such as ( ) [ ] . * + ? with a backslash',
      );
    }
    const slow = exponentialRepetition(source, flags);
    if (slow !== undefined) {
      throw new OptionError(
        `Unsafe regular expression in \`${key}\`: \`${slow}\` repeats a group whose parts all repeat, which can take exponential time on text that almost matches`,
        where,
        'make each round of the group match something it cannot repeat (a separator: `(?:, \\w+)*`), or bound the outer repetition (`{1,3}`)',
      );
    }
    return compiled;
  });
}

/**
 * One test for "any of `patterns` matches" (patterns compiled with the same flags, none global or
 * sticky): a single regular expression of their alternation, which tests a string in one run
 * instead of one run per pattern. Patterns with back-references or named groups, whose meaning
 * could change when joined, are tested one by one.
 */
export function anyPattern(patterns: readonly RegExp[]): (text: string) => boolean {
  if (patterns.length === 0) return () => false;
  if (patterns.length === 1) {
    const [only] = patterns;
    return (text) => only.test(text);
  }
  const flags = patterns[0].flags;
  const joinable = !/[gy]/.test(flags) && patterns.every((re) => re.flags === flags && !/\\(?:[1-9]|k<)|\(\?<[^=!]/.test(re.source));
  if (joinable) {
    const joined = new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), flags);
    return (text) => joined.test(text);
  }
  return (text) => patterns.some((re) => re.test(text));
}

/** The flags for an `ignore-case` option. */
export function regexFlags(ignoreCase: boolean | undefined, extra = ''): string {
  return `u${ignoreCase ? 'i' : ''}${extra}`;
}

export const ignoreCaseSchema: JsonSchema = {
  type: 'boolean',
  description: 'Match letters regardless of case (default: false).',
};
