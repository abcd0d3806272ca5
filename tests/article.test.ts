/**
 * The article's structure: fields (title, standfirst, authors, date, ...) from the page's own
 * metadata or from what rules extract, the title line, the body alone (`--no-title`), and the
 * Markdown output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from '../src/kernel/clean.js';
import { CORPUS, RULES, projectRules, rulesFrom, run } from './helpers.js';

const rules = projectRules();

const STORY =
  '<p>The council voted on Tuesday to close the central library, after months of talks with residents, staff and the trust that runs it.</p>' +
  '<h2>What happens to the books</h2>' +
  '<p>The building, opened in 1904, will be sold, and its books moved to the new civic centre, officials said, adding that no jobs would be lost.</p>' +
  '<ul><li>Opening hours stay the same until March.</li><li>Loans can be returned at any branch.</li></ul>';

function page(head: string, body = `<article><h1>Library to close</h1><p>By Ann Writer</p>${STORY}</article>`): string {
  return `<!doctype html><html lang="en-GB"><head><title>Library to close | City News</title>${head}</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>${body}</body></html>`;
}

describe('the article of a page', () => {
  test('with JSON-LD in an @graph: title, authors (a newsroom too), dates, site, url, image', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'City News' },
        {
          '@type': ['NewsArticle'],
          headline: 'Library to close after 120 years',
          description: 'The council voted to close the central library.',
          author: [{ '@type': 'Person', name: 'Ann Writer' }, { '@type': 'Organization', name: 'City News Desk' }],
          datePublished: '2024-12-19T06:11:00+00:00',
          dateModified: '2024-12-19T08:00:00+00:00',
          mainEntityOfPage: { '@id': 'https://news.example/library' },
          image: [{ '@type': 'ImageObject', url: 'https://news.example/library.jpg' }],
          publisher: { '@type': 'NewsMediaOrganization', name: 'City News' },
        },
      ],
    };
    const { article, fields } = clean(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`), { rules });
    expect(article).toMatchObject({
      title: 'Library to close after 120 years',
      standfirst: 'The council voted to close the central library.',
      authors: ['Ann Writer', 'City News Desk'],
      date: '2024-12-19T06:11:00+00:00',
      modified: '2024-12-19T08:00:00+00:00',
      url: 'https://news.example/library',
      image: 'https://news.example/library.jpg',
      site: 'City News',
      language: 'en-GB',
    });
    expect(fields.title).toEqual({ value: 'Library to close after 120 years', rule: 'json-ld', outlet: 'default', detail: 'json-ld NewsArticle.headline' });
    expect(fields.language).toMatchObject({ rule: 'meta-tags', detail: 'html lang' });
  });

  test('with only OpenGraph: the title without the site name, the description, the date', () => {
    const { article, fields } = clean(
      page('<meta property="og:title" content="Library to close - City News"><meta property="og:site_name" content="City News"><meta property="og:description" content="A vote on Tuesday."><meta property="article:published_time" content="2024-12-19T06:11:00Z">'),
      { rules },
    );
    expect(article).toMatchObject({ title: 'Library to close', standfirst: 'A vote on Tuesday.', date: '2024-12-19T06:11:00Z', site: 'City News' });
    expect(fields.title).toMatchObject({ rule: 'open-graph', detail: 'og:title' });
  });

  test('with neither: the <title> without the site name, and the headline as the title line', () => {
    const result = clean(page(''), { rules });
    expect(result.article.title).toBe('Library to close');
    expect(result.fields.title).toMatchObject({ rule: 'meta-tags', detail: 'title' });
    expect(result.article.authors).toEqual([]);
    expect(result.text.split('\n\n')[0]).toBe('Library to close');
  });

  test('the body: paragraphs, section headings and list items, without the title line', () => {
    const { article } = clean(page(''), { rules });
    expect(article.body).toEqual([
      { type: 'paragraph', text: 'By Ann Writer' },
      { type: 'paragraph', text: expect.stringMatching(/^The council voted on Tuesday/) },
      { type: 'heading', text: 'What happens to the books', level: 2 },
      { type: 'paragraph', text: expect.stringMatching(/^The building, opened in 1904/) },
      { type: 'item', text: 'Opening hours stay the same until March.' },
      { type: 'item', text: 'Loans can be returned at any branch.' },
    ]);
  });
});

describe('where the title is', () => {
  const headed = (head: string, h1: string) => page(head, `<article><h1>${h1}</h1>${STORY}</article>`);

  test("a metadata title that is the page's h1 with a tail appended (section, site, date) is the h1", () => {
    const ld = { '@type': 'NewsArticle', headline: 'Library to close after 120 years | Local | City News | 19.12.2024' };
    const { article } = clean(headed(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, 'Library to close after 120 years'), { rules });
    expect(article.title).toBe('Library to close after 120 years');
    // A kicker joined by a colon is the headline's own, and a short h1 is no headline of a long title.
    const kicker = { '@type': 'NewsArticle', headline: 'Council: Library to close after months of talks' };
    expect(clean(headed(`<script type="application/ld+json">${JSON.stringify(kicker)}</script>`, 'Council'), { rules }).article.title).toBe('Council: Library to close after months of talks');
    const long = { '@type': 'NewsArticle', headline: 'Library - the council votes to close it after months of talks' };
    expect(clean(headed(`<script type="application/ld+json">${JSON.stringify(long)}</script>`, 'Library'), { rules }).article.title).toBe('Library - the council votes to close it after months of talks');
  });

  const variants = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Central library to shut: what it means for you", "datePublished": "2024-12-19T06:11:00Z"}</script>' +
    '<meta property="og:title" content="Library to close after 120 years - City News"><meta property="og:site_name" content="City News"><meta property="og:description" content="A vote on Tuesday.">';

  test("an outlet's metadata rule with fields: [title] gives the title alone; the other fields stay the defaults'", () => {
    const outletRules = rulesFrom({
      default: readFileSync(join(RULES, 'default.yaml'), 'utf8'),
      city: 'outlet: city\nmatch:\n  hosts: [news.example]\nrules:\n  - id: title\n    metadata: open-graph\n    fields: [title]\n',
    });
    const html = headed(variants, 'Library to close after 120 years');
    expect(clean(html, { rules: outletRules }).article.title).toBe('Central library to shut: what it means for you');
    const { article, fields } = clean({ content: html, url: 'https://news.example/library' }, { rules: outletRules });
    expect(fields.title).toEqual({ value: 'Library to close after 120 years', rule: 'title', outlet: 'city', detail: 'og:title' });
    expect(fields.date).toMatchObject({ rule: 'json-ld', outlet: 'default' });
    expect(fields.standfirst).toMatchObject({ rule: 'open-graph', outlet: 'default' });
    expect(article.date).toBe('2024-12-19T06:11:00Z');
  });

  test("an outlet's title-line rule makes the page's headline the title, over the defaults' metadata", () => {
    const outletRules = rulesFrom({
      default: readFileSync(join(RULES, 'default.yaml'), 'utf8'),
      city: 'outlet: city\nmatch:\n  hosts: [news.example]\nrules:\n  - id: title\n    title-line: true\n    extract: title\n',
    });
    const html = headed(variants, 'Central library to shut after 120 years');
    const shown = clean({ content: html, url: 'https://news.example/library' }, { rules: outletRules });
    expect(shown.fields.title).toEqual({ value: 'Central library to shut after 120 years', rule: 'title', outlet: 'city', detail: 'extract' });
    expect(shown.text.split('\n\n')[0]).toBe('Central library to shut after 120 years');
    const body = clean({ content: html, url: 'https://news.example/library' }, { rules: outletRules, title: false });
    expect(body.removals.find((r) => r.text === 'Central library to shut after 120 years')).toMatchObject({ rule: 'title', outlet: 'city' });
  });
});

describe('the title line', () => {
  test('is first in the text; --no-title leaves the body alone, the headline a removal of the rule that found it', () => {
    const html = page('');
    const withTitle = clean(html, { rules });
    const body = clean(html, { rules, title: false });
    expect(withTitle.text.startsWith('Library to close\n\n')).toBe(true);
    expect(body.text.startsWith('Library to close')).toBe(false);
    expect(withTitle.text).toBe(`Library to close\n\n${body.text}`);
    expect(body.removals.find((r) => r.text === 'Library to close')).toMatchObject({ rule: 'headline', kind: 'title-line' });
    expect(body.article.title).toBe('Library to close');
    // Every word is accounted for either way.
    for (const r of [withTitle, body]) expect(r.removals.reduce((n, x) => n + x.words, 0)).toBe(r.stats.wordsIn - r.stats.wordsOut);
  });

  test('winnow clean --no-title and winnow eval --no-title', async () => {
    const { stdout } = await run(['clean', 'corpus/lbc/lbc-2024-12-19.txt', '--no-title', '--quiet']);
    const gold = readFileSync(join(CORPUS, 'lbc', 'lbc-2024-12-19.gold.txt'), 'utf8');
    expect(stdout).toBe(gold.slice(gold.indexOf('\n\n') + 2));
  });
});

describe('the seeds as articles', () => {
  test.each([
    ['lbc/lbc-2024-12-19.txt', { title: "UK troops could be sent to Ukraine for training as defence secretary calls on NATO allies to 'step up'", authors: ['Henry Moore'], date: '2024-12-19T06:11' }],
    ['telegraph/telegraph-via-yahoo-2024-12-19.txt', { title: 'British troops could be sent to Ukraine to train soldiers', authors: ['Gwyn Wright'], date: '2024-12-19' }],
  ])('--format json gives the title, authors and date of %s', async (file, fields) => {
    const { stdout } = await run(['clean', join('corpus', file), '--format', 'json', '--quiet']);
    expect(JSON.parse(stdout).article).toMatchObject(fields);
  });
});

describe('Markdown', () => {
  test('# title, ## section headings, paragraphs, list items', () => {
    const { markdown } = clean(page(''), { rules, markdown: true });
    const parts = markdown!.trimEnd().split('\n\n');
    expect(parts[0]).toBe('# Library to close');
    expect(parts[1]).toBe('By Ann Writer');
    expect(parts[2]).toMatch(/^The council voted/);
    expect(parts[3]).toBe('## What happens to the books');
    expect(parts[5]).toBe('- Opening hours stay the same until March.\n- Loans can be returned at any branch.');
  });

  test('winnow clean --format markdown writes .md files', async () => {
    const { code, stdout } = await run(['clean', 'corpus/lbc/lbc-2024-12-19.txt', '--format', 'markdown', '--quiet']);
    expect(code).toBe(0);
    expect(stdout.startsWith("# UK troops could be sent to Ukraine for training as defence secretary calls on NATO allies to 'step up'\n\nBritish troops")).toBe(true);
  });
});
