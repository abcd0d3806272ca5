/**
 * `learn --gold` finds where an outlet's article is: a `content` rule by names an editor chose
 * (never a position, never a hashed class), the elements inside it that are not article, and the
 * default rules that take article text on the outlet's pages. Fixture pages drafted into tests
 * pass as written, and are read back from gzip.
 */
import { gunzipSync } from 'node:zlib';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from '../src/kernel/clean.js';
import { learnOutlet } from '../src/learn/learn.js';
import { isStableName, isNamingClass } from '../src/learn/stable-names.js';
import { fixtureBytes, stripPage } from '../src/learn/fixtures.js';
import { draftTests } from '../src/learn/draft-tests.js';
import { renderRuleFile } from '../src/learn/emit.js';
import { loadRuleTests } from '../src/tester/testfile.js';
import { runRuleTests } from '../src/tester/run.js';
import { loadRules } from '../src/io/rules.js';
import { RULES, rulesFrom, run, tempDir } from './helpers.js';

const defaults = readFileSync(join(RULES, 'default.yaml'), 'utf8');
const ruleSet = rulesFrom({ default: defaults });

const sentence = (topic: string, n: number) => `Reporters found on day ${n} that ${topic} had changed the way the harbour town works, trades and votes, and residents said so.`;
const story = (topic: string) => [1, 2, 3, 4, 5].map((n) => sentence(topic, n));
const ld = (headline: string) => `<script type="application/ld+json">{"@type": "NewsArticle", "headline": "${headline}", "datePublished": "2025-03-02T10:00:00Z"}</script><script>window.ads = 1;</script>`;

/**
 * A page of the outlet: the story in `div.story-text` inside a wrapper with a hashed class; in
 * the wrapper before the story, a desk note; inside the story, a reader note; rails around. The
 * notes read like prose, so the defaults keep them: only the outlet's structure says they are not
 * the story.
 */
function page(topic: string, related: string): string {
  const paragraphs = story(topic).map((p) => `<p>${p}</p>`);
  return `<!doctype html><html><head><title>${topic} | Harbour News</title>${ld(topic)}<style>p{color:red}</style></head><body>` +
    `<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>` +
    `<div class="css-1x2y3z"><h1>${topic}</h1><div class="desk-note"><p>The harbour desk has covered ${related} since the spring, with reports from the quay, the council chamber and the market hall.</p></div>` +
    `<div class="story-text">${paragraphs.slice(0, 3).join('')}` +
    `<div class="reader-note"><p>The harbour desk also wrote about ${related} in the week before, with pictures from the quay and the old market hall.</p></div>` +
    `${paragraphs.slice(3).join('')}</div></div>` +
    `<aside><p>Most read: ${related} in the harbour this weekend, and the ferry timetable for the summer</p></aside>` +
    `<!-- tracking --><svg><path d="M0 0"/></svg></body></html>`;
}
const pages = [
  { id: 'a', topic: 'the new ferry', related: 'bridge repairs' },
  { id: 'b', topic: 'the fish market', related: 'the lighthouse' },
];
const documents = pages.map((p) => ({ id: p.id, content: page(p.topic, p.related), gold: story(p.topic).join('\n\n'), type: 'html' as const }));

describe('stable names', () => {
  test('names an editor chose are stable; generated, hashed and numbered ones are not', () => {
    for (const name of ['article-body', 'storyContent', 'story_text', 'main', 'c-article__body']) expect(isStableName(name)).toBe(true);
    for (const name of ['css-1x2y3z', 'sc-abc123', 'iezdWI', 'wNbae', 'e_bg', 'post-1234567', 'Article_body__3fGh1', 'sdhgyov']) expect(isStableName(name)).toBe(false);
    // More a build made: CSS module hashes, a digit opening letters, a letter or three and a number, short mixed case, numbers.
    for (const name of ['image_image-widget__LYZT4', 'text__text__1FZLe', 'tags_article-tags__5_dUr', 'ArticleModuleText_content__xeMdj', 'dcr-1djovmt', 't35', 'inl71', 'y_Qv3', 'azcVx', '148', 'bloc-1', 'inline-video-0']) expect(isStableName(name)).toBe(false);
  });

  test('utility classes and states name no content', () => {
    for (const name of ['pt-3', 'mb-4', 'd-flex', 'active', 'col-12', 'md:flex', 'is-active', 'has-sidebar', 'typo-body-default', 'u-display-flex', 'not-italic', 'cmp-misc021', 'w-full', 'absolute', 'outline-none', 'clear']) expect(isNamingClass(name)).toBe(false);
    for (const name of ['headline', 'byline', 'articleBody', 'ArticleBody', 'c-article__body', 'h1-speakable']) expect(isNamingClass(name)).toBe(true);
    expect(isNamingClass('article-body')).toBe(true);
  });
});

describe('learn --gold: where the article is', () => {
  const proposal = learnOutlet({ outlet: 'harbour', documents, ruleSet, options: { at: '2025-03-02' } });

  test('a content rule by the element that holds the story, never by a hashed class', () => {
    const content = proposal.rules.find((r) => r.source === 'content');
    expect(content?.rule).toMatchObject({ id: 'article-body', content: expect.stringContaining('.story-text') });
    expect(JSON.stringify(proposal.rules)).not.toContain('css-1x2y3z');
    expect(content?.evidence).toMatchObject({ pages: 2, seen: 2 });
  });

  test('inside the article, the reader note goes by its class', () => {
    expect(proposal.rules.find((r) => (r.rule as { selector?: string }).selector?.includes('reader-note'))).toMatchObject({ id: 'reader-note' });
  });

  test('the learned file cleans a new page of the outlet to its story', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'outlets'));
    writeFileSync(join(dir, 'default.yaml'), defaults);
    writeFileSync(join(dir, 'outlets', 'harbour.yaml'), renderRuleFile({ outlet: 'harbour', hosts: ['harbour.example'], disable: proposal.disable, comment: ' test' }, proposal.rules));
    const rules = loadRules(dir);
    const r = clean({ content: page('the harbour wall', 'the regatta'), url: 'https://harbour.example/wall' }, { rules, title: false });
    expect(r.text.trim()).toBe(story('the harbour wall').join('\n\n'));
  });

  test('from one page with gold, structure is learned; text never is', () => {
    const one = learnOutlet({ outlet: 'harbour', documents: documents.slice(0, 1), ruleSet, options: { at: '2025-03-02' } });
    expect(one.rules.map((r) => r.source)).toContain('content');
    expect(one.rules.every((r) => r.source === 'content' || r.source === 'selector')).toBe(true);
  });
});

describe('learn --gold with known titles: where the title is', () => {
  // The outlet's JSON-LD headline is a search variant; its editors' headline is og:title (with the site's name appended).
  const titled = (topic: string) => page(topic, 'the regatta').replace(ld(topic), `<script type="application/ld+json">{"@type": "NewsArticle", "headline": "${topic}: what you need to know"}</script><meta property="og:title" content="Why ${topic} matters - Harbour News"><meta property="og:site_name" content="Harbour News">`);
  const known = (topic: string) => ({ title: `Why ${topic} matters` });
  const docs = pages.map((p) => ({ id: p.id, content: titled(p.topic), gold: story(p.topic).join('\n\n'), type: 'html' as const, known: known(p.topic) }));

  test('a rule reads the title where the known titles are, and says on how many pages it was right', () => {
    expect(clean({ content: docs[0].content }, { rules: ruleSet }).article.title).toBe('the new ferry: what you need to know');
    const proposal = learnOutlet({ outlet: 'harbour', documents: docs, ruleSet, options: { at: '2025-03-02' } });
    const title = proposal.rules.find((r) => r.source === 'title');
    expect(title?.rule).toMatchObject({ id: 'title', metadata: 'open-graph', fields: ['title'], learned: { support: '2/2' } });
    const file = renderRuleFile({ outlet: 'harbour', hosts: ['harbour.example'], disable: proposal.disable, comment: ' test' }, proposal.rules);
    expect(file).toContain('# the title as known on 2 of 2 pages (the rules without it: 0); removes nothing');
    expect(file).toContain('fields: [title]');
    const dir = tempDir();
    mkdirSync(join(dir, 'outlets'));
    writeFileSync(join(dir, 'default.yaml'), defaults);
    writeFileSync(join(dir, 'outlets', 'harbour.yaml'), file);
    const r = clean({ content: titled('the harbour wall'), url: 'https://harbour.example/wall' }, { rules: loadRules(dir) });
    expect(r.article.title).toBe('Why the harbour wall matters');
  });

  test('no rule when the defaults have the known titles already, or none is known', () => {
    const right = documents.map((d, i) => ({ ...d, known: { title: pages[i].topic } }));
    expect(learnOutlet({ outlet: 'harbour', documents: right, ruleSet }).rules.some((r) => r.source === 'title')).toBe(false);
    expect(learnOutlet({ outlet: 'harbour', documents: docs.map(({ known: _known, ...d }) => d), ruleSet }).rules.some((r) => r.source === 'title')).toBe(false);
  });

  test('winnow learn --gold reads a fields file beside each gold text, and names one it cannot use', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'pages'));
    mkdirSync(join(dir, 'gold'));
    docs.forEach((d) => {
      writeFileSync(join(dir, 'pages', `${d.id}.html`), d.content);
      writeFileSync(join(dir, 'gold', `${d.id}.txt`), d.gold);
      writeFileSync(join(dir, 'gold', `${d.id}.json`), JSON.stringify(d.known));
    });
    const rulesDir = join(dir, 'rules');
    mkdirSync(rulesDir);
    writeFileSync(join(rulesDir, 'default.yaml'), defaults);
    const learned = await run(['learn', join(dir, 'pages'), '--outlet', 'harbour', '--host', 'harbour.example', '--gold', join(dir, 'gold'), '--rules', rulesDir]);
    expect(learned.code).toBe(0);
    expect(learned.stdout).toMatch(/- id: title\n\s+description: The title is og:title[^\n]*\n\s+metadata: open-graph\n\s+fields: \[title\]/);
    writeFileSync(join(dir, 'gold', 'a.json'), '{"title": ["not", "a", "string"]}');
    const broken = await run(['learn', join(dir, 'pages'), '--outlet', 'harbour', '--host', 'harbour.example', '--gold', join(dir, 'gold'), '--rules', rulesDir]);
    expect(broken.code).toBe(0);
    expect(broken.stderr).toContain(`${join(dir, 'gold', 'a.json')}: expected {"title": "...", "authors": ["..."], "date": "YYYY-MM-DD"} (each optional); its fields are not used`);
  });
});

describe('learn --gold: a body the page hides', () => {
  // A paywalled outlet: the story after its first paragraph is in the page, `hidden` until a
  // subscriber's browser shows it; so is a long menu of the paper's editions, before it.
  const editions = [1, 2, 3, 4, 5, 6, 7].map((n) => `<p>Edition ${n} of the harbour paper brings the quay news, the market prices, the lifeboat log and the tide tables to readers on the coast every morning.</p>`).join('');
  const paywalled = (topic: string) => {
    const [first, ...rest] = story(topic);
    return `<!doctype html><html><head><title>${topic} | Harbour News</title>${ld(topic)}</head><body><div class="edition" hidden>${editions}</div><h1>${topic}</h1>` +
      `<article><div class="story-text"><p>${first}</p><div class="paywall" hidden>${rest.map((p) => `<p>${p}</p>`).join('')}</div></div></article>` +
      `<aside><p>Most read: the regatta in the harbour this weekend, and the ferry timetable for the summer</p></aside></body></html>`;
  };
  const docs = ['the new ferry', 'the fish market'].map((topic, i) => ({ id: `p${i}`, content: paywalled(topic), gold: story(topic).join('\n\n'), type: 'html' as const }));

  test('the defaults drop it; the learned file switches `hidden` off for the outlet and keeps only the article', () => {
    expect(clean({ content: docs[0].content }, { rules: ruleSet, title: false }).text).not.toContain(story('the new ferry')[2]);
    const proposal = learnOutlet({ outlet: 'harbour', documents: docs, ruleSet, options: { at: '2025-03-02' } });
    expect(proposal.disable?.map((d) => d.id)).toContain('hidden');
    // The article is searched for again with `hidden` off: only then does the story's element hold it.
    expect(proposal.rules.find((r) => r.source === 'content')?.rule).toMatchObject({ id: 'article-body' });
    const dir = tempDir();
    mkdirSync(join(dir, 'outlets'));
    writeFileSync(join(dir, 'default.yaml'), defaults);
    writeFileSync(join(dir, 'outlets', 'harbour.yaml'), renderRuleFile({ outlet: 'harbour', hosts: ['harbour.example'], disable: proposal.disable, comment: ' test' }, proposal.rules));
    const r = clean({ content: paywalled('the harbour wall'), url: 'https://harbour.example/wall' }, { rules: loadRules(dir), title: false });
    expect(r.text.trim()).toBe(story('the harbour wall').join('\n\n'));
  });
});

describe('fixture pages and drafted tests', () => {
  test('a fixture keeps what rules read (JSON-LD, attributes) and drops scripts, styles, SVG and comments; it is gzipped', () => {
    const html = page('the new ferry', 'bridge repairs');
    const stripped = stripPage(html);
    expect(stripped).toContain('application/ld+json');
    expect(stripped).toContain('class="story-text"');
    for (const gone of ['window.ads', 'color:red', '<svg', 'tracking']) expect(stripped).not.toContain(gone);
    expect(gunzipSync(fixtureBytes(html)).toString('utf8')).toBe(stripped);
  });

  test('drafted tests pass as written, from the gzipped fixtures, and fail when the rules change', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'outlets', 'fixtures'), { recursive: true });
    writeFileSync(join(dir, 'default.yaml'), defaults);
    const proposal = learnOutlet({ outlet: 'harbour', documents, ruleSet, options: { at: '2025-03-02' } });
    writeFileSync(join(dir, 'outlets', 'harbour.yaml'), renderRuleFile({ outlet: 'harbour', hosts: ['harbour.example'], comment: ' test' }, proposal.rules));
    const rules = loadRules(dir);
    const draft = pages.map((p, i) => {
      writeFileSync(join(dir, 'outlets', 'fixtures', `${p.id}.html.gz`), fixtureBytes(documents[i].content));
      return { name: `page ${p.id}`, file: `fixtures/${p.id}.html.gz`, html: stripPage(documents[i].content), gold: documents[i].gold, known: { title: p.topic, date: '2025-03-02' } };
    });
    const path = join(dir, 'outlets', 'harbour.test.yaml');
    const text = draftTests('harbour', draft, rules, path, ' tests');
    writeFileSync(path, text);
    expect(text).toContain('rule: reader-note');
    expect(text).toContain('rule: article-body');
    expect(text).toContain(`- ${story('the new ferry')[0].slice(0, 40)}`);
    const { files, errors } = loadRuleTests(dir);
    expect(errors).toEqual([]);
    expect(runRuleTests(rules, files).failures).toEqual([]);
    // Without the outlet's rules the same tests fail: they check what the file does.
    writeFileSync(join(dir, 'outlets', 'harbour.yaml'), 'outlet: harbour\nmatch:\n  hosts: [harbour.example]\nrules: []\n');
    expect(runRuleTests(loadRules(dir), loadRuleTests(dir).files).failures.length).toBeGreaterThan(0);
  });
});
