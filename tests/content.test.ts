/**
 * The `content` kind: an outlet says where its article is; everything outside goes, attributed to
 * the rule and the selector that matched; when no selector matches, the rule is stale on the page,
 * the defaults find the article, and the report says so.
 */
import { clean } from '../src/kernel/clean.js';
import { ReportBuilder } from '../src/report/builder.js';
import { projectRules, rulesFrom } from './helpers.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from './helpers.js';

const defaults = readFileSync(join(RULES, 'default.yaml'), 'utf8');
const rules = rulesFrom({
  default: defaults,
  citynews: `outlet: citynews
match:
  hosts: [citynews.example]
rules:
  - id: content
    description: The story's text, in the new template, else the old one.
    content: ['.story-body', 'article .text']
`,
});

const prose = (topic: string) => `The council said on Tuesday that ${topic}, after months of talks with residents, traders and the transport authority, would go ahead in the spring.`;
const ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Library to close", "author": {"@type": "Person", "name": "Ann Writer"}}</script>';
const page = (body: string) => `<!doctype html><html><head><title>Library to close | City News</title>${ld}</head><body><nav><a href="/">Home</a></nav><h1>Library to close</h1>${body}<footer><p>Copyright City News</p></footer></body></html>`;
const url = 'https://www.citynews.example/library';

describe('content', () => {
  test('the article is what the selector finds; the rest goes, attributed to the rule and the selector; the headline and the fields stay', () => {
    const html = page(`<div class="teaser"><p>${prose('a teaser for another story')}</p></div><div class="story-body"><p>${prose('the library')}</p><p>${prose('the books')}</p></div>`);
    const r = clean({ content: html, url }, { rules });
    expect(r.outlet).toBe('citynews');
    expect(r.text).toBe(`Library to close\n\n${prose('the library')}\n\n${prose('the books')}\n`);
    const teaser = r.removals.find((x) => x.text.includes('a teaser for another story'))!;
    expect(teaser).toMatchObject({ rule: 'content', outlet: 'citynews', kind: 'content', detail: '.story-body' });
    // The rule stands in for main-content: it removed nothing here.
    expect(r.removals.filter((x) => x.rule === 'main-content')).toEqual([]);
    expect(r.article).toMatchObject({ title: 'Library to close', authors: ['Ann Writer'] });
    expect(r.stale).toBeUndefined();
  });

  test('a list of selectors: the first that matches (an old template)', () => {
    const html = page(`<article><div class="text"><p>${prose('the old template')}</p></div><p>${prose('a note outside the text')}</p></article>`);
    const r = clean({ content: html, url }, { rules });
    expect(r.text).toContain('the old template');
    expect(r.text).not.toContain('a note outside the text');
    expect(r.removals.find((x) => x.text.includes('a note outside'))).toMatchObject({ rule: 'content', detail: 'article .text' });
  });

  test('stale: when no selector matches, the defaults find the article, and the document says the rule is stale', () => {
    const html = page(`<div class="redesigned-body"><p>${prose('the new design')}</p><p>${prose('the second part')}</p></div><div class="menu-links"><a href="/a">A story</a> <a href="/b">B story</a></div>`);
    const r = clean({ content: html, url }, { rules });
    expect(r.stale).toEqual(['citynews/content']);
    expect(r.text).toContain('the new design');
    expect(r.removals.some((x) => x.rule === 'content')).toBe(false);
    expect(r.removals.some((x) => x.rule === 'main-content' || x.rule === 'non-content')).toBe(true);
  });

  test('the removal report lists a stale rule with how often it fell back', () => {
    const good = clean({ content: page(`<div class="story-body"><p>${prose('the library')}</p></div>`), url, id: 'a' }, { rules });
    const stale = clean({ content: page(`<div class="other"><p>${prose('the library')}</p><p>${prose('the books')}</p></div>`), url, id: 'b' }, { rules });
    const builder = new ReportBuilder({ ruleSet: rules });
    builder.add(good);
    builder.add(stale);
    const report = builder.build();
    const warning = report.warnings.find((w) => w.type === 'stale');
    expect(warning).toMatchObject({ rule: 'citynews/content', message: expect.stringMatching(/found no article in 1 of the 2 documents it applied to/) });
    expect(report.warningCounts.stale).toBe(1);
  });

  test('the project rules are not changed by an outlet without a content rule', () => {
    const r = clean({ content: page(`<div class="story-body"><p>${prose('the library')}</p></div>`) }, { rules: projectRules() });
    expect(r.stale).toBeUndefined();
  });
  test('elements the selector finds inside another it finds (teasers in the article) stay with it', () => {
    const rulesNested = rulesFrom({ default: defaults, citynews: 'outlet: citynews\nmatch:\n  hosts: [citynews.example]\nrules:\n  - id: content\n    content: article\n' });
    const html = page(`<article class="story"><p>${prose('the library')}</p><article class="teaser"><p>${prose('a related story')}</p></article><p>${prose('the books')}</p></article>`);
    const r = clean({ content: html, url }, { rules: rulesNested });
    expect(r.text).toContain(prose('the library'));
    expect(r.text).toContain(prose('the books'));
    expect(r.removals.filter((x) => x.rule === 'content')).toEqual([]);
  });

  test('what a selector finds must hold min-words words to be the article: a class kept for a byline box after a redesign is stale', () => {
    const html = page(`<div class="story-body"><p>By Ann Writer</p></div><div class="other"><p>${prose('the library')}</p><p>${prose('the books')}</p></div>`);
    const r = clean({ content: html, url }, { rules });
    expect(r.stale).toEqual(['citynews/content']);
    expect(r.text).toContain(prose('the books'));
  });

  test('a byline outside the article still gives the authors: the removal stays the content rule\'s, the field names the byline rule', () => {
    const bare = `<!doctype html><html><head><title>Library to close | City News</title></head><body><h1>Library to close</h1>`;
    const html = `${bare}<div class="meta"><span class="byline">By Ann Writer</span> <span>5 min read</span></div><div class="story-body"><p>${prose('the library')}</p><p>${prose('the books')}</p></div></body></html>`;
    const r = clean({ content: html, url }, { rules, title: false });
    expect(r.text).toBe(`${prose('the library')}\n\n${prose('the books')}\n`);
    expect(r.removals.find((x) => x.text.includes('Ann Writer'))).toMatchObject({ rule: 'content' });
    expect(r.article.authors).toEqual(['Ann Writer']);
    expect(r.fields.authors).toMatchObject({ rule: 'bylines', outlet: 'default' });
  });

  test('a plain-text document has no elements to find: the content rule is not stale on it', () => {
    const r = clean({ content: `Library to close\n\n${prose('the library')}\n`, type: 'text', url }, { rules });
    expect(r.outlet).toBe('citynews');
    expect(r.stale).toBeUndefined();
  });
});
