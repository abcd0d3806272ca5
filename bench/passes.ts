/** What the timing benchmarks (speed.ts, compare.ts) share about their passes. */

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
