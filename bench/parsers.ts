/**
 * Where the fast parser and the reference parser (parse5, as rehype-parse) differ on a corpus in
 * the Dragnet layout: in cleaned text (the rules in ./rules), in block texts, and in the tree
 * itself (elements, properties, text and comments; positions left out).
 *
 *   npm run bench:build && node build/bench/parsers.js CORPUS [--record]
 *
 * Reads one of ../shared's corpora in the Dragnet layout (CORPUS, by default
 * ../shared/corpus/dragnet-train). `--record` writes the `parsers` section of bench/PARSERS.md
 * (the file holds only what this command writes; docs/benchmarks.md explains the differences).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clean, loadRules } from '../src/index.js';
import { readBlocks } from '../src/kernel/engine/blocks.js';
import { fastHtmlToHast, htmlToHast } from '../src/kernel/parse/index.js';
import { treeShape } from '../tests/shape.js';
import { DEFAULT_CORPUS, readDragnet } from './dragnet.js';
import { machine } from './machine.js';
import { commandLine, recordSection } from './record.js';

/** This bench records in a file of its own, not bench/RESULTS.md: comments in src/ and tests/ point to it. */
const PARSERS = join(process.cwd(), 'bench', 'PARSERS.md');
const PREAMBLE = '# The fast parser against the reference parser\n\nWritten by the command it names; rerun that command to update it. docs/benchmarks.md says what it checks and explains the differences.\n';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { record: { type: 'boolean', default: false } } });
const corpus = resolve(positionals[0] ?? DEFAULT_CORPUS);
const pages = readDragnet(corpus);
const rules = loadRules('rules');

function firstDifference(a: string[], b: string[]): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (line: string | undefined) => (line === undefined ? '(end)' : `\`${line.slice(0, 100).replace(/`/g, "'").replace(/\n/g, '\\n').replace(/\|/g, '\\|')}\``);
  return `fast ${show(a[i])}, parse5 ${show(b[i])}`;
}

const textDiffs: string[] = [];
const blockDiffs: string[] = [];
const treeDiffs: string[] = [];
for (const page of pages) {
  const fast = fastHtmlToHast(page.html);
  const reference = htmlToHast(page.html);
  const fastBlocks = readBlocks(fast).blocks.map((b) => b.text);
  const referenceBlocks = readBlocks(reference).blocks.map((b) => b.text);
  if (fastBlocks.join('\n') !== referenceBlocks.join('\n')) blockDiffs.push(`| ${page.id} | ${firstDifference(fastBlocks, referenceBlocks)} |`);
  const a = treeShape(fast);
  const b = treeShape(reference);
  if (a.join('\n') !== b.join('\n')) treeDiffs.push(`| ${page.id} | ${firstDifference(a, b)} |`);
  const input = { content: page.html, type: 'html' as const, url: page.url };
  const fastText = clean(input, { rules, parser: 'fast' }).text;
  const referenceText = clean(input, { rules, parser: 'parse5' }).text;
  if (fastText !== referenceText) textDiffs.push(`| ${page.id} | ${firstDifference(fastText.split('\n'), referenceText.split('\n'))} |`);
}

const table = (rows: string[]) => (rows.length === 0 ? ['None.'] : ['| page | first difference |', '|---|---|', ...rows]);
const generated = [
  `## The fast parser against parse5 on ${pages.length} pages of \`${corpus.split('/').slice(-2).join('/')}\``,
  '',
  `${machine()}. Command: \`${commandLine()}\`.`,
  '',
  '| compared | pages that differ |',
  '|---|---:|',
  `| cleaned text (rules in ./rules) | ${textDiffs.length} |`,
  `| block texts | ${blockDiffs.length} |`,
  `| tree (elements, properties, text, comments; not positions) | ${treeDiffs.length} |`,
  '',
  '### Cleaned text',
  '',
  ...table(textDiffs),
  '',
  '### Block texts',
  '',
  ...table(blockDiffs),
  '',
  '### Trees',
  '',
  ...table(treeDiffs),
].join('\n');
console.log(generated);
if (values.record) recordSection('parsers', generated, PARSERS, PREAMBLE);
