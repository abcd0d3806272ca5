/**
 * `title-line`: the block that is the article's headline, so that it becomes the title line
 * (`extract: title`) instead of a paragraph of the body.
 *
 *   - id: headline
 *     title-line: true     # an h1 (else h2) whose words are the page's title
 *     within: 25
 *     extract: title
 *
 * The page's title is what its metadata says (the `title` field: JSON-LD headline, og:title), and
 * the `<title>`; a heading matches when at least half its words are words of one of them, and it
 * is not mostly a link (a teaser's heading). On a page without either, the first `h1` is the
 * headline. `title-line: first` takes the first block
 * still kept instead: a plain-text copy of a page that starts with its headline.
 *
 * With `extract: title`, the engine keeps the headline as the document's title line (first in
 * the text output), or removes it when the caller asks for the body alone (`--no-title`).
 */
import { tokens } from '../text/words.js';
import type { BlockContext, BlockInfo, RuleKind } from './types.js';

interface Options {
  'title-line': true | 'first';
}

/** Blocks whose container is a heading of the article's rank, the first preferred. */
const HEADLINE_TAGS = ['h1', 'h2'];
/** Share of a heading's words that must be title words. */
const MIN_TITLE_SHARE = 0.5;

export const titleLine: RuleKind<Options> = {
  meta: {
    name: 'title-line',
    description: 'Take the article\'s headline: the h1 (else h2) whose words are the page\'s title (metadata or <title>), else the first h1; or the first block (`first`). With `extract: title` it is the title line.',
    level: 'block',
    example: {
      rules: '- id: headline\n  title-line: true\n  extract: title\n',
      html: '<html><head><title>Library to close | City News</title></head><body><p>Local news</p><h1>Library to close</h1><p>The council voted on Tuesday.</p></body></html>',
      drops: [],
      keeps: ['Library to close\n\nLocal news\n\nThe council voted on Tuesday.'],
      fields: { title: 'Library to close' },
    },
    schema: {
      properties: {
        'title-line': { enum: [true, 'first'], description: '`true`: the heading that matches the page\'s title; `first`: the first block still kept (plain text that starts with its headline).' },
      },
      required: ['title-line'],
    },
  },
  compile(options) {
    const first = options['title-line'] === 'first';
    return {
      level: 'block',
      decide(context) {
        // The headline is chosen once per document: the first block the rule sees that no
        // earlier block is kept before (`first`), else the heading that matches the title.
        const chosen = context.memo((): { index?: number } => (first ? {} : { index: findHeadline(context) }));
        if (first && chosen.index === undefined && !context.blocks.slice(0, context.block.index).some((b) => !context.isRemoved(b.index))) chosen.index = context.block.index;
        return chosen.index === context.block.index ? { drop: 'block', detail: first ? 'the first block' : context.block.tag } : null;
      },
    };
  },
};

function wordsOf(text: string): string[] {
  return tokens(text).map((w) => w.toLowerCase());
}

/** The index of the headline block, if the page has one. */
function findHeadline({ blocks, fields, page, isRemoved }: BlockContext): number | undefined {
  const titles = [fields.title?.value, page.title].filter((t): t is string => typeof t === 'string').map((t) => new Set(wordsOf(t)));
  let best: number | undefined;
  let bestScore = 0;
  for (const block of blocks) {
    if (isRemoved(block.index)) continue;
    const rank = HEADLINE_TAGS.indexOf(block.tag);
    // A heading that is mostly a link is a teaser's, not the article's.
    if (rank === -1 || block.linkWords * 2 >= block.nodeWords) continue;
    if (titles.length === 0) {
      if (rank === 0) return block.index;
      continue;
    }
    const score = titleShare(block, titles);
    // An h1 beats an h2 that matches as well; an earlier heading beats a later one.
    const weighted = score - rank * 0.01;
    if (score >= MIN_TITLE_SHARE && weighted > bestScore) {
      best = block.index;
      bestScore = weighted;
    }
  }
  return best;
}

function titleShare(block: BlockInfo, titles: Array<Set<string>>): number {
  const words = wordsOf(block.text);
  if (words.length === 0) return 0;
  return Math.max(...titles.map((title) => words.filter((w) => title.has(w)).length / words.length));
}
