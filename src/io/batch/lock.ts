/**
 * One run at a time per output. A run that writes to a folder or a JSONL file holds a lock file
 * beside its state folder (`.winnow-run.lock`), created only if absent (O_EXCL) and holding the
 * process id. A second run into the same `--out` is refused while the first lives, so two runs
 * never share a journal or a temporary file; the lock of a run that died (kill -9, a lost
 * machine) names a process that no longer exists, and the next run takes it over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** Another live run writes to this output. */
export class OutputBusyError extends Error {}

export class OutputLock {
  private held = true;

  private constructor(readonly path: string) {}

  /** Take the lock at `path` for this process; `shown` names the output in the refusal. */
  static acquire(path: string, shown: string): OutputLock {
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return new OutputLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = ownerOf(path);
      if (attempt > 0 || owner === undefined || isAlive(owner)) {
        throw new OutputBusyError(
          `another winnow run${owner === undefined ? '' : ` (process ${owner})`} is writing to ${shown}; wait for it to finish, or pick another --out` +
            ` (if no run is left, remove ${path})`,
        );
      }
      // The run that held it is gone: take the lock over.
      rmSync(path, { force: true });
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    rmSync(this.path, { force: true });
  }
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id exists (one of another user's counts: it may be a run). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
