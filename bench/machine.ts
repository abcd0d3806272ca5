/** What a benchmark ran on, for the header of every recorded result. */
import { cpus, totalmem } from 'node:os';

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
}

/**
 * The V8 flag the timed processes run with. With allocation-site pretenuring (V8's default), a
 * process may decide, from the survival rates of a few early collections, to allocate the parser's
 * nodes straight into the old generation; the young nodes they point at then survive every
 * scavenge until a full collection. Whether it does depends on that process's first collections,
 * so the same pass of the same code ran at one speed in one process and two to three times slower
 * in the next (bench/RESULTS.md, `speed-notes`, 2026-12-04). Without it, every process runs at
 * the fast speed. Readability+linkedom measured the same either way.
 */
export const NO_PRETENURING = '--no-allocation-site-pretenuring';

/** Whether this process runs with `NO_PRETENURING`. */
export function pretenuringOff(): boolean {
  return process.execArgv.includes(NO_PRETENURING);
}
