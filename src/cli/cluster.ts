/**
 * `winnow submit`, `winnow worker`, `winnow status`: one corpus cleaned by many machines through
 * a BullMQ queue on Redis (src/cluster/). Every worker cleans with the batch machinery of
 * `winnow clean`, and with the rule files checked at submission.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { CLEAN_OPTIONS, jobsOption, parseSize, planClean, realish } from './clean.js';
import { EXIT, UsageError, type Io } from './io.js';
import { shownPath } from '../io/shown.js';
import { connect, failedKey, jobId, QUEUE_NAME, QUEUE_PREFIX, QueueError, queueAddress as parseAddress, reach as reachQueue, runKey, RUNS_KEY, settledKey, withoutSecret, type QueueAddress } from '../cluster/queue.js';
import { makeShards, toShardFile, type Shard } from '../cluster/shards.js';
import { WorkerPool } from '../io/batch/pool.js';
import { duration } from '../io/batch/progress.js';
import { cleanShard, discardShard, publishShard, settleShard, type RunInfo, type ShardJob, type ShardOutcome } from '../cluster/run.js';

const DEFAULT_SHARD_SIZE = '64MB';
const DEFAULT_ATTEMPTS = 3;
/** First retry after this long; each next one waits twice as long. */
const BACKOFF_MS = 1000;
const DEFAULT_STALL_SECONDS = 30;
/** A shard taken again this many times after its worker was lost fails (a shard that kills its workers). */
const MAX_STALLS = 10;
const IDLE_POLL_MS = 500;
/** A worker says how far into its shard it is at most this often. */
const PROGRESS_MS = 1000;

const QUEUE_OPTIONS = {
  queue: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const SUBMIT_HELP = `Usage: winnow submit <input...> --queue URL --out DIR [options]

Cut the inputs into shards and put one job per shard on the queue, with the rule files and the
options (checked here, stored once in Redis): every worker cleans with exactly these. Files of
one document are grouped into shards of about --shard-size; a plain JSONL file or a WARC file
larger than that is cut at record boundaries (a .warc.gz where its records start gzip members);
a .jsonl.gz file is a shard of its own. --out is a folder on a
file system every worker sees at the same path; when the last shard is done it holds what
\`winnow clean <input...> --out DIR\` would write.

The run's id is a digest of the inputs (paths, sizes, times), rules and options: submitting the
same run again adds nothing, and retries its failed shards.

Options:
  --queue URL          the Redis server: redis://HOST:PORT, rediss://... (TLS),
                       redis://:PASSWORD@HOST:PORT (the password is never printed)
  --out DIR            the output folder (required)
  --shard-size SIZE    about this many input bytes per shard (default ${DEFAULT_SHARD_SIZE})
  --attempts N         tries of a failing shard before it is listed as failed, with back-off
                       from ${BACKOFF_MS / 1000} s (default ${DEFAULT_ATTEMPTS})
  and the options of winnow clean that say how to clean: --rules, --outlet, --url, --type,
  --parser, --format (text, html, json, markdown), --no-title, --field, --url-field,
  --id-field, --outlet-field, --input-format, --max-bytes, --timeout, --report FILE and its
  --warn-* settings (the report is written when the run finishes)

Exit codes: 0 submitted (or already submitted), 2 usage errors or an unreachable queue.`;

export const WORKER_HELP = `Usage: winnow worker --queue URL [options]

Take shards from the queue and clean them, one at a time, each with --jobs worker threads.
Outputs go to the run's --out (renamed into place file by file); a worker killed mid-shard
leaves the shard to be taken again by another after --stall-timeout. Start as many as you like,
on as many machines as see the output folder.

Options:
  --queue URL            the Redis server (as for winnow submit)
  --jobs N               worker threads per shard (default: the number of cores)
  --out DIR              refuse a run that would write outside DIR (its output or its report)
  --exit-when-idle       stop when no shard is waiting, running or due for a retry
  --stall-timeout SECS   a shard whose worker has not been heard from for this long is taken
                         again by another (default ${DEFAULT_STALL_SECONDS})
  --quiet                no line per shard

Exit codes: 0 stopped (idle, or Ctrl-C), 2 usage errors or an unreachable queue.`;

export const STATUS_HELP = `Usage: winnow status --queue URL [--run ID] [--format text|json]

Progress of a run (the last submitted, unless --run names one): shards done, running, waiting
and failed, documents, bytes, the rate and the time left; the failed shards with why.

Exit codes: 0 the run finished with no failed shard, 1 it is still running or a shard failed,
2 usage errors, an unreachable queue or an unknown run.`;

const STATUS_FORMATS = ['text', 'json'] as const;

/** A wrong or unreachable queue is a usage error (exit 2), said as the queue layer says it. */
async function asUsage<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueueError) throw new UsageError(error.message);
    throw error;
  }
}
const queueAddress = (text: string | undefined) => asUsage(() => parseAddress(text));
const reach = (redis: import('ioredis').Redis, address: QueueAddress) => asUsage(() => reachQueue(redis, address));

export async function submitCommand(argv: string[], io: Io): Promise<number> {
  const { jobs: _jobs, resume: _resume, ...cleanOptions } = CLEAN_OPTIONS;
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...cleanOptions, ...QUEUE_OPTIONS, 'shard-size': { type: 'string', default: DEFAULT_SHARD_SIZE }, attempts: { type: 'string', default: String(DEFAULT_ATTEMPTS) } },
  });
  if (values.help) {
    io.stdout.write(`${SUBMIT_HELP}\n`);
    return EXIT.ok;
  }
  const address = await queueAddress(values.queue);
  if (values.out === undefined) throw new UsageError('--out is needed: the folder every worker writes the cleaned documents to (on a shared file system)');
  if (positionals.includes('-')) throw new UsageError('winnow submit reads files: stdin (-) cannot be shared with workers; pipe it to winnow clean - instead');
  if (values.format === 'jsonl') throw new UsageError('winnow submit writes a folder (one file per document); --format jsonl is for winnow clean to stdout or FILE.jsonl');
  const shardBytes = parseSize(values['shard-size'], '--shard-size');
  if (shardBytes < 1) throw new UsageError(`Unexpected --shard-size ${values['shard-size']}, expected a size such as 64MB`);
  const attempts = Number(values.attempts);
  if (!Number.isInteger(attempts) || attempts < 1) throw new UsageError(`Unexpected --attempts ${values.attempts}, expected a whole number of at least 1`);
  const plan = planClean({ ...values, resume: false }, positionals, io);
  if (plan.target.kind !== 'folder') throw new UsageError(`--out ${values.out}: winnow submit writes a folder (one file per document); pass a folder name`);

  const shards = await makeShards(plan.files(), shardBytes, plan.corpus.inputFormat);
  const id = createHash('sha256').update(plan.job).update('\0').update(String(shardBytes)).digest('hex').slice(0, 16);
  const info: RunInfo = {
    id,
    submitted: new Date().toISOString(),
    out: plan.target.dir,
    inputs: positionals,
    shards: shards.length,
    bytes: shards.reduce((n, s) => n + s.bytes, 0),
    setup: plan.setup,
    corpus: { maxBytes: plan.corpus.maxBytes, inputFormat: plan.corpus.inputFormat, fetchTimeoutMs: plan.timeout * 1000 },
    timeoutMs: plan.timeout * 1000,
    ...(plan.reportPath !== undefined ? { report: { path: plan.reportPath, root: io.cwd, thresholds: plan.thresholds } } : {}),
  };

  const redis = connect(address);
  await reach(redis, address);
  const queue = new Queue<ShardJob>(QUEUE_NAME, { connection: redis, prefix: QUEUE_PREFIX });
  try {
    const shown = shownPath(io.cwd, info.out);
    const created = await redis.hsetnx(runKey(id), 'info', JSON.stringify(info));
    // What status reads: the run without its rules and options (which can weigh a megabyte).
    if (created === 1) await redis.hset(runKey(id), 'summary', JSON.stringify(summaryOf(info)));
    if (created === 0) {
      // The same inputs, rules and options: the same run. Nothing is added; failed shards are tried again.
      const [finished] = await redis.hmget(runKey(id), 'finished');
      const failed = await redis.hkeys(failedKey(id));
      if (finished !== null && failed.length === 0) {
        io.stderr.write(`winnow: run ${id} was submitted before and has finished; its output is in ${shown}\n`);
        return EXIT.ok;
      }
      // A run finished with failed shards is finished again when they are done.
      if (finished !== null) await redis.hdel(runKey(id), 'finished', 'finishing');
      let retried = 0;
      for (const shard of failed) {
        const job = await queue.getJob(jobId(id, Number(shard)));
        await redis.hdel(settledKey(id), shard);
        await redis.hdel(failedKey(id), shard);
        if (job && (await job.isFailed())) await job.retry('failed');
        else await queue.add('shard', shardJob(id, shards[Number(shard)]), jobOptions(id, Number(shard), attempts));
        retried++;
      }
      io.stderr.write(`winnow: run ${id} was submitted before (${info.shards} shards); nothing added${retried ? `, ${retried} failed shard${retried === 1 ? '' : 's'} queued again` : ''}. Follow it with: winnow status --queue ${address.shown} --run ${id}\n`);
      return EXIT.ok;
    }
    await queue.addBulk(shards.map((shard) => ({ name: 'shard', data: shardJob(id, shard), opts: jobOptions(id, shard.index, attempts) })));
    await redis.zadd(RUNS_KEY, Date.now(), id);
    if (shards.length === 0) await redis.hset(runKey(id), 'finished', String(Date.now()));
    if (!values.quiet) {
      io.stderr.write(`winnow: run ${id}: ${shards.length} shard${shards.length === 1 ? '' : 's'} (${(info.bytes / 1024 ** 2).toFixed(1)} MB) on the queue at ${address.shown}; output in ${shown}\n`);
      io.stderr.write(`winnow: start workers with: winnow worker --queue ${address.shown}; follow with: winnow status --queue ${address.shown} --run ${id}\n`);
    }
    io.stdout.write(`${id}\n`);
    return EXIT.ok;
  } finally {
    await queue.close();
    await redis.quit();
  }
}

/** A run as `status` shows it. */
type RunSummary = Pick<RunInfo, 'id' | 'submitted' | 'out' | 'inputs' | 'shards' | 'bytes'>;

function summaryOf(info: RunInfo): RunSummary {
  return { id: info.id, submitted: info.submitted, out: info.out, inputs: info.inputs, shards: info.shards, bytes: info.bytes };
}

function shardJob(run: string, shard: Shard): ShardJob {
  return { run, shard: shard.index, bytes: shard.bytes, files: shard.files.map(toShardFile) };
}

function jobOptions(run: string, shard: number, attempts: number) {
  return { jobId: jobId(run, shard), attempts, backoff: { type: 'exponential', delay: BACKOFF_MS }, removeOnComplete: true, removeOnFail: false };
}

export async function workerCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...QUEUE_OPTIONS,
      jobs: { type: 'string' },
      out: { type: 'string' },
      'exit-when-idle': { type: 'boolean', default: false },
      'stall-timeout': { type: 'string', default: String(DEFAULT_STALL_SECONDS) },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${WORKER_HELP}\n`);
    return EXIT.ok;
  }
  const address = await queueAddress(values.queue);
  const jobs = jobsOption(values.jobs, io);
  const stall = Number(values['stall-timeout']);
  if (!(stall >= 1)) throw new UsageError(`Unexpected --stall-timeout ${values['stall-timeout']}, expected seconds (at least 1)`);
  const root = values.out === undefined ? undefined : resolve(io.cwd, values.out);
  if (root !== undefined && !existsSync(root)) throw new UsageError(`--out ${values.out}: no such folder; pass the folder runs may write to`);
  const name = `${hostname()}:${process.pid}`;

  const redis = connect(address, true);
  await reach(redis, address);
  const infos = new Map<string, RunInfo>();
  const runInfo = async (id: string): Promise<RunInfo> => {
    let info = infos.get(id);
    if (!info) {
      const text = await redis.hget(runKey(id), 'info');
      if (text === null) throw new UnrecoverableError(`run ${id} is not on this queue (its record was removed)`);
      info = JSON.parse(text) as RunInfo;
      infos.set(id, info);
    }
    return info;
  };
  const say = (line: string) => {
    if (!values.quiet) io.stderr.write(`winnow: ${line}\n`);
  };

  // One pool of cleaning threads per run, kept from shard to shard (its threads compiled the run's rules once).
  let pool: { run: string; cleaners: WorkerPool } | undefined;
  const poolFor = (info: RunInfo): WorkerPool => {
    if (pool?.run !== info.id) {
      void pool?.cleaners.close();
      pool = { run: info.id, cleaners: new WorkerPool({ size: jobs, setup: info.setup, timeoutMs: info.timeoutMs }) };
    }
    return pool.cleaners;
  };
  let busy = 0;
  const processor = async (job: Job<ShardJob>) => {
    busy++;
    try {
      const info = await runInfo(job.data.run);
      const shard = job.data.shard;
      const where = `run ${info.id} shard ${shard + 1}/${info.shards}`;
      const refusal = root === undefined ? undefined : outside(info, root);
      if (refusal !== undefined) {
        // Listed as failed (a resubmission queues it again, for workers allowed to write there); not settled, so this worker finishes nothing.
        await redis.hset(failedKey(info.id), String(shard), refusal);
        say(`${where}: ${refusal}`);
        throw new UnrecoverableError(refusal);
      }
      // Settled already (taken again after its worker was thought lost, or queued twice): nothing to do.
      if ((await redis.hexists(settledKey(info.id), String(shard))) === 1) return;
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const failedForGood = async (reason: string) =>
        settleShard(redis, info, shard, { totals: { cleaned: 0, failed: 0, skipped: 0, warned: 0, wordsIn: 0, wordsOut: 0 }, bytes: job.data.bytes, seconds: 0, at: Date.now(), worker: name, failed: reason });
      let cleaned: Awaited<ReturnType<typeof cleanShard>>;
      try {
        // The shard's progress goes to the queue (documents finished), at most once a second: `status` adds it up.
        let said = 0;
        const progress = (documents: number) => {
          if (Date.now() - said < PROGRESS_MS) return;
          said = Date.now();
          void job.updateProgress({ documents }).catch(() => {});
        };
        cleaned = await cleanShard(info, job.data, poolFor(info), jobs, `${process.pid}-${randomBytes(4).toString('hex')}`, progress);
      } catch (error) {
        // A pool that failed (its threads could not start) is not used again.
        await pool?.cleaners.close();
        pool = undefined;
        const reason = withoutSecret((error as Error).message, address);
        if (last) await failedForGood(reason);
        say(`${where}: ${reason}${last ? '; failed for good' : '; it will be tried again'}`);
        throw error;
      }
      const { summary, staging, seconds } = cleaned;
      const unreadable = summary.unreadable.length > 0 ? `could not read ${summary.unreadable.join('; ')}` : undefined;
      // An input that cannot be read may be there on the next try (a file still being copied): try again; on the last try keep what a single run keeps.
      if (unreadable !== undefined && !last) {
        discardShard(staging);
        say(`${where}: ${unreadable}; it will be tried again`);
        throw new Error(unreadable);
      }
      publishShard(info, shard, staging);
      const { cleaned: docs, failed, skipped, warned, wordsIn, wordsOut } = summary.totals;
      const outcome: ShardOutcome = { totals: { cleaned: docs, failed, skipped, warned, wordsIn, wordsOut }, bytes: job.data.bytes, seconds, at: Date.now(), worker: name, ...(unreadable !== undefined ? { failed: unreadable } : {}) };
      const finished = await settleShard(redis, info, shard, outcome);
      say(`${where}: ${docs.toLocaleString('en')} documents cleaned, ${failed} failed, ${seconds.toFixed(2)} s${unreadable !== undefined ? `; failed for good: ${unreadable}` : ''}${finished ? `; run ${info.id} finished` : ''}`);
      if (unreadable !== undefined) throw new UnrecoverableError(unreadable);
    } finally {
      busy--;
    }
  };

  const worker = new Worker<ShardJob>(QUEUE_NAME, processor, {
    connection: redis,
    prefix: QUEUE_PREFIX,
    concurrency: 1,
    lockDuration: stall * 1000,
    stalledInterval: stall * 1000,
    maxStalledCount: MAX_STALLS,
  });
  worker.on('error', (error) => say(`queue: ${withoutSecret(error.message, address)}`));
  const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: QUEUE_PREFIX });
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolveStop) => (stop = resolveStop));
  const onSignal = () => stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let poll: NodeJS.Timeout | undefined;
  if (values['exit-when-idle']) {
    // Idle: nothing waiting, delayed (a retry's back-off) or active anywhere (a lost worker's shard is active until the stall check hands it on).
    const check = async () => {
      try {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
        if (busy === 0 && Object.values(counts).every((n) => n === 0)) return stop();
      } catch {
        // The queue is unreachable for now: keep waiting.
      }
      poll = setTimeout(check, IDLE_POLL_MS);
    };
    poll = setTimeout(check, IDLE_POLL_MS);
  }
  say(`worker ${name} taking shards from ${address.shown} with ${jobs} thread${jobs === 1 ? '' : 's'}`);
  await stopped;
  if (poll) clearTimeout(poll);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  await worker.close();
  await pool?.cleaners.close();
  await queue.close();
  redis.disconnect();
  return EXIT.ok;
}

/** A run writes to its output folder and, maybe, a report file: both must lie in the worker's `--out`. Why not, if they do not. */
function outside(info: RunInfo, root: string): string | undefined {
  const real = realish(root);
  for (const [what, path] of [['its output', info.out], ...(info.report ? [['its report', info.report.path]] : [])] as Array<[string, string]>) {
    const target = realish(path);
    if (target !== real && !target.startsWith(real + sep)) return `run ${info.id} writes ${what} to ${path}, outside this worker's --out ${root}; refused`;
  }
  return undefined;
}

export async function statusCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...QUEUE_OPTIONS, run: { type: 'string' }, format: { type: 'string', default: 'text' } } });
  if (values.help) {
    io.stdout.write(`${STATUS_HELP}\n`);
    return EXIT.ok;
  }
  if (!(STATUS_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`Unknown --format ${values.format}; expected text or json`);
  const address = await queueAddress(values.queue);
  const redis = connect(address);
  await reach(redis, address);
  const queue = new Queue<ShardJob>(QUEUE_NAME, { connection: redis, prefix: QUEUE_PREFIX });
  try {
    const status = await runStatus(redis, queue, address, values.run);
    if (values.format === 'json') io.stdout.write(`${JSON.stringify(status)}\n`);
    else io.stdout.write(statusText(status, io.cwd));
    return status.state === 'finished' && status.shards.failed === 0 ? EXIT.ok : EXIT.failed;
  } finally {
    await queue.close();
    await redis.quit();
  }
}

export interface RunStatus {
  run: string;
  submitted: string;
  out: string;
  state: 'finished' | 'running';
  shards: { total: number; done: number; failed: number; running: number; waiting: number };
  /** Documents of settled shards, and finished so far in running ones. */
  documents: { cleaned: number; failed: number; skipped: number; inRunningShards: number };
  bytes: { total: number; done: number };
  /** Documents per second since the first shard was taken, and seconds left at that rate (by bytes). */
  rate?: number;
  eta?: number;
  failed: Array<{ shard: number; inputs: string[]; reason: string }>;
}

async function runStatus(redis: import('ioredis').Redis, queue: Queue<ShardJob>, address: QueueAddress, asked: string | undefined): Promise<RunStatus> {
  const id = asked ?? (await redis.zrange(RUNS_KEY, -1, -1))[0];
  if (id === undefined) throw new UsageError(`no run on the queue at ${address.shown}; submit one with winnow submit`);
  const [text, finished] = await redis.hmget(runKey(id), 'summary', 'finished');
  if (text === null) throw new UsageError(`no run ${id} on the queue at ${address.shown}`);
  const info = JSON.parse(text) as RunSummary;
  const settled = Object.entries(await redis.hgetall(settledKey(id))).map(([shard, json]) => ({ shard: Number(shard), ...(JSON.parse(json) as ShardOutcome) }));
  // Failed for good (settled so), or refused by a worker (not settled: another may take it after a resubmission).
  const failedShards = Object.entries(await redis.hgetall(failedKey(id))).map(([shard, reason]) => ({ shard: Number(shard), reason }));
  const settledFailed = settled.filter((s) => s.failed !== undefined).length;
  // Job ids only (`RUN.SHARD`): the jobs' data (their file lists) is not needed.
  const active = (await queue.getRanges(['active'])).filter((job) => job.startsWith(`${id}.`)).map((job) => Number(job.slice(id.length + 1))).filter((shard) => !settled.some((s) => s.shard === shard) && !failedShards.some((f) => f.shard === shard));
  // How far the running shards are, as their workers last said (the job's progress, read without its data).
  let inRunning = 0;
  for (const shard of active) {
    const progress = await redis.hget(`${QUEUE_PREFIX}:${QUEUE_NAME}:${jobId(id, shard)}`, 'progress');
    const documents = progress === null ? undefined : (JSON.parse(progress) as { documents?: unknown }).documents;
    if (typeof documents === 'number') inRunning += documents;
  }
  const documents = { cleaned: 0, failed: 0, skipped: 0, inRunningShards: inRunning };
  let doneBytes = 0;
  for (const s of settled) {
    documents.cleaned += s.totals.cleaned;
    documents.failed += s.totals.failed;
    documents.skipped += s.totals.skipped;
    doneBytes += s.bytes;
  }
  // The rate since the first shard was taken (not since submission: workers may start later).
  const first = Math.min(...settled.map((s) => s.at - s.seconds * 1000));
  const last = Math.max(...settled.map((s) => s.at));
  const seconds = (last - first) / 1000;
  const rate = settled.length > 0 && seconds > 0 ? documents.cleaned / seconds : undefined;
  const eta = settled.length > 0 && doneBytes > 0 && finished === null ? ((info.bytes - doneBytes) / doneBytes) * ((Date.now() - first) / 1000) : undefined;
  const failedJobs = await Promise.all(failedShards.map(async (s) => ({ shard: s.shard, inputs: ((await queue.getJob(jobId(id, s.shard)))?.data.files ?? []).map((f) => f.shown), reason: s.reason })));
  return {
    run: id,
    submitted: info.submitted,
    out: info.out,
    state: finished !== null ? 'finished' : 'running',
    shards: { total: info.shards, done: settled.length - settledFailed, failed: failedShards.length, running: active.length, waiting: Math.max(0, info.shards - settled.length - active.length - (failedShards.length - settledFailed)) },
    documents,
    bytes: { total: info.bytes, done: doneBytes },
    ...(rate !== undefined ? { rate } : {}),
    ...(eta !== undefined ? { eta } : {}),
    failed: failedJobs.sort((a, b) => a.shard - b.shard),
  };
}

function statusText(s: RunStatus, cwd: string): string {
  const n = (x: number) => x.toLocaleString('en');
  const mb = (x: number) => `${(x / 1024 ** 2).toFixed(1)} MB`;
  const lines = [
    `run ${s.run}: ${s.state}${s.state === 'finished' && s.shards.failed > 0 ? ` with ${s.shards.failed} failed shard${s.shards.failed === 1 ? '' : 's'}` : ''} (submitted ${s.submitted}; output in ${shownPath(cwd, s.out)})`,
    `shards: ${n(s.shards.done)} done, ${n(s.shards.running)} running, ${n(s.shards.waiting)} waiting, ${n(s.shards.failed)} failed, of ${n(s.shards.total)}`,
    `documents: ${n(s.documents.cleaned)} cleaned, ${n(s.documents.failed)} failed${s.documents.skipped ? `, ${n(s.documents.skipped)} skipped` : ''}${s.documents.inRunningShards ? ` (and ${n(s.documents.inRunningShards)} finished in running shards)` : ''}; ${mb(s.bytes.done)} of ${mb(s.bytes.total)} read`,
  ];
  if (s.rate !== undefined) lines.push(`rate: ${s.rate.toFixed(1)} documents/s${s.eta !== undefined ? `; about ${duration(s.eta)} left` : ''}`);
  for (const f of s.failed) lines.push(`failed: shard ${f.shard + 1} (${f.inputs.slice(0, 3).join(', ')}${f.inputs.length > 3 ? `, +${f.inputs.length - 3} more` : ''}): ${f.reason}`);
  return `${lines.join('\n')}\n`;
}
