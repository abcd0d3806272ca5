/**
 * A time limit for work done in this thread: `explain` and `eval` clean in the main thread, where
 * no worker can be stopped. Node's `vm` watchdog interrupts whatever JavaScript runs under it when
 * the time is up, a regular expression's backtracking included, and the work throws `TimeLimitError`.
 */
import { runInNewContext } from 'node:vm';

/** Default per-document time limit: far above any real page (tens of milliseconds), low enough not to stall a run. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

export class TimeLimitError extends Error {
  constructor(readonly seconds: number) {
    super(`timed out after ${seconds} s (--timeout)`);
  }
}

/** `work()`, stopped after `ms` milliseconds (0: no limit). */
export function withTimeLimit<T>(ms: number, work: () => T): T {
  if (ms <= 0) return work();
  try {
    return runInNewContext('work()', { work }, { timeout: ms }) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitError(ms / 1000);
    throw error;
  }
}
