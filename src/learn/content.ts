/**
 * Learning with gold where an outlet's article is: a `content` rule, and the elements inside it
 * that are not article (a caption box, a related-links list, a newsletter form).
 *
 * Both search selectors made of the names an element carries (`article`, `#story`,
 * `.article-body`, `div.article-body`, `[itemprop="articleBody"]`, `[data-component="text"]`):
 * never a position, never a name a build tool made up (`stable-names.ts`). A selector is scored by
 * the words it would keep, block by block, against the blocks that are gold (`gold-blocks.ts`),
 * with the defaults still cleaning inside it: words F1 per page, averaged over the outlet's
 * pages, a page where the selector matches nothing counting what the defaults alone score there
 * (the rule is stale on it and the defaults clean it). Scoring is arithmetic over prefix sums, so
 * a few hundred selectors over a few pages cost milliseconds; the chosen rule then runs through
 * the engine like any other.
 */
import type { Element, Text } from 'hast';
import { find, html } from 'property-information';
import { runRules } from '../kernel/engine/run.js';
import { outermost } from '../kernel/kinds/view.js';
import type { Page } from '../kernel/engine/page.js';
import type { LoadedRule } from '../kernel/rules/parse.js';
import { tokens } from '../kernel/text/words.js';
import type { Candidate } from './candidate.js';
import { markGold, type GoldMarks } from './gold-blocks.js';
import type { ArticlePage, LearnPage } from './page.js';
import { IDENT, isNamingClass, isStableName } from './stable-names.js';

/** An attribute value written in a selector: a stable name, short. */
const VALUE = /^[\w-]{1,40}$/;
/** Elements that are the page, never the article. */
const PAGE_TAGS = new Set(['html', 'head', 'body']);
/** Tags that name what they hold, on their own a selector. */
const NAMED_TAGS = new Set(['article', 'main']);
/** Tags that, inside an article, hold what is not its text (each also a selector on its own). */
const ASIDE_TAGS = new Set(['aside', 'figure', 'figcaption', 'form', 'nav', 'iframe', 'button', 'table', 'blockquote', 'ul', 'ol']);
/** Attributes that name what an element holds. */
const NAMING_ATTRIBUTES = ['itemprop', 'role'];
/** The content kind's default `min-words`. */
const CONTENT_MIN_WORDS = 20;
/** A selector list of a `content` rule joins at most this many selectors. */
const MAX_PARTS = 5;
/** At most this many alternatives (for pages the first selectors miss: an older template). */
const MAX_ALTERNATIVES = 3;
/** A part is joined, or an alternative added, when it raises the mean F1 by this much. */
const MIN_GAIN = 0.004;
/** The content rule must beat the defaults by this much on the outlet's pages. */
const MIN_LEAD = 0.002;
/** Inner removals: at most this many rules, each removing at least this many non-gold words. */
const MAX_INNER = 12;
const MIN_INNER_WORDS = 2;

/** One page as the content search sees it. */
export interface ContentPage {
  page: Page;
  marks: GoldMarks;
  /** Block indices sorted by their container's position, and those positions. */
  order: Int32Array;
  at: Int32Array;
  /** Prefix sums over `order` of the words the defaults keep inside any article, and of those that are gold. */
  keptWords: Float64Array;
  goldWords: Float64Array;
  /** Words F1 of the defaults alone (as the blocks count it). */
  defaultsF1: number;
  /** Element positions of each candidate selector, filled by `index`. */
  matches: Map<string, number[]>;
}

/**
 * Score blocks for the content search: `inner` is the run with the defaults and a content rule
 * that keeps the whole body (what the defaults remove inside any article), `base` the run with
 * the rules in force (what the defaults keep alone).
 */
export function contentPage(learn: ArticlePage, inner: ArrayLike<number>): ContentPage {
  const view = learn.base.view;
  const page = view.page;
  const marks = markGold(view.blocks.map((b) => b.text), learn.doc.gold ?? '');
  const n = view.blocks.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => view.blocks[a].at - view.blocks[b].at || a - b);
  const at = Int32Array.from(order, (b) => view.blocks[b].at);
  const keptWords = new Float64Array(n + 1);
  const goldWords = new Float64Array(n + 1);
  order.forEach((b, i) => {
    const words = inner[b];
    keptWords[i + 1] = keptWords[i] + words;
    goldWords[i + 1] = goldWords[i] + (marks.gold[b] ? words : 0);
  });
  let kept = 0;
  let gold = 0;
  learn.base.kept.forEach((text, b) => {
    if (text === undefined) return;
    const words = tokens(text).length;
    kept += words;
    if (marks.gold[b]) gold += words;
  });
  return { page, marks, order, at, keptWords, goldWords, defaultsF1: f1(gold, kept, marks.goldWords), matches: new Map() };
}

function f1(gold: number, kept: number, goldTotal: number): number {
  return kept + goldTotal === 0 ? 1 : (2 * gold) / (kept + goldTotal);
}

/** Selectors an element can be named by: its named tag, stable id, classes, and naming attributes. */
export function selectorsOf(element: Element, withTag: ReadonlySet<string> = NAMED_TAGS): string[] {
  const tag = element.tagName;
  if (PAGE_TAGS.has(tag)) return [];
  const out: string[] = [];
  if (withTag.has(tag)) out.push(tag);
  const props = element.properties ?? {};
  const id = props.id;
  if (typeof id === 'string' && IDENT.test(id) && isStableName(id)) out.push(`#${id}`);
  const classes = props.className;
  if (Array.isArray(classes)) {
    for (const c of classes) {
      if (typeof c !== 'string' || !IDENT.test(c) || !isNamingClass(c)) continue;
      out.push(`.${c}`, `${tag}.${c}`);
    }
  }
  for (const [prop, value] of Object.entries(props)) {
    const attribute = find(html, prop).attribute;
    if (!attribute.startsWith('data-') && !NAMING_ATTRIBUTES.includes(attribute)) continue;
    for (const v of [value].flat()) {
      if (typeof v === 'string' && VALUE.test(v) && isStableName(v)) out.push(`[${attribute}="${v}"]`);
      else if ((v === '' || v === true) && attribute.startsWith('data-') && isStableName(attribute)) out.push(`[${attribute}]`);
    }
  }
  return [...new Set(out)];
}

/** Record, on every page, the elements each of `selectors` matches. */
function index(pages: readonly ContentPage[], selectors: ReadonlySet<string>, withTag: ReadonlySet<string>): void {
  for (const p of pages) {
    const { nodes } = p.page;
    for (let i = 1; i < nodes.length; i++) {
      const node = nodes[i];
      if (node.type !== 'element') continue;
      for (const s of selectorsOf(node, withTag)) {
        if (!selectors.has(s)) continue;
        let list = p.matches.get(s);
        if (!list) p.matches.set(s, (list = []));
        list.push(i);
      }
    }
  }
}

/** Elements a part matches: a name (`.body`), or a tag inside a name (`.body p`). */
function matchesOf(p: ContentPage, part: string): number[] {
  const known = p.matches.get(part);
  if (known) return known;
  const space = part.lastIndexOf(' ');
  if (space < 0) return [];
  const tag = part.slice(space + 1);
  const out: number[] = [];
  for (const root of outermostMatches(p, [part.slice(0, space)])) {
    for (let i = root + 1; i < p.page.end[root]; i++) {
      const node = p.page.nodes[i];
      if (node.type === 'element' && node.tagName === tag) out.push(i);
    }
  }
  p.matches.set(part, out);
  return out;
}

/** Outermost element positions matched by any of `parts` (document order). */
function outermostMatches(p: ContentPage, parts: readonly string[]): number[] {
  const all = parts.flatMap((s) => matchesOf(p, s)).sort((a, b) => a - b);
  return outermost(p.page.end, all);
}

/** Kept and gold words inside the elements at `positions`. */
function inside(p: ContentPage, positions: readonly number[]): { kept: number; gold: number } {
  let kept = 0;
  let gold = 0;
  for (const at of positions) {
    const from = lowerBound(p.at, at);
    const to = lowerBound(p.at, p.page.end[at]);
    kept += p.keptWords[to] - p.keptWords[from];
    gold += p.goldWords[to] - p.goldWords[from];
  }
  return { kept, gold };
}

function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words F1 of keeping what `alternatives` (tried in order) find; the defaults' where none matches. */
function pageScore(p: ContentPage, alternatives: readonly string[][]): { f1: number; matched: boolean } {
  for (const parts of alternatives) {
    const at = outermostMatches(p, parts);
    // As the content kind: too few words found is no article (the rule is stale on the page).
    if (at.length === 0 || at.reduce((n, i) => n + p.page.words[i], 0) < CONTENT_MIN_WORDS) continue;
    const { kept, gold } = inside(p, at);
    return { f1: f1(gold, kept, p.marks.goldWords), matched: true };
  }
  return { f1: p.defaultsF1, matched: false };
}

function meanScore(pages: readonly ContentPage[], alternatives: readonly string[][]): { mean: number; matched: number } {
  let sum = 0;
  let matched = 0;
  for (const p of pages) {
    const s = pageScore(p, alternatives);
    sum += s.f1;
    if (s.matched) matched++;
  }
  return { mean: sum / pages.length, matched };
}

/** Selectors of the elements around each gold block of `pages` (the article's containers). */
function containerSelectors(pages: readonly ContentPage[]): Set<string> {
  const out = new Set<string>();
  for (const p of pages) {
    const seen = new Set<number>();
    p.order.forEach((b, i) => {
      if (!p.marks.gold[b]) return;
      for (let at = p.page.parent[p.at[i]]; at > 0 && !seen.has(at); at = p.page.parent[at]) {
        seen.add(at);
        const node = p.page.nodes[at];
        if (node.type === 'element') for (const s of selectorsOf(node)) out.add(s);
      }
      // The block's own container too (an article that is one element).
      const own = p.page.nodes[p.at[i]];
      if (own.type === 'element') for (const s of selectorsOf(own)) out.add(s);
    });
  }
  return out;
}

/**
 * Names that say "the article" outlive a redesign more often than others (`.article-body`,
 * `[itemprop="articleBody"]`, `#story`): they win over another name that scores within this much.
 */
const NAMING_PRIOR = 0.003;
const ARTICLE_WORDS = /article|story|body|content|text|post|entry|detail|paragraph|richtext|prose|main/i;

function prior(css: string): number {
  return css.split(', ').every((part) => ARTICLE_WORDS.test(part)) ? NAMING_PRIOR : 0;
}

/** Prefer, among equal scores, names of the article, selectors that match on more pages, then short ones, then in name order. */
function better(a: { mean: number; matched: number; css: string }, b: { mean: number; matched: number; css: string } | undefined): boolean {
  if (!b) return true;
  const x = a.mean + prior(a.css);
  const y = b.mean + prior(b.css);
  if (Math.abs(x - y) > 1e-9) return x > y;
  if (a.matched !== b.matched) return a.matched > b.matched;
  if (a.css.length !== b.css.length) return a.css.length < b.css.length;
  return a.css < b.css;
}

/** Tags of the blocks that hold an article's text: a leaf selector keeps only these inside the article. */
const LEAF_TAGS = ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'table', 'dl', 'figure', 'div', 'span', 'section', 'strong', 'b', 'em', 'i'];

/**
 * The article's own blocks inside `roots` (`.body p, .body h2`) when they score better than the
 * roots whole: what a rule written by hand for a news site keeps (its paragraphs and subheadings,
 * not the boxes between them). Tags are added greedily, most gain first.
 */
function leafParts(pages: readonly ContentPage[], alternatives: readonly string[][], roots: readonly string[], whole: number): string[] | undefined {
  let parts: string[] = [];
  let best = -1;
  for (let round = 0; round < LEAF_TAGS.length; round++) {
    let pick: { mean: number; added: string[] } | undefined;
    for (const tag of LEAF_TAGS) {
      const added = roots.map((r) => `${r} ${tag}`);
      if (parts.includes(added[0])) continue;
      const mean = meanScore(pages, [...alternatives, [...parts, ...added]]).mean;
      if (!pick || mean > pick.mean + 1e-9) pick = { mean, added };
    }
    if (!pick || pick.mean < best + MIN_GAIN) break;
    parts = [...parts, ...pick.added];
    best = pick.mean;
  }
  return best >= whole + MIN_GAIN ? parts : undefined;
}

export interface LearnedContent {
  /** Alternatives, each a selector list (`a, b`). */
  selectors: string[];
  /** Mean words F1 over the pages (as blocks count it), with the rule and with the defaults alone. */
  score: number;
  defaults: number;
  /** Pages the first alternatives match. */
  matched: number;
}

/** The best `content` rule for `pages` (all with gold), or undefined when none beats the defaults. */
export function searchContent(pages: readonly ContentPage[]): LearnedContent | undefined {
  if (pages.length === 0) return undefined;
  const defaults = pages.reduce((n, p) => n + p.defaultsF1, 0) / pages.length;
  const alternatives: string[][] = [];
  let remaining = [...pages];
  for (let a = 0; a < MAX_ALTERNATIVES && remaining.length > 0; a++) {
    const candidates = containerSelectors(remaining);
    index(pages, candidates, NAMED_TAGS);
    const before = meanScore(pages, alternatives).mean;
    let parts: string[] = [];
    let best: { mean: number; matched: number; css: string } | undefined;
    for (let round = 0; round < MAX_PARTS; round++) {
      let pick: { mean: number; matched: number; css: string; part: string } | undefined;
      for (const s of candidates) {
        if (parts.includes(s)) continue;
        const tried = [...parts, s];
        const score = { ...meanScore(pages, [...alternatives, tried]), css: tried.join(', '), part: s };
        if (better(score, pick)) pick = score;
      }
      if (!pick || (best && pick.mean < best.mean + MIN_GAIN)) break;
      parts = [...parts, pick.part];
      best = pick;
    }
    if (!best || best.mean < before + (alternatives.length === 0 ? MIN_LEAD : MIN_GAIN)) break;
    const leaves = leafParts(pages, alternatives, parts, best.mean);
    if (leaves) parts = leaves;
    alternatives.push(parts);
    remaining = remaining.filter((p) => !pageScore(p, alternatives).matched);
  }
  if (alternatives.length === 0) return undefined;
  const { mean, matched } = meanScore(pages, alternatives);
  return { selectors: alternatives.map((parts) => parts.join(', ')), score: mean, defaults, matched };
}

/**
 * Inside the article a `content` rule keeps: elements whose text is not gold, by their names
 * (`.related`, `figure`, `[data-component="newsletter"]`), each as a `selector` rule, greedily by
 * the non-gold words it removes; a selector that would remove gold words is not proposed (its
 * precision is judged again, with every rule together, when the proposal settles).
 */
export function innerCandidates(pages: readonly LearnPage[], minPrecision: number): Candidate[] {
  const scored = pages.filter((p) => p.doc.gold !== undefined && p.type === 'html').map((learn) => {
    const cp = contentPage(learn, learn.base.kept.map((text) => (text === undefined ? 0 : tokens(text).length)));
    return { learn, cp };
  });
  const candidates = new Set<string>();
  const withTag = new Set([...NAMED_TAGS, ...ASIDE_TAGS]);
  for (const { learn, cp } of scored) {
    learn.base.kept.forEach((text, b) => {
      if (text === undefined || cp.marks.gold[b] || cp.marks.words[b] === 0) return;
      const blockAt = learn.base.view.blocks[b].at;
      for (let at = blockAt; at > 0; at = cp.page.parent[at]) {
        const node = cp.page.nodes[at];
        if (node.type !== 'element' || PAGE_TAGS.has(node.tagName)) break;
        for (const s of selectorsOf(node, withTag)) if (s !== 'article' && s !== 'main') candidates.add(s);
      }
    });
  }
  index(scored.map((s) => s.cp), candidates, withTag);
  // The headline (the base run's title line) is never an inner removal's.
  for (const { learn, cp } of scored) {
    if (learn.base.title === undefined) continue;
    const at = learn.base.view.blocks[learn.base.title].at;
    for (const css of [...candidates]) if (outermostMatches(cp, [css]).some((m) => m <= at && at < cp.page.end[m])) candidates.delete(css);
  }
  const removed = scored.map(({ cp }) => new Uint8Array(cp.order.length));
  const out: Candidate[] = [];
  for (let n = 0; n < MAX_INNER; n++) {
    let pick: { css: string; other: number; gold: number } | undefined;
    for (const css of candidates) {
      let other = 0;
      let gold = 0;
      scored.forEach(({ cp }, s) => {
        for (const at of outermostMatches(cp, [css])) {
          for (let i = lowerBound(cp.at, at), to = lowerBound(cp.at, cp.page.end[at]); i < to; i++) {
            if (removed[s][i]) continue;
            const words = cp.keptWords[i + 1] - cp.keptWords[i];
            const g = cp.goldWords[i + 1] - cp.goldWords[i];
            other += words - g;
            gold += g;
          }
        }
      });
      if (other < MIN_INNER_WORDS || gold > (1 - minPrecision) * (other + gold)) continue;
      if (!pick || other > pick.other || (other === pick.other && css.length < pick.css.length)) pick = { css, other, gold };
    }
    if (!pick) break;
    candidates.delete(pick.css);
    scored.forEach(({ cp }, s) => {
      for (const at of outermostMatches(cp, [pick!.css])) for (let i = lowerBound(cp.at, at), to = lowerBound(cp.at, cp.page.end[at]); i < to; i++) removed[s][i] = 1;
    });
    out.push({
      id: ruleName(pick.css),
      description: `Inside the article: \`${pick.css}\` holds no article text (learned with gold).`,
      rule: { selector: pick.css },
      source: 'selector',
      vouched: true,
      structural: true,
    });
  }
  return out;
}

/** A rule id from a selector: `.related-links` -> `related-links`, `[data-component="ad"]` -> `ad`. */
export function ruleName(css: string): string {
  const value = css.match(/="([^"]+)"\]$/)?.[1] ?? css.match(/^\[([^\]=]+)\]$/)?.[1] ?? css.replace(/^[.#]/, '');
  const slug = value
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(slug) ? slug : `inner-${slug || 'element'}`;
}

/**
 * The inner run for the content search: words the rules in force keep of each block of the page's
 * base run when a content rule keeps the whole body. (Blocks are counted by the base run's: a
 * claimed element is read on its own, so the runs may cut the page into different blocks.)
 */
export function innerKept(learn: ArticlePage, base: readonly LoadedRule[], keepBody: LoadedRule): Float64Array {
  const baseOf = new Map<Text, number>();
  for (const block of learn.base.view.blocks) for (const t of block.texts) baseOf.set(t, block.index);
  const out = new Float64Array(learn.base.view.blocks.length);
  const result = runRules(learn.tree, [...base, keepBody]);
  result.view.blocks.forEach((block, i) => {
    const text = result.kept[i];
    const first = block.texts[0];
    const at = first === undefined ? undefined : baseOf.get(first);
    if (text !== undefined && at !== undefined) out[at] += tokens(text).length;
  });
  return out;
}
