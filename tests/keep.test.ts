/**
 * The `keep` kind: an outlet says which elements stay whole whatever the other rules remove (a
 * fact box a default takes for a rail, comments the outlet's clean copy keeps). Kept text stays
 * in the text and in the cleaned HTML, even inside an element another rule removes or outside
 * the article a `content` rule finds; the rest of that element still goes, attributed as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from '../src/kernel/clean.js';
import { countWords } from '../src/kernel/text/words.js';
import { checkRules, loadRules } from '../src/io/rules.js';
import { ReportBuilder } from '../src/report/builder.js';
import { runRuleTests, uncoveredRules } from '../src/tester/run.js';
import { loadRuleTests } from '../src/tester/testfile.js';
import { RULES, rulesFrom, writeTree } from './helpers.js';

const defaults = readFileSync(join(RULES, 'default.yaml'), 'utf8');
const outlet = (rules: string) =>
  rulesFrom({
    default: defaults,
    citynews: `outlet: citynews\nmatch:\n  hosts: [citynews.example]\nrules:\n${rules}`,
  });
const prose = (topic: string) => `The council said on Tuesday that ${topic}, after months of talks with residents, traders and the transport authority, would go ahead in the spring.`;
const url = 'https://www.citynews.example/library';
const page = (body: string) => `<!doctype html><html><head><title>Library to close | City News</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><h1>Library to close</h1>${body}<footer><p>Copyright City News</p></footer></body></html>`;
const comments = `<div id="comments"><h3>3 comments</h3><div class="comment-body"><p>${prose('a reader asked about the opening hours')}</p></div><div class="comment-body"><p>${prose('another reader asked about the books')}</p></div><p class="reply"><a href="/reply">Reply</a></p></div>`;

describe('keep', () => {
  const html = page(`<div class="story-body"><p>${prose('the library')}</p><p>${prose('the books')}</p></div>${comments}`);

  test('without it the defaults remove the comments; with it the comment bodies stay, after the article, and the rest of the comments section still goes', () => {
    const plain = clean({ content: html, url }, { rules: outlet('  - id: content\n    content: .story-body\n') });
    expect(plain.text).not.toContain('a reader asked');
    const kept = clean({ content: html, url }, { rules: outlet('  - id: content\n    content: .story-body\n  - id: reader-comments\n    keep: .comment-body\n') });
    expect(kept.text).toBe(`Library to close\n\n${prose('the library')}\n\n${prose('the books')}\n\n${prose('a reader asked about the opening hours')}\n\n${prose('another reader asked about the books')}\n`);
    // What was removed around the kept elements is removed by the same rule as without the keep rule.
    const heading = (r: typeof plain) => r.removals.find((x) => x.text.includes('3 comments'));
    expect(heading(kept)).toMatchObject({ rule: heading(plain)!.rule, outlet: heading(plain)!.outlet });
    expect(kept.removals.some((r) => r.text.includes('a reader asked'))).toBe(false);
  });

  test('the result says what each keep rule kept, and the report counts it as fired, not as a rule that never fired', () => {
    const rules = outlet('  - id: content\n    content: .story-body\n  - id: reader-comments\n    keep: .comment-body\n  - id: fact-box\n    keep: .fact-box\n');
    const kept = clean({ content: html, url }, { rules });
    expect(kept.keeps).toEqual([{ rule: 'reader-comments', outlet: 'citynews', words: countWords(prose('a reader asked about the opening hours')) + countWords(prose('another reader asked about the books')) }]);
    const builder = new ReportBuilder({ ruleSet: rules });
    builder.add(kept);
    const report = builder.build();
    expect(report.rules.find((r) => r.id === 'reader-comments')).toMatchObject({ documentsHit: 0, documentsKept: 1, wordsKept: kept.keeps![0].words });
    const neverFired = report.warnings.filter((w) => w.type === 'never-fired').map((w) => w.rule);
    expect(neverFired).toContain('citynews/fact-box');
    expect(neverFired).not.toContain('citynews/reader-comments');
  });

  test('a keep rule over text no other rule would remove has kept nothing: not in keeps, and the report says it never fired', () => {
    const rules = outlet('  - id: content\n    content: .story-body\n  - id: story\n    keep: .story-body\n');
    const r = clean({ content: html, url }, { rules });
    expect(r.text).toContain(prose('the library'));
    expect(r.keeps).toBeUndefined();
    const builder = new ReportBuilder({ ruleSet: rules });
    builder.add(r);
    expect(builder.build().warnings.filter((w) => w.type === 'never-fired').map((w) => w.rule)).toContain('citynews/story');
  });

  test('an inline element kept inside a removed one: its text stays, and the text of the removal around it leaves it out', () => {
    const body = `<div class="story-body"><p>${prose('the library')}</p><p class="promo">Subscribe <span class="price">for one euro a month</span> today</p></div>`;
    const r = clean({ content: page(body), url }, { rules: outlet('  - id: content\n    content: .story-body\n  - id: promo\n    selector: .promo\n  - id: price\n    keep: .price\n') });
    expect(r.text).toContain('for one euro a month');
    const promo = r.removals.filter((x) => x.rule === 'promo').map((x) => x.text.trim());
    expect(promo).toEqual(['Subscribe', 'today']);
  });

  test('an inline element kept in a kept paragraph keeps its place in the text', () => {
    const body = `<div class="story-body"><p>${prose('the library')}</p><p>Membership costs <span class="price">one euro</span> a month for every reader in the city.</p></div>`;
    const r = clean({ content: page(body), url }, { rules: outlet('  - id: content\n    content: .story-body\n  - id: price\n    keep: .price\n') });
    expect(r.text).toBe(`Library to close\n\n${prose('the library')}\n\nMembership costs\n\none euro\n\na month for every reader in the city.\n`);
  });

  test('a byline and a date inside a kept element still give the article its authors and date, and stay in the text', () => {
    // Rules of their own, so the test reads the extract rules alone: an element rule (byline) and a block rule (date line).
    const rules = (keep: string) => rulesFrom({ default: `outlet: default\nrules:\n  - id: bylines\n    class-id: ['^byline$']\n    extract: authors\n  - id: dateline\n    date-line: true\n    extract: date\n${keep}` });
    const html = page(`<div class="credits"><p class="byline">By Ann Writer</p><p>Published 17 December 2024</p></div><p>${prose('the library')}</p>`);
    const plain = clean({ content: html }, { rules: rules('') });
    expect(plain.article).toMatchObject({ authors: ['Ann Writer'], date: '2024-12-17' });
    expect(plain.text).not.toContain('Ann Writer');
    const kept = clean({ content: html }, { rules: rules('  - id: credits\n    keep: .credits\n') });
    expect(kept.article).toMatchObject({ authors: ['Ann Writer'], date: '2024-12-17' });
    expect(kept.text).toContain('By Ann Writer\n\nPublished 17 December 2024');
    expect(kept.removals.filter((r) => r.text.includes('Ann Writer') || r.text.includes('2024'))).toEqual([]);
  });

  test('an element kept for its image, with no text, stays in the cleaned HTML; the rest of the section around it goes', () => {
    const body = `<div class="story-body"><p>${prose('the library')}</p></div><aside class="rail"><p>Most read today</p><figure class="chart"><img src="visitors.png" alt=""></figure><img src="ad.png" alt=""></aside>`;
    const r = clean({ content: page(body), url }, { rules: outlet('  - id: content\n    content: .story-body\n  - id: chart\n    keep: .chart\n'), html: true });
    expect(r.html).toContain('visitors.png');
    expect(r.html).not.toContain('ad.png');
    expect(r.html).not.toContain('Most read today');
  });

  test('no block rule removes or cuts text inside a kept element', () => {
    const body = `<div class="story-body"><p>${prose('the library')}</p><div class="factbox"><p>Read more: opening hours are 9 to 5 on weekdays.</p></div><p>Read more: the next story.</p></div>`;
    const rules = (keep: string) => outlet(`  - id: read-more\n    pattern: '^Read more:'\n${keep}`);
    const without = clean({ content: page(body), url }, { rules: rules('') });
    expect(without.text).not.toContain('opening hours');
    const withKeep = clean({ content: page(body), url }, { rules: rules('  - id: factbox\n    keep: .factbox\n') });
    expect(withKeep.text).toContain('Read more: opening hours are 9 to 5 on weekdays.');
    expect(withKeep.text).not.toContain('the next story');
  });

  test('the cleaned HTML keeps the kept elements inside the removed section, and nothing else of it', () => {
    const r = clean({ content: html, url }, { rules: outlet('  - id: content\n    content: .story-body\n  - id: reader-comments\n    keep: .comment-body\n'), html: true });
    expect(r.html).toContain('a reader asked about the opening hours');
    expect(r.html).toContain('another reader asked about the books');
    for (const gone of ['3 comments', 'Reply', 'Copyright City News', 'Home']) expect(r.html).not.toContain(gone);
  });

  test('in a rule test, a must-keep snippet a keep rule keeps shows that rule at work; without such a snippet it is untested', () => {
    const rules = 'outlet: citynews\nmatch:\n  hosts: [citynews.example]\nrules:\n  - id: content\n    content: .story-body\n  - id: reader-comments\n    keep: .comment-body\n';
    const test = (keep: string) => `tests:\n  - name: comments\n    html: ${JSON.stringify(html)}\n    keep: [${keep}]\n    drop: [{text: 3 comments, rule: content}]\n`;
    const covered = (keep: string) => {
      const dir = writeTree({ 'default.yaml': 'outlet: default\nrules: []\n', 'outlets/citynews.yaml': rules, 'outlets/citynews.test.yaml': test(keep) });
      const { files, errors } = loadRuleTests(dir);
      expect(errors).toEqual([]);
      const ruleSet = loadRules(dir);
      const report = runRuleTests(ruleSet, files);
      expect(report.failures).toEqual([]);
      return uncoveredRules(ruleSet, report.covered).map((r) => r.id);
    };
    expect(covered('"a reader asked about the opening hours"')).toEqual([]);
    expect(covered('"the library"')).toEqual(['reader-comments']);
  });

  test('a bad selector is a rule-file error at its line and column, with what to write', () => {
    const dir = writeTree({ 'outlets/citynews.yaml': 'outlet: citynews\nrules:\n  - id: box\n    keep: "div["\n' });
    const { ruleSet, errors } = checkRules(dir);
    expect(ruleSet).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 4, column: 11, hint: expect.stringContaining('.fact-box') });
    expect(errors[0].file.endsWith('outlets/citynews.yaml')).toBe(true);
    expect(errors[0].reason).toMatch(/^Invalid CSS selector/);
  });
});
