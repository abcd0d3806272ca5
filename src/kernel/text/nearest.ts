/** The name a mistyped one was meant to be: the closest of `known`, when it is a slip away. */
import { closest, distance } from 'fastest-levenshtein';

export function nearest(given: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const near = closest(given, [...known]);
  return near !== undefined && distance(given, near) <= Math.max(2, given.length / 3) ? near : undefined;
}
