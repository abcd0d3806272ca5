/**
 * A time limit for work done in this thread: `explain` and `eval` clean in the main thread, where
 * no worker can be stopped. Node's `vm` watchdog interrupts whatever JavaScript runs under it when
 * the time is up, a regular expression's backtracking included, and the work throws `TimeLimitError`.
 */
import { createContext, Script, type Context } from 'node:vm';

/** Default per-document time limit: far above any real page (tens of milliseconds), low enough not to stall a run. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

export class TimeLimitError extends Error {
  constructor(readonly seconds: number) {
    super(`timed out after ${seconds} s (--timeout)`);
  }
}

/** One context and script for every call: a new context each time would cost more than a small page. */
let watched: { context: Context & { work?: () => unknown }; script: Script } | undefined;

/** `work()`, stopped after `ms` milliseconds (0: no limit). */
export function withTimeLimit<T>(ms: number, work: () => T): T {
  if (ms <= 0) return work();
  watched ??= { context: createContext({}), script: new Script('work()') };
  watched.context.work = work;
  try {
    return watched.script.runInContext(watched.context, { timeout: ms }) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitError(ms / 1000);
    throw error;
  } finally {
    watched.context.work = undefined;
  }
}
