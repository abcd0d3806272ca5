/** The engine on HTML and text trees: blocks, each rule kind, ordering, attribution and accounting. */
import { inspect } from 'node:util';
import { clean } from '../src/kernel/clean.js';
import { textToHast } from '../src/kernel/parse/text.js';
import { readBlocks } from '../src/kernel/engine/blocks.js';
import type { Element, Root } from 'hast';
import { rulesFrom } from './helpers.js';

const page = `<!doctype html><html><head><title>Story title</title><script>var ad = 1;</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
  <h1>The headline</h1>
  <p class="byline">By Ann Writer</p>
  <p>First paragraph with a <a href="/x">link</a> inside.</p>
  <div class="ad-slot"><p>ADVERTISEMENT</p></div>
  <p>Second paragraph.<br>Read more: another story</p>
  <figure><img src="a.jpg" alt="x"><figcaption>A crowd gathers. Picture: Alamy</figcaption></figure>
  <p>Third paragraph.</p>
  <h2>More news</h2>
  <ul><li>Other story one</li><li>Other story two</li></ul>
</article>
<footer>Copyright 2025</footer>
</body></html>`;

const rules = rulesFrom({
  default: `outlet: default
rules:
  - id: navigation
    selector: nav, footer
  - id: ad-slot
    selector: .ad-slot
  - id: byline
    pattern: '^By '
    within: 3
    extract: author
  - id: read-more
    pattern: '^Read more: '
  - id: caption
    caption: 'Picture: \\w+$'
  - id: more-news
    drop: rest
    text: More News
`,
});

describe('engine on HTML', () => {
  const result = clean({ content: page, type: 'html' }, { rules, html: true });

  test('keeps the article text, one paragraph per block', () => {
    expect(result.text).toBe('The headline\n\nFirst paragraph with a link inside.\n\nSecond paragraph.\n\nThird paragraph.\n');
  });

  test('attributes every removal to its rule, in document order', () => {
    expect(result.removals.map((r) => [r.rule, r.kind, r.text])).toEqual([
      ['navigation', 'selector', 'Home News'],
      ['byline', 'pattern', 'By Ann Writer'],
      ['ad-slot', 'selector', 'ADVERTISEMENT'],
      ['read-more', 'pattern', 'Read more: another story'],
      ['caption', 'caption', 'A crowd gathers. Picture: Alamy'],
      ['more-news', 'rest', 'More news'],
      ['more-news', 'rest', 'Other story one'],
      ['more-news', 'rest', 'Other story two'],
      ['navigation', 'selector', 'Copyright 2025'],
    ]);
    expect(result.removals[1].path).toBe('html:nth-child(1) > body:nth-child(2) > article:nth-child(2) > p:nth-child(2)');
  });

  test('a removal prints and serialises as a plain record, its text read from the claimed element', () => {
    const navigation = result.removals[0];
    const record = {
      rule: 'navigation',
      outlet: 'default',
      kind: 'selector',
      block: 0,
      path: 'html:nth-child(1) > body:nth-child(2) > nav:nth-child(1)',
      line: navigation.line,
      column: navigation.column,
      text: 'Home News',
      chars: 9,
      words: 2,
      detail: 'selector `nav`',
    };
    expect(navigation.line).toBeGreaterThan(0);
    expect(JSON.stringify(navigation)).toBe(JSON.stringify(record));
    expect(inspect(navigation)).toBe(inspect(record));
    expect(JSON.parse(JSON.stringify(result.removals[1]))).toMatchObject({ rule: 'byline', text: 'By Ann Writer', detail: expect.any(String) });
  });

  test('words removed add up to words in minus words out', () => {
    const removed = result.removals.reduce((n, r) => n + r.words, 0);
    expect(removed).toBe(result.stats.wordsIn - result.stats.wordsOut);
    expect(result.stats.wordsOut).toBe(12);
  });

  test('metadata: the page title and values extracted by rules', () => {
    expect(result.metadata).toEqual({ title: 'Story title', author: 'By Ann Writer' });
  });

  test('cleaned HTML no longer holds what was removed', () => {
    expect(result.html).toContain('<h1>The headline</h1>');
    expect(result.html).toContain('Second paragraph.');
    for (const gone of ['<nav', 'ad-slot', 'By Ann Writer', 'Read more', 'Picture: Alamy', 'Other story', '<footer']) {
      expect(result.html).not.toContain(gone);
    }
  });

  test('a selector inside a paragraph removes only that inline text', () => {
    const inline = rulesFrom({ default: 'outlet: default\nrules:\n  - id: credit\n    selector: span.credit\n' });
    const r = clean({ content: '<p>A photo of the river <span class="credit">(Jane Doe)</span> at dawn.</p>', type: 'html' }, { rules: inline });
    expect(r.text).toBe('A photo of the river at dawn.\n');
    expect(r.removals.map((x) => [x.rule, x.text])).toEqual([['credit', '(Jane Doe)']]);
  });
});

describe('rule order, overrides and switches', () => {
  const files = {
    default: `outlet: default
rules:
  - id: short-lines
    pattern: '^\\w+$'
  - id: promo
    text: Subscribe now
`,
    lbc: `outlet: lbc
match:
  hosts: [lbc.co.uk]
disable: [promo]
rules:
  - id: short-lines
    pattern: '^Exclusive$'
  - id: sponsor
    pattern: '^Sponsored by'
`,
  };
  const set = rulesFrom(files);
  const doc = 'Headline here\n\nExclusive\n\nWord\n\nSubscribe now\n\nSponsored by Acme';

  test('defaults alone when no outlet applies', () => {
    const r = clean({ content: doc, type: 'text' }, { rules: set });
    expect(r.outlet).toBe('default');
    expect(r.removals.map((x) => [x.rule, x.outlet, x.text])).toEqual([
      ['short-lines', 'default', 'Exclusive'],
      ['short-lines', 'default', 'Word'],
      ['promo', 'default', 'Subscribe now'],
    ]);
  });

  test('the outlet (by host) replaces a default rule by id, disables another, adds its own', () => {
    const r = clean({ content: doc, type: 'text', url: 'https://www.lbc.co.uk/news/x/' }, { rules: set });
    expect(r.outlet).toBe('lbc');
    expect(r.outletFrom).toBe('host');
    expect(r.removals.map((x) => [x.rule, x.outlet, x.text])).toEqual([
      ['short-lines', 'lbc', 'Exclusive'],
      ['sponsor', 'lbc', 'Sponsored by Acme'],
    ]);
  });

  test('the outlet from a folder name on the path', () => {
    expect(clean({ content: doc, path: 'corpus/lbc/a.txt' }, { rules: set }).outletFrom).toBe('folder');
  });

  test('an unknown explicit outlet is an error that names the known ones', () => {
    expect(() => clean({ content: doc, outlet: 'nope' }, { rules: set })).toThrow(/Unknown outlet `nope`.*`lbc`/);
  });
});

describe('strip and scope', () => {
  const set = rulesFrom({
    default: `outlet: default
rules:
  - id: prefix
    strip: '^\\[\\w+\\] '
    within: {first: 2}
  - id: footer-note
    text: Tip us off
    within: {last: 1}
`,
  });

  test('strip removes part of a block and accounts for its words; scope limits where rules look', () => {
    const r = clean({ content: '[UPDATE] Headline\n\n[UPDATE] Body keeps its prefix\n\n[NOTE] Out of scope\n\nTip us off\n\nTip us off', type: 'text' }, { rules: set });
    expect(r.text).toBe('Headline\n\nBody keeps its prefix\n\n[NOTE] Out of scope\n\nTip us off\n');
    expect(r.removals.map((x) => [x.rule, x.text, x.words, x.partial ?? false])).toEqual([
      ['prefix', '[UPDATE] ', 1, true],
      ['prefix', '[UPDATE] ', 1, true],
      ['footer-note', 'Tip us off', 3, false],
    ]);
  });
});

describe('plain text tree', () => {
  test('groups, lines and bullets keep the shape of the page, with positions', () => {
    const tree = textToHast('Title\n\n  • First item\n  • Second item\n\nAlt text\nCaption - PA\n');
    const { blocks } = readBlocks(tree);
    expect(blocks.map((b) => [b.text, (b.container as { tagName: string }).tagName, b.position?.start.line])).toEqual([
      ['Title', 'p', 1],
      ['First item', 'li', 3],
      ['Second item', 'li', 4],
      ['Alt text', 'p', 6],
      ['Caption - PA', 'p', 7],
    ]);
    expect(blocks[3].group).toBe(blocks[4].group);
    expect(blocks[0].group).not.toBe(blocks[3].group);
  });

  test('a 100,000-deep tree is read without overflowing the stack', () => {
    const root: Root = { type: 'root', children: [] };
    let parent: Root | Element = root;
    for (let i = 0; i < 100_000; i++) {
      const div: Element = { type: 'element', tagName: i % 2 ? 'div' : 'span', properties: {}, children: [] };
      parent.children.push(div);
      parent = div;
    }
    parent.children.push({ type: 'text', value: 'deep text' });
    expect(readBlocks(root).blocks.map((b) => b.text)).toEqual(['deep text']);
  });
});
