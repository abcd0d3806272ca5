/** The library surface: `clean()`, `loadRules()` and the rehype plugin in a unified pipeline. */
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { clean, loadRules, rehypeWinnow } from '../src/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, rulesFrom } from './helpers.js';

const rules = loadRules(RULES);
const html = '<html><body><h1>Headline</h1><p>Listen to this article</p><p>Story text.</p><p>ADVERTISEMENT</p><p>More text.</p></body></html>';

test('the plugin removes what the outlet rules match and leaves the record on file.data', async () => {
  const file = await unified().use(rehypeParse).use(rehypeWinnow, { rules, url: 'https://www.lbc.co.uk/news/x/' }).use(rehypeStringify).process(html);
  expect(String(file)).toBe('<html><head></head><body><h1>Headline</h1><p>Story text.</p><p>More text.</p></body></html>');
  expect(file.data.winnow?.outlet).toBe('lbc');
  expect(file.data.winnow?.removals.map((r) => [r.rule, r.outlet])).toEqual([
    ['audio-player', 'lbc'],
    ['advertisement-marker', 'default'],
  ]);
});

test('clean() takes a string and applies the defaults when no outlet is known', () => {
  const result = clean(html, { rules });
  expect(result.type).toBe('html');
  expect(result.outlet).toBe('default');
  expect(result.text).toBe('Headline\n\nStory text.\n\nMore text.\n');
  expect(result.removals.map((r) => [r.rule, r.outlet])).toEqual([
    ['audio-labels', 'default'],
    ['advertisement-marker', 'default'],
  ]);
});

test('the plugin needs rules', () => {
  expect(() => unified().use(rehypeParse).use(rehypeWinnow, undefined as never).freeze()).toThrow(/missing `rules`/);
});

test('the plugin says which content rules found no article in the tree', async () => {
  const withContent = rulesFrom({
    default: readFileSync(join(RULES, 'default.yaml'), 'utf8'),
    citynews: 'outlet: citynews\nmatch:\n  hosts: [citynews.example]\nrules:\n  - id: story\n    content: .story-body\n',
  });
  const prose = 'The council voted on Tuesday to close the central library in the spring, after months of talks with readers and staff.';
  const run = (body: string) => unified().use(rehypeParse).use(rehypeWinnow, { rules: withContent, url: 'https://citynews.example/a' }).use(rehypeStringify).process(`<html><body>${body}</body></html>`);
  expect((await run(`<div class="redesigned"><p>${prose}</p></div>`)).data.winnow?.stale).toEqual(['citynews/story']);
  expect((await run(`<div class="story-body"><p>${prose}</p></div>`)).data.winnow?.stale).toBeUndefined();
});
