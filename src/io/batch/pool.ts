/**
 * A pool of cleaning workers (node:worker_threads), each busy with one document at a time.
 *
 * Hand-written rather than piscina's: a document's time limit must start when a ready worker
 * takes it (not when it is queued, and not while a replacement worker is still loading its
 * rules), and a stuck worker must be terminated and replaced while the other documents go on.
 * A document that times out or crashes its worker (out of memory) comes back as a failed
 * result; only a worker that cannot start at all (its rules fail to load) fails the run.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Task, TaskResult, WorkerMessage, WorkerSetup } from './messages.js';

/**
 * Stack of each worker thread. Parsing builds the tree recursively (hast-util-from-parse5), and
 * the default 4 MB overflows on pages nested 10,000 deep; 64 MB cleans 100,000-deep nesting.
 */
const WORKER_STACK_MB = 64;
/** Heap of each worker: a runaway document ends as an error record instead of taking the process down. */
const WORKER_HEAP_MB = 1024;
/**
 * Young generation of each worker, half of V8's default: it lowers a batch's peak memory, and
 * costs no speed since the engine allocates little per element (bench/batch.ts measures both).
 */
const WORKER_YOUNG_MB = 16;

/**
 * A worker is replaced by a fresh one after this many documents: V8 grows a busy worker's heap
 * lazily and the allocator keeps what it freed, so whatever creeps up in a long run (heap, caches
 * of dependencies) starts from scratch again. Loading a worker costs well under a second, against
 * a minute or more of cleaning for 1,000 documents.
 */
const WORKER_RECYCLE_DOCUMENTS = 1000;
/**
 * ...or as soon as its heap is this large (after a very large document): the memory is released
 * at once, which keeps the run's peak memory bounded.
 */
const WORKER_RECYCLE_HEAP_MB = 96;

/** The compiled worker beside this module; tests run the TypeScript sources, and use the built one in dist/. */
function workerFile(): URL {
  const beside = new URL('./worker.js', import.meta.url);
  return existsSync(beside) ? beside : new URL('../../../dist/io/batch/worker.js', import.meta.url);
}

/** What cleans the batch's documents: a pool of workers, or the main thread for one document. */
export interface Cleaners {
  /** Clean one document; resolves with its result (also for failures), rejects only when nothing can be cleaned. */
  run(task: Task): Promise<TaskResult>;
  /** Documents being cleaned or waiting. */
  readonly pending: number;
  /** Workers replaced after a time-out or crash. */
  readonly replaced: number;
  close(): Promise<void>;
}

/** Raised when a worker cannot start: nothing can be cleaned. */
export class WorkerStartError extends Error {}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  /** Documents this worker has cleaned. */
  cleaned: number;
}

interface Job {
  task: Task;
  resolve: (result: TaskResult) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

export interface PoolOptions {
  /** Number of workers (`--jobs`). */
  size: number;
  setup: WorkerSetup;
  /** Per-document time limit in milliseconds; 0 for none. */
  timeoutMs: number;
}

export class WorkerPool implements Cleaners {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private failure: Error | undefined;
  private closed = false;
  /** Workers replaced after a time-out or crash, for the summary. */
  replaced = 0;

  constructor(private readonly options: PoolOptions) {}

  /** Documents being cleaned or waiting for a worker. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.job).length;
  }

  /** Clean one document; resolves with its result (also for failures), rejects only when no worker can start. */
  run(task: Task): Promise<TaskResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.slots.find((s) => s.ready && !s.job);
      if (!idle) {
        if (this.slots.length < this.options.size) this.spawn();
        return;
      }
      this.start(idle, this.queue.shift()!);
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    if (this.options.timeoutMs > 0) {
      job.timer = setTimeout(() => this.timeOut(slot), this.options.timeoutMs);
    }
    const { bytes } = job.task.doc;
    // Transfer the bytes when this document owns its whole buffer; otherwise they are copied.
    const transfer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
    slot.worker.postMessage(job.task, transfer);
  }

  private spawn(): void {
    const worker = new Worker(workerFile(), {
      workerData: this.options.setup,
      resourceLimits: { stackSizeMb: WORKER_STACK_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    const slot: Slot = { worker, ready: false, cleaned: 0 };
    this.slots.push(slot);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        slot.ready = true;
        this.dispatch();
      } else if (message.type === 'fatal') {
        this.fail(new WorkerStartError(message.message));
      } else {
        const job = slot.job;
        if (!job) return;
        clearTimeout(job.timer);
        slot.job = undefined;
        slot.cleaned++;
        job.resolve(message.result);
        if (slot.cleaned >= WORKER_RECYCLE_DOCUMENTS || message.heapBytes > WORKER_RECYCLE_HEAP_MB * 2 ** 20) this.retire(slot);
        this.dispatch();
      }
    });
    worker.on('error', (error) => this.lost(slot, `the worker crashed: ${error.message}`));
    worker.on('exit', (code) => this.lost(slot, `the worker stopped (exit code ${code})`));
  }

  /** A worker died: its document fails, and the next document gets a new worker. */
  private lost(slot: Slot, reason: string): void {
    const at = this.slots.indexOf(slot);
    if (at === -1 || this.closed) return;
    this.slots.splice(at, 1);
    if (!slot.ready) {
      this.fail(new WorkerStartError(`A cleaning worker could not start: ${reason}`));
      return;
    }
    const job = slot.job;
    if (job) {
      clearTimeout(job.timer);
      this.replaced++;
      const { seq, doc } = job.task;
      job.resolve({ ok: false, seq, id: doc.id ?? doc.source, source: doc.source, reason });
    }
    this.dispatch();
  }

  /** Replace a worker that has done its share: its memory goes back to the system, a fresh one starts loading now. */
  private retire(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at === -1 || this.closed) return;
    this.slots.splice(at, 1);
    void slot.worker.terminate();
    this.spawn();
    this.dispatch();
  }

  private timeOut(slot: Slot): void {
    const job = slot.job;
    const at = this.slots.indexOf(slot);
    if (!job || at === -1) return;
    this.slots.splice(at, 1);
    slot.job = undefined;
    this.replaced++;
    void slot.worker.terminate();
    const { seq, doc } = job.task;
    job.resolve({ ok: false, seq, id: doc.id ?? doc.source, source: doc.source, reason: `timed out after ${this.options.timeoutMs / 1000} s (--timeout); its worker was stopped and replaced` });
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const job of this.queue.splice(0)) job.reject(error);
    for (const slot of this.slots) if (slot.job) slot.job.reject(error);
    void this.close();
  }
}
