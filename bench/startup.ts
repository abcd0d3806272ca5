/**
 * Start-up, as the user waits for it: the whole `winnow` process for `winnow --help` and for one
 * small article cleaned to standard output, each run N times in a row, pinned to one core (taskset
 * -c 0, when it is installed); median and fastest wall time.
 *
 *   npm run build && npm run bench:build && node build/bench/startup.js [--runs N] [--record]
 *
 * The article is corpus/lbc/lbc-2024-12-19.txt (967 words), bundled with the repository.
 * `--record` writes the `startup` section of bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CAN_PIN, machine, nodeOnOneCore } from './machine.js';
import { commandLine, recordSection } from './record.js';

const { values } = parseArgs({ options: { record: { type: 'boolean', default: false }, runs: { type: 'string', default: '11' } } });
const runs = Number(values.runs);
const winnow = resolve('bin/winnow.js');
const article = resolve('corpus/lbc/lbc-2024-12-19.txt');

function seconds(args: string[]): number {
  const [command, argv] = nodeOnOneCore(args);
  const started = performance.now();
  const child = spawnSync(command, argv, { encoding: 'utf8' });
  const elapsed = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
  return elapsed;
}

const rows: string[] = [];
for (const [label, args] of [
  ['`winnow --help`', [winnow, '--help']],
  ['`winnow clean corpus/lbc/lbc-2024-12-19.txt` (one article to stdout)', [winnow, 'clean', article, '--quiet']],
  ['`node -e 0` (Node alone, for scale)', ['-e', '0']],
] as const) {
  const times = Array.from({ length: runs }, () => seconds([...args]));
  const sorted = [...times].sort((a, b) => a - b);
  rows.push(`| ${label} | ${sorted[Math.floor(runs / 2)].toFixed(3)} | ${sorted[0].toFixed(3)} |`);
}

const markdown = [
  '## Start-up: one small document, and the help',
  '',
  `${machine()}; ${runs} runs of each, one after another${CAN_PIN ? ', pinned to one core (`taskset -c 0`)' : ''}.`,
  `Command: \`${commandLine('npm run build && npm run bench:build')}\`.`,
  'Wall time of the whole process, as a user waits for it.',
  '',
  '| command | median (s) | fastest (s) |',
  '|---|---:|---:|',
  ...rows,
].join('\n');
process.stdout.write(`${markdown}\n`);
if (values.record) recordSection('startup', markdown);
