/**
 * `tags`: remove elements that are not content by what they are: `nav`, `aside`, `form`,
 * `button`, `footer`... A page that misuses one of them for its article (an ASP.NET page is one
 * big `form`; some themes put the post in an `aside`) keeps it through `max-share`: an element
 * holding more than that share of the page's prose (words not in links) is not removed.
 *
 *   - id: non-content
 *     tags: [nav, aside, form, button]
 *     max-share: 0.5
 */
import type { Element } from 'hast';
import type { PageView } from './types.js';
import type { RuleKind } from './types.js';

interface Options {
  tags: string[];
  'max-share'?: number;
}

export const maxShareSchema = {
  type: 'number',
  exclusiveMinimum: 0,
  maximum: 1,
  description: 'Keep an element holding more than this share of the page\'s words outside links (default: 1, no limit).',
};

export const tags: RuleKind<Options> = {
  meta: {
    name: 'tags',
    description: 'Remove elements with one of the given tag names (nav, aside, form, ...), unless they hold most of the page\'s prose (`max-share`).',
    level: 'element',
    example: {
      rules: '- id: non-content\n  tags: [nav, aside, form]\n',
      html: '<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><p>The council voted to close the library.</p></article><form><p>Sign up for our newsletter</p></form>',
      drops: ['Home News', 'Sign up for our newsletter'],
      keeps: ['The council voted to close the library.'],
    },
    schema: {
      properties: {
        tags: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' }, minItems: 1, description: 'Tag names in lower case, e.g. [nav, aside, form].' },
        'max-share': maxShareSchema,
      },
      required: ['tags'],
    },
  },
  compile(options) {
    const names = new Set(options.tags);
    const maxShare = options['max-share'] ?? 1;
    return {
      level: 'element',
      select({ nodes, end, words, linkWords }: PageView): number[] {
        const limit = maxShare * (words[0] - linkWords[0]);
        const out: number[] = [];
        for (let i = 1; i < nodes.length; i++) {
          if (names.has((nodes[i] as Element).tagName) && (maxShare >= 1 || words[i] - linkWords[i] <= limit)) {
            out.push(i);
            i = end[i] - 1;
          }
        }
        return out;
      },
      why: (page: PageView, at: number) => `tag \`${(page.nodes[at] as Element).tagName}\``,
    };
  },
};
