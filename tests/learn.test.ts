/** `winnow learn`: rules proposed from an outlet's pages clean its unseen pages; evidence and safety. */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { clean } from '../src/clean.js';
import { loadRules } from '../src/rules/ruleset.js';
import { RULES, run, tempDir, writeTree } from './helpers.js';
import { syntheticPages, type SyntheticPage } from './synthetic-outlet.js';

/** A copy of the project's rules to learn into. */
function rulesCopy(): string {
  const dir = tempDir('winnow-rules-');
  cpSync(RULES, dir, { recursive: true });
  return dir;
}

function corpus(pages: SyntheticPage[], withGold = true): string {
  const files: Record<string, string> = {};
  for (const page of pages) {
    files[`synth/${page.name}.txt`] = page.text;
    if (withGold) files[`synth/${page.name}.gold.txt`] = page.gold;
  }
  return join(writeTree(files), 'synth');
}

const pages = syntheticPages(14);
const training = pages.slice(0, 8);
const unseen = pages.slice(8);

describe('winnow learn on a synthetic plain-text outlet', () => {
  test.each([
    ['without gold', false],
    ['with gold', true],
  ])('the learned rules clean unseen pages of the outlet exactly to their gold (%s)', async (_label, withGold) => {
    const rules = rulesCopy();
    const input = corpus(training);
    const args = ['learn', input, '--outlet', 'synth', '--rules', rules, '--write', ...(withGold ? ['--gold', input] : [])];
    const result = await run(args);
    expect(result.stderr).toMatch(/created with \d+ learned rules/);
    expect(result.code).toBe(0);
    const ruleSet = loadRules(rules);
    for (const page of unseen) {
      const cleaned = clean({ content: page.text, type: 'text', outlet: 'synth' }, { rules: ruleSet });
      expect(cleaned.text).toBe(page.gold);
    }
  });
});
