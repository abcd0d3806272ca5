/**
 * `main-content`: find the element that holds the article and remove everything outside it
 * (navigation, sidebars, footers, rails), keeping the headline and what stands between the
 * headline and the article (byline, date, lead image caption).
 *
 *   - id: main-content
 *     main-content: true
 *     positive: ['^(?:article|content|entry|post|story|text|body)$']
 *     negative: ['^(?:comments?|sidebar|footer|related|share|widget)$']
 *
 * How the article is found (the scoring Readability made familiar, on words instead of
 * characters, read from the engine's walk of the page): every paragraph-like block with a few words
 * votes for the elements above it, its parent fully, its grandparent half, further ancestors
 * less; a vote is worth more for commas and length. Each voted element starts from a weight for
 * its tag and for its class names and id (`positive`, `negative`), and its total is scaled down
 * by its link density. The best element wins; an ancestor wins instead when several close
 * runners-up sit under it too (an article split into parts), and siblings that scored well or
 * read as prose join it. Elements claimed by earlier rules (hidden, comments, ...) do not vote.
 *
 * When no element gathers enough words (`min-words`), the rule removes nothing: a short page
 * has no surroundings to cut. Nor does a plain-text document (a tree without `<body>`): it is
 * a copy of the article already, and its groups of lines are not page columns.
 */
import type { Element } from 'hast';
import { anyWord, bodyOf, elementsOutside, labelOf, sameNames } from './view.js';
import { collapseWhitespace, tokens } from '../text/words.js';
import { WordTest } from '../text/class-words.js';
import { anyPattern, compilePatterns, stringOrList } from './shared.js';
import type { ElementContext, PageView, RuleKind } from './types.js';

interface Options {
  'main-content': true;
  positive?: string | string[];
  negative?: string | string[];
  headline?: boolean;
  'min-words'?: number;
}

/** Fewer words than this and a block does not vote (labels, buttons, bylines). */
const MIN_VOTING_WORDS = 5;
/** A vote gains one point per this many words, up to `MAX_LENGTH_POINTS` (Readability: 100 chars). */
const WORDS_PER_POINT = 16;
const MAX_LENGTH_POINTS = 3;
/** How many ancestors a vote reaches. */
const VOTE_LEVELS = 5;
/** Weight of a positive or negative class name or id (as in Readability). */
const CLASS_WEIGHT = 25;
/** Runners-up within this share of the best score count as parts of one article. */
const RUNNER_UP_SHARE = 0.75;
/** Below this score the best element is no article (every candidate is mostly links): remove nothing. */
const MIN_TOP_SCORE = 1;
/** How many runners-up are looked at, and how many must share an ancestor to move up to it. */
const RUNNERS_UP = 5;
const RUNNERS_UP_TO_MOVE = 3;
/** A sibling joins when its score reaches this share of the best (and at least `MIN_SIBLING_SCORE`). */
const SIBLING_SHARE = 0.2;
const MIN_SIBLING_SCORE = 10;
/** A sibling paragraph joins as prose with this many words and a link density below `PROSE_LINK_DENSITY`. */
const PROSE_WORDS = 13;
const PROSE_LINK_DENSITY = 0.25;
/** How many ancestors of the article are looked at for parts of it elsewhere (its cousins). */
const COUSIN_LEVELS = 1;
/** A cousin joins with this many words outside links. */
const MIN_COUSIN_WORDS = 20;
/** At most this many words may stand between the headline and the article for them to be kept. */
const MAX_WORDS_BETWEEN = 80;
/** Default of `min-words`. */
const DEFAULT_MIN_WORDS = 25;

/** Blocks that are a paragraph themselves: their vote goes to their parent. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dd', 'li']);
/** Starting weight of a voted element by tag. */
const TAG_WEIGHT: Record<string, number> = {
  div: 5, article: 8, main: 5, section: 3,
  pre: 3, td: 3, blockquote: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};
/** Elements that are never the article: the document and its body are "no restriction". */
const WHOLE_PAGE = new Set(['html', 'body']);
const HEADLINE_TAGS = new Set(['h1', 'h2']);

export const mainContent: RuleKind<Options> = {
  meta: {
    name: 'main-content',
    description: 'Find the element holding the article (by text, commas, link density, class names) and remove everything outside it but the headline.',
    level: 'element',
    example: {
      rules: '- id: main-content\n  main-content: true\n',
      html:
        '<html><head><title>Library to close | City News</title></head><body>' +
        '<div class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>' +
        '<h1>Library to close</h1><p>By Ann Writer</p>' +
        '<div class="story"><p>The council voted on Tuesday to close the central library, after months of talks with residents, staff and the trust that runs it.</p>' +
        '<p>The building, opened in 1904, will be sold, and its books moved to the new civic centre, officials said, adding that no jobs would be lost.</p></div>' +
        '<div class="footer"><p>Copyright City News, all rights reserved, 2024.</p></div></body></html>',
      drops: ['Home News Sport', 'Copyright City News'],
      keeps: ['Library to close', 'By Ann Writer', 'The council voted on Tuesday', 'no jobs would be lost'],
    },
    surroundings: true,
    schema: {
      properties: {
        'main-content': { const: true, description: 'Keep only the main content (write `main-content: true`).' },
        positive: stringOrList('Class-name or id words (regular expressions) that make an element more likely to be the article (default: none).'),
        negative: stringOrList('Class-name or id words (regular expressions) that make an element less likely to be the article (default: none).'),
        headline: { type: 'boolean', description: 'Keep the headline (the h1/h2 that matches the page title) and what lies between it and the article (default: true).' },
        'min-words': { type: 'integer', minimum: 0, description: `Remove nothing unless the article found has at least this many words (default: ${DEFAULT_MIN_WORDS}).` },
      },
      required: ['main-content'],
    },
  },
  compile(options) {
    const positive = options.positive === undefined ? [] : compilePatterns('positive', options.positive, 'u');
    const negative = options.negative === undefined ? [] : compilePatterns('negative', options.negative, 'u');
    const anyName = (patterns: RegExp[]) => new WordTest(anyPattern(patterns));
    const settings: Settings = {
      positive: anyName(positive),
      negative: anyName(negative),
      headline: options.headline ?? true,
      minWords: options['min-words'] ?? DEFAULT_MIN_WORDS,
    };
    // Per page, the element chosen as the article: every removal says it lay outside it.
    const chosen = new WeakMap<PageView, string>();
    return {
      level: 'element',
      select: (page, context) => selectOutside(page, context, settings, (top) => chosen.set(page, labelOf(page.nodes[top] as Element))),
      why: (page) => {
        const top = chosen.get(page);
        return top === undefined ? undefined : `outside the main content, \`${top}\``;
      },
    };
  },
};

interface Settings {
  /** Tests of a class name or id against `positive` and `negative`. */
  positive: WordTest;
  negative: WordTest;
  headline: boolean;
  minWords: number;
}

/** The element (position) chosen as the article, and its chosen siblings, or undefined. */
function findMainContent(index: PageView, context: ElementContext, settings: Settings): { kept: number[]; top: number; words: Float64Array } | undefined {
  const { nodes, parent, end, owner, ownWords, ownLinkWords, ownCommas } = index;
  const n = nodes.length;
  // Words and link words under each element, leaving out what earlier rules claimed.
  const alive = new Uint8Array(n);
  const words = new Float64Array(n);
  const linkWords = new Float64Array(n);
  alive[0] = 1;
  for (let i = 1; i < n; i++) {
    if (!alive[parent[i]] || context.isClaimed(i)) {
      i = end[i] - 1;
      continue;
    }
    alive[i] = 1;
  }
  for (let i = n - 1; i >= 0; i--) {
    if (!alive[i]) continue;
    if (owner[i] === i) {
      words[i] += ownWords[i];
      linkWords[i] += ownLinkWords[i];
    }
    if (i > 0) {
      words[parent[i]] += words[i];
      linkWords[parent[i]] += linkWords[i];
    }
  }
  const density = (i: number) => (words[i] > 0 ? linkWords[i] / words[i] : 0);

  // Votes.
  const score = new Float64Array(n);
  const voted = new Uint8Array(n);
  const candidates: number[] = [];
  for (let i = 1; i < n; i++) {
    if (!alive[i] || owner[i] !== i || ownWords[i] < MIN_VOTING_WORDS) continue;
    const own = ownWords[i];
    const vote = (1 + ownCommas[i] + Math.min(own / WORDS_PER_POINT, MAX_LENGTH_POINTS)) * (1 - ownLinkWords[i] / own);
    let at = PARAGRAPH_TAGS.has((nodes[i] as Element).tagName) ? parent[i] : i;
    for (let level = 0; level < VOTE_LEVELS && at > 0; level++, at = parent[at]) {
      if (!voted[at]) {
        voted[at] = 1;
        score[at] = (TAG_WEIGHT[(nodes[at] as Element).tagName] ?? 0) + classWeight(index, at, settings);
        candidates.push(at);
      }
      score[at] += level === 0 ? vote : level === 1 ? vote / 2 : vote / (level * 3);
    }
  }
  if (candidates.length === 0) return undefined;
  for (const c of candidates) score[c] *= 1 - density(c);
  candidates.sort((a, b) => score[b] - score[a]);
  let top = candidates[0];

  // Several close runners-up under one ancestor: the article is that ancestor.
  if (score[top] < MIN_TOP_SCORE) return undefined;
  const nested = (a: number, b: number) => (a >= b && a < end[b]) || (b >= a && b < end[a]);
  const close = candidates
    .filter((c) => c !== top && !nested(c, top) && words[c] >= settings.minWords)
    .slice(0, RUNNERS_UP)
    .filter((c) => score[c] / score[top] >= RUNNER_UP_SHARE);
  if (close.length >= RUNNERS_UP_TO_MOVE) {
    for (let at = parent[top]; at > 0 && !WHOLE_PAGE.has((nodes[at] as Element).tagName); at = parent[at]) {
      const holds = close.filter((c) => c > at && c < end[at]).length;
      if (holds >= RUNNERS_UP_TO_MOVE) {
        top = at;
        break;
      }
    }
  }
  // Climb while the parent scores better: the article body's wrapper with its other parts.
  let last = score[top];
  const floor = last / 3;
  for (let at = parent[top]; at > 0 && !WHOLE_PAGE.has((nodes[at] as Element).tagName); at = parent[at]) {
    if (!voted[at]) continue;
    if (score[at] < floor) break;
    if (score[at] > last) {
      top = at;
      break;
    }
    last = score[at];
  }
  // An only child stands for its parent.
  while (parent[top] > 0 && !WHOLE_PAGE.has((nodes[parent[top]] as Element).tagName) && onlyChild(index, alive, top)) top = parent[top];
  if (WHOLE_PAGE.has((nodes[top] as Element).tagName)) return undefined;
  if (words[top] < settings.minWords) return undefined;

  // Siblings that scored well or read as prose.
  const kept: number[] = [];
  const threshold = Math.max(MIN_SIBLING_SCORE, score[top] * SIBLING_SHARE);
  const p = parent[top];
  for (let c = p + 1; c < end[p]; c = end[c]) {
    if (!alive[c]) continue;
    if (c === top) {
      kept.push(c);
      continue;
    }
    const bonus = sameNames(index, c, top) ? score[top] * SIBLING_SHARE : 0;
    if (voted[c] && score[c] + bonus >= threshold) kept.push(c);
    else if ((nodes[c] as Element).tagName === 'p' && words[c] >= PROSE_WORDS && density(c) < PROSE_LINK_DENSITY) kept.push(c);
  }

  // An article split into parts that are not siblings (each part in a wrapper of its own): the
  // elements elsewhere with the tag and class names of the article or of one of its nearest
  // ancestors, when they hold prose, are parts too.
  const inside = (i: number, of: number) => i >= of && i < end[of];
  for (let anchor = top, level = 0; level <= COUSIN_LEVELS && anchor > 0; level++, anchor = parent[anchor]) {
    const tag = (nodes[anchor] as Element).tagName;
    if (WHOLE_PAGE.has(tag)) break;
    if (index.wordStart[anchor + 1] === index.wordStart[anchor]) continue;
    for (let c = 1; c < n; c++) {
      if (!alive[c]) {
        c = end[c] - 1;
        continue;
      }
      if (c === anchor || inside(anchor, c) || (nodes[c] as Element).tagName !== tag || !sameNames(index, c, anchor)) continue;
      if (inside(c, anchor) || kept.some((k) => inside(c, k) || inside(k, c))) {
        c = end[c] - 1;
        continue;
      }
      if (words[c] - linkWords[c] >= MIN_COUSIN_WORDS && density(c) < PROSE_LINK_DENSITY) kept.push(c);
      c = end[c] - 1;
    }
  }
  return { kept: kept.sort((a, b) => a - b), top, words };
}

/** The nearest `<article>` element at or above `at` (0 when there is none). */
function enclosingArticle(index: PageView, at: number): number {
  for (; at > 0; at = index.parent[at]) if ((index.nodes[at] as Element).tagName === 'article') return at;
  return 0;
}

/**
 * Whether the kept elements are in, or hold, an `<article>` with `minWords` words that is
 * neither `story` nor around it.
 */
function holdsOtherStory(index: PageView, found: { kept: number[]; words: Float64Array }, story: number, minWords: number): boolean {
  const { end, nodes } = index;
  const other = (a: number) => a !== 0 && a !== story && !(story > a && story < end[a]) && found.words[a] >= minWords;
  for (const k of found.kept) {
    if (other(enclosingArticle(index, k))) return true;
    for (let i = k; i < end[k]; i++) {
      if (i === story) {
        i = end[i] - 1;
        continue;
      }
      if ((nodes[i] as Element).tagName !== 'article' || (story > i && story < end[i])) continue;
      if (other(i)) return true;
      i = end[i] - 1;
    }
  }
  return false;
}

function onlyChild(index: PageView, alive: Uint8Array, at: number): boolean {
  const p = index.parent[at];
  let count = 0;
  for (let c = p + 1; c < index.end[p]; c = index.end[c]) if (alive[c] && ++count > 1) return false;
  return true;
}

/** The weight of an element's class names and id: `positive` adds, `negative` takes away. */
function classWeight(index: PageView, at: number, settings: Settings): number {
  return ((anyWord(index, at, settings.positive) ? 1 : 0) - (anyWord(index, at, settings.negative) ? 1 : 0)) * CLASS_WEIGHT;
}

function selectOutside(index: PageView, context: ElementContext, settings: Settings, chose: (top: number) => void): number[] {
  const { tree } = index;
  // A plain-text document (no body) is all article already.
  if (bodyOf(tree) === undefined) return [];
  let found = findMainContent(index, context, settings);
  if (!found) return [];
  const { end } = index;
  let keep = new Set(found.kept);
  const headline = findHeadline(index, context, found.top);

  // Several stories (the next one of an endless page, a teaser with its text): when the
  // headline stands in an `<article>` of its own, the other `<article>`s are other stories.
  const story = headline === undefined ? 0 : enclosingArticle(index, headline);
  if (story !== 0 && found.words[story] >= settings.minWords && holdsOtherStory(index, found, story, settings.minWords)) {
    keep = new Set([story]);
    found = { ...found, kept: [story], top: story };
  }

  // The headline, and what lies between it and the article when that is little.
  let between: [number, number] | undefined;
  if (settings.headline) {
    if (headline !== undefined && !(headline >= found.top && headline < end[found.top])) {
      keep.add(headline);
      if (headline < found.top) between = [end[headline], found.top];
    }
  }
  if (between) {
    // Words owned by elements entirely between the headline and the article.
    let count = 0;
    for (let i = between[0]; i < between[1]; i++) if (index.owner[i] === i && !isInside(index, i, found.top)) count += index.ownWords[i];
    if (count > MAX_WORDS_BETWEEN) between = undefined;
  }
  const kept = between;
  chose(found.top);
  return elementsOutside(index, keep, (at) => context.isClaimed(at), kept ? (c) => c >= kept[0] && end[c] <= kept[1] : undefined);
}

function isInside(index: PageView, i: number, container: number): boolean {
  return i >= container && i < index.end[container];
}

/**
 * The headline: the h1 (else h2) whose words best match the page's `<title>` (at least half of
 * its words appear there); without a title, the first h1 before the article.
 */
export function findHeadline(index: PageView, context: ElementContext, top: number): number | undefined {
  const title = titleWords(index.title);
  let best: number | undefined;
  let bestShare = 0;
  for (let i = 1; i < index.nodes.length; i++) {
    const element = index.nodes[i] as Element;
    if (context.isClaimed(i)) {
      i = index.end[i] - 1;
      continue;
    }
    if (!HEADLINE_TAGS.has(element.tagName)) continue;
    if (title === undefined) {
      if (element.tagName === 'h1' && i < top) return i;
      continue;
    }
    const words = tokens(collapseWhitespace(textOf(element))).map((w) => w.toLowerCase());
    if (words.length === 0) continue;
    const share = words.filter((w) => title.has(w)).length / words.length;
    const weighted = element.tagName === 'h1' ? share + 0.01 : share;
    if (share >= 0.5 && weighted > bestShare) {
      best = i;
      bestShare = weighted;
    }
  }
  return best;
}

/** The lower-cased words of the page's `<title>`, if it has any. */
function titleWords(title: string | undefined): Set<string> | undefined {
  const words = title === undefined ? [] : tokens(title).map((w) => w.toLowerCase());
  return words.length ? new Set(words) : undefined;
}

function textOf(element: Element): string {
  let out = '';
  const stack: Array<Element['children'][number]> = [...element.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element') for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}
