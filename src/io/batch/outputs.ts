/**
 * Where a batch writes: stdout, a mirrored folder (one file per document), or one JSONL(.gz)
 * file. Beside the documents: errors.jsonl ({id, source, reason}) and warnings.jsonl
 * ({id, source, warning}), only when there is something to put in them.
 *
 * Nothing is ever half-written where a reader looks: documents of a folder are written to a
 * temporary file and renamed into place; a JSONL output, errors.jsonl and warnings.jsonl grow as
 * partial files in the run's state folder (`.winnow-run`) and are renamed into place when the
 * run is done. Partial files grow in chunks, one per checkpoint (for .gz, each chunk is a gzip
 * member: concatenated members are one valid gzip file), so that a resumed run can cut them
 * back to the last checkpoint and carry on.
 */
import { closeSync, createReadStream, existsSync, fdatasyncSync, ftruncateSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { writeAtomic } from '../atomic.js';
import { jsonl } from '../sources/formats/jsonl.js';
import { Journal, type Checkpoint } from './journal.js';
import { OutputLock } from './lock.js';
import type { Totals } from './totals.js';

const gzipAsync = promisify(gzip);

/** The run's state folder, inside an output folder or beside an output file. */
const STATE_DIR = '.winnow-run';
const JOURNAL_FILE = 'journal.jsonl';
const ERRORS_FILE = 'errors.jsonl';
const WARNINGS_FILE = 'warnings.jsonl';
/** Output files that are JSON lines rather than a folder: named as JSONL inputs are. */
const JSONL_OUTPUT = jsonl.files;

export type OutputTarget =
  | { kind: 'stdout' }
  | { kind: 'folder'; dir: string }
  | { kind: 'jsonl'; path: string; gzip: boolean };

export function outputTarget(out: string | undefined): OutputTarget {
  if (out === undefined) return { kind: 'stdout' };
  if (JSONL_OUTPUT.test(out)) return { kind: 'jsonl', path: out, gzip: /\.gz$/i.test(out) };
  return { kind: 'folder', dir: out };
}

/** errors.jsonl in an output folder; `cleaned.errors.jsonl` beside `cleaned.jsonl.gz`. */
export function errorsPath(target: OutputTarget): string | undefined {
  return sidePath(target, ERRORS_FILE);
}

export function warningsPath(target: OutputTarget): string | undefined {
  return sidePath(target, WARNINGS_FILE);
}

function sidePath(target: OutputTarget, name: string): string | undefined {
  if (target.kind === 'folder') return join(target.dir, name);
  if (target.kind === 'jsonl') return `${target.path.replace(JSONL_OUTPUT, '')}.${name}`;
  return undefined;
}

/** The folder or file a run writes to (undefined: stdout). */
export function outputPath(target: Exclude<OutputTarget, { kind: 'stdout' }>): string;
export function outputPath(target: OutputTarget): string | undefined;
export function outputPath(target: OutputTarget): string | undefined {
  return target.kind === 'folder' ? target.dir : target.kind === 'jsonl' ? target.path : undefined;
}

/** Whether a name in an output folder is the run's own (its state folder, or its lock): no document is written there. */
export function isRunStateName(name: string): boolean {
  return name === STATE_DIR || name === `${STATE_DIR}.lock` || name.startsWith(`${STATE_DIR}/`) || name.startsWith(`${STATE_DIR}\\`);
}

export function stateDir(target: OutputTarget): string | undefined {
  if (target.kind === 'folder') return join(target.dir, STATE_DIR);
  if (target.kind === 'jsonl') return `${target.path}${STATE_DIR}`;
  return undefined;
}

export interface ErrorRecord {
  id: string;
  source: string;
  reason: string;
}

export interface WarningRecord {
  id: string;
  source: string;
  warning: string;
}

export interface Output {
  /** One cleaned document, in input order: `name` is its file name in a mirrored folder. */
  document(name: string, body: string): void;
  /** Keep a document's result for the report until the run is complete (`--report`). */
  reportLine(line: string): void;
  /** The kept report lines, in input order, when the run is complete (before `finish`). */
  reportLines(): AsyncIterable<string>;
  error(record: ErrorRecord): void;
  warning(record: WarningRecord): void;
  /** Bytes held in memory until the next checkpoint. */
  readonly pendingBytes: number;
  /** Put everything so far on disk, then record that documents before `next` are finished. */
  checkpoint(next: number, totals: Totals): Promise<void>;
  /** Last checkpoint: everything is on disk. */
  complete(next: number, totals: Totals): Promise<void>;
  /** Move the finished files into place and remove the run's state. */
  finish(): Promise<void>;
  /** Let another run write to this output (called however the run ends). */
  release(): void;
}

export class StdoutOutput implements Output {
  readonly pendingBytes = 0;
  /** A run to stdout cannot be resumed, so report lines wait in memory (one short JSON line per document). */
  private readonly report: string[] = [];
  /** `errorLines`: JSON lines on stdout (a streaming mapper): a document that fails is a line too, `{id, source, error}`, so every record has its line. */
  constructor(
    private readonly stdout: { write(chunk: string): unknown },
    private readonly errorLines = false,
  ) {}
  document(_name: string, body: string): void {
    this.stdout.write(body);
  }
  reportLine(line: string): void {
    this.report.push(line);
  }
  async *reportLines(): AsyncIterable<string> {
    yield* this.report.splice(0);
  }
  error(record: ErrorRecord): void {
    if (this.errorLines) this.stdout.write(`${JSON.stringify({ id: record.id, source: record.source, error: record.reason })}\n`);
  }
  warning(): void {}
  async checkpoint(): Promise<void> {}
  async complete(): Promise<void> {}
  async finish(): Promise<void> {}
  release(): void {}
}

/** A file that grows by appended chunks; for .gz, each chunk is compressed as one gzip member. */
class ChunkedFile {
  private pending: string[] = [];
  pendingBytes = 0;
  private readonly fd: number;

  constructor(
    readonly path: string,
    private readonly gzip: boolean,
    public size = 0,
  ) {
    this.fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
    ftruncateSync(this.fd, size);
  }

  add(text: string): void {
    this.pending.push(text);
    this.pendingBytes += text.length;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingBytes = 0;
    const data = this.gzip ? await gzipAsync(text) : text;
    for (let at = 0; at < data.length; ) at += writeSync(this.fd, data, at, data.length - at, this.size + at);
    this.size += data.length;
    fdatasyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A run that writes to a folder or a JSONL file, with a journal for `--resume`. */
export class JournaledOutput implements Output {
  private readonly madeDirs = new Set<string>();

  private constructor(
    private readonly target: Exclude<OutputTarget, { kind: 'stdout' }>,
    private readonly state: string,
    private readonly journal: Journal,
    private readonly files: { output?: ChunkedFile; errors: ChunkedFile; warnings: ChunkedFile; report?: ChunkedFile },
    private readonly lock: OutputLock,
  ) {}

  /**
   * Start the run's files, or (`resume`) reopen those of an unfinished run of the same job.
   * Returns where to start; `note` hears about discarded or missing runs.
   */
  static open(target: Exclude<OutputTarget, { kind: 'stdout' }>, job: string, resume: boolean, report: boolean, note: (message: string) => void): { output: JournaledOutput; checkpoint?: Checkpoint } {
    const state = stateDir(target)!;
    const journalPath = join(state, JOURNAL_FILE);
    mkdirSync(dirname(state), { recursive: true });
    const lock = OutputLock.acquire(`${state}.lock`, outputPath(target));
    try {
      if (resume) {
        const reopened = Journal.reopen(journalPath, job);
        if (reopened && 'otherJob' in reopened) throw new ResumeError(`The unfinished run in ${state} was started with other inputs (or input files were added, removed or changed since), options or rules; run again without --resume to start over, or with the same command line and inputs to resume it`);
        const checkpoint = reopened?.checkpoint;
        const sizes = checkpoint?.sizes ?? {};
        const intact = reopened && Object.entries(sizes).every(([name, size]) => existsSync(join(state, `${name}.partial`)) && statSync(join(state, `${name}.partial`)).size >= size);
        if (reopened && intact) {
          if (!checkpoint) note(`the unfinished run in ${state} stopped before its first checkpoint; starting from the beginning`);
          return { output: new JournaledOutput(target, state, reopened.journal, JournaledOutput.partials(target, state, sizes, report), lock), ...(checkpoint ? { checkpoint } : {}) };
        }
        note(`nothing to resume in ${state}; starting from the beginning`);
      } else if (existsSync(journalPath)) {
        note(`an unfinished run in ${state} was discarded; starting from the beginning (use --resume to continue a run)`);
      }
      rmSync(state, { recursive: true, force: true });
      mkdirSync(state, { recursive: true });
      return { output: new JournaledOutput(target, state, Journal.create(journalPath, job), JournaledOutput.partials(target, state, {}, report), lock) };
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  private static partials(target: OutputTarget, state: string, sizes: Record<string, number>, report: boolean) {
    const file = (name: string, gzip: boolean) => new ChunkedFile(join(state, `${name}.partial`), gzip, sizes[name] ?? 0);
    return {
      ...(target.kind === 'jsonl' ? { output: file('output', target.gzip) } : {}),
      errors: file('errors', false),
      warnings: file('warnings', false),
      // The report is built when the run is complete, from every document's result, also those
      // finished before a crash: so the results wait on disk with the rest of the run.
      ...(report ? { report: file('report', false) } : {}),
    };
  }

  get pendingBytes(): number {
    return Object.values(this.files).reduce((sum, file) => sum + file.pendingBytes, 0);
  }

  reportLine(line: string): void {
    this.files.report?.add(line);
  }

  async *reportLines(): AsyncIterable<string> {
    if (!this.files.report) return;
    for await (const line of createInterface({ input: createReadStream(this.files.report.path), crlfDelay: Infinity })) if (line) yield line;
  }

  document(name: string, body: string): void {
    if (this.files.output) {
      this.files.output.add(body);
      return;
    }
    const target = join((this.target as { dir: string }).dir, name);
    const dir = dirname(target);
    if (!this.madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    // Its temporary file goes in the state folder (same file system), never among the outputs.
    writeAtomic(target, body, { temporaryDir: this.state, folderExists: true });
  }

  error(record: ErrorRecord): void {
    this.files.errors.add(`${JSON.stringify(record)}\n`);
  }

  warning(record: WarningRecord): void {
    this.files.warnings.add(`${JSON.stringify(record)}\n`);
  }

  async checkpoint(next: number, totals: Totals): Promise<void> {
    const sizes: Record<string, number> = {};
    for (const [name, file] of Object.entries(this.files)) {
      await file.flush();
      sizes[name] = file.size;
    }
    this.journal.record({ next, sizes, totals: totals.toJSON() });
  }

  async complete(next: number, totals: Totals): Promise<void> {
    await this.checkpoint(next, totals);
    for (const file of Object.values(this.files)) file.close();
  }

  async finish(): Promise<void> {
    if (this.files.output) renameSync(this.files.output.path, (this.target as { path: string }).path);
    for (const [file, final] of [
      [this.files.errors, errorsPath(this.target)!],
      [this.files.warnings, warningsPath(this.target)!],
    ] as const) {
      // An old errors.jsonl from an earlier run must not outlive a run without errors.
      if (file.size > 0) renameSync(file.path, final);
      else rmSync(final, { force: true });
    }
    rmSync(this.state, { recursive: true, force: true });
  }

  release(): void {
    this.lock.release();
  }
}

/** `--resume` of a run that is not the one asked for. */
export class ResumeError extends Error {}
