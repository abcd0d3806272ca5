/**
 * `content`: where an outlet's article is, by selector, so that everything outside it goes:
 *
 *   - id: content
 *     content: ['article .story-body', 'div.article-text']   # alternatives, tried in order
 *
 * The elements the first selector that matches finds are the article; the page's headline (the
 * h1 or h2 that matches its title) is kept too, as the title line. Every other element goes, and
 * the removal names the rule and the selector. The page's fields are read as ever.
 *
 * When no selector matches, or what it finds holds fewer than `min-words` words (the outlet
 * changed its template), the rule is stale on that page: it
 * removes nothing, the defaults find the article as they would without it (`main-content`), and
 * the report lists the rule as stale. When it matches, the rules that look for the article
 * themselves (`main-content`) stand aside.
 */
import { selectAll } from 'hast-util-select';
import { findHeadline } from './main-content.js';
import { asList, stringOrList } from './shared.js';
import type { ArticleFound, PageView, RuleKind } from './types.js';
import { checkSelector } from './selector.js';
import { elementsOutside, isTextDocument, outermost, positionsOf } from './view.js';

interface Options {
  content: string | string[];
  headline?: boolean;
  'min-words'?: number;
}

/**
 * Fewer words than this in what a selector finds is not an article: an outlet that redesigned
 * its pages may still use the class name somewhere else (a byline box, a date). The rule is then
 * stale on the page, and the defaults find the article.
 */
const MIN_WORDS = 20;

export const content: RuleKind<Options> = {
  meta: {
    name: 'content',
    description: 'The article is what a selector (the first of a list that matches) finds; everything outside it but the headline goes (a byline or date line it removes still gives the authors and date). Stale when none matches: the defaults find the article then.',
    level: 'element',
    surroundings: true,
    example: {
      rules: "- id: content\n  content: ['.story-body', 'article .text']\n",
      html:
        '<html><head><title>Library to close | City News</title></head><body><div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>' +
        '<h1>Library to close</h1><div class="promo"><p>Subscribe for one euro</p></div>' +
        '<div class="story-body"><p>The council voted on Tuesday to close the central library in the spring, after months of talks with readers, staff and the schools that use it.</p></div><div class="more"><p>Most read today</p></div></body></html>',
      drops: ['Home News', 'Subscribe for one euro', 'Most read today'],
      keeps: ['Library to close', 'The council voted on Tuesday to close the central library in the spring, after months of talks with readers, staff and the schools that use it.'],
    },
    schema: {
      properties: {
        content: stringOrList('A CSS selector for the element(s) holding the article, or a list of them tried in order (an outlet\'s old and new templates).'),
        headline: { type: 'boolean', description: 'Also keep the headline (the h1 or h2 that matches the page\'s title) outside the article (default: true).' },
        'min-words': { type: 'integer', minimum: 0, description: `Fewest words what a selector finds must hold to be the article; fewer, and the next selector is tried (default: ${MIN_WORDS}).` },
      },
      required: ['content'],
    },
  },
  compile(options) {
    const selectors = asList(options.content);
    selectors.forEach((css, i) => checkSelector(css, Array.isArray(options.content) ? ['content', i] : ['content'], 'write a CSS selector such as `article .story-body` or `[itemprop="articleBody"]`'));
    const headline = options.headline ?? true;
    const minWords = options['min-words'] ?? MIN_WORDS;
    return {
      level: 'element',
      findArticle(page: PageView): ArticleFound | undefined {
        if (isTextDocument(page)) return undefined;
        for (const css of selectors) {
          // Elements found inside another found one (an article's teasers) stay with it.
          const at = outermost(page.end, positionsOf(page, selectAll(css, page.tree)));
          if (at.length > 0 && at.reduce((n, i) => n + page.words[i], 0) >= minWords) return { at, detail: css };
        }
        return undefined;
      },
      select(page, context) {
        const found = context.article;
        if (found === undefined) return [];
        const keep = [...found.at];
        if (headline) {
          const top = found.at[0];
          const heading = findHeadline(page, context, top);
          if (heading !== undefined && !found.at.some((at) => heading >= at && heading < page.end[at])) keep.push(heading);
        }
        return elementsOutside(page, keep, (at) => context.isClaimed(at));
      },
    };
  },
};
