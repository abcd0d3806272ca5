/** The installed `winnow` command (bin/winnow.js over the compiled dist/), as a user runs it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, ROOT } from './helpers.js';

const bin = join(ROOT, 'bin', 'winnow.js');

test('bin/winnow.js cleans a seed file to its gold text', () => {
  const out = execFileSync(process.execPath, [bin, 'clean', 'corpus/telegraph/telegraph-via-yahoo-2024-12-19.txt', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  expect(out).toBe(readFileSync(join(CORPUS, 'telegraph', 'telegraph-via-yahoo-2024-12-19.gold.txt'), 'utf8'));
});

test('bin/winnow.js sets the exit code without killing the process early', () => {
  const result = spawnSync(process.execPath, [bin, 'clean'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/No input given/);
});
