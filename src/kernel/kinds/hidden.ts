/**
 * `hidden`: remove elements a browser does not show: the `hidden` attribute, `aria-hidden="true"`
 * and inline styles `display: none` or `visibility: hidden`. Pages carry menus, pop-ups, print-only
 * copies and templates this way; their text is in the HTML but no reader sees it.
 */
import type { Element } from 'hast';
import type { PageView } from './types.js';
import type { RuleKind } from './types.js';

interface Options {
  hidden: true;
  /** Also treat `aria-hidden="true"` as hidden (default: true). */
  'aria-hidden'?: boolean;
}

/** An inline style that hides the element. */
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

export const hidden: RuleKind<Options> = {
  meta: {
    name: 'hidden',
    description: 'Remove elements the browser does not show: `hidden`, `aria-hidden="true"`, `style="display: none"` or `visibility: hidden`.',
    level: 'element',
    example: {
      rules: '- id: hidden\n  hidden: true\n',
      html: '<p>The council voted to close the library.</p><div hidden><p>Sign in to continue</p></div><p style="display: none">Print edition only</p>',
      drops: ['Sign in to continue', 'Print edition only'],
      keeps: ['The council voted to close the library.'],
    },
    schema: {
      properties: {
        hidden: { const: true, description: 'Remove hidden elements (write `hidden: true`).' },
        'aria-hidden': { type: 'boolean', description: 'Also remove elements with aria-hidden="true" (default: true).' },
      },
      required: ['hidden'],
    },
  },
  compile(options) {
    const aria = options['aria-hidden'] ?? true;
    return {
      level: 'element',
      select({ nodes, end }: PageView): number[] {
        const out: number[] = [];
        for (let i = 1; i < nodes.length; i++) {
          if (hiddenBy(nodes[i] as Element, aria) !== undefined) {
            out.push(i);
            i = end[i] - 1; // everything inside goes with it
          }
        }
        return out;
      },
      why: (page: PageView, at: number) => hiddenBy(page.nodes[at] as Element, aria),
    };
  },
};

/**
 * A React streaming boundary (`<div hidden id="S:1a">`): content the server sent ahead, which the
 * page's script moves into place at once. It is shown, not hidden.
 */
const STREAMED = /^S:[0-9a-z]+$/i;

/** What hides the element (its `hidden` attribute, `aria-hidden`, or its style), or undefined when it is shown. */
function hiddenBy(element: Element, aria: boolean): string | undefined {
  const { properties } = element;
  if (properties.hidden !== undefined && properties.hidden !== false && properties.hidden !== null) {
    return typeof properties.id === 'string' && STREAMED.test(properties.id) ? undefined : 'the `hidden` attribute';
  }
  const { ariaHidden } = properties;
  if (aria && ariaHidden !== undefined && String(ariaHidden).toLowerCase() === 'true') return '`aria-hidden="true"`';
  const style = properties.style;
  return typeof style === 'string' && style.length >= 12 && HIDING_STYLE.test(style) ? `\`style="${style.trim()}"\`` : undefined;
}
