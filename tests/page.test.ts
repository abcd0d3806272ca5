/**
 * The engine's one walk over a page (src/engine/page.ts) and the blocks read from it: checked
 * against a plain recursive reading of the same trees, on real pages and on the cases the flat
 * reading has to get right (words split across text nodes, whitespace-only texts, surrogate
 * pairs), and the per-document, per-rule memo that replaced a cache keyed by the tree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root, Text } from 'hast';
import { clean } from '../src/kernel/clean.js';
import { readBlocks, readPageBlocks, SKIP_TAGS, type Block } from '../src/kernel/engine/blocks.js';
import { PagePaths, scanPage } from '../src/kernel/engine/page.js';
import { countWords, TextMeasure, tokens } from '../src/kernel/text/words.js';
import { fastHtmlToHast, htmlToHast } from '../src/kernel/parse/index.js';
import { ROOT, rulesFrom } from './helpers.js';

const SAMPLE = join(ROOT, 'tests', 'fixtures', 'dragnet-sample', 'html');
const PARSER_PAGES = join(ROOT, 'tests', 'fixtures', 'parser-pages');
const pages = [SAMPLE, PARSER_PAGES].flatMap((dir) =>
  readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => ({ name: f, html: readFileSync(join(dir, f), 'utf8') })),
);

/** The reference: elements and texts outside skipped elements, in document order, read recursively. */
function reference(tree: Root) {
  const elements: Array<{ node: Element; parent: Root | Element; path: string }> = [];
  const texts: Text[] = [];
  const visit = (parent: Root | Element, path: string) => {
    let nth = 0;
    parent.children.forEach((child: Root['children'][number] | ElementContent) => {
      if (child.type === 'text') texts.push(child);
      if (child.type !== 'element') return;
      nth++;
      if (SKIP_TAGS.has(child.tagName)) return;
      const own = `${path === '' ? '' : `${path} > `}${child.tagName}:nth-child(${nth})`;
      elements.push({ node: child, parent, path: own });
      visit(child, own);
    });
  };
  visit(tree, '');
  return { elements, texts };
}

describe('the page walk', () => {
  test('records every element and text a reader could see, in document order, with parents and CSS paths', () => {
    let checked = 0;
    for (const { name, html } of pages) {
      for (const tree of [fastHtmlToHast(html), htmlToHast(html)]) {
        const page = scanPage(tree);
        const expected = reference(tree);
        const paths = new PagePaths(page);
        expect([name, page.nodes.length - 1]).toEqual([name, expected.elements.length]);
        const wrong: string[] = [];
        expected.elements.forEach((e, k) => {
          const i = k + 1;
          if (page.nodes[i] !== e.node) wrong.push(`node ${i}`);
          if (page.nodes[page.parent[i]] !== e.parent) wrong.push(`parent of ${i}`);
          if (paths.of(i) !== e.path) wrong.push(`path of ${i}: ${paths.of(i)} vs ${e.path}`);
          // Every position up to the subtree's end lies inside it.
          for (let j = i + 1; j < page.end[i]; j++) if (page.parent[j] < i) wrong.push(`end of ${i}`);
        });
        expect([name, wrong.slice(0, 5)]).toEqual([name, []]);
        expect(page.texts.length).toBe(expected.texts.length);
        expect(page.texts.every((t, k) => t === expected.texts[k])).toBe(true);
        expect(page.words[0]).toBe(expected.texts.reduce((sum, t) => sum + countWords(t.value), 0));
        checked += expected.elements.length;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  test('blocks carry their word counts, read without counting their texts again', () => {
    let blocks = 0;
    for (const { html } of pages) {
      for (const block of readBlocks(fastHtmlToHast(html)).blocks) {
        expect(block.words).toBe(tokens(block.text).length);
        expect(block.nodeWords).toBe(block.texts.reduce((sum, t) => sum + countWords(t.value), 0));
        expect(block.linkWords).toBe((block.linked ?? []).reduce((sum, t) => sum + countWords(t.value), 0));
        blocks++;
      }
    }
    expect(blocks).toBeGreaterThan(1000);
  });

  test('a word split across text nodes is one word of the block, and two of its text nodes', () => {
    const [block] = readBlocks(fastHtmlToHast('<p>foo<b>bar</b> baz <a href="/">qu</a>ux</p>')).blocks;
    expect(block.text).toBe('foobar baz quux');
    expect([block.words, block.nodeWords, block.linkWords]).toEqual([3, 5, 1]);
  });

  test('a surrogate pair split across text nodes is one character', () => {
    // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter; its halves alone are not.
    const text = (value: string): Text => ({ type: 'text', value });
    const p: Element = { type: 'element', tagName: 'p', properties: {}, children: [text('x \ud835'), text('\udc00 y')] };
    const [block] = readBlocks({ type: 'root', children: [p] }).blocks;
    expect(block.text).toBe('x 𝐀 y');
    expect(block.words).toBe(3);
  });

  test('whitespace-only texts read as one space, so inline elements stay apart and blocks come out trimmed', () => {
    const tree = fastHtmlToHast('<div>\n  <p>\n\t<b>one</b>\u00a0\n <i>two</i>  </p>\n  <p>three</p>\n</div>');
    expect(readBlocks(tree).blocks.map((b) => b.text)).toEqual(['one two', 'three']);
  });

  test('blocks inside a claimed element read as they do unclaimed: text, text nodes, links, words and place', () => {
    const fields = (b: Block) => [b.index, b.text, b.texts, b.linked, b.words, b.nodeWords, b.linkWords, b.at, b.position, b.whole];
    let compared = 0;
    for (const { name, html } of pages) {
      const page = scanPage(fastHtmlToHast(html));
      const body = page.nodes.findIndex((n) => n.type === 'element' && n.tagName === 'body');
      const claimAt = new Int32Array(page.nodes.length).fill(-1);
      claimAt[body] = 3;
      const claimed = readPageBlocks(page, claimAt).blocks;
      const plain = readPageBlocks(page).blocks;
      expect([name, claimed.length]).toEqual([name, plain.length]);
      expect(claimed.filter((b) => b.claimedBy === 3).length).toBeGreaterThan(0);
      claimed.forEach((b, k) => expect([name, ...fields(b)]).toEqual([name, ...fields(plain[k])]));
      compared += claimed.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  test('blocks are read again from the same walk for another set of claims', () => {
    const tree = fastHtmlToHast('<div><p>keep <span class="x">claimed</span> this</p></div>');
    const page = scanPage(tree);
    const span = page.nodes.findIndex((n) => n.type === 'element' && n.tagName === 'span');
    const claimAt = new Int32Array(page.nodes.length).fill(-1);
    claimAt[span] = 0;
    expect(readPageBlocks(page).blocks.map((b) => b.text)).toEqual(['keep claimed this']);
    expect(readPageBlocks(page, claimAt).blocks.map((b) => [b.text, b.claimedBy])).toEqual([
      ['claimed', 0],
      ['keep this', undefined],
    ]);
  });
});

describe('text measure', () => {
  test('counts what the word counter and the reference tokeniser count, in one pass', () => {
    const samples = ['', ' ', '\n\t ', 'a', 'a, b，c、d', ' lead', 'trail ', '𝐀𝐁 x_y', '\ud835 lone', 'lone \ud835', '\udc00x', 'no\u00a0break', '…!?', '١٢٣ 漢字'];
    const measure = new TextMeasure();
    for (const text of [...samples, ...pages.slice(0, 5).map((p) => p.html)]) {
      measure.measure(text);
      expect([text.slice(0, 20), measure.words]).toEqual([text.slice(0, 20), tokens(text).length]);
      expect(measure.words).toBe(countWords(text));
      expect(measure.nonSpace).toBe(/\S/.test(text));
      expect(measure.commas).toBe((text.match(/[,\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c\u3001]/g) ?? []).length);
      expect(measure.startsInWord).toBe(/^[\p{L}\p{N}_]/u.test(text));
      expect(measure.endsInWord).toBe(/[\p{L}\p{N}_]$/u.test(text));
    }
  });
});

describe('per-document rule state', () => {
  const doc = (rail: string) =>
    `<div><p>${'Plain words here and there. '.repeat(4)}</p><p><a href="/a">${rail}</a> and more</p><p>${'More plain words follow here. '.repeat(4)}</p></div>`;

  test('two link-density rules keep their own decisions for one document', () => {
    // The middle block is two thirds link words: over the second rule's threshold, under the first's.
    const rules = rulesFrom({
      default: `outlet: default
rules:
  - id: strict-rails
    link-density: 0.9
    min-run: 1
  - id: loose-rails
    link-density: 0.5
    min-run: 1
`,
    });
    const result = clean({ content: doc('one two three four'), type: 'html' }, { rules });
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([['loose-rails', 'one two three four and more']]);
  });

  test('a rule decides afresh for every document', () => {
    const rules = rulesFrom({ default: 'outlet: default\nrules:\n  - id: rails\n    link-density: 0.5\n    min-run: 1\n' });
    const linkHeavy = clean({ content: doc('one two three four'), type: 'html' }, { rules });
    const linkLight = clean({ content: doc('one'), type: 'html' }, { rules });
    expect(linkHeavy.removals).toHaveLength(1);
    expect(linkLight.removals).toHaveLength(0);
  });
});
