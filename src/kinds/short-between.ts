/**
 * `short-between`: remove a short block that stands between removed blocks, as jusText decides
 * short blocks by their neighbours: a lone "Tags", "Posted by admin" or "|" left over between a
 * removed share bar and a removed comment section is part of the boilerplate around it.
 *
 *   - id: leftovers
 *     short-between: 5      # blocks of at most 5 words whose neighbours were both removed
 *
 * Neighbours are the blocks just before and after in the document; the first and last block
 * have only one and are kept (the end of a short text is no leftover).
 */
import type { RuleKind } from './types.js';
import { countWords } from '../engine/words.js';

interface Options {
  'short-between': number;
}

export const shortBetween: RuleKind<Options> = {
  meta: {
    name: 'short-between',
    description: 'Remove a block of at most N words whose neighbouring blocks have both been removed.',
    level: 'block',
    schema: {
      properties: {
        'short-between': { type: 'integer', minimum: 1, description: 'Most words a block may have to be removed for its removed neighbours, e.g. 5.' },
      },
      required: ['short-between'],
    },
  },
  claims: (rule) => 'short-between' in rule,
  compile(options) {
    const most = options['short-between'];
    return {
      level: 'block',
      decide({ blocks, block, text, isRemoved }) {
        const before = block.index > 0 && isRemoved(block.index - 1);
        const after = block.index < blocks.length - 1 && isRemoved(block.index + 1);
        return before && after && countWords(text) <= most ? { drop: 'block' } : null;
      },
    };
  },
};
