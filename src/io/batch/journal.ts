/**
 * The journal of a run that writes to an output location: which documents are finished, so that
 * `--resume` after a crash or kill -9 carries on where the last checkpoint left off.
 *
 * It lives in the run's state folder beside the output, with the partial output files. The
 * first line names the job (a digest of inputs, options and rules: resuming a different job is
 * refused); every later line is a checkpoint: the position of the next document, the size of
 * each partial file at that moment, and the running totals. A checkpoint is written only after
 * the data it covers is on disk, so on resume the partial files are cut back to its sizes and
 * the documents after it are cleaned again: the finished output is the same bytes as an
 * uninterrupted run's. A torn last line (killed mid-write) is ignored.
 */
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { TotalsJson } from './totals.js';

const JOURNAL_VERSION = 1;

export interface Checkpoint {
  /** Position of the first document not yet finished. */
  next: number;
  /** Size in bytes of each partial file at this checkpoint. */
  sizes: Record<string, number>;
  totals: TotalsJson;
}

interface Header {
  winnowJournal: number;
  job: string;
}

export class Journal {
  private constructor(readonly path: string) {}

  /**
   * A new journal for `job`, replacing any old one. Written beside and renamed into place, so a
   * journal that exists always names its job (a run killed while creating it left none).
   */
  static create(path: string, job: string): Journal {
    const header: Header = { winnowJournal: JOURNAL_VERSION, job };
    writeFileSync(`${path}.new`, `${JSON.stringify(header)}\n`);
    renameSync(`${path}.new`, path);
    return new Journal(path);
  }

  /**
   * The journal at `path` and its last checkpoint; `undefined` when there is none. Throws when it
   * belongs to another job. The journal is rewritten without a torn last line, so that later
   * checkpoints append cleanly.
   */
  static reopen(path: string, job: string): { journal: Journal; checkpoint?: Checkpoint } | { otherJob: true } | undefined {
    if (!existsSync(path)) return undefined;
    const lines = readFileSync(path, 'utf8').split('\n');
    let header: Header | undefined;
    try {
      header = JSON.parse(lines[0]) as Header;
    } catch {
      return undefined;
    }
    if (header.winnowJournal !== JOURNAL_VERSION || header.job !== job) return { otherJob: true };
    const kept = [lines[0]];
    let checkpoint: Checkpoint | undefined;
    for (const line of lines.slice(1)) {
      try {
        checkpoint = JSON.parse(line) as Checkpoint;
        kept.push(line);
      } catch {
        break;
      }
    }
    writeFileSync(path, `${kept.join('\n')}\n`);
    return { journal: new Journal(path), ...(checkpoint ? { checkpoint } : {}) };
  }

  record(checkpoint: Checkpoint): void {
    appendFileSync(this.path, `${JSON.stringify(checkpoint)}\n`);
  }
}
