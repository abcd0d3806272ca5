/** What the timing benchmarks (speed.ts, engine.ts, compare.ts, pretenuring.ts) share about their passes. */
import type { Root } from 'hast';
import { fastHtmlToHast } from '../src/fast-html/tree-builder.js';

/** Share of the corpus the untimed warm-up pass runs over (enough for the JIT to settle). */
export const WARM_UP_SHARE = 0.2;

/** The pages the warm-up runs over: the first `WARM_UP_SHARE` of them, at least one. */
export function warmUpPages<T>(pages: readonly T[]): T[] {
  return pages.slice(0, Math.max(1, Math.round(pages.length * WARM_UP_SHARE)));
}

/** The middle value (of an even count, the upper of the two middle ones: a pass that really ran). */
export function middle(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/**
 * A pass that parses each page with the fast parser and hands its tree to `then`, the two timed
 * apart: milliseconds over the pass.
 */
export function parseThen(pages: readonly string[], then: (tree: Root) => unknown): { parse: number; then: number } {
  const now = process.hrtime.bigint;
  let parse = 0n;
  let after = 0n;
  for (const html of pages) {
    const t0 = now();
    const tree = fastHtmlToHast(html);
    const t1 = now();
    then(tree);
    parse += t1 - t0;
    after += now() - t1;
  }
  return { parse: Number(parse) / 1e6, then: Number(after) / 1e6 };
}
