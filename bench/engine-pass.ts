/**
 * The engine alone, in a fresh process: read and decode every `.html` page of a folder (not
 * timed), then time `clean()` over them, pass after pass. The first pass is what one run of
 * `winnow clean` pays inside `clean()` (each page is cleaned once, while the JIT warms up); later
 * passes show the warm engine. What bench/process.ts compares the whole process with.
 *
 *   node build/bench/engine-pass.js DIR [PASSES]      # prints one line of JSON: {"passes": [s, ...]}
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from '../src/kernel/clean.js';
import { decodeDocument } from '../src/io/sources/decode.js';
import { loadRules } from '../src/io/rules.js';

const [folder, passArg] = process.argv.slice(2);
if (!folder) {
  process.stderr.write('usage: node build/bench/engine-pass.js DIR [PASSES]\n');
  process.exit(2);
}
const rules = loadRules('rules');
const pages = readdirSync(folder)
  .filter((n) => n.endsWith('.html'))
  .sort()
  .map((name) => decodeDocument(readFileSync(join(folder, name)), { markup: 'html' }).text);
const passes: number[] = [];
for (let pass = 0; pass < Number(passArg ?? 3); pass++) {
  const started = performance.now();
  for (const html of pages) clean({ content: html, type: 'html' }, { rules });
  passes.push((performance.now() - started) / 1000);
}
process.stdout.write(`${JSON.stringify({ passes })}\n`);
