/** The streams a command writes to; tests pass their own to capture output. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLED_RULES } from '../io/bundled-rules.js';

export { BUNDLED_RULES };

export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  /** Reads all of standard input (only called when an input is `-`). */
  readStdin(): string;
  /** Standard input as a byte stream, for inputs too large or too binary for `readStdin` (WARC, JSONL.gz). */
  stdinBytes?(): AsyncIterable<Uint8Array>;
  cwd: string;
  /** Environment variables (default: process.env); `NO_COLOR` and `FORCE_COLOR` are read from it. */
  env?: Record<string, string | undefined>;
  /** Ends long-running commands (`explain --watch`) when aborted; without it they run until the process is stopped. */
  signal?: AbortSignal;
}

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** Some documents failed, or a check (rules check, rules test) found problems. */
  failed: 1,
  /** Bad usage or broken rule files: nothing was done. */
  usage: 2,
} as const;

/** Raised for bad command lines; `execute` prints it and returns `EXIT.usage`. */
export class UsageError extends Error {}


/** `--rules DIR`, else ./rules, else the bundled rules. */
/** An option that takes one of `allowed` (`--format text`): the value, or a usage error naming them. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T {
  if (value === undefined || !(allowed as readonly string[]).includes(value)) throw new UsageError(`Unknown ${option} ${value}; expected ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`);
  return value as T;
}

/** `--timeout SECONDS`: a number of seconds, 0 for no limit. */
export function timeoutOption(value: string | undefined): number {
  const seconds = Number(value);
  if (value === undefined || !Number.isFinite(seconds) || seconds < 0) throw new UsageError(`Unexpected --timeout ${value}, expected seconds (0 for no limit)`);
  return seconds;
}

export function rulesDir(option: string | undefined, cwd: string): string {
  if (option !== undefined) return resolve(cwd, option);
  const local = join(cwd, 'rules');
  return existsSync(local) ? local : BUNDLED_RULES;
}

/** Stdin as bytes: streamed from the process, or the text a test passes in. */
export function stdinOf(io: Io): AsyncIterable<Uint8Array> {
  if (io.stdinBytes) return io.stdinBytes();
  const text = io.readStdin();
  return (async function* () {
    yield Buffer.from(text, 'utf8');
  })();
}
