/**
 * `learn --gold` finds what the rules in force take from an outlet's article and its clean copy
 * keeps: a `keep` rule by a name an editor chose, with evidence of what it keeps, taken only
 * when it makes the pages score better; none when the gold does not keep that text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from '../src/kernel/clean.js';
import { renderRuleFile } from '../src/learn/emit.js';
import { learnOutlet } from '../src/learn/learn.js';
import { RULES, rulesFrom } from './helpers.js';

const defaults = readFileSync(join(RULES, 'default.yaml'), 'utf8');
const ruleSet = rulesFrom({ default: defaults });

const sentence = (topic: string, n: number) => `On day ${n} the readers of the harbour blog wrote that ${topic} had changed how the town works, trades and votes, and the council agreed.`;
const story = (topic: string) => [1, 2, 3, 4].map((n) => sentence(topic, n));
const fact = (topic: string) => `Fact box: ${topic} opened in 1904 and carries 80,000 people a year between the quay and the islands.`;
const promo = (n: number) => `From the archive, story ${n}: the harbour blog looked back at the summer storms, the ferry strike and the fish market fire, with pictures from readers and the council's own report on the damage to the quay.`;

/**
 * A post: in `.entry-content`, the story with a fact box in an `<aside>` halfway, and an archive
 * promotion in another `<aside>` at the end. The defaults remove both asides; switching off the
 * rule that does would bring back three times as many words of promotion as of fact box.
 */
function page(topic: string): string {
  return `<!doctype html><html><head><title>${topic} | Harbour Blog</title></head><body>` +
    `<nav><a href="/">Home</a> <a href="/archive">Archive</a></nav>` +
    `<div class="post"><h1>${topic}</h1><div class="entry-content">${story(topic).slice(0, 2).map((p) => `<p>${p}</p>`).join('')}` +
    `<aside class="factbox"><p>${fact(topic)}</p></aside>` +
    `${story(topic).slice(2).map((p) => `<p>${p}</p>`).join('')}` +
    `<aside class="archive"><p>${promo(1)}</p><p>${promo(2)}</p></aside></div></div>` +
    `<footer><p>Copyright Harbour Blog</p></footer></body></html>`;
}
const topics = ['the new ferry', 'the fish market', 'the lighthouse'];
const article = (topic: string) => [topic, ...story(topic).slice(0, 2), fact(topic), ...story(topic).slice(2)];

describe('learning keep rules with gold', () => {
  test('the defaults remove the fact box; when the gold keeps it, the learner keeps `.factbox`, and the outlet file then keeps it on a page it has not seen', () => {
    expect(clean({ content: page('the old pier'), type: 'html' }, { rules: ruleSet }).text).not.toContain('Fact box');
    const documents = topics.map((topic, i) => ({ id: `p${i}.html`, content: page(topic), gold: article(topic).join('\n\n'), type: 'html' as const }));
    const proposal = learnOutlet({ outlet: 'harbourblog', documents, ruleSet });
    const keep = proposal.rules.find((r) => r.source === 'keep');
    expect(proposal.disable ?? []).toEqual([]);
    expect(keep?.rule).toMatchObject({ keep: '.factbox', learned: { support: '3/3', precision: 1 } });
    expect(keep?.evidence).toMatchObject({ pages: 3, seen: 3, precision: 1, keeps: true });
    const file = renderRuleFile({ outlet: 'harbourblog', hosts: [], disable: proposal.disable, comment: ' test' }, proposal.rules);
    expect(file).toMatch(/# keeps text on all 3 pages it was learned from, keeps \d+ words the other rules remove, precision 1\.000/);
    const withFile = rulesFrom({ default: defaults, harbourblog: file });
    const unseen = clean({ content: page('the old pier'), type: 'html', outlet: 'harbourblog' }, { rules: withFile });
    expect(unseen.text).toBe(`${article('the old pier').join('\n\n')}\n`);
  });

  test('when the gold leaves the fact box out, no keep rule is proposed, and --explain says why', () => {
    const documents = topics.map((topic, i) => ({ id: `p${i}.html`, content: page(topic), gold: [topic, ...story(topic)].join('\n\n'), type: 'html' as const }));
    const proposal = learnOutlet({ outlet: 'harbourblog', documents, ruleSet });
    expect(proposal.rules.filter((r) => r.source === 'keep')).toEqual([]);
    expect(proposal.why?.notes.join('\n')).toMatch(/no keep rule/);
  });
});
