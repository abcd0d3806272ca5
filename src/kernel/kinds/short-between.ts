/**
 * `short-between`: remove a short block that stands between removed blocks, as jusText decides
 * short blocks by their neighbours: a lone "Tags", "Posted by admin" or "|" left over between a
 * removed share bar and a removed comment section is part of the boilerplate around it.
 *
 *   - id: leftovers
 *     short-between: 5      # blocks of at most 5 words whose neighbours were both removed
 *
 * Neighbours are the blocks just before and after in the document; the first and last block
 * have only one and are kept (the end of a short text is no leftover). A block that ends like a
 * sentence ("Crews were called at 5pm.") is prose, however short, and is kept; so is an `h1`,
 * the headline, whatever was removed around it.
 */
import type { RuleKind } from './types.js';
import { countWords } from '../text/words.js';

/** The end of a sentence: a full stop, question or exclamation mark, perhaps inside quotes or brackets. */
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;

interface Options {
  'short-between': number;
}

export const shortBetween: RuleKind<Options> = {
  meta: {
    name: 'short-between',
    description: 'Remove a block of at most N words, not ending like a sentence, whose neighbouring blocks have both been removed.',
    level: 'block',
    example: {
      rules: "- id: share-and-comments\n  class-id: ['^share', '^comments$']\n- id: leftovers\n  short-between: 5\n",
      html: '<p>The council voted to close the library.</p><div class="share"><p>Share this article</p></div><p>Tags: council</p><div class="comments"><p>Comments (3)</p></div><p>The vote was close.</p>',
      drops: ['Tags: council'],
      keeps: ['The council voted to close the library.', 'The vote was close.'],
    },
    schema: {
      properties: {
        'short-between': { type: 'integer', minimum: 1, description: 'Most words a block may have to be removed for its removed neighbours, e.g. 5.' },
      },
      required: ['short-between'],
    },
  },
  compile(options) {
    const most = options['short-between'];
    return {
      level: 'block',
      decide({ blocks, block, text, isRemoved }) {
        // A page's top heading is its headline, whatever was removed around it.
        if (block.tag === 'h1') return null;
        const before = block.index > 0 && isRemoved(block.index - 1);
        const after = block.index < blocks.length - 1 && isRemoved(block.index + 1);
        return before && after && countWords(text) <= most && !SENTENCE_END.test(text) ? { drop: 'block' } : null;
      },
    };
  },
};
