/**
 * `class-id`: remove elements whose class names or id say what they are: `comments`, `share-bar`,
 * `related-posts`, `newsletter-signup`, `cookie-banner`... Each class name and the id are
 * lower-cased and tested whole against the rule's patterns, so a pattern says where the word
 * stands: `^share` matches "share-bar" and "sharebox" but not "category-worth-sharing" (a
 * category an article was filed under, which says nothing about the element).
 *
 *   - id: comments
 *     class-id: ['^comments?$', '^commentlist', '^disqus']
 *     unless: ['^(?:article|content|main)$']
 *
 * `unless` keeps an element that also carries one of those names (a wrapper named
 * "content comments-open" holds the article, not the comments). `html` and `body` are never
 * removed this way: their class names describe the page, not a part of it.
 *
 * `max-share` keeps an element that holds more than that share of the page's prose (words not
 * in links): a wrapper named "share-wrapper" or "sidebar-first" around the whole article is no
 * share bar or sidebar.
 *
 * `with-links: true` takes only elements that hold linked text: "teaser" names both a teaser of
 * another story (which links to it) and, on many news sites, the article's own standfirst.
 */
import type { Element } from 'hast';
import type { PageView } from './types.js';
import { anyWord } from './view.js';
import { WordTest } from '../text/class-words.js';
import { anyPattern, compilePatterns, stringOrList } from './shared.js';
import { maxShareSchema } from './tags.js';
import type { ElementContext, RuleKind } from './types.js';

interface Options {
  'class-id': string | string[];
  unless?: string | string[];
  'max-share'?: number;
  'with-links'?: boolean;
}

/** Elements whose class names describe the page rather than a part of it. */
const NEVER = new Set(['html', 'body']);
/**
 * Class names that file the article under a topic ("category-social-media", "tag-sharing"): they
 * say what the article is about, not what the element is, so they are never tested.
 */
const TAXONOMY = /^(?:category|tag|cat|topic|entry-category|entry-tag|post-tag|label)[-_]/;
/** Answered once per word for every class-id rule. */
const isTaxonomy = new WordTest((word) => TAXONOMY.test(word));

export const classId: RuleKind<Options> = {
  meta: {
    name: 'class-id',
    description: 'Remove elements with a class name or id matching one of the patterns (e.g. "^comments?$", "^share").',
    level: 'element',
    example: {
      rules: "- id: share\n  class-id: ['^share', '^social']\n",
      html: '<article class="story category-sharing-economy"><p>The council voted to close the library.</p><div class="share-bar"><a href="#">Share on Facebook</a></div></article>',
      drops: ['Share on Facebook'],
      keeps: ['The council voted to close the library.'],
    },
    schema: {
      properties: {
        'class-id': stringOrList('A regular expression tested against each lower-cased class name and the id, or a list of them.'),
        unless: stringOrList('Keep an element when any of its class names or its id matches one of these regular expressions (default: none).'),
        'max-share': maxShareSchema,
        'with-links': {
          type: 'boolean',
          description: 'Only elements that hold linked text (a teaser of another story links to it; the standfirst named "teaser" does not) (default: false).',
        },
      },
      required: ['class-id'],
    },
  },
  compile(options) {
    const wanted = compilePatterns('class-id', options['class-id'], 'u');
    const unless = options.unless === undefined ? [] : compilePatterns('unless', options.unless, 'u');
    const maxShare = options['max-share'] ?? 1;
    const withLinks = options['with-links'] ?? false;
    // Taxonomy names are neither wanted nor an `unless`: as if the element did not carry them.
    const anyWanted = anyPattern(wanted);
    const anyUnless = anyPattern(unless);
    const isWanted = new WordTest((word, id) => !isTaxonomy.matches(id) && anyWanted(word));
    const isUnless = new WordTest((word, id) => !isTaxonomy.matches(id) && anyUnless(word));
    return {
      level: 'element',
      select(page: PageView, context: ElementContext): number[] {
        const { nodes, end, words, linkWords } = page;
        const limit = maxShare * (words[0] - linkWords[0]);
        const out: number[] = [];
        for (let i = 1; i < nodes.length; i++) {
          // What an earlier rule claimed goes whole: a claim inside it would change nothing.
          if (context.isClaimed(i)) {
            i = end[i] - 1;
            continue;
          }
          if (!anyWord(page, i, isWanted)) continue;
          if (unless.length > 0 && anyWord(page, i, isUnless)) continue;
          if (NEVER.has((nodes[i] as Element).tagName)) continue;
          if (withLinks && linkWords[i] === 0) continue;
          if (maxShare >= 1 || words[i] - linkWords[i] <= limit) {
            out.push(i);
            i = end[i] - 1;
          }
        }
        return out;
      },
      why(page: PageView, at: number): string | undefined {
        const { className, id } = (page.nodes[at] as Element).properties;
        const names: Array<[string, string]> = [
          ...(Array.isArray(className) ? className.map((c): [string, string] => ['class', String(c).toLowerCase()]) : []),
          ...(typeof id === 'string' && id !== '' ? [['id', id.toLowerCase()] as [string, string]] : []),
        ];
        for (const [what, name] of names) {
          if (TAXONOMY.test(name)) continue;
          const pattern = wanted.find((re) => re.test(name));
          if (pattern) return `${what} \`${name}\` matches \`${pattern.source}\``;
        }
        return undefined;
      },
    };
  },
};
