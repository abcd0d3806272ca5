/**
 * A batch: read the corpus in order, clean the documents on a pool of workers, and hand every
 * result, in input order, to one sink that writes the output, the error records, the journal,
 * the totals and the progress. Every input document ends as a cleaned output or an error record.
 *
 * Memory stays bounded whatever the corpus size: at most two documents per worker are in the pool, and
 * at most a window of finished results waits for an earlier, slower one.
 */
import type { CleanResult } from '../../kernel/clean.js';
import type { InputFile } from '../sources/inputs.js';
import type { CorpusItem } from '../sources/items.js';
import { readCorpus, type CorpusOptions } from '../sources/corpus.js';
import type { TaskResult, WorkerSetup } from './messages.js';
import { InOrder } from './ordered.js';
import { isRunStateName, JournaledOutput, outputPath, StdoutOutput, type Output, type OutputTarget } from './outputs.js';
import { InProcessCleaner } from './cleaner.js';
import type { RuleSet } from '../../kernel/rules/ruleset.js';
import { WorkerPool, type Cleaners } from './pool.js';
import { Progress, type ProgressMode } from './progress.js';
import { Totals } from './totals.js';

/**
 * Documents handed to the pool per worker: one being cleaned and one waiting, so a worker that
 * finishes takes its next document at once instead of waiting for the main thread to read it.
 * (A document's time limit starts only when a worker takes it.)
 */
const QUEUED_PER_JOB = 2;
/** Finished results that may wait for an earlier document, per worker. */
const WINDOW_PER_JOB = 32;
/** A checkpoint (journal line, partial files flushed) at least every this many documents... */
const CHECKPOINT_DOCUMENTS = 1000;
/**
 * ...or when this much output waits in memory (a bound on the main thread's memory). Both counts
 * depend only on the input, so chunk boundaries (and .gz bytes) do too.
 */
const CHECKPOINT_BYTES = 2 * 1024 * 1024;
/** Error and warning lines shown on stderr before the rest are left to errors.jsonl / warnings.jsonl. */
const SHOWN_PROBLEMS = 20;

export interface BatchOptions {
  /** The input files (called twice when progress needs the total size and `inputBytes` is not given). */
  files: () => Iterable<InputFile>;
  /** Bytes of all the input files, when the caller has listed them already: progress needs no walk of its own. */
  inputBytes?: number;
  corpus: Pick<CorpusOptions, 'maxBytes' | 'inputFormat' | 'stdin' | 'fetchTimeoutMs'>;
  setup: WorkerSetup;
  /** Number of workers; default in the CLI: the number of cores. */
  jobs: number;
  /**
   * Clean in this thread instead of in workers (one document: starting a worker would cost more
   * than cleaning it). There is no time limit then.
   */
  inProcess?: boolean;
  /** The rules of `setup` compiled already: in this thread they are not compiled again. */
  ruleSet?: RuleSet;
  /** Per-document time limit in milliseconds (0: none). */
  timeoutMs: number;
  target: OutputTarget;
  /** Carry on an unfinished run of the same job. */
  resume: boolean;
  /** Digest of everything that decides the output (inputs, options, rules): a journal only resumes its own job. */
  job: string;
  progress: ProgressMode;
  /** The removal report (`--report`): fed every cleaned document's result in input order, then finished. */
  report?: ReportSink;
  /** Called after each document is finished (cleaned, failed or skipped), with the totals so far: a cluster worker reports its shard's progress. */
  onDocument?: (totals: Totals) => void;
  /**
   * Workers to clean with, started by the caller for `setup` and kept after the run (a cluster
   * worker cleans shard after shard of a run with one pool); by default the run starts its own.
   */
  pool?: Cleaners;
}

export interface ReportSink {
  add(result: CleanResult): void;
  /** Called once every document has been added, before the run's state is removed. */
  finish(): void;
}

export interface BatchHooks {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

/** One finished input document, as the sink sees it. */
export type BatchResult = TaskResult | { ok: 'skipped'; seq: number; source: string; reason: string; tell?: true };

export interface BatchSummary {
  totals: Totals;
  /** Position the run started from (`--resume`), else 0. */
  resumedFrom: number;
  /** Workers replaced after a time-out or crash. */
  workersReplaced: number;
  /** Inputs that could not be read to their end (`source: reason`): a file gone, a corrupt .gz or WARC. */
  unreadable: string[];
}

export async function runBatch(options: BatchOptions, hooks: BatchHooks): Promise<BatchSummary> {
  const notes: string[] = [];
  let output: Output;
  let totals = new Totals();
  let first = 0;
  if (options.target.kind === 'stdout') {
    output = new StdoutOutput(hooks.stdout, options.setup.output === 'jsonl');
  } else {
    const opened = JournaledOutput.open(options.target, options.job, options.resume, options.report !== undefined, (note) => notes.push(note));
    output = opened.output;
    if (opened.checkpoint) {
      first = opened.checkpoint.next;
      totals = Totals.from(opened.checkpoint.totals);
    }
  }
  try {
    return await runOpened(options, hooks, output, totals, first, notes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.target.kind !== 'stdout' && (code === 'ENOSPC' || code === 'EDQUOT')) {
      throw new OutputFullError(outputPath(options.target), code);
    }
    throw error;
  } finally {
    output.release();
  }
}

/** The disk (or quota) holding the output is full: the run stops, resumable from its last checkpoint. */
export class OutputFullError extends Error {
  constructor(
    readonly output: string,
    readonly code: string,
  ) {
    super(`the disk holding ${output} is full (${code})`);
  }
}

/** The batch once its output is open (and, for a folder or a JSONL file, locked for this run). */
async function runOpened(options: BatchOptions, hooks: BatchHooks, output: Output, totals: Totals, first: number, notes: string[]): Promise<BatchSummary> {
  const read = { bytes: 0 };
  let totalBytes: number | undefined;
  if (options.progress !== 'none') {
    totalBytes = options.inputBytes ?? 0;
    if (options.inputBytes === undefined) for (const file of options.files()) totalBytes += file.size;
  }
  const progress = new Progress(hooks.stderr, options.progress, { totals, bytes: () => read.bytes, ...(totalBytes ? { totalBytes } : {}) });
  if (first > 0) notes.push(`resuming after ${first.toLocaleString('en')} finished documents`);
  for (const note of notes) progress.log(`winnow: ${note}`);

  let shown = 0;
  const show = (line: string) => {
    if (options.target.kind === 'stdout' || shown < SHOWN_PROBLEMS) progress.log(line);
    else if (shown === SHOWN_PROBLEMS) progress.log('winnow: more errors and warnings are in errors.jsonl and warnings.jsonl');
    shown++;
  };
  let sinceCheckpoint = 0;
  // In a mirrored folder two inputs may map to one output name (`page.html` and `page.txt`, `x.html`
  // in two input folders): the later one becomes an error record instead of replacing the first.
  const named = options.target.kind === 'folder' ? new Map<string, string>() : undefined;
  // A document that could not be read, cleaned or written: an error record, counted and said.
  const fail = (id: string, source: string, reason: string) => {
    output.error({ id, source, reason });
    totals.failed++;
    show(`winnow: ${source === '-' ? 'stdin' : source}: ${reason}`);
  };
  const sink = async (result: BatchResult, seq: number) => {
    if (result.ok === true) {
      const refused = (named && outputNameTaken(named, result.name, result.source)) ?? writeDocument(output, result.name, result.body);
      if (refused !== undefined) fail(result.id, result.source, refused);
      else {
        if (result.reportLine !== undefined) output.reportLine(result.reportLine);
        totals.addCleaned(result.stats, result.warnings.length > 0);
        for (const warning of result.warnings) {
          output.warning({ id: result.id, source: result.source, warning });
          show(`winnow: ${result.source}: warning: ${warning}`);
        }
      }
    } else if (result.ok === false) {
      fail(result.id, result.source, result.reason);
    } else {
      totals.skipped++;
      if (result.tell) show(`winnow: ${result.source}: skipped: ${result.reason}`);
    }
    options.onDocument?.(totals);
    if (++sinceCheckpoint >= CHECKPOINT_DOCUMENTS || output.pendingBytes >= CHECKPOINT_BYTES) {
      sinceCheckpoint = 0;
      await output.checkpoint(seq + 1, totals);
    }
  };

  const ordered = new InOrder<BatchResult>(first, sink, () => wake());
  const pool: Cleaners = options.pool ?? (options.inProcess ? new InProcessCleaner(options.setup, options.ruleSet) : new WorkerPool({ size: options.jobs, setup: options.setup, timeoutMs: options.timeoutMs }));
  const replacedBefore = pool.replaced;
  const window = options.jobs * WINDOW_PER_JOB;
  let failure: unknown;
  let waiter: (() => void) | undefined;
  function wake() {
    const resume = waiter;
    waiter = undefined;
    resume?.();
  }
  const changed = () => new Promise<void>((resolve) => (waiter = resolve));
  // Synchronous on purpose: no await between testing a condition and waiting for it to change.
  const check = () => {
    if (failure !== undefined) throw failure;
    if (ordered.error !== undefined) throw ordered.error;
  };

  let seq = 0;
  const unreadable: string[] = [];
  try {
    const items: AsyncIterable<CorpusItem> = readCorpus(options.files(), { ...options.corpus, resumeFrom: first, progress: read });
    for await (const item of items) {
      const at = seq++;
      if (item.kind === 'resumed') continue;
      while (at - ordered.next >= window || (item.kind === 'document' && pool.pending >= options.jobs * QUEUED_PER_JOB)) {
        check();
        await changed();
      }
      if (item.kind === 'failed') {
        if (item.input) unreadable.push(`${item.source}: ${item.reason}`);
        ordered.put(at, { ok: false, seq: at, id: item.id, source: item.source, reason: item.reason });
      }
      else if (item.kind === 'skipped') ordered.put(at, { ok: 'skipped', seq: at, source: item.source, reason: item.reason, ...(item.tell ? { tell: true as const } : {}) });
      else {
        pool.run({ seq: at, doc: item.doc }).then(
          (result) => {
            ordered.put(at, result);
            wake();
          },
          (error: unknown) => {
            failure ??= error;
            wake();
          },
        );
      }
    }
    while (ordered.next < seq) {
      check();
      await changed();
    }
    await ordered.flushed();
    await output.complete(seq, totals);
    if (options.report) {
      for await (const line of output.reportLines()) options.report.add(JSON.parse(line) as CleanResult);
      options.report.finish();
    }
    await output.finish();
  } finally {
    progress.stop();
    if (options.pool === undefined) await pool.close();
  }
  return { totals, resumedFrom: first, workersReplaced: pool.replaced - replacedBefore, unreadable };
}

/** Why `name` cannot be written for `source` (already written for another input, or reserved), else undefined; records it. */
function outputNameTaken(named: Map<string, string>, name: string, source: string): string | undefined {
  if (isRunStateName(name)) return `its output name ${name} falls in the run's state folder (.winnow-run); rename the input folder`;
  const key = name.normalize('NFC');
  const earlier = named.get(key);
  if (earlier !== undefined) return `its output ${name} is already written for ${earlier}; rename one of the two inputs (or clean them into a JSONL file: --out FILE.jsonl)`;
  named.set(key, source);
  return undefined;
}

/** Errors of one output file that leave the others writable: that document becomes an error record. */
const DOCUMENT_WRITE_ERRORS = new Set(['ENAMETOOLONG', 'EINVAL', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EEXIST']);

/** Write one document's output; why it could not be written (a name too long...), else undefined. Other errors (a full disk) stop the run. */
function writeDocument(output: Output, name: string, body: string): string | undefined {
  try {
    output.document(name, body);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined || !DOCUMENT_WRITE_ERRORS.has(code)) throw error;
    return `cannot write its output ${name}: ${code}${code === 'ENAMETOOLONG' ? ' (the file name is too long; clean it into a JSONL file: --out FILE.jsonl)' : ''}`;
  }
}
