/**
 * Batch cleaning speed and memory: runs the real `winnow clean` command (bin/winnow.js over dist/)
 * on a JSONL corpus, once per `--jobs` value, writing a JSONL output to a temporary folder.
 *
 *   npm run build && npm run bench:build
 *   node build/bench/make-corpus.js ../shared/corpus/dragnet-train /tmp/corpus-1g.jsonl --size 1GB
 *   node build/bench/batch.js /tmp/corpus-1g.jsonl --jobs 1,2 [--gzip] [--record]
 *
 * Reads a JSONL corpus made from one of ../shared's corpora by make-corpus.js (the pages of
 * ../shared/corpus/dragnet-train, cycled to the size asked). `--record` writes the section
 * `batch-FILE-jobs-JOBS` of bench/RESULTS.md (FILE the corpus file's name, `.` and other
 * punctuation as `-`: `batch-corpus-1g-jsonl-jobs-1-2`).
 *
 * Memory: workers are threads of the one winnow process, so the process's resident set covers
 * them; the benchmark also sums every descendant process, in case there are any. It samples
 * /proc/PID/status (VmRSS) of the process tree every 50 ms and keeps the largest sum, and reads
 * the kernel's own high-water mark (VmHWM) of the main process at the last sample before it exits.
 * CPU: utime + stime of the process from /proc/PID/stat, over the wall time, tells how many
 * cores the run really got (the machine may be shared); the load average is recorded too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { machine } from './machine.js';
import { DEFAULT_CORPUS } from './dragnet.js';
import { commandLine, recordSection } from './record.js';

/** How often the process tree's memory is sampled. */
const SAMPLE_MS = 50;
/** Clock ticks per second of /proc/PID/stat times (USER_HZ; 100 on Linux). */
const CLOCK_TICKS = 100;
const MIB = 2 ** 20;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { jobs: { type: 'string', default: '1,2' }, record: { type: 'boolean', default: false }, gzip: { type: 'boolean', default: false } },
});
if (positionals.length !== 1) {
  console.error('Usage: node build/bench/batch.js CORPUS.jsonl [--jobs 1,2] [--gzip] [--record]');
  process.exit(2);
}
const corpus = resolve(positionals[0]);
const corpusBytes = statSync(corpus).size;
const bin = resolve('bin', 'winnow.js');

interface Run {
  jobs: number;
  seconds: number;
  documents: number;
  peakTreeRss: number;
  peakHwm: number;
  cpuSeconds: number;
  load: [number, number];
}

/** Resident set (bytes) and high-water mark of one process, from /proc/PID/status. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** `pid` and all its descendants, from the parent ids in /proc/*\/stat. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while being listed.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

async function runOnce(jobs: number): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'winnow-bench-'));
  const target = join(out, values.gzip ? 'cleaned.jsonl.gz' : 'cleaned.jsonl');
  const loadBefore = loadavg()[0];
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'clean', corpus, '--out', target, '--jobs', String(jobs)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakTreeRss = 0;
  let peakHwm = 0;
  let cpuSeconds = 0;
  const sample = () => {
    const pid = child.pid!;
    let sum = 0;
    for (const p of processTree(pid)) sum += memoryOf(p)?.rss ?? 0;
    peakTreeRss = Math.max(peakTreeRss, sum);
    peakHwm = Math.max(peakHwm, memoryOf(pid)?.hwm ?? 0);
    cpuSeconds = cpuSecondsOf(pid) ?? cpuSeconds;
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  rmSync(out, { recursive: true, force: true });
  const summary = stderr.trim().split('\n').at(-1) ?? '';
  if (code !== 0 && code !== 1) throw new Error(`winnow exited ${code}: ${stderr}`);
  const documents = Number(/cleaned ([\d,]+) documents?/.exec(summary)?.[1].replace(/,/g, '') ?? NaN);
  console.error(`jobs ${jobs}: ${summary}`);
  return { jobs, seconds, documents, peakTreeRss, peakHwm, cpuSeconds, load: [loadBefore, loadavg()[0]] };
}

const runs: Run[] = [];
for (const jobs of values.jobs.split(',').map(Number)) runs.push(await runOnce(jobs));

const base = runs.find((r) => r.jobs === 1);
const rows = runs.map((r) => {
  const rate = r.documents / r.seconds;
  const speedUp = base ? (base.seconds / r.seconds).toFixed(2) + 'x' : '-';
  return `| ${r.jobs} | ${r.documents.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${rate.toFixed(1)} | ${(corpusBytes / MIB / r.seconds).toFixed(2)} | ${speedUp} | ${(r.cpuSeconds / r.seconds).toFixed(2)} | ${(r.peakTreeRss / MIB).toFixed(0)} | ${(r.peakHwm / MIB).toFixed(0)} | ${r.load[0].toFixed(1)} -> ${r.load[1].toFixed(1)} |`;
});
const table = [
  `## Batch cleaning: ${basename(corpus)} (${(corpusBytes / MIB).toFixed(0)} MiB JSONL, ${values.gzip ? '.jsonl.gz' : '.jsonl'} output), jobs ${values.jobs}`,
  '',
  `${machine()}. Corpus made by \`npm run bench:build && node build/bench/make-corpus.js ${DEFAULT_CORPUS} ${positionals[0]} --size ${(corpusBytes / MIB).toFixed(0)}MB\`.`,
  `Command: \`${commandLine('npm run build && npm run bench:build')}\`.`,
  'The real `winnow clean CORPUS --out FILE --jobs N`. Memory: the whole winnow process (workers are its threads): the largest sum of VmRSS over the process tree, sampled every 50 ms, and the kernel\'s VmHWM of the process. Cores used: CPU time (user + system) over wall time. Load average: 1 minute, before -> after.',
  '',
  '| jobs | documents | seconds | docs/s | MiB/s | speed-up | cores used | peak RSS, tree (MiB) | VmHWM (MiB) | load avg |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...rows,
].join('\n');
console.log(table);
if (values.record) recordSection(`batch-${basename(corpus).replace(/\W+/g, '-')}-jobs-${values.jobs.replace(/,/g, '-')}`, table);
