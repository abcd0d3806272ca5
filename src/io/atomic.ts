/**
 * Writing a file so that no reader ever sees half of it: the body goes to a temporary file on the
 * same file system, which is then renamed over the target. Temporary names carry the process id
 * and a counter, so two writers (two runs, two threads) never share one.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let written = 0;

export interface AtomicOptions {
  /** A folder on the target's file system for the temporary file (default: the target's own folder). */
  temporaryDir?: string;
  /** The target's folder exists already (skips making it). */
  folderExists?: boolean;
}

export function writeAtomic(path: string, body: string | Uint8Array, options: AtomicOptions = {}): void {
  if (!options.folderExists) mkdirSync(dirname(path), { recursive: true });
  // Short, whatever the target's name: a name near the file system's limit must still fit.
  const temporary = join(options.temporaryDir ?? dirname(path), `.winnow-${process.pid}-${written++}.tmp`);
  writeFileSync(temporary, body);
  renameSync(temporary, path);
}
