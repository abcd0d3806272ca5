/**
 * Kill and resume: the real `winnow` command is killed with SIGKILL part-way through a corpus,
 * then run again with --resume; the finished output must equal an uninterrupted run's, byte for
 * byte (documents, JSONL.gz members, errors.jsonl), and so must its removal report.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { article } from './corpus-helpers.js';
import { ROOT, tempDir, tree } from './helpers.js';

const bin = join(ROOT, 'bin', 'winnow.js');
/** Enough documents that a run is still going well after its first checkpoint (every 1,000 documents). */
const DOCUMENTS = 4000;

function corpus(): string {
  const dir = tempDir();
  const lines: string[] = [];
  for (let i = 0; i < DOCUMENTS; i++) lines.push(i % 401 === 5 ? '{"not": "closed"' : JSON.stringify({ id: `d${i}`, url: `https://example.com/${i}`, html: article(i) }));
  writeFileSync(join(dir, 'corpus.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

function winnow(args: string[], cwd: string) {
  return spawnSync(process.execPath, [bin, 'clean', ...args], { cwd, encoding: 'utf8' });
}


/** Start a run, wait until its journal holds a checkpoint, then kill -9 it. */
async function killAfterFirstCheckpoint(args: string[], cwd: string, journal: string): Promise<void> {
  const child = spawn(process.execPath, [bin, 'clean', ...args], { cwd, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    if (existsSync(journal) && readFileSync(journal, 'utf8').split('\n').filter(Boolean).length >= 2) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  await exited;
}

describe('--resume after kill -9', () => {
  const cases = [
    ['a JSONL.gz output', 'out.jsonl.gz', 'out.jsonl.gz.winnow-run'],
    ['a mirrored folder', 'out', 'out/.winnow-run'],
  ] as const;

  test.each(cases)('%s ends byte-identical to an uninterrupted run', async (_label, outName, stateName) => {
    const input = corpus();
    const reference = tempDir();
    expect(winnow(['corpus.jsonl', '--out', join(reference, outName), '--report', join(reference, 'report.json'), '--quiet'], input).status).toBe(1);

    const work = tempDir();
    const out = join(work, outName);
    const report = join(work, 'report.json');
    await killAfterFirstCheckpoint(['corpus.jsonl', '--out', out, '--report', report, '--quiet'], input, join(work, stateName, 'journal.jsonl'));
    // Killed part-way: the output is not finished (a JSONL output is not even in place yet).
    expect(existsSync(join(work, stateName))).toBe(true);

    // Resuming with other options is refused, and leaves the unfinished run alone.
    const other = winnow(['corpus.jsonl', '--out', out, '--resume', '--format', 'html', '--quiet'], input);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/started with other inputs \(or input files were added, removed or changed since\), options or rules/);

    const resumed = winnow(['corpus.jsonl', '--out', out, '--report', report, '--resume'], input);
    expect(resumed.status).toBe(1);
    const after = Number(/resuming after ([\d,]+) finished documents/.exec(resumed.stderr)?.[1].replace(/,/g, ''));
    expect(after).toBeGreaterThanOrEqual(1000);
    expect(after).toBeLessThan(DOCUMENTS);
    expect(resumed.stderr).toMatch(/cleaned 3,990 documents .* 10 failed/);

    expect(JSON.parse(readFileSync(report, 'utf8')).totals.documents).toBe(3990);
    expect(tree(work)).toEqual(tree(reference));
  }, 240_000);
});

test('--resume of a run killed before its first checkpoint says it starts over, and does', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'page.html'), `<html><body>${article(1)}</body></html>`);
  const journal = join(dir, 'out', '.winnow-run', 'journal.jsonl');
  // Killed as soon as its journal is opened: no document is checkpointed yet.
  const child = spawn(process.execPath, [bin, 'clean', '-', '--out', 'out'], { cwd: dir, stdio: ['pipe', 'ignore', 'ignore'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  while (!existsSync(journal)) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGKILL');
  await exited;
  // The journal appears whole (written beside it and renamed): its header line, no checkpoint.
  const lines = readFileSync(journal, 'utf8').split('\n');
  expect(lines).toHaveLength(2);
  expect(JSON.parse(lines[0]).job).toEqual(expect.any(String));
  const resumed = spawnSync(process.execPath, [bin, 'clean', '-', '--out', 'out', '--resume'], { cwd: dir, encoding: 'utf8', input: readFileSync(join(dir, 'page.html')) });
  expect(resumed.status).toBe(0);
  expect(resumed.stderr).toContain('stopped before its first checkpoint; starting from the beginning');
  expect(readFileSync(join(dir, 'out', 'stdin.txt'), 'utf8')).toContain('council');
});

test('--resume after an input changed is refused, and the unfinished run is left to resume', async () => {
  const input = corpus();
  const work = tempDir();
  const out = join(work, 'out');
  await killAfterFirstCheckpoint(['corpus.jsonl', '--out', out, '--quiet'], input, join(out, '.winnow-run', 'journal.jsonl'));
  // One more record: the run that was started read another file.
  const path = join(input, 'corpus.jsonl');
  const original = readFileSync(path, 'utf8');
  writeFileSync(path, `${original}${JSON.stringify({ id: 'late', html: article(9999) })}\n`);
  const changed = winnow(['corpus.jsonl', '--out', out, '--resume', '--quiet'], input);
  expect(changed.status).toBe(2);
  expect(changed.stderr).toMatch(/started with other inputs \(or input files were added, removed or changed since\)/);
  expect(existsSync(join(out, '.winnow-run', 'journal.jsonl'))).toBe(true);
}, 120_000);

test('Ctrl-C says what is kept and how to go on, exits 130, and --resume finishes the run', async () => {
  const input = corpus();
  const work = tempDir();
  const out = join(work, 'out');
  const journal = join(out, '.winnow-run', 'journal.jsonl');
  const child = spawn(process.execPath, [bin, 'clean', 'corpus.jsonl', '--out', out, '--quiet'], { cwd: input, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  while (!(existsSync(journal) && readFileSync(journal, 'utf8').split('\n').filter(Boolean).length >= 2)) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGINT');
  expect(await exited).toBe(130);
  expect(stderr).toContain(`winnow: interrupted; what was cleaned up to the last checkpoint is kept in ${out}: run the same command with --resume to carry on`);
  const resumed = winnow(['corpus.jsonl', '--out', out, '--resume'], input);
  expect(resumed.status).toBe(1);
  expect(resumed.stderr).toMatch(/resuming after [\d,]+ finished documents/);
  expect(resumed.stderr).toMatch(/cleaned 3,990 documents .* 10 failed/);
}, 120_000);
