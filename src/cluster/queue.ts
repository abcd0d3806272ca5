/**
 * The queue a cluster run goes through: BullMQ on Redis. One BullMQ queue (`winnow`) holds a job
 * per shard (`RUN.SHARD`); beside it, Redis keys of Winnow's own hold each run: what it cleans
 * with (the checked rule files and options, stored once, not in every job), its shards' outcomes,
 * and the failed shards with their reasons.
 *
 *   winnow:runs                 sorted set of run ids by submission time
 *   winnow:run:ID               hash: `info` (RunInfo as JSON), `summary` (the same without rules and options,
 *                               for status), `finishing` and `finished` (when the last shard settled)
 *   winnow:run:ID:settled       hash: shard -> ShardOutcome as JSON (cleaned or failed for good)
 *   winnow:run:ID:failed        hash: shard -> reason (failed for good; a resubmission retries them)
 *
 * The queue's address may carry a password (`redis://:secret@host:6379/0`) and TLS
 * (`rediss://`); it is never printed: messages show it without the password.
 */
import { Redis, type RedisOptions } from 'ioredis';

/** The queue's address is wrong, or its server cannot be reached: the command line says so and exits 2. */
export class QueueError extends Error {}

export const QUEUE_NAME = 'winnow';
/** BullMQ's key prefix for the queue (its default is `bull`). */
export const QUEUE_PREFIX = 'winnow-queue';

export const RUNS_KEY = 'winnow:runs';
export const runKey = (id: string) => `winnow:run:${id}`;
export const settledKey = (id: string) => `winnow:run:${id}:settled`;
export const failedKey = (id: string) => `winnow:run:${id}:failed`;
/** A shard's job id: BullMQ adds a job id once, so submitting a run again never doubles a shard. */
export const jobId = (run: string, shard: number) => `${run}.${shard}`;

/** The queue's address: as given (with its password), and as messages show it (without). */
export interface QueueAddress {
  url: string;
  shown: string;
}

export function queueAddress(text: string | undefined): QueueAddress {
  if (text === undefined || text === '') throw new QueueError('--queue is needed: the Redis server of the run, e.g. --queue redis://10.0.0.5:6379');
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new QueueError(`--queue ${shownAddress(text)} is not an address; expected redis://HOST:PORT (or rediss:// for TLS, redis://:PASSWORD@HOST:PORT with a password)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new QueueError(`--queue ${shownAddress(text)}: expected a redis:// or rediss:// address`);
  }
  return { url: text, shown: shownAddress(text) };
}

/** The address without its password (and user), for messages. */
export function shownAddress(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/**
 * A connection to the queue's Redis. A command-line client (`submit`, `status`) gives up soon
 * when the server cannot be reached; a worker (`persistent`) keeps trying, as BullMQ requires.
 */
export function connect(address: QueueAddress, persistent = false): Redis {
  const options: RedisOptions = persistent
    ? { maxRetriesPerRequest: null, enableReadyCheck: true }
    : { maxRetriesPerRequest: 1, connectTimeout: 5000, disconnectTimeout: 100, retryStrategy: (times) => (times > 2 ? null : 200 * times) };
  const redis = new Redis(address.url, { ...options, lazyConnect: true });
  // Errors are reported where a command fails; unhandled, ioredis would print them (with the host) itself.
  redis.on('error', (error: Error) => lastErrors.set(redis, error.message));
  return redis;
}

/** The last error a connection met (a refused password is an event, not the rejection of `connect`). */
const lastErrors = new WeakMap<Redis, string>();

/** Connect now, or fail with a message that names the queue (without its password) and what to do. */
export async function reach(redis: Redis, address: QueueAddress): Promise<void> {
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const said = lastErrors.get(redis) ?? (error as Error).message;
    throw new QueueError(`cannot reach the queue at ${address.shown}: ${withoutSecret(said, address)}; is redis-server running there, and is the address (and password) right?`);
  }
}

/** A message with the address's password taken out, should a library put it there. */
export function withoutSecret(message: string, address: QueueAddress): string {
  const password = (() => {
    try {
      return decodeURIComponent(new URL(address.url).password);
    } catch {
      return '';
    }
  })();
  return password === '' ? message : message.split(password).join('***');
}
