/** The two seed articles come out exactly equal to their gold text, through the CLI. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, run, tempDir } from './helpers.js';

const seeds = [
  ['lbc', 'lbc-2024-12-19'],
  ['telegraph', 'telegraph-via-yahoo-2024-12-19'],
] as const;

describe('seed articles', () => {
  test.each(seeds)('%s seed cleans to its gold text', async (outlet, name) => {
    const { code, stdout } = await run(['clean', `corpus/${outlet}/${name}.txt`, '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(CORPUS, outlet, `${name}.gold.txt`), 'utf8'));
  });

  test('cleaning the bundled corpus mirrors names, skips gold files and prints a summary', async () => {
    const out = tempDir();
    const { code, stderr } = await run(['clean', 'corpus/', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/cleaned 2 documents \(lbc, telegraph\), 2,854 -> 974 words .* 0 failed/);
    for (const [outlet, name] of seeds) {
      expect(readdirSync(join(out, outlet))).toEqual([`${name}.txt`]);
      expect(readFileSync(join(out, outlet, `${name}.txt`), 'utf8')).toBe(readFileSync(join(CORPUS, outlet, `${name}.gold.txt`), 'utf8'));
    }
  });

  test('stdin with --outlet uses that outlet', async () => {
    const stdin = readFileSync(join(CORPUS, 'lbc', 'lbc-2024-12-19.txt'), 'utf8');
    const { code, stdout } = await run(['clean', '-', '--outlet', 'lbc', '--quiet'], { stdin });
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(CORPUS, 'lbc', 'lbc-2024-12-19.gold.txt'), 'utf8'));
  });

  test('JSON output carries metadata extracted by rules and every removal with its rule', async () => {
    const { stdout } = await run(['clean', 'corpus/lbc/lbc-2024-12-19.txt', '--format', 'json', '--quiet']);
    const result = JSON.parse(stdout);
    expect(result.outlet).toBe('lbc');
    expect(result.metadata).toEqual({ date: '19 December 2024, 06:11', author: 'By Henry Moore', title: "UK troops could be sent to Ukraine for training as defence secretary calls on NATO allies to 'step up'" });
    expect(result.removals.find((r: { rule: string }) => r.rule === 'read-more')).toMatchObject({
      outlet: 'lbc',
      kind: 'pattern',
      line: 22,
      column: 1,
      words: expect.any(Number),
    });
    const removedWords = result.removals.reduce((n: number, r: { words: number }) => n + r.words, 0);
    expect(removedWords).toBe(result.stats.wordsIn - result.stats.wordsOut);
  });
});
