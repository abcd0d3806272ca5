/**
 * A cluster run's shards, cleaned by the batch machinery a single `winnow clean` uses, and the
 * run finished once every shard has settled.
 *
 * A worker cleans a shard into a staging folder of its own (`OUT/.winnow-run/cluster/RUN/
 * shard-N.TOKEN`, a `winnow clean --out` run of the shard's files), then renames each cleaned
 * file into place under OUT (atomic per file, so a reader never sees half a file), and keeps the
 * shard's error, warning and report records apart (`records/N.*.jsonl`). A worker lost mid-shard
 * leaves only its staging folder: the shard is taken again from the start, and renaming the same
 * bytes over what it had moved already changes nothing. When the last shard settles, the records
 * are joined in shard order (input order) into OUT/errors.jsonl and warnings.jsonl, the report
 * is built from them, and the run's state folder goes: OUT then holds what `winnow clean` of the
 * same inputs into OUT holds.
 */
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Redis } from 'ioredis';
import { runBatch, type BatchSummary } from '../io/batch/run.js';
import { isRunStateName } from '../io/batch/outputs.js';
import type { Cleaners } from '../io/batch/pool.js';
import type { WorkerSetup } from '../io/batch/messages.js';
import type { TotalsJson } from '../io/batch/totals.js';
import { RuleSet } from '../kernel/rules/ruleset.js';
import type { CleanResult } from '../kernel/clean.js';
import { ReportBuilder } from '../report/builder.js';
import type { ReportOptions } from '../report/options.js';
import { writeReport } from '../report/write.js';
import { fromShardFile, type ShardFile } from './shards.js';
import { failedKey, runKey, settledKey } from './queue.js';

/** What a run cleans with, stored once in Redis at submission. */
export interface RunInfo {
  id: string;
  /** When it was submitted (ISO 8601). */
  submitted: string;
  /** The output folder (absolute; the same path on every worker: a shared file system). */
  out: string;
  /** The inputs as given, for messages. */
  inputs: string[];
  shards: number;
  /** Bytes of all the shards' inputs. */
  bytes: number;
  setup: WorkerSetup;
  corpus: { maxBytes: number; inputFormat: string; fetchTimeoutMs: number };
  /** Per-document time limit in milliseconds (0: none). */
  timeoutMs: number;
  report?: { path: string; root: string; thresholds: Pick<ReportOptions, 'maxRemovedShare' | 'minWordsKept' | 'ruleDominanceShare' | 'maxDocumentDetails'> };
}

/** What a shard job carries. */
export interface ShardJob {
  run: string;
  shard: number;
  bytes: number;
  files: ShardFile[];
}

/** How a shard settled, kept for `status`. */
export interface ShardOutcome {
  totals: Pick<TotalsJson, 'cleaned' | 'failed' | 'skipped' | 'warned' | 'wordsIn' | 'wordsOut'>;
  bytes: number;
  seconds: number;
  /** When it settled (ms since the epoch). */
  at: number;
  worker: string;
  /** Why it failed for good (its outputs are kept as a single run would keep them). */
  failed?: string;
}

/** The run's state folder in its output folder (inside `.winnow-run`, where no document is ever written). */
export function clusterDir(info: Pick<RunInfo, 'out' | 'id'>): string {
  return join(info.out, '.winnow-run', 'cluster', info.id);
}

const recordsDir = (info: RunInfo) => join(clusterDir(info), 'records');
/** A shard's records kept beside the run's others until it finishes: error, warning and report lines. */
type RecordKind = 'errors' | 'warnings' | 'report';
const recordFile = (info: RunInfo, shard: number, kind: RecordKind) => join(recordsDir(info), `${shard}.${kind}.jsonl`);

/**
 * Clean one shard into its staging folder (`token` tells this attempt from any other, even of a
 * worker believed lost that is still running). Outputs stay there until `publishShard`.
 */
export async function cleanShard(info: RunInfo, job: ShardJob, pool: Cleaners, jobs: number, token: string, progress?: (documents: number) => void): Promise<{ summary: BatchSummary; staging: string; seconds: number }> {
  const staging = join(clusterDir(info), `shard-${job.shard}.${token}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const files = job.files.map(fromShardFile);
  const reportPath = join(staging, '.report.jsonl');
  const started = process.hrtime.bigint();
  const quiet = { write: () => true };
  const summary = await runBatch(
    {
      files: () => files,
      inputBytes: job.bytes,
      corpus: { ...info.corpus, stdin: async function* () {} },
      setup: info.setup,
      jobs,
      pool,
      ...(progress ? { onDocument: (totals: { done: number }) => progress(totals.done) } : {}),
      timeoutMs: info.timeoutMs,
      target: { kind: 'folder', dir: join(staging, 'out') },
      resume: false,
      job: `${info.id}.${job.shard}`,
      progress: 'none',
      ...(info.report ? { report: { add: (result: CleanResult) => appendFileSync(reportPath, `${JSON.stringify(result)}\n`), finish: () => {} } } : {}),
    },
    { stdout: quiet, stderr: quiet },
  );
  return { summary, staging, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Move a cleaned shard's files into the output folder and its records beside the run's others; remove its staging folder. */
export function publishShard(info: RunInfo, shard: number, staging: string): void {
  const out = join(staging, 'out');
  mkdirSync(recordsDir(info), { recursive: true });
  for (const kind of ['errors', 'warnings'] as const) {
    const file = join(out, `${kind}.jsonl`);
    if (existsSync(file)) renameSync(file, recordFile(info, shard, kind));
    else rmSync(recordFile(info, shard, kind), { force: true });
  }
  const report = join(staging, '.report.jsonl');
  if (existsSync(report)) renameSync(report, recordFile(info, shard, 'report'));
  for (const path of filesUnder(out)) {
    const name = relative(out, path);
    if (isRunStateName(name)) continue;
    const target = join(info.out, name);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(path, target);
  }
  rmSync(staging, { recursive: true, force: true });
}

/** Throw a shard's staging folder away (an attempt that will be made again). */
export function discardShard(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/** Files under `dir`, depth first. */
function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/**
 * Record that a shard settled (cleaned, or failed for good); when it is the last, finish the run.
 * Idempotent: a shard settled twice (taken again after a stall) counts once.
 */
export async function settleShard(redis: Redis, info: RunInfo, shard: number, outcome: ShardOutcome): Promise<boolean> {
  await redis.hset(settledKey(info.id), String(shard), JSON.stringify(outcome));
  if (outcome.failed !== undefined) await redis.hset(failedKey(info.id), String(shard), outcome.failed);
  else await redis.hdel(failedKey(info.id), String(shard));
  if ((await redis.hlen(settledKey(info.id))) < info.shards) return false;
  // One worker finishes the run; a finish cut short is taken up by the next shard to settle, or by a resubmission.
  if ((await redis.hsetnx(runKey(info.id), 'finishing', String(Date.now()))) === 0 && !(await stale(redis, info))) return false;
  // With failed shards the records stay, so that the run can be finished again once a resubmission has cleaned them.
  finishRun(info, (await redis.hlen(failedKey(info.id))) > 0);
  await redis.hset(runKey(info.id), 'finished', String(Date.now()));
  return true;
}

/** A finish that started this long ago without ending was cut short (its worker lost). */
const FINISH_STALE_MS = 10 * 60 * 1000;

async function stale(redis: Redis, info: RunInfo): Promise<boolean> {
  const [finishing, finished] = await redis.hmget(runKey(info.id), 'finishing', 'finished');
  if (finished !== null) return false;
  return finishing !== null && Date.now() - Number(finishing) > FINISH_STALE_MS;
}

/**
 * Join the shards' records into OUT/errors.jsonl and warnings.jsonl (or remove stale ones), write
 * the report, and remove the run's state, unless `keep` (a shard failed: a resubmission may clean
 * it, and the run is finished again from all the records).
 */
export function finishRun(info: RunInfo, keep = false): void {
  for (const kind of ['errors', 'warnings'] as const) {
    const parts = Array.from({ length: info.shards }, (_, n) => recordFile(info, n, kind)).filter((p) => existsSync(p));
    const target = join(info.out, `${kind}.jsonl`);
    if (parts.length === 0) rmSync(target, { force: true });
    else concatInto(parts, target);
  }
  if (info.report) {
    const builder = new ReportBuilder({ ruleSet: RuleSet.fromChecked(info.setup.rules.dir, info.setup.rules.files), root: info.report.root, ...info.report.thresholds });
    for (let n = 0; n < info.shards; n++) {
      const path = recordFile(info, n, 'report');
      if (!existsSync(path)) continue;
      for (const line of readFileSync(path, 'utf8').split('\n')) if (line !== '') builder.add(JSON.parse(line) as CleanResult);
    }
    writeReport(info.report.path, builder.build());
  }
  if (keep) return;
  rmSync(clusterDir(info), { recursive: true, force: true });
  // The state folders above it go when nothing else is in them.
  for (const dir of [join(info.out, '.winnow-run', 'cluster'), join(info.out, '.winnow-run')]) {
    try {
      rmdirSync(dir);
    } catch {
      break;
    }
  }
}

/** Files joined in order into `target`, written beside it and renamed into place. */
function concatInto(parts: string[], target: string): void {
  const partial = `${target}.partial-${process.pid}`;
  const fd = openSync(partial, 'w');
  try {
    for (const part of parts) {
      const bytes = readFileSync(part);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, target);
}
