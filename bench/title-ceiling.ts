/**
 * How many news pages give their gold title anywhere as a string of their own: the ceiling of
 * "title exact" for any extractor that picks a title from the page (defaults or outlet files),
 * without rewriting it.
 *
 *   npm run bench:build && node build/bench/title-ceiling.js [FUNDUS] [--record]
 *
 * Reads ../shared/corpus/fundus-publishers (html/, structure/ID.json) in place. Candidates of a
 * page, compared with its gold title after collapsing whitespace: the text of every h1 and h2;
 * `<title>` whole and each part of it split at " | ", " - ", " – ", " — ", " :: ", " · "; the
 * content of og:title, twitter:title, a `title` meta and `itemprop=headline`; every `headline` and
 * `name` in its JSON-LD. `--record` writes the `title-ceiling` section of bench/RESULTS.md.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { decodeDocument } from '../src/io/sources/decode.js';
import { fastHtmlToHast } from '../src/kernel/parse/index.js';
import { machine } from './machine.js';
import { commandLine, recordSection } from './record.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { record: { type: 'boolean', default: false } } });
const dir = resolve(positionals[0] ?? '../shared/corpus/fundus-publishers');
const normal = (s: string) => s.replace(/\s+/g, ' ').trim();
const TITLE_PARTS = / (?:\||-|–|—|::|·) /;

function candidates(html: string): Set<string> {
  const tree = fastHtmlToHast(html);
  const out = new Set<string>();
  const add = (s: unknown) => {
    if (typeof s === 'string' && s.trim() !== '') out.add(normal(s));
  };
  for (const h of selectAll('h1, h2', tree)) add(toText(h));
  for (const t of selectAll('title', tree)) {
    const text = toText(t);
    add(text);
    for (const part of text.split(TITLE_PARTS)) add(part);
  }
  for (const m of selectAll('meta[property="og:title"], meta[name="twitter:title"], meta[name="title"], meta[itemprop="headline"]', tree)) add((m as Element).properties.content);
  for (const s of selectAll('script[type="application/ld+json"]', tree)) {
    try {
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            if (k === 'headline' || k === 'name') add(x);
            walk(x);
          }
        }
      };
      walk(JSON.parse(toText(s)));
    } catch {
      // A broken JSON-LD block gives no candidates.
    }
  }
  return out;
}

let pages = 0;
let given = 0;
const missing: string[] = [];
for (const name of readdirSync(join(dir, 'html')).filter((n) => n.endsWith('.html')).sort()) {
  const id = name.replace(/\.html$/, '');
  const gold = JSON.parse(readFileSync(join(dir, 'structure', `${id}.json`), 'utf8')) as { title?: string };
  if (!gold.title) continue;
  pages++;
  const html = decodeDocument(readFileSync(join(dir, 'html', name)), { markup: 'html' }).text;
  if (candidates(html).has(normal(gold.title))) given++;
  else missing.push(id);
}

const markdown = [
  '## Title exact: the ceiling on news pages',
  '',
  `${machine()}.`,
  `Command: \`${commandLine('npm run bench:build')}\`.`,
  "A page's candidates: the text of each h1 and h2, `<title>` whole and in its parts, og:title, twitter:title, a title meta, itemprop=headline, and JSON-LD headline/name; compared with the gold title after collapsing whitespace.",
  '',
  '| corpus | pages with a gold title | gold title among the page\'s own strings | ceiling |',
  '|---|---:|---:|---:|',
  `| fundus-publishers | ${pages} | ${given} | ${((100 * given) / pages).toFixed(1)}% |`,
  '',
  `Pages whose gold title is none of their strings (${missing.length}): ${missing.join(', ')}.`,
].join('\n');
process.stdout.write(`${markdown}\n`);
if (values.record) recordSection('title-ceiling', markdown);
