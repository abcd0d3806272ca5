/**
 * Many machines, on this one: a corpus submitted to a queue (a redis-server this bench starts on a
 * free loopback port) and cleaned by 1, 2 and 4 `winnow worker` processes (`--jobs 1` each), against
 * `winnow clean --jobs 1` of the same inputs; and what the queue itself costs per shard.
 *
 *   npm run build && npm run bench:build && node build/bench/cluster.js [INPUT ...] [--shard-size 2MB] [--rounds 3] [--record]
 *
 * INPUT (default ../shared/corpus/dragnet-train/html): read in place. Wall time runs from the
 * workers' start to the last one's exit (`--exit-when-idle`), median of the rounds; documents per
 * second are the run's cleaned documents over that time. The queue's own cost per shard: one worker
 * cleaning 200 of the documents as 200 shards of one against the same 200 as one shard, the
 * difference over the extra shards. Redis commands per shard: `INFO stats` before and after.
 * `--record` writes the `cluster` section of bench/RESULTS.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { machine } from './machine.js';
import { commandLine, recordSection } from './record.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { record: { type: 'boolean', default: false }, rounds: { type: 'string', default: '3' }, 'shard-size': { type: 'string', default: '2MB' } },
});
const inputs = (positionals.length > 0 ? positionals : ['../shared/corpus/dragnet-train/html']).map((p) => resolve(p));
const rounds = Number(values.rounds);
const winnow = resolve('bin/winnow.js');
const scratch = mkdtempSync(join(tmpdir(), 'winnow-cluster-'));
const loadBefore = loadavg()[0].toFixed(1);

const port = await new Promise<number>((done) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address() as { port: number };
    server.close(() => done(free));
  });
});
const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
process.on('exit', () => {
  server.kill();
  rmSync(scratch, { recursive: true, force: true });
});
const queue = `redis://127.0.0.1:${port}`;
// Wait for the server to listen, then connect once.
const listening = () => new Promise<boolean>((done) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => {
    socket.destroy();
    done(true);
  });
  socket.once('error', () => done(false));
});
for (let i = 0; !(await listening()); i++) {
  if (i > 100) throw new Error(`redis-server did not start on port ${port}`);
  await new Promise((r) => setTimeout(r, 50));
}
const redis = new Redis(queue);

const commands = async () => Number(/total_commands_processed:(\d+)/.exec(await redis.info('stats'))![1]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Run `winnow ARGS` to its end; its wall seconds. */
function timed(args: string[]): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, [winnow, ...args], { encoding: 'utf8' });
  if (child.status !== 0 && child.status !== 1) throw new Error(`winnow ${args.join(' ')}: ${child.stderr}`);
  return (performance.now() - started) / 1000;
}

interface Round {
  seconds: number;
  documents: number;
  shards: number;
  commands: number;
}

/** Submit `from` afresh and clean it with `workers` worker processes. */
async function cluster(workers: number, from = inputs, shardSize = values['shard-size']!): Promise<Round> {
  await redis.flushall();
  const out = join(scratch, `out-${workers}`);
  rmSync(out, { recursive: true, force: true });
  const submit = spawnSync(process.execPath, [winnow, 'submit', ...from, '--queue', queue, '--out', out, '--shard-size', shardSize, '--quiet'], { encoding: 'utf8' });
  if (submit.status !== 0) throw new Error(submit.stderr);
  const run = submit.stdout.trim();
  const before = await commands();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, () => new Promise<void>((done, fail) => {
      const child = spawn(process.execPath, [winnow, 'worker', '--queue', queue, '--jobs', '1', '--exit-when-idle', '--quiet'], { stdio: 'ignore' });
      child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`a worker exited with ${code}`))));
    })),
  );
  const seconds = (performance.now() - started) / 1000;
  const settled = Object.values(await redis.hgetall(`winnow:run:${run}:settled`)).map((s) => JSON.parse(s) as { totals: { cleaned: number } });
  rmSync(out, { recursive: true, force: true });
  return { seconds, documents: settled.reduce((n, s) => n + s.totals.cleaned, 0), shards: settled.length, commands: (await commands()) - before };
}

// The queue's cost per shard: the same small documents as one shard, and as a shard each.
const SMALL = 200;
const small = join(scratch, 'small');
mkdirSync(small);
const firstFolder = inputs.find((p) => statSync(p).isDirectory());
if (firstFolder === undefined) throw new Error('the per-shard figure needs a folder of documents among the inputs');
for (const name of readdirSync(firstFolder).filter((n) => /\.html?$/.test(n)).sort().slice(0, SMALL)) copyFileSync(join(firstFolder, name), join(small, name));

const single: number[] = [];
const byWorkers = new Map<number, Round[]>([[1, []], [2, []], [4, []]]);
const perShard: number[] = [];
for (let round = 0; round < rounds; round++) {
  const out = join(scratch, 'single');
  rmSync(out, { recursive: true, force: true });
  single.push(timed(['clean', ...inputs, '--out', out, '--jobs', '1', '--quiet']));
  rmSync(out, { recursive: true, force: true });
  for (const n of round % 2 === 0 ? [1, 2, 4] : [4, 2, 1]) {
    const result = await cluster(n);
    byWorkers.get(n)!.push(result);
    process.stderr.write(`round ${round + 1}: ${n} worker${n === 1 ? '' : 's'} ${result.seconds.toFixed(2)} s, ${result.documents} documents, ${result.shards} shards\n`);
  }
  const together = await cluster(1, [small], '1GB');
  const apart = await cluster(1, [small], '1');
  perShard.push((apart.seconds - together.seconds) / (apart.shards - together.shards));
  process.stderr.write(`round ${round + 1}: winnow clean --jobs 1 ${single.at(-1)!.toFixed(2)} s; ${SMALL} documents in 1 shard ${together.seconds.toFixed(2)} s, in ${apart.shards} ${apart.seconds.toFixed(2)} s\n`);
}
await redis.quit();

const base = median(single);
const documents = byWorkers.get(1)![0].documents;
const rows = [`| \`winnow clean --jobs 1\` (one process) | ${base.toFixed(2)} | ${(documents / base).toFixed(1)} | 1.00x |`];
for (const [n, results] of byWorkers) {
  const seconds = median(results.map((r) => r.seconds));
  rows.push(`| ${n} \`winnow worker --jobs 1\` process${n === 1 ? '' : 'es'} | ${seconds.toFixed(2)} | ${(documents / seconds).toFixed(1)} | ${(base / seconds).toFixed(2)}x |`);
}
const one = byWorkers.get(1)!;
const shards = one[0].shards;
const commandsPerShard = median(one.map((r) => r.commands / r.shards));
const markdown = [
  '## Many machines on one: `winnow worker` processes through a queue',
  '',
  `${machine()}; ${availableParallelism()} cores; ${rounds} rounds, median; redis-server ${spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout.match(/v=(\S+)/)?.[1] ?? ''} on loopback.`,
  `Command: \`${commandLine('npm run build && npm run bench:build')}\`.`,
  `Inputs: ${inputs.map((p) => `\`${p.split('/').slice(-3).join('/')}\``).join(', ')}: ${documents} documents in ${shards} shards of about ${values['shard-size']}. Each worker process cleans with one thread (\`--jobs 1\`); wall time from the workers' start to the last one's exit.`,
  '',
  '| cleaned by | seconds | documents/s | vs one process |',
  '|---|---:|---:|---:|',
  ...rows,
  '',
  '| the queue itself | value |',
  '|---|---:|',
  `| per shard: one worker cleaning ${SMALL} of the documents as ${SMALL} shards of one, against the same as one shard, the difference over the extra shards (taking the job, a staging run, renaming into place, settling it in Redis) | ${(median(perShard) * 1000).toFixed(0)} ms |`,
  `| Redis commands per shard, with one worker (submission excluded) | ${commandsPerShard.toFixed(0)} |`,
  '',
  `Load average (1 min) before -> after: ${loadBefore} -> ${loadavg()[0].toFixed(1)}.`,
].join('\n');
process.stdout.write(`${markdown}\n`);
if (values.record) recordSection('cluster', markdown);
process.exit(0);
