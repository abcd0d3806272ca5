/**
 * `link-density`: remove blocks that are mostly link text when they come in a run: a rail of
 * related stories, a tag list, a "next / previous" bar, a blogroll. A short paragraph full of
 * links inside an article stands alone between prose, so it is kept; `min-run` says how many
 * link-heavy blocks in a row make a rail.
 *
 *   - id: link-rails
 *     link-density: 0.5     # link words / words at which a block counts as link-heavy
 *     min-run: 2            # this many link-heavy blocks in a row are removed (default: 2)
 *     alone: 0.9            # a link-heavy block on its own goes too at this density (default: never)
 *
 * Blocks removed by earlier rules are skipped when counting a run, since they are no longer
 * between the others in the output.
 */
import type { BlockInfo } from './types.js';
import type { BlockContext, RuleKind } from './types.js';

interface Options {
  'link-density': number;
  'min-run'?: number;
  alone?: number;
}

const DEFAULT_MIN_RUN = 2;

export const linkDensity: RuleKind<Options> = {
  meta: {
    name: 'link-density',
    description: 'Remove runs of blocks whose text is mostly link text (rails, tag lists, link bars); a link-heavy block alone between prose is kept.',
    level: 'block',
    example: {
      rules: '- id: link-rails\n  link-density: 0.5\n',
      html: '<p>The council voted to close the library, <a href="/a">the minutes</a> show.</p><ul><li><a href="/1">Council tax to rise</a></li><li><a href="/2">New bus routes</a></li></ul><p>The vote was close.</p>',
      drops: ['Council tax to rise', 'New bus routes'],
      keeps: ['The council voted to close the library, the minutes show.', 'The vote was close.'],
    },
    schema: {
      properties: {
        'link-density': { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'Share of a block\'s words inside links from which it counts as link-heavy, e.g. 0.5.' },
        'min-run': { type: 'integer', minimum: 1, description: `How many link-heavy blocks in a row are removed (default: ${DEFAULT_MIN_RUN}).` },
        alone: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'Also remove a link-heavy block on its own from this link density (default: never).' },
      },
      required: ['link-density'],
    },
  },
  compile(options) {
    const threshold = options['link-density'];
    const minRun = options['min-run'] ?? DEFAULT_MIN_RUN;
    const alone = options.alone ?? Infinity;
    return {
      level: 'block',
      decide(context) {
        // Which blocks the rule removes is decided once per document, for the whole page.
        const drop = context.memo(() => decide(context, threshold, minRun, alone));
        return drop[context.block.index] ? { drop: 'block' } : null;
      },
    };
  },
};

function decide({ blocks, isRemoved }: BlockContext, threshold: number, minRun: number, alone: number): Uint8Array {
  const drop = new Uint8Array(blocks.length);
  let run: number[] = [];
  const close = () => {
    if (run.length >= minRun) for (const i of run) drop[i] = 1;
    run = [];
  };
  for (const block of blocks) {
    if (isRemoved(block.index)) continue;
    const density = densityOf(block);
    if (density >= threshold) {
      run.push(block.index);
      if (density >= alone) drop[block.index] = 1;
    } else close();
  }
  close();
  return drop;
}

/** Link words / words of a block (0 for a block without words), counted text node by text node. */
export function densityOf(block: BlockInfo): number {
  return block.nodeWords === 0 ? 0 : block.linkWords / block.nodeWords;
}
