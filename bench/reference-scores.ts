/**
 * The reference scorer's figures, recorded for the tests: the tests check `winnow eval` against
 * them without needing ../shared (tests/fixtures/reference-scores/, see its README).
 *
 *   npm run bench:build && node build/bench/reference-scores.js            # check: our scores against score.mjs
 *   npm run bench:build && node build/bench/reference-scores.js --record   # write the fixture anew
 *
 * Reads ../shared/tools/score.mjs (or --scorer PATH). Predictions are the cleaned texts of the
 * bundled seeds and of tests/fixtures/dragnet-sample, written by `winnow clean` when recording and
 * kept in the fixture, so the recorded figures stay true however the rules change.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { macroAverage, scoreText } from '../src/eval/score.js';

const ROOT = process.cwd();
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'reference-scores');
const SAMPLE = join(ROOT, 'tests', 'fixtures', 'dragnet-sample');
/** Edge cases of tokenising and counting, scored pair by pair. */
export const EDGE_PAIRS: Array<[string, string]> = [
  ['', ''], ['', 'gold only'], ['pred only', ''], ['one', 'one'], ['a b c', 'a b c d'], ['a a a b', 'a b b'],
  ['The the THE', 'the'], ['x_y 3.14 naïve café', 'x_y 3 14 naive café'], ['w1 w2 w3 w4 w5 w6', 'w2 w3 w4 w5 w1'],
];
/** The cleaned files kept for the "missing predictions" case: the others count as empty. */
const PARTIAL = ['R33.txt', 'T37.txt'];

const { values } = parseArgs({ options: { scorer: { type: 'string' }, record: { type: 'boolean', default: false } } });
const scorer = resolve(values.scorer ?? join(ROOT, '..', 'shared', 'tools', 'score.mjs'));
if (!existsSync(scorer)) throw new Error(`${scorer} not found: pass --scorer PATH to the reference scorer`);

const reference = (args: string[]) => JSON.parse(execFileSync(process.execPath, [scorer, ...args, '--json'], { encoding: 'utf8' }));
const winnow = (args: string[]) => execFileSync(process.execPath, [join(ROOT, 'bin', 'winnow.js'), ...args], { encoding: 'utf8' });

if (values.record) {
  rmSync(FIXTURE, { recursive: true, force: true });
  const predictions = join(FIXTURE, 'predictions');
  winnow(['clean', join(SAMPLE, 'html'), '--out', join(predictions, 'dragnet'), '--quiet']);
  winnow(['clean', join(ROOT, 'corpus'), '--out', join(predictions, 'seeds'), '--quiet']);
  mkdirSync(join(predictions, 'partial'), { recursive: true });
  for (const name of PARTIAL) cpSync(join(predictions, 'dragnet', name), join(predictions, 'partial', name));
  const script = `import { scorePair } from ${JSON.stringify(scorer)}; console.log(JSON.stringify(${JSON.stringify(EDGE_PAIRS)}.map(([p, g]) => scorePair(p, g))));`;
  const recorded = {
    scorer: 'shared/tools/score.mjs',
    recorded: new Date().toISOString().slice(0, 10),
    pairs: EDGE_PAIRS.map((pair, i) => ({ pair, ...JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }))[i] })),
    seeds: Object.fromEntries(
      ['lbc/lbc-2024-12-19', 'telegraph/telegraph-via-yahoo-2024-12-19'].map((name) => [name, reference([join(predictions, 'seeds', `${name}.txt`), join(ROOT, 'corpus', `${name}.gold.txt`)])]),
    ),
    dragnet: reference(['--dir', join(predictions, 'dragnet'), join(SAMPLE, 'gold')]),
    partial: reference(['--dir', join(predictions, 'partial'), join(SAMPLE, 'gold')]),
  };
  writeFileSync(join(FIXTURE, 'reference.json'), `${JSON.stringify(recorded, null, 2)}\n`);
  writeFileSync(
    join(FIXTURE, 'README.md'),
    [
      '# Reference scores',
      '',
      'Figures of the reference scorer (`shared/tools/score.mjs`), recorded by',
      '`node build/bench/reference-scores.js --record` so that tests/eval.test.ts checks `winnow eval`',
      'against them without the shared folder. `predictions/` holds the cleaned texts that were scored:',
      'the bundled seeds (`seeds/`), the Dragnet sample (`dragnet/`, data of the Dragnet data set,',
      'AGPL-3.0, see ../dragnet-sample/README.md) and two of its files alone (`partial/`: the others',
      'count as empty predictions). `reference.json` holds the scorer\'s output for each.',
      '',
    ].join('\n'),
  );
  console.log(`recorded ${FIXTURE}`);
} else {
  // Check: our scorer against the reference, on the recorded predictions and on the edge pairs.
  const dragnet = join(FIXTURE, 'predictions', 'dragnet');
  const expected = reference(['--dir', dragnet, join(SAMPLE, 'gold')]);
  const ours = macroAverage(readdirSync(dragnet).map((name) => scoreText(readFileSync(join(dragnet, name), 'utf8'), readFileSync(join(SAMPLE, 'gold', name), 'utf8'))));
  const gap = Math.max(Math.abs(ours.words.f1 - expected.words.f1), Math.abs(ours.shingles.f1 - expected.shingles.f1));
  const pairGap = Math.max(...EDGE_PAIRS.map(([p, g]) => {
    const script = `import { scorePair } from ${JSON.stringify(scorer)}; console.log(JSON.stringify(scorePair(${JSON.stringify(p)}, ${JSON.stringify(g)})));`;
    const theirs = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
    const mine = scoreText(p, g);
    return Math.max(Math.abs(mine.words.f1 - theirs.words.f1), Math.abs(mine.shingles.f1 - theirs.shingles.f1));
  }));
  console.log(`words F1 ${ours.words.f1.toFixed(6)} (reference ${expected.words.f1.toFixed(6)}), largest difference ${gap.toExponential(1)}; edge pairs: largest difference ${pairGap.toExponential(1)}`);
  if (gap > 1e-9 || pairGap > 1e-9) process.exitCode = 1;
}
