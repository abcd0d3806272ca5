/**
 * The engine's shortcuts must not change what rules match: CSS rules matched together in one walk
 * find exactly what hast-util-select finds rule by rule, and the table-driven word counter counts
 * what the reference tokeniser counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { compileSelectors, matchSelectors } from '../src/kernel/engine/selectors.js';
import { countWords, tokens } from '../src/kernel/text/words.js';
import { fastHtmlToHast } from '../src/kernel/parse/index.js';
import { ROOT } from './helpers.js';

const SAMPLE = join(ROOT, 'tests', 'fixtures', 'dragnet-sample', 'html');
const pages = readdirSync(SAMPLE).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(SAMPLE, f), 'utf8'));

const SELECTORS = [
  'aside, nav', 'footer', '.related, .share', '#comments', '[class*=promo]', '[data-component="more-news"]',
  'div > .promo', 'a[href^="http"]', '[hidden]', 'ul li:first-child', '*', '[role=navigation i]', 'div.post.entry',
  '[class~=widget]', '[id$=ad]', 'img[alt]', 'script, style, noscript', '[lang|=en]', 'svg [class]', '.nav, header .menu',
  'A', '[CLASS]', '[class=""]', '[href*="?"]', 'p:not(.x)', '[style*="display:none" i]', 'input[type=hidden]',
];

test('CSS rules matched in one walk find what selectAll finds, rule by rule, in document order', () => {
  const plan = compileSelectors(SELECTORS);
  let compared = 0;
  for (const html of pages) {
    const tree = fastHtmlToHast(html);
    const hits = matchSelectors(plan, tree);
    SELECTORS.forEach((css, i) => {
      expect([css, hits[i]]).toEqual([css, selectAll(css, tree)]);
      compared += hits[i].length;
    });
  }
  expect(compared).toBeGreaterThan(1000);
});

test('words are counted as the reference tokeniser splits them', () => {
  const samples = ['𝐀𝐁 x_y ١٢٣ 漢字 ｈｅｌｌｏ', '\ud800 lone surrogate', 'a\u00a0b', 'é́ combining', '🙂 emoji 🙂x', '', '  ', 'Don’t stop-believing'];
  for (const text of [...samples, ...pages]) expect(countWords(text)).toBe(tokens(text).length);
});
