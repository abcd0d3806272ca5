/**
 * `within`: a position scope any block rule can carry, so that a rule for bylines, dates or read
 * times only looks at the top of a document (or a footer rule only at its end).
 *
 *   within: 5                 # the first 5 blocks
 *   within: {first: 5}        # the same
 *   within: {last: 10}        # the last 10 blocks
 *   within: {from: 2, to: 6}  # blocks 2 to 6, counting from 1, both included
 *
 * Blocks are counted in the original document, before any removal.
 */
import type { JsonSchema } from './types.js';

export type Within = number | { first?: number; last?: number; from?: number; to?: number };

const count = { type: 'integer', minimum: 1 };

export const withinSchema: JsonSchema = {
  description: 'Only consider blocks at these positions: N (the first N), {first: N}, {last: N} or {from: A, to: B} (1-based, inclusive).',
  anyOf: [
    count,
    {
      type: 'object',
      properties: { first: count, last: count, from: count, to: count },
      additionalProperties: false,
      minProperties: 1,
    },
  ],
};

/** Whether block `index` (0-based) of `total` lies in the scope. */
export type ScopeTest = (index: number, total: number) => boolean;

export function compileWithin(within: Within): ScopeTest {
  const { first, last, from, to } = typeof within === 'number' ? { first: within } : within;
  return (index, total) => {
    const position = index + 1;
    if (first !== undefined && position > first) return false;
    if (last !== undefined && position <= total - last) return false;
    if (from !== undefined && position < from) return false;
    if (to !== undefined && position > to) return false;
    return true;
  };
}
