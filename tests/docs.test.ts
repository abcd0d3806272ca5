/**
 * The docs that are made from the code stay what the code makes: the rule-kind reference
 * (docs/rule-kinds.md, from each kind's meta). Regenerate with `npx winnow rules kinds > docs/rule-kinds.md`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindReference } from '../src/cli/kinds.js';
import { ROOT, run } from './helpers.js';

test('docs/rule-kinds.md is the reference the kinds make (regenerate: npx winnow rules kinds > docs/rule-kinds.md)', async () => {
  const onDisk = readFileSync(join(ROOT, 'docs', 'rule-kinds.md'), 'utf8');
  if (onDisk !== kindReference()) throw new Error('docs/rule-kinds.md is out of date with the rule kinds; regenerate it with `npx winnow rules kinds > docs/rule-kinds.md` and commit it');
  expect((await run(['rules', 'kinds'])).stdout).toBe(onDisk);
});
