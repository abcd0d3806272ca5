/**
 * Many machines: `winnow submit` puts a corpus on a BullMQ queue in shards, `winnow worker`
 * processes clean them, `winnow status` follows the run. Each test starts its own redis-server
 * (Debian's, on a free loopback port) and real worker processes (bin/winnow.js).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { article, jsonl, warc } from './corpus-helpers.js';
import { ROOT, run, tempDir, tree, writeTree } from './helpers.js';
import { makeTls, startRedis, type RedisServer } from './redis.js';
import { lineRanges, makeShards, recordRanges } from '../src/cluster/shards.js';
import { expandInputs } from '../src/io/sources/inputs.js';

const BIN = join(ROOT, 'bin', 'winnow.js');


/** A worker process, with what it has said so far. */
interface WorkerProcess {
  child: ChildProcess;
  stderr: string;
  exited: Promise<number | null>;
}

function startWorker(queue: string, cwd: string, extra: string[] = []): WorkerProcess {
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', queue, '--jobs', '1', '--exit-when-idle', '--stall-timeout', '2', ...extra], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const worker: WorkerProcess = { child, stderr: '', exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  child.stderr!.on('data', (chunk: Buffer) => (worker.stderr += chunk.toString()));
  return worker;
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** 1,200 documents: 400 page files in folders, 700 records of a plain JSONL file (cut into ranges), 100 of a gzipped one; two broken records. */
function corpus(): string {
  const files: Record<string, string | Buffer> = {};
  for (let i = 0; i < 400; i++) files[`site/${i % 4 === 0 ? 'sport' : 'news'}/page-${String(i).padStart(3, '0')}.html`] = article(i);
  const records: unknown[] = [];
  for (let i = 400; i < 1100; i++) records.push({ id: `rec-${i}`, url: `https://example.com/${i}`, html: article(i) });
  files['feeds/big.jsonl'] = jsonl(records).replace('{"id":"rec-500"', '{"id": broken}\n{"id":"rec-500"');
  files['feeds/more.jsonl.gz'] = gzipSync(jsonl(Array.from({ length: 100 }, (_, k) => ({ id: `gz-${k}`, html: article(1100 + k) }))));
  return writeTree(files);
}

describe('winnow submit / worker / status', () => {
  let redis: RedisServer;
  beforeEach(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    await redis.stop();
  });

  test('three workers, one killed with SIGKILL part-way and one started late, clean 1,200 documents into what one winnow clean writes', async () => {
    const dir = corpus();
    const out = join(tempDir(), 'cleaned');
    const reports = tempDir();
    const args = ['submit', 'site', 'feeds', '--queue', redis.url, '--out', out, '--shard-size', '24k', '--report', join(reports, 'cluster.json')];
    const submitted = await run(args, { cwd: dir });
    expect(submitted.code).toBe(0);
    const id = submitted.stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(submitted.stderr).toMatch(/shards \([\d.]+ MB\) on the queue at redis:\/\/127\.0\.0\.1:\d+/);
    // Submitting the same run again adds nothing.
    const again = await run(args, { cwd: dir });
    expect(again.stderr).toContain(`run ${id} was submitted before`);
    const before = JSON.parse((await run(['status', '--queue', redis.url, '--format', 'json'])).stdout);
    expect(before).toMatchObject({ run: id, state: 'running', shards: { done: 0, failed: 0 } });
    expect(before.shards.total).toBeGreaterThan(20);

    const first = startWorker(redis.url, dir);
    const second = startWorker(redis.url, dir);
    // The first dies mid-shard: after it has finished a shard, while it cleans another (its staging folder is there).
    await until(() => /shard \d+\/\d+: /.test(first.stderr), 60_000);
    const staging = join(out, '.winnow-run', 'cluster', id);
    const cleaning = () => (existsSync(staging) ? readdirSync(staging).some((name) => name.startsWith('shard-') && name.includes(`.${first.child.pid}-`)) : false);
    await until(cleaning, 60_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const late = startWorker(redis.url, dir);
    // While they run, status counts what the running shards have finished, as their workers report it to the queue.
    let seen = false;
    let done = false;
    const both = Promise.all([second.exited, late.exited]).then((codes) => {
      done = true;
      return codes;
    });
    while (!done && !seen) {
      const now = JSON.parse((await run(['status', '--queue', redis.url, '--format', 'json'])).stdout);
      seen = now.shards.running > 0 && now.documents.inRunningShards > 0;
    }
    expect(seen).toBe(true);
    expect(await both).toEqual([0, 0]);

    const status = await run(['status', '--queue', redis.url, '--run', id]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`run ${id}: finished`);
    expect(status.stdout).toMatch(/documents: 1,200 cleaned, 1 failed/);
    const json = JSON.parse((await run(['status', '--queue', redis.url, '--format', 'json'])).stdout);
    expect(json.shards).toEqual({ total: before.shards.total, done: before.shards.total, failed: 0, running: 0, waiting: 0 });
    expect(json.documents).toEqual({ cleaned: 1200, failed: 1, skipped: 0, inRunningShards: 0 });

    const single = join(tempDir(), 'single');
    expect((await run(['clean', 'site', 'feeds', '--out', single, '--quiet', '--jobs', '1', '--report', join(reports, 'single.json')], { cwd: dir })).code).toBe(1);
    const expected = tree(single);
    expect(expected.size).toBe(1201);
    expect(tree(out)).toEqual(expected);
    // The removal report, merged from the shards, is the one a single run writes.
    expect(readFileSync(join(reports, 'cluster.json'), 'utf8')).toBe(readFileSync(join(reports, 'single.json'), 'utf8'));
  }, 180_000);

  test('a shard that fails (a corrupt .gz) is retried, then listed as failed: status exits 1 naming it; the other shards are complete', async () => {
    const good = jsonl(Array.from({ length: 40 }, (_, k) => ({ id: `r-${k}`, html: article(k) })));
    const dir = writeTree({
      'ok/a.html': article(1),
      'ok/b.html': article(2),
      'bad.jsonl.gz': gzipSync(good).subarray(0, 400),
      'fine.jsonl': good,
    });
    const out = join(tempDir(), 'cleaned');
    expect((await run(['submit', 'ok', 'bad.jsonl.gz', 'fine.jsonl', '--queue', redis.url, '--out', out, '--attempts', '2', '--quiet'], { cwd: dir })).code).toBe(0);
    const worker = startWorker(redis.url, dir);
    expect(await worker.exited).toBe(0);
    expect(worker.stderr).toMatch(/bad\.jsonl\.gz:\d+: truncated or corrupt data.*; it will be tried again/);

    const status = await run(['status', '--queue', redis.url]);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/finished with 1 failed shard/);
    expect(status.stdout).toMatch(/failed: shard 2 \(bad\.jsonl\.gz\): could not read bad\.jsonl\.gz:\d+: truncated or corrupt data/);
    // What the failed shard read before the damage, and every other shard, is there as a single run writes it.
    const single = join(tempDir(), 'single');
    await run(['clean', 'ok', 'bad.jsonl.gz', 'fine.jsonl', '--out', single, '--quiet'], { cwd: dir });
    // The run's records stay in its state folder, for a resubmission to finish it again.
    const cleaned = tree(out);
    expect([...cleaned.keys()].some((name) => name.startsWith('.winnow-run/cluster/'))).toBe(true);
    expect(new Map([...cleaned].filter(([name]) => !name.startsWith('.winnow-run/')))).toEqual(tree(single));
    expect(readFileSync(join(out, 'errors.jsonl'), 'utf8')).toContain('truncated or corrupt data');
  }, 60_000);

  test('a shard whose input was missing fails; submitting the run again once the file is back finishes it as a single run would', async () => {
    const records = jsonl(Array.from({ length: 30 }, (_, k) => ({ id: `r-${k}`, html: article(k) })));
    const dir = writeTree({ 'ok/a.html': article(1), 'feed.jsonl': records });
    const out = join(tempDir(), 'cleaned');
    const args = ['submit', 'ok', 'feed.jsonl', '--queue', redis.url, '--out', out, '--attempts', '1', '--quiet'];
    const id = (await run(args, { cwd: dir })).stdout.trim();
    // Moved away while the run is queued (a mount that went away), and back later: same size, same time, same run.
    renameSync(join(dir, 'feed.jsonl'), join(dir, 'feed.away'));
    expect(await startWorker(redis.url, dir).exited).toBe(0);
    const failed = await run(['status', '--queue', redis.url]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/failed: shard 2 \(feed\.jsonl\): could not read feed\.jsonl: /);
    renameSync(join(dir, 'feed.away'), join(dir, 'feed.jsonl'));
    const again = await run(args, { cwd: dir });
    expect(again.stdout.trim()).toBe('');
    expect(again.stderr).toContain(`run ${id} was submitted before (2 shards); nothing added, 1 failed shard queued again`);
    expect(await startWorker(redis.url, dir).exited).toBe(0);
    const done = await run(['status', '--queue', redis.url]);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/documents: 31 cleaned, 0 failed/);
    const single = join(tempDir(), 'single');
    await run(['clean', 'ok', 'feed.jsonl', '--out', single, '--quiet'], { cwd: dir });
    expect(tree(out)).toEqual(tree(single));
  }, 60_000);

  test('WARC files, gzipped per record and plain, are cut at records: sources, names and outputs as a single run writes them', async () => {
    const entries = Array.from({ length: 60 }, (_, k) => ({ url: `https://example.com/story/${k}`, body: article(2000 + k), ...(k % 13 === 5 ? { contentType: 'image/png' } : {}) }));
    const dir = writeTree({ 'crawl.warc.gz': await warc(entries, true), 'plain.warc': await warc(entries.slice(0, 30)) });
    const out = join(tempDir(), 'cleaned');
    const submitted = await run(['submit', 'crawl.warc.gz', 'plain.warc', '--queue', redis.url, '--out', out, '--shard-size', '8k', '--format', 'json'], { cwd: dir });
    expect(submitted.code).toBe(0);
    const shards = Number(/: (\d+) shards/.exec(submitted.stderr)![1]);
    expect(shards).toBeGreaterThan(6);
    const worker = startWorker(redis.url, dir);
    const other = startWorker(redis.url, dir);
    expect(await worker.exited).toBe(0);
    expect(await other.exited).toBe(0);
    expect((await run(['status', '--queue', redis.url])).code).toBe(0);
    const single = join(tempDir(), 'single');
    await run(['clean', 'crawl.warc.gz', 'plain.warc', '--out', single, '--format', 'json', '--quiet'], { cwd: dir });
    const expected = tree(single);
    expect(expected.size).toBe(60 - 5 + 30 - 2);
    // Records are numbered through the file (record 1 is the warcinfo), whichever shard read them.
    expect(JSON.parse(expected.get('crawl/60.json')!.toString())).toMatchObject({ url: 'https://example.com/story/58' });
    expect(tree(out)).toEqual(expected);
  }, 60_000);

  test('a worker refuses a run that writes outside its --out; the password in the address is never printed', async () => {
    await redis.stop();
    redis = await startRedis({ password: 's3cret-pass' });
    const dir = writeTree({ 'p/a.html': article(1) });
    const out = join(tempDir(), 'cleaned');
    const submitted = await run(['submit', 'p', '--queue', redis.url, '--out', out], { cwd: dir });
    expect(submitted.code).toBe(0);
    expect(submitted.stderr).toContain(`redis://127.0.0.1:${redis.port}`);
    const elsewhere = tempDir();
    const worker = startWorker(redis.url, dir, ['--out', elsewhere]);
    expect(await worker.exited).toBe(0);
    const status = await run(['status', '--queue', redis.url]);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain(`writes its output to ${out}, outside this worker's --out ${elsewhere}; refused`);
    const wrong = await run(['status', '--queue', `redis://:wrong-pass@127.0.0.1:${redis.port}`]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/cannot reach the queue at redis:\/\/127\.0\.0\.1:\d+: .*(WRONGPASS|NOAUTH|invalid)/i);
    for (const text of [submitted.stdout, submitted.stderr, worker.stderr, status.stdout, status.stderr, wrong.stderr]) {
      expect(text).not.toContain('s3cret-pass');
      expect(text).not.toContain('wrong-pass');
    }
  }, 60_000);

  test('rediss:// (TLS): submit, a worker and status through a TLS-only redis-server', async () => {
    await redis.stop();
    const certs = tempDir();
    redis = await startRedis({ tls: makeTls(certs) });
    expect(redis.url).toMatch(/^rediss:\/\//);
    const dir = writeTree({ 'p/a.html': article(1), 'p/b.html': article(2) });
    const out = join(tempDir(), 'cleaned');
    // The CLI as a user runs it, trusting the test's CA (as a machine trusts its own).
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(certs, 'ca.pem') };
    const winnow = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env, encoding: 'utf8' });
    expect(winnow(['submit', 'p', '--queue', redis.url, '--out', out, '--quiet']).status).toBe(0);
    expect(winnow(['worker', '--queue', redis.url, '--exit-when-idle', '--quiet']).status).toBe(0);
    const status = winnow(['status', '--queue', redis.url]);
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/documents: 2 cleaned, 0 failed/);
    // Without the CA the certificate is not trusted: the queue cannot be reached, and says why.
    const untrusted = spawnSync(process.execPath, [BIN, 'status', '--queue', redis.url], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: '' } });
    expect(untrusted.status).toBe(2);
    expect(untrusted.stderr).toMatch(/cannot reach the queue at rediss:\/\/127\.0\.0\.1:\d+: .*certificate/i);
  }, 60_000);

  test('usage errors: no queue, no --out, stdin, an unreachable queue', async () => {
    const dir = writeTree({ 'p/a.html': article(1) });
    expect((await run(['submit', 'p', '--out', 'o'], { cwd: dir })).stderr).toContain('--queue is needed');
    expect((await run(['submit', 'p', '--queue', redis.url], { cwd: dir })).stderr).toContain('--out is needed');
    expect((await run(['submit', '-', '--queue', redis.url, '--out', 'o'], { cwd: dir })).stderr).toContain('stdin (-) cannot be shared with workers');
    const down = await run(['status', '--queue', 'redis://127.0.0.1:1']);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('cannot reach the queue at redis://127.0.0.1:1');
  }, 30_000);
});

describe('shards', () => {
  test('a plain JSONL file is cut just after newlines, the ranges cover it, and line numbers go on', () => {
    const dir = tempDir();
    const path = join(dir, 'p.jsonl');
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: i, text: 'x'.repeat(i * 7) }));
    writeFileSync(path, `${lines.join('\n')}\n\n`);
    const bytes = readFileSync(path);
    const ranges = lineRanges(path, bytes.length, 500);
    expect(ranges.length).toBeGreaterThan(5);
    expect(ranges[0].start).toBe(0);
    expect(ranges.at(-1)!.end).toBe(bytes.length);
    ranges.forEach((r, i) => {
      if (i > 0) expect(r.start).toBe(ranges[i - 1].end);
      expect(bytes[r.start - 1] ?? 0x0a).toBe(0x0a);
      expect(r.before).toBe(bytes.subarray(0, r.start).filter((b) => b === 0x0a).length);
    });
  });

  test('a .warc.gz is cut where its records start gzip members, with the records before each range', async () => {
    const entries = Array.from({ length: 20 }, (_, k) => ({ url: `https://example.com/${k}`, body: article(k) }));
    const dir = writeTree({ 'c.warc.gz': await warc(entries, true), 'one-member.warc.gz': gzipSync(await warc(entries)) });
    const bytes = readFileSync(join(dir, 'c.warc.gz'));
    const ranges = await recordRanges(join(dir, 'c.warc.gz'), bytes.length, 3000);
    expect(ranges.length).toBeGreaterThan(3);
    expect(ranges.at(-1)!.end).toBe(bytes.length);
    for (const r of ranges) expect([bytes[r.start], bytes[r.start + 1]]).toEqual([0x1f, 0x8b]);
    expect(ranges.map((r) => r.before)).toEqual([...ranges.map((r) => r.before)].sort((a, b) => a - b));
    // One gzip stream around all the records: not cut.
    const whole = readFileSync(join(dir, 'one-member.warc.gz'));
    expect(await recordRanges(join(dir, 'one-member.warc.gz'), whole.length, 3000)).toEqual([{ start: 0, end: whole.length, before: 0 }]);
  });

  test('files of one document are grouped in input order; a gzipped file is a shard of its own', async () => {
    const dir = writeTree({ 'a/1.html': article(1), 'a/2.html': article(2), 'a/3.html': article(3), 'b.jsonl.gz': gzipSync('{"text":"x"}\n'), 'c/4.html': article(4) });
    const shards = await makeShards(expandInputs(['a', 'b.jsonl.gz', 'c'], dir), 600, 'auto');
    expect(shards.map((s) => s.files.map((f) => f.shown))).toEqual([['a/1.html', 'a/2.html'], ['a/3.html'], ['b.jsonl.gz'], ['c/4.html']]);
  });
});
