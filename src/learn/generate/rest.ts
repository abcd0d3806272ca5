/**
 * A recurring marker after which a page holds only template -> `drop: rest` rules ("More Latest
 * News" and its headlines, "Related posts" and its links).
 *
 * After the marker, a page may hold recurring text, links and short rail lines, but (almost) no
 * prose of its own. A marker that is followed by prose on any page where it occurs is not
 * vouched for, nor one that is followed by nothing on most pages (nothing shows what may follow
 * it); with gold, its precision decides.
 */
import { tokens } from '../../kernel/text/words.js';
import type { Candidate, LearnContext } from '../candidate.js';
import { recurs } from '../candidate.js';
import { patternFor } from '../normalise.js';
import type { LearnPage, PageBlock } from '../page.js';
import { mostCommon } from './text.js';

/** A block is link text when at least half its words are inside links. */
const LINK_SHARE = 0.5;
/** Markers are short: a heading, not a paragraph. */
const MAX_MARKER_WORDS = 8;
/** With gold, markers followed by more prose than this share are not worth evaluating. */
const GOLD_TRY_SHARE = 0.5;

interface Marker {
  candidate: Candidate;
  /** Index of the marker block on each page it occurs on (the first occurrence). */
  at: Map<number, number>;
  position: number;
}

export function restCandidates(context: LearnContext): Candidate[] {
  const markers: Marker[] = [];
  const levels = [['exact', context.exact], ['shape', context.shape]] as const;
  const seen = new Set<string>();
  for (const [level, index] of levels) {
    for (const stats of index.values()) {
      if (stats.pages.size < context.required) continue;
      const first = firstPerPage(stats.occurrences);
      const sample = first[0].block;
      if (sample.words > MAX_MARKER_WORDS || seen.has(sample.exact)) continue;
      if (level === 'shape' && new Set(first.map((o) => o.block.exact)).size < 2) continue;
      let worst = 0;
      let prose = 0;
      let tail = 0;
      let removed = 0;
      let lost = 0;
      let followed = 0;
      for (const { page, block } of first) {
        const t = tailOf(context, context.pages[page], block);
        if (t.words > 0) followed++;
        worst = Math.max(worst, t.words === 0 ? 0 : t.prose / t.words);
        prose += t.prose;
        tail += t.words;
        removed += t.tokens.length;
        lost += context.pages[page].ledger?.cost(t.tokens) ?? 0;
      }
      // The evidence that the rest is template is the rest itself: a marker that ends most pages
      // (a signature) says nothing of what may follow it elsewhere.
      const vouched = worst <= context.options.maxUniqueShare && followed >= context.required;
      // Screen here what the engine would see: a rest rule takes the marker and all after it.
      if (context.withGold ? removed === 0 || 1 - lost / removed < context.options.minPrecision || (!vouched && prose / Math.max(1, tail) > GOLD_TRY_SHARE) : !vouched) continue;
      for (const o of first) seen.add(o.block.exact);
      const example = mostCommon(first.map((o) => o.block.kept!));
      const at = new Map(first.map((o) => [o.page, o.block.block.index]));
      markers.push({
        at,
        position: first.reduce((n, o) => n + o.block.block.index / Math.max(1, context.pages[o.page].blocks.length), 0) / first.length,
        candidate: {
          id: `${slugOf(example)}-rail`,
          description: `"${example}" and everything after it: on the outlet's pages only template and links follow it.`,
          rule: level === 'exact' ? { drop: 'rest', text: example } : { drop: 'rest', pattern: patternFor(example, 'shape') },
          source: 'rest',
          vouched,
        },
      });
    }
  }
  // Earliest markers first; a marker that on every page of its own comes after one already taken adds nothing.
  markers.sort((a, b) => a.position - b.position);
  const cut = new Map<number, number>();
  const out: Candidate[] = [];
  for (const marker of markers) {
    if ([...marker.at].every(([page, index]) => (cut.get(page) ?? Infinity) < index)) continue;
    for (const [page, index] of marker.at) cut.set(page, Math.min(cut.get(page) ?? Infinity, index));
    out.push(marker.candidate);
  }
  return out;
}

function slugOf(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').split('-').slice(0, 4).join('-') || 'marker';
}

function firstPerPage(occurrences: ReadonlyArray<{ page: number; block: PageBlock }>): Array<{ page: number; block: PageBlock }> {
  const byPage = new Map<number, { page: number; block: PageBlock }>();
  for (const o of occurrences) {
    const had = byPage.get(o.page);
    if (!had || o.block.block.index < had.block.block.index) byPage.set(o.page, o);
  }
  return [...byPage.values()];
}

/** Words after the marker, how many of them are prose of this page alone, and the tokens the rule would take. */
function tailOf(context: LearnContext, page: LearnPage, marker: PageBlock): { words: number; prose: number; tokens: string[] } {
  let words = 0;
  let prose = 0;
  const taken: string[] = tokens(marker.kept ?? '');
  for (let i = marker.block.index + 1; i < page.blocks.length; i++) {
    const b = page.blocks[i];
    if (b.kept === undefined || b.words === 0) continue;
    words += b.words;
    taken.push(...tokens(b.kept));
    if (recurs(context, b)) continue;
    if (b.linkWords >= LINK_SHARE * b.words) continue;
    if (page.type === 'text' && b.words <= context.options.maxRailWords) continue;
    prose += b.words;
  }
  return { words, prose, tokens: taken };
}
