/**
 * Regular expressions that can take exponential time, found when a rule is loaded rather than
 * when a page takes minutes. The shape caught is the classic one: a group repeated without bound
 * (`*`, `+`, `{n,}`) whose every part is itself repeated or optional, one of them without bound
 * (`(a+)+`, `(x+x+)+y`, `(\w+\s?)+$`): on text that almost matches, the engine tries every way of
 * splitting a run between the inner and the outer repetition. A repeated group with a part that
 * must match once per round (a separator: `(?:, \w+)*`) or a bounded outer repetition
 * (`(?: \w+){0,3}`) is not caught: it stays polynomial. Other slow shapes (overlapping
 * alternatives such as `(a|aa)+`) are not detected; the per-document time limit still stops them.
 * Parsed with @eslint-community/regexpp, the parser ESLint checks regular expressions with.
 */
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';

const parser = new RegExpParser({ ecmaVersion: 2025 });

/** The repetition that makes `source` exponential (as written in it), or undefined. */
export function exponentialRepetition(source: string, flags: string): string | undefined {
  let pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u') && !flags.includes('v'), unicodeSets: flags.includes('v') });
  } catch {
    return undefined; // not a valid pattern: RegExp says why
  }
  let found: string | undefined;
  visitRegExpAST(pattern, {
    onQuantifierEnter(node: AST.Quantifier) {
      if (found !== undefined || node.max !== Infinity) return;
      const { element } = node;
      if (element.type !== 'Group' && element.type !== 'CapturingGroup') return;
      if (element.alternatives.some(onlyRepeatedParts)) found = node.raw;
    },
  });
  return found;
}

/** Every part of the alternative repeats or is optional, and one repeats without bound. */
function onlyRepeatedParts(alternative: AST.Alternative): boolean {
  const parts = alternative.elements;
  return parts.length > 0 && parts.every((part) => part.type === 'Quantifier') && parts.some((part) => part.type === 'Quantifier' && part.max === Infinity);
}
