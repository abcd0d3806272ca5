/**
 * Photo captions by the structure of their credit -> `caption` rules. Two structures:
 *
 *   keyword:  "... Kyiv, Ukraine. Picture: Alamy"       (the keyword is learned: Picture, Photo, Credit...)
 *   agency:   "... on Wednesday - STEFAN ROUSSEAU/AFP/Getty"   (the agencies are learned)
 *
 * The rule generalises what varies: any capitalised credit after a learned keyword; any
 * photographer's name before a learned agency. The agencies become an alternation of those seen
 * on two pages or more, never the photographers' names.
 */
import type { Candidate, LearnContext } from '../candidate.js';
import { escapeRegex, NAME, NAME_WORD } from '../normalise.js';
import type { PageBlock } from '../page.js';

/** Sentence end (or the block start) before a credit keyword. */
const BEFORE_KEYWORD = `(?:^|[.!?)"'’”]\\s*)`;
/** A credit after a keyword: capitalised, up to 60 characters of names, "&", "/" and digits. */
const KEYWORD_CREDIT = "\\p{Lu}[\\p{L}\\p{N}&'’ /.-]{0,60}";
const KEYWORD_FORM = new RegExp(`${BEFORE_KEYWORD}(\\p{Lu}\\p{Ll}+(?: \\p{Ll}+)?): ${KEYWORD_CREDIT}$`, 'u');
/** " - NAME/AGENCY/AGENCY" at the end of a block. */
const AGENCY_FORM = new RegExp(`\\s[-–—]\\s((?:${NAME})(?:/(?:${NAME}))*)$`, 'u');
/** Captions are never headings. */
const HEADING = /^h[1-6]$/;
/** Most captions in a plain-text copy have their image's alt text on the line before. */
const ALT_TEXT_SHARE = 0.8;

export function captionCandidates(context: LearnContext): Candidate[] {
  const keywordPages = new Map<string, Set<number>>();
  const keywordBlocks = new Map<string, PageBlock[]>();
  const agencyInstances: Array<{ page: number; block: PageBlock; parts: string[] }> = [];
  context.pages.forEach((page, p) => {
    for (const block of page.blocks) {
      if (block.kept === undefined || HEADING.test(block.tag)) continue;
      const keyword = KEYWORD_FORM.exec(block.kept);
      if (keyword) {
        add(keywordPages, keyword[1], p);
        const list = keywordBlocks.get(keyword[1]) ?? [];
        list.push(block);
        keywordBlocks.set(keyword[1], list);
        continue;
      }
      const agency = AGENCY_FORM.exec(block.kept);
      if (agency && block.kept.length > agency[0].length) agencyInstances.push({ page: p, block, parts: agency[1].split('/') });
    }
  });

  const out: Candidate[] = [];
  for (const [keyword, pages] of keywordPages) {
    if (pages.size < context.required) continue;
    out.push(withAltText(context, keywordBlocks.get(keyword)!, {
      id: `${keyword.toLowerCase().replace(/\s+/g, '-')}-caption`,
      description: `A photo caption ending in its credit ("${keyword}: <credit>"), with the image's alt text before it.`,
      rule: { caption: `${BEFORE_KEYWORD}${escapeRegex(keyword)}: ${KEYWORD_CREDIT}$` },
      source: 'caption',
      vouched: true,
    }));
  }

  // Agencies: credit parts in agency position (after a slash, or last) seen on two pages or more.
  const agencyPages = new Map<string, Set<number>>();
  for (const { page, parts } of agencyInstances) {
    parts.forEach((part, i) => {
      if (i > 0 || parts.length === 1) add(agencyPages, part, page);
    });
  }
  const agencies = [...agencyPages].filter(([, pages]) => pages.size >= 2).map(([a]) => a);
  const known = new Set(agencies);
  const explained = agencyInstances.filter(({ parts }) => known.has(parts[parts.length - 1]));
  if (agencies.length > 0 && new Set(explained.map((e) => e.page)).size >= context.required) {
    const alternation = `(?:${agencies.sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRegex).join('|')})`;
    out.push(withAltText(context, explained.map((e) => e.block), {
      id: 'agency-caption',
      description: 'A photo caption ending in " - " and its credit (a photographer\'s name and an agency), with the image\'s alt text before it.',
      rule: { caption: `\\s[-–—]\\s(?:${NAME_WORD}(?: ${NAME_WORD}){0,3}/)*${alternation}(?:/${alternation})*$` },
      source: 'caption',
      vouched: true,
    }));
  }
  return out;
}

/**
 * Pair the caption with the alt-text line before it only where the pages show that structure:
 * most captions have a line just before them in the same group, and (in HTML) it is not a
 * paragraph of the article. With gold, the other choice is tried when this one costs article text.
 */
function withAltText(context: LearnContext, blocks: PageBlock[], candidate: Candidate): Candidate {
  let paired = 0;
  for (const pb of blocks) {
    const page = context.pages.find((p) => p.blocks[pb.block.index] === pb)!;
    const previous = page.blocks[pb.block.index - 1];
    if (previous && previous.kept !== undefined && previous.block.group === pb.block.group && (page.type === 'text' || previous.tag !== 'p')) paired++;
  }
  const pair = paired >= ALT_TEXT_SHARE * blocks.length;
  const other = { ...candidate, rule: { ...candidate.rule, 'alt-text': pair ? false : true }, vouched: false };
  if (!pair) candidate.rule['alt-text'] = false;
  return { ...candidate, alternatives: pair ? [other] : [] };
}

function add(map: Map<string, Set<number>>, key: string, page: number): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(page);
}
