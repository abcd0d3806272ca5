/** `selector`: remove every element a CSS selector matches, with all the text inside it. */
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { createParser, render } from 'css-selector-parser';
import { positionsOf } from './view.js';
import type { PageView } from './types.js';
import type { RuleKind } from './types.js';
import { OptionError } from './types.js';

/** The CSS selector parser hast-util-select uses (the engine's selector plan parses with it too). */
export const parseSelector = createParser({ syntax: 'selectors-4' });

/**
 * Parse `css` once at load, so that a bad selector is a rule-file error at `key` (with `hint`:
 * what to write instead), not a failure on every document.
 */
export function checkSelector(css: string, key: (string | number)[], hint: string): void {
  try {
    selectAll(css, { type: 'root', children: [] });
  } catch (error) {
    throw new OptionError(`Invalid CSS selector: ${(error as Error).message}`, key, hint);
  }
}

interface Options {
  selector: string;
}

export const selector: RuleKind<Options> = {
  meta: {
    name: 'selector',
    description: 'Remove every element matched by a CSS selector (hast-util-select), with all its content.',
    level: 'element',
    example: {
      rules: "- id: related\n  selector: 'aside, .related-articles'\n",
      html: '<article><p>The council voted to close the library.</p><aside><p>Most read</p></aside><div class="related-articles"><p>Another story</p></div></article>',
      drops: ['Most read', 'Another story'],
      keeps: ['The council voted to close the library.'],
    },
    schema: {
      properties: {
        selector: { type: 'string', minLength: 1, description: 'A CSS selector list, e.g. "aside, .related-articles".' },
      },
      required: ['selector'],
    },
  },
  compile({ selector: css }) {
    checkSelector(css, ['selector'], 'write a CSS selector such as `aside`, `.related`, `[data-component="more-news"]` or `div > .promo`');
    const parts = parseSelector(css).rules.map((rule) => render(rule));
    // Per page, the elements each selector of the list matches: asked for only when one is needed.
    const matched = new WeakMap<PageView, Map<string, Set<Element>>>();
    return {
      level: 'element',
      css,
      select: (page: PageView): number[] => positionsOf(page, selectAll(css, page.tree)),
      why(page: PageView, at: number): string {
        if (parts.length === 1) return `selector \`${parts[0]}\``;
        let byPart = matched.get(page);
        if (!byPart) matched.set(page, (byPart = new Map()));
        for (const part of parts) {
          let elements = byPart.get(part);
          if (!elements) byPart.set(part, (elements = new Set(selectAll(part, page.tree))));
          if (elements.has(page.nodes[at] as Element)) return `selector \`${part}\``;
        }
        return `selector \`${css}\``;
      },
    };
  },
};
