/**
 * What `winnow learn` does not propose without gold, however often it recurs: the structure that
 * holds the article, the article's byline and date lines, prose the outlet prints with every
 * article, the headline, and a `drop: rest` marker that nothing is seen to follow.
 */
import { clean } from '../src/kernel/clean.js';
import { learnOutlet, type Proposal } from '../src/learn/learn.js';
import { loadRules } from '../src/io/rules.js';
import { writeTree } from './helpers.js';
import { seededRandom } from '../src/report/examples.js';
import { syntheticPages } from './synthetic-outlet.js';

/** Defaults that know nothing of whole pages, so that everything is left for the learner to judge. */
const BARE_DEFAULTS = 'outlet: default\nrules:\n  - id: advertisement-marker\n    text: Advertisement\n';
const NAMES = ['Henry Moore', 'Amelia Okafor', 'Priya Patel', 'Tomasz Nowak', 'Grace Fitzgerald', 'Kwame Mensah', 'Sofia Rossi', 'Declan Byrne', 'Mei Chen', 'Rowan Hughes'];
const MONTHS = ['March', 'April', 'May', 'June', 'July'];
const TAGLINE = 'A blog about the everyday economics of small towns, written in the evenings and read over breakfast by people who care.';
const NOTE = 'Opinions expressed here are the author’s own and do not necessarily reflect those of the newsroom.';

interface Page {
  id: string;
  html: string;
  byline: string;
  dateline: string;
  paragraphs: string[];
}

/**
 * An HTML outlet: a masthead with the blog's description, then the article in `div.story` (the same
 * container on every page) with its headline, byline, date, paragraphs and a standard note, then a
 * rail of links. `bare`: the container holds the paragraphs only (the headline stands before it).
 */
function outlet(count: number, seed: number, bare = false): Page[] {
  const rnd = seededRandom(seed);
  const articles = syntheticPages(count + 3, seed);
  return articles.slice(0, count).map((article, n) => {
    const [headline, ...paragraphs] = article.gold.trim().split('\n\n');
    const byline = `By ${NAMES[Math.floor(rnd() * NAMES.length)]}`;
    const dateline = `${1 + Math.floor(rnd() * 28)} ${MONTHS[n % MONTHS.length]} 2024`;
    const rail = articles.slice(n + 1, n + 4).map((a) => `<li><a href="/x">${a.gold.split('\n')[0]}</a></li>`).join('');
    const html = `<!doctype html><html><head><title>${headline} | Town Ledger</title></head><body>
<div id="masthead"><p class="tagline">${TAGLINE}</p></div>
${bare ? `<h1>${headline}</h1><div class="story">` : `<div class="story"><h1>${headline}</h1><p class="byline">${byline}</p><p class="dateline">${dateline}</p>`}
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
${bare ? '' : `<p class="note">${NOTE}</p>`}</div>
<div class="rail"><h3>More from the Ledger</h3><ul>${rail}</ul></div>
</body></html>`;
    return { id: `ledger-${n + 1}`, html, byline, dateline, paragraphs };
  });
}

function learn(pages: Page[], options: Parameters<typeof learnOutlet>[0]['options'] = {}): Proposal {
  const ruleSet = loadRules(writeTree({ 'default.yaml': BARE_DEFAULTS }));
  return learnOutlet({ outlet: 'ledger', ruleSet, documents: pages.map((p) => ({ id: p.id, content: p.html, type: 'html' as const })), options: { at: '2024-12-19', ...options } });
}

/** The proposal written as an outlet file beside the bare defaults, and one page cleaned with it. */
function cleanWith(proposal: Proposal, page: Page): string {
  const rules = proposal.rules.map((r) => r.rule);
  const dir = writeTree({ 'default.yaml': BARE_DEFAULTS, 'outlets/ledger.yaml': JSON.stringify({ outlet: 'ledger', rules }) });
  return clean({ content: page.html, type: 'html', outlet: 'ledger' }, { rules: loadRules(dir) }).text;
}

describe('winnow learn without gold: what is not proposed', () => {
  const pages = outlet(10, 11);
  const training = pages.slice(0, 8);
  const unseen = pages.slice(8);

  test('the masthead description and the rail go; the byline, the date, the standard note and every paragraph stay', () => {
    const proposal = learn(training);
    expect(proposal.rules.length).toBeGreaterThan(0);
    for (const page of unseen) {
      const text = cleanWith(proposal, page);
      expect(text).not.toContain(TAGLINE);
      expect(text).not.toContain('More from the Ledger');
      expect(text).toContain(page.byline);
      expect(text).toContain(page.dateline);
      expect(text).toContain(NOTE);
      for (const p of page.paragraphs) expect(text).toContain(p);
    }
  });

  test('the article container recurs on every page, but is not proposed even when the selector screens are turned off', () => {
    const bare = outlet(10, 11, true);
    // With these shares the selector generator vouches for any recurring element, the container too;
    // what it would take from each page (most of its own words, the lines between its paragraphs) refuses it.
    const proposal = learn(bare.slice(0, 8), { maxUniqueShare: 1, maxContentShare: 1 });
    const selectors = proposal.rules.map((r) => r.rule.selector).filter(Boolean);
    expect(selectors).not.toContain('div.story');
    for (const page of bare.slice(8)) for (const p of page.paragraphs) expect(cleanWith(proposal, page)).toContain(p);
  });

  test('a sign-off that ends most pages is no `drop: rest` marker: a page where more follows it keeps what follows', () => {
    // Plain-text posts signed "Ross" at the end; on the unseen page, a second post follows the signature.
    const posts = syntheticPages(10, 5).map((p) => p.gold.trim());
    const documents = posts.slice(0, 8).map((text, n) => ({ id: `post-${n}`, content: `${text}\n\nRoss\n`, type: 'text' as const }));
    const ruleSet = loadRules(writeTree({ 'default.yaml': BARE_DEFAULTS }));
    const proposal = learnOutlet({ outlet: 'ledger', ruleSet, documents, options: { at: '2024-12-19' } });
    expect(proposal.rules.filter((r) => r.rule.drop === 'rest')).toEqual([]);
    const dir = writeTree({ 'default.yaml': BARE_DEFAULTS, 'outlets/ledger.yaml': JSON.stringify({ outlet: 'ledger', rules: proposal.rules.map((r) => r.rule) }) });
    const page = `${posts[8]}\n\nRoss\n\n${posts[9]}\n\nRoss\n`;
    const text = clean({ content: page, type: 'text', outlet: 'ledger' }, { rules: loadRules(dir) }).text;
    for (const paragraph of posts[9].split('\n\n')) expect(text).toContain(paragraph);
  });
});
