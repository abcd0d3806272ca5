/**
 * `keep`: keep every element a CSS selector matches, with all the text inside it, whatever other
 * rules would remove: an outlet's fact box that a default takes for a rail, its comments when the
 * outlet's clean copy keeps them. Outside a `content` rule's article, inside a removed section,
 * a kept element stays.
 */
import { selectAll } from 'hast-util-select';
import { positionsOf } from './view.js';
import { checkSelector } from './selector.js';
import type { PageView, RuleKind } from './types.js';

interface Options {
  keep: string;
}

export const keep: RuleKind<Options> = {
  meta: {
    name: 'keep',
    description: 'Keep every element matched by a CSS selector, with all its text: no other rule removes it or anything inside it, even inside an element another rule removes.',
    level: 'element',
    example: {
      rules: "- id: rails\n  selector: aside\n- id: fact-box\n  keep: '.fact-box'\n",
      html: '<article><p>The council voted to close the library.</p><aside><p>Most read</p><div class="fact-box"><p>Opened in 1904, the library lends 80,000 books a year.</p></div></aside></article>',
      drops: ['Most read'],
      keeps: ['The council voted to close the library.', 'Opened in 1904, the library lends 80,000 books a year.'],
    },
    schema: {
      properties: {
        keep: { type: 'string', minLength: 1, description: 'A CSS selector list of the elements to keep, e.g. ".fact-box, #comments".' },
      },
      required: ['keep'],
    },
  },
  compile({ keep: css }) {
    checkSelector(css, ['keep'], 'write a CSS selector such as `.fact-box`, `#comments` or `[itemprop="articleBody"] table`');
    return {
      level: 'element',
      css,
      keeps: true,
      select: (page: PageView): number[] => positionsOf(page, selectAll(css, page.tree)),
      why: () => `selector \`${css}\``,
    };
  },
};
