/**
 * The kinds behind rules/default.yaml (hidden, tags, class-id, main-content, link-density,
 * short-between), the safety net, and the default rules themselves on whole web pages: what
 * each must keep and what it must drop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from '../src/kernel/clean.js';
import { runWithSafetyNet } from '../src/kernel/engine/relax.js';
import { htmlToHast } from '../src/kernel/parse/html.js';
import { tokens } from '../src/kernel/text/words.js';
import { projectRules, ROOT, rulesFrom, run, writeTree } from './helpers.js';

const defaults = projectRules();

/** Prose that reads like an article paragraph (commas, a full sentence, enough words). */
const prose = (topic: string) =>
  `The council said on Tuesday that ${topic}, after months of talks with residents, traders and the transport authority, would go ahead in the spring, and that the cost would be shared between the city and the region.`;

const page = (body: string, title = 'River bridge to reopen in spring | The Daily Example') =>
  `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;

const article = (extra = '') => `
  <article class="story">
    <h1>River bridge to reopen in spring</h1>
    <p class="byline">By Ann Writer, 3 March 2025</p>
    <div class="story-body">
      <p>${prose('the old river bridge')}</p>
      <p>${prose('the new cycle lane')}</p>
      ${extra}
      <p>${prose('the night bus route')}</p>
    </div>
  </article>`;

const rulesOf = (result: ReturnType<typeof clean>, fragment: string) =>
  [...new Set(result.removals.filter((r) => r.text.includes(fragment)).map((r) => r.rule))];

const cleanWith = (rules: ReturnType<typeof rulesFrom>, html: string) => clean({ content: html, type: 'html' }, { rules });

const one = (yaml: string) => rulesFrom({ default: `outlet: default\nrules:\n${yaml}` });

describe('hidden', () => {
  const rules = one('  - id: hidden\n    hidden: true\n');
  const html = page(`<p>Shown paragraph.</p>
    <div hidden><p>Hidden by attribute.</p></div>
    <div aria-hidden="true"><p>Hidden from screen readers.</p></div>
    <div style="color: red; display:none"><p>Hidden by style.</p></div>
    <div style="visibility: hidden !important"><p>Invisible.</p></div>
    <div style="display: block"><p>Styled but shown.</p></div>`);

  test('drops what the browser does not show, keeps what it does', () => {
    const r = cleanWith(rules, html);
    expect(r.text).toBe('Shown paragraph.\n\nStyled but shown.\n');
    expect(r.removals.map((x) => [x.rule, x.kind])).toEqual(Array(4).fill(['hidden', 'hidden']));
  });

  test('`aria-hidden: false` keeps aria-hidden elements', () => {
    const r = cleanWith(one('  - id: hidden\n    hidden: true\n    aria-hidden: false\n'), html);
    expect(r.text).toContain('Hidden from screen readers.');
    expect(r.text).not.toContain('Hidden by style.');
  });
});

describe('tags', () => {
  const rules = one('  - id: non-content\n    tags: [nav, aside, form]\n    max-share: 0.5\n');

  test('drops navigation, side columns and forms', () => {
    const r = cleanWith(rules, page(`<nav><a href="/">Home</a> <a href="/news">News</a></nav>${article()}
      <aside><h3>Most read</h3><p>Something else entirely happened somewhere.</p></aside>
      <form><label>Email</label><p>Sign up for our newsletter</p></form>`));
    expect(r.text).toContain('the old river bridge');
    for (const gone of ['Home News', 'Most read', 'Sign up']) expect(rulesOf(r, gone)).toEqual(['non-content']);
  });

  test('keeps an element that holds most of the page\'s prose (a page wrapped in one form)', () => {
    const r = cleanWith(rules, page(`<form action="/page.aspx">${article()}<nav><a href="/">Home</a></nav></form>`));
    expect(r.text).toContain('the old river bridge');
    expect(r.text).not.toContain('Home');
  });
});

describe('class-id', () => {
  const rules = one(`  - id: comments
    class-id: ['(?:^|[-_])comments?(?:[-_]|$)']
    unless: ['^(?:content|entry)$']
  - id: share
    class-id: ['^share']
    max-share: 0.5
`);

  test('drops elements whose class or id names them, each under its rule', () => {
    const r = cleanWith(rules, page(`${article('<div class="share-bar"><p>Share on Facebook</p></div>')}
      <section id="post-comments"><p>Great article, thanks for writing it.</p></section>`));
    expect(rulesOf(r, 'Share on Facebook')).toEqual(['share']);
    expect(rulesOf(r, 'Great article')).toEqual(['comments']);
    expect(r.text).toContain('the night bus route');
  });

  test('class names are tested whole: a topic class ("category-sharing-economy") is no share bar', () => {
    const r = cleanWith(rules, page(`<div class="post category-sharing-economy tag-share">${article()}</div>`));
    expect(r.removals).toEqual([]);
  });

  test('`unless` keeps a wrapper that is content too; `max-share` keeps a wrapper of the whole article', () => {
    const r = cleanWith(rules, page(`<div class="entry comments-open">${article()}</div>`));
    expect(r.removals).toEqual([]);
    const wrapped = cleanWith(rules, page(`<div class="share-wrapper">${article()}</div><div class="share-tools"><p>Share this</p></div>`));
    expect(wrapped.text).toContain('the old river bridge');
    expect(rulesOf(wrapped, 'Share this')).toEqual(['share']);
  });

  test('a rule with several patterns drops on any one of them, back-references included', () => {
    const several = one(`  - id: promos
    class-id: ['^promo$', '^(ab)-\\1$', '^(?<w>zz)-\\k<w>$', 'teaser']
    unless: ['^keep$', '^(k)\\1$']
`);
    const r = cleanWith(several, page(`${article()}
      <div class="promo"><p>First promo box</p></div>
      <div class="ab-ab"><p>Second promo box</p></div>
      <div class="ab-ba"><p>Not a promo box</p></div>
      <div class="zz-zz"><p>Third promo box</p></div>
      <div class="big-teaser kk"><p>Fourth promo box</p></div>
      <div class="teaser keep"><p>Kept teaser box</p></div>`));
    expect(r.removals.map((x) => x.text)).toEqual(['First promo box', 'Second promo box', 'Third promo box']);
    expect(r.text).toContain('Not a promo box');
    expect(r.text).toContain('Kept teaser box');
    expect(r.text).toContain('Fourth promo box');
  });

  test('never removes html or body, whatever their class', () => {
    const r = cleanWith(rules, `<html class="share"><body class="comments">${article()}</body></html>`);
    expect(r.removals).toEqual([]);
  });
});

describe('main-content', () => {
  const rules = one('  - id: main-content\n    main-content: true\n    positive: [content]\n    negative: [sidebar]\n');
  const html = page(`
    <div id="header"><a href="/">The Daily Example</a><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></div>
    <div id="main">
      <div class="headline-box"><h1>River bridge to reopen in spring</h1><p class="dateline">3 March 2025, 10:15</p></div>
      <div class="content">
        <p>${prose('the old river bridge')}</p>
        <p>${prose('the new cycle lane')}</p>
        <p>${prose('the night bus route')}</p>
      </div>
    </div>
    <div class="sidebar"><h3>About us</h3><p>We are a small newsroom, founded in 1901, covering the city.</p></div>
    <div id="footer"><p>Copyright 2025 The Daily Example. All rights reserved.</p></div>`);

  test('keeps the article with its headline and dateline, drops what lies outside it', () => {
    const r = cleanWith(rules, html);
    expect(r.text.split('\n\n')[0]).toBe('River bridge to reopen in spring');
    expect(r.text).toContain('3 March 2025, 10:15');
    expect(r.text).toContain('the night bus route');
    for (const gone of ['News', 'About us', 'small newsroom', 'Copyright']) expect(rulesOf(r, gone)).toEqual(['main-content']);
  });

  test('without `headline`, only the article itself is kept', () => {
    const r = cleanWith(one('  - id: main-content\n    main-content: true\n    headline: false\n'), html);
    expect(r.text.startsWith('The council said')).toBe(true);
  });

  test('an endless page: the story under the headline is the article, the next story below it is not, however long', () => {
    const story = (headline: string, topic: string, paragraphs: number) =>
      `<article class="article-entity"><div class="article-header"><h1>${headline}</h1></div>` +
      `<div class="bodytext">${Array.from({ length: paragraphs }, (_, i) => `<p>${prose(`${topic} ${i}`)}</p>`).join('')}</div></article>`;
    const endless = `<!doctype html><html><head><title>River bridge to reopen in spring | The Daily Example</title></head><body>
      <main>${story('River bridge to reopen in spring', 'the bridge', 2)}
      <div class="under-article">${story('Night buses return to the city', 'the night bus', 5)}</div></main></body></html>`;
    const r = cleanWith(rules, endless);
    expect(r.text).toContain('the bridge 1');
    expect(r.text).not.toContain('the night bus');
    expect(rulesOf(r, 'the night bus 4')).toEqual(['main-content']);
  });

  test('removes nothing from a page too short to have surroundings, or from plain text', () => {
    expect(cleanWith(rules, page('<div><p>Just a line.</p></div><div><p>And another one.</p></div>')).removals).toEqual([]);
    const text = clean({ content: `Headline\n\n${prose('the bridge')}\n\n${prose('the lane')}\n\nFooter line`, type: 'text' }, { rules });
    expect(text.removals).toEqual([]);
  });
});

describe('link-density', () => {
  const rules = one('  - id: link-rails\n    link-density: 0.5\n    min-run: 2\n    alone: 0.9\n');

  test('keeps a short paragraph full of links standing between prose', () => {
    const links = '<p>See the <a href="/a">council report</a> and <a href="/b">the map of works</a>.</p>';
    const r = cleanWith(rules, page(article(links)));
    expect(r.text).toContain('See the council report and the map of works.');
    expect(r.removals).toEqual([]);
  });

  test('drops a long related-stories rail', () => {
    const rail = `<div class="more"><ul>${Array.from({ length: 8 }, (_, i) => `<li><a href="/story/${i}">Another story about the city, part ${i + 1}</a></li>`).join('')}</ul></div>`;
    const r = cleanWith(rules, page(article() + rail));
    expect(r.text).toContain('the night bus route');
    expect(r.text).not.toContain('Another story');
    expect(r.removals).toHaveLength(8);
    expect(new Set(r.removals.map((x) => x.rule))).toEqual(new Set(['link-rails']));
  });

  test('a block that is all link goes on its own only at the `alone` density', () => {
    const r = cleanWith(rules, page(article('<p><a href="/next">Next: the tram line plans</a></p>')));
    expect(rulesOf(r, 'Next: the tram line plans')).toEqual(['link-rails']);
  });
});

describe('short-between', () => {
  const rules = one(`  - id: promo
    selector: .promo
  - id: leftovers
    short-between: 3
`);

  test('drops a label left between removed blocks, keeps short lines next to kept text', () => {
    const r = cleanWith(rules, page(`<p>${prose('the bridge')}</p><div class="promo"><p>Buy our app today, it is great</p></div>
      <p>Tags:</p><div class="promo"><p>Follow us everywhere you go</p></div><p>The end.</p>`));
    expect(rulesOf(r, 'Tags:')).toEqual(['leftovers']);
    expect(r.text).toContain('The end.');
  });
});

describe('the default rules on whole pages', () => {
  const overlap = (text: string, gold: string) => {
    const bag = new Map<string, number>();
    for (const t of tokens(gold)) bag.set(t, (bag.get(t) ?? 0) + 1);
    const out = tokens(text);
    let hit = 0;
    for (const t of out) {
      const n = bag.get(t) ?? 0;
      if (n > 0) {
        hit++;
        bag.set(t, n - 1);
      }
    }
    const precision = hit / out.length;
    const recall = hit / tokens(gold).length;
    return (2 * precision * recall) / (precision + recall);
  };
  const fixture = (id: string) => ({
    html: readFileSync(join(ROOT, 'tests', 'fixtures', 'dragnet', `${id}.html`), 'utf8'),
    gold: readFileSync(join(ROOT, 'tests', 'fixtures', 'dragnet', `${id}.gold.txt`), 'utf8'),
  });

  test.each([
    ['R42', 'Black Ops 2\'s live-action TV ad is by Guy Ritchie, stars Tony Stark', ['main-content', 'comments']],
    ['R228', 'How To Build A Through-The-Window Camera Car Mount', ['main-content', 'comments', 'page-chrome']],
  ])('dragnet page %s: the article and its headline kept, the page around it dropped', (id, headline, rules) => {
    const { html, gold } = fixture(id);
    const r = clean({ content: html, type: 'html' }, { rules: defaults });
    expect(r.text.split('\n\n')[0]).toBe(headline);
    expect(overlap(r.text, gold)).toBeGreaterThan(0.95);
    const fired = new Set(r.removals.map((x) => x.rule));
    for (const rule of rules) expect(fired).toContain(rule);
    expect(r.removals.every((x) => x.outlet === 'default')).toBe(true);
    expect(r.relaxed).toBeUndefined();
  });

  test('a related-stories rail and a comment thread around an article', () => {
    const html = page(`<div id="nav"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></div>
      ${article('<p>Read <a href="/report">the full report</a> on the council website.</p>')}
      <div class="related-stories"><h3>Related stories</h3><ul>${Array.from({ length: 6 }, (_, i) => `<li><a href="/s/${i}">Council approves budget for year ${2020 + i}</a></li>`).join('')}</ul></div>
      <div id="comments"><h3>12 comments</h3><p>${prose('nothing at all')}</p></div>`);
    const r = clean({ content: html, type: 'html' }, { rules: defaults });
    expect(r.text).toContain('River bridge to reopen in spring');
    expect(r.text).toContain('Read the full report on the council website.');
    expect(r.text).toContain('the night bus route');
    expect(r.text).not.toMatch(/Council approves|Related stories|12 comments|nothing at all|Home/);
  });

  test('plain text (the seeds): the default rules take only what is not the article (its dateline, captions), never a line of the gold', () => {
    const text = readFileSync(join(ROOT, 'corpus', 'lbc', 'lbc-2024-12-19.txt'), 'utf8');
    const gold = readFileSync(join(ROOT, 'corpus', 'lbc', 'lbc-2024-12-19.gold.txt'), 'utf8').split('\n');
    const r = clean({ content: text, type: 'text' }, { rules: defaults });
    expect(r.removals.map((x) => x.rule)).toContain('dateline');
    expect(r.removals.filter((x) => gold.includes(x.text))).toEqual([]);
  });
});

describe('safety net', () => {
  // A whole article inside an element named "comments": the strict defaults would empty the page.
  const misnamed = page(`<div id="comments-area"><h1>River bridge to reopen in spring</h1><p>${prose('the old river bridge')}</p><p>${prose('the new cycle lane')}</p></div>`);

  test('relaxes step by step when the defaults would leave (almost) nothing, and records the step', () => {
    const r = clean({ content: misnamed, type: 'html' }, { rules: defaults });
    expect(r.text).toContain('the old river bridge');
    expect(r.relaxed).toMatchObject({ step: 2, strictWords: 0 });
    expect(r.relaxed!.off).toEqual(expect.arrayContaining(['main-content', 'comments', 'link-rails']));
    expect(r.relaxed!.off).not.toContain('hidden');
    expect(r.removals.some((x) => x.rule === 'comments')).toBe(false);
  });

  test('takes the first step that keeps enough text', () => {
    const rules = rulesFrom({
      default: `outlet: default
rules:
  - id: everything
    selector: body > div
    relax: 1
  - id: comments
    class-id: comments
    relax: 2
`,
    });
    const html = page(`<div class="x"><p>${prose('the bridge')}</p><p>${prose('the lane')}</p></div><div class="comments"><p>Nice.</p></div>`);
    const r = runWithSafetyNet(htmlToHast(html), rules.forOutlet(undefined).rules);
    expect(r.relaxed).toEqual({ step: 1, off: ['everything'], strictWords: 0 });
    expect(r.text).toContain('the bridge');
    expect(r.text).not.toContain('Nice.');
  });

  test('a page that is short anyway is not relaxed', () => {
    const r = clean({ content: page('<div id="comments"><p>Only a short note.</p></div>'), type: 'html' }, { rules: defaults });
    expect(r.text).toBe('');
    expect(r.relaxed).toBeUndefined();
  });

  test('the JSON output shows the relaxation', async () => {
    const dir = writeTree({ 'page.html': misnamed });
    const { code, stdout } = await run(['clean', join(dir, 'page.html'), '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).relaxed).toMatchObject({ step: 2 });
  });
});

describe('outlets and the default rules', () => {
  const files = (outlet: string) => {
    const dir = writeTree({
      'default.yaml': readFileSync(join(ROOT, 'rules', 'default.yaml'), 'utf8'),
      'outlets/forum.yaml': outlet,
    });
    return dir;
  };
  const html = page(article(`<div id="comments"><h3>Comments</h3><p>${prose('the forum thread')}</p></div>`));

  test('an outlet switches a default rule off by id', async () => {
    const dir = files('outlet: forum\nmatch:\n  hosts: [forum.example]\ndisable: [comments]\nrules: []\n');
    const rules = (await import('../src/io/rules.js')).loadRules(dir);
    const withDefaults = clean({ content: html, type: 'html' }, { rules });
    expect(withDefaults.text).not.toContain('the forum thread');
    const forOutlet = clean({ content: html, type: 'html', url: 'https://forum.example/t/1' }, { rules });
    expect(forOutlet.outlet).toBe('forum');
    expect(forOutlet.text).toContain('the forum thread');
    expect(forOutlet.removals.some((x) => x.rule === 'comments')).toBe(false);
  });

  test('an outlet replaces a default rule by id with its own settings', async () => {
    const dir = files('outlet: forum\nmatch:\n  hosts: [forum.example]\nrules:\n  - id: main-content\n    main-content: true\n    min-words: 100000\n');
    const rules = (await import('../src/io/rules.js')).loadRules(dir);
    const html = page(`<div id="top"><p>A city newsroom since 1901.</p></div>${article()}`);
    expect(rulesOf(clean({ content: html, type: 'html' }, { rules }), 'A city newsroom')).toEqual(['main-content']);
    const r = clean({ content: html, type: 'html', url: 'https://forum.example/t/1' }, { rules });
    expect(r.text).toContain('A city newsroom since 1901.');
    expect(r.removals.some((x) => x.rule === 'main-content')).toBe(false);
  });
});

describe('rule files with the new kinds', () => {
  test('bad options are reported at file:line:col', async () => {
    const dir = writeTree({
      'default.yaml': `outlet: default
rules:
  - id: comments
    class-id: '(unclosed'
  - id: rails
    link-density: 2
  - id: tags
    tags: [Nav]
  - id: relaxed
    hidden: true
    relax: 0
`,
    });
    const { code, stderr } = await run(['rules', 'check', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('default.yaml:4:15: Invalid regular expression in `class-id`');
    expect(stderr).toMatch(/default\.yaml:6:19: Unexpected value for `link-density`/);
    expect(stderr).toMatch(/default\.yaml:8:12: Unexpected value for `tags\.0`/);
    expect(stderr).toMatch(/default\.yaml:11:12: Unexpected value for `relax`/);
  });
});
