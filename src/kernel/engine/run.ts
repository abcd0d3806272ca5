/**
 * The engine: runs a resolved rule list over one tree, decides what goes, and accounts for it.
 *
 * Kinds only decide. The engine claims elements for element rules, reads the blocks once, runs
 * the block rules through the one decision loop (decide.ts), and records every removal under the
 * rule that made it. The tree itself is changed only on request
 * (`applyRemovals`), since text output needs no tree surgery.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { ArticleFound, ElementContext } from '../kinds/types.js';
import { isTextDocument, positionsOf } from '../kinds/view.js';
import type { LoadedRule } from '../rules/parse.js';
import { collapseWhitespace, countWords } from '../text/words.js';
import { keepClaim, readPageBlocks, UNCLAIMED, type Block, type BlockView } from './blocks.js';
import { decideBlocks, isBlockRule } from './decide.js';
import { FieldTable, type Fields } from './fields.js';
import { extractedField } from '../kinds/fields.js';
import { PagePaths, scanPage, type Page } from './page.js';
import { Removal, ruleKey } from './removal.js';
import { compileSelectors, matchSelectors, type SelectorPlan } from './selectors.js';

export { Removal } from './removal.js';
export { UNCLAIMED } from './blocks.js';

/** A partial removal (`strip`) as it was made, so that `explain` can mark the cut in place. */
export interface StripEdit {
  /** Index of the block. */
  block: number;
  /** The removal recorded for the cut. */
  removal: Removal;
  /** The block's text just before the cut (after any earlier cuts). */
  before: string;
  /** The [start, end) ranges of `before` that were cut. */
  ranges: Array<[number, number]>;
}

export interface EngineResult {
  view: BlockView;
  /** The rules this run ran, in order: a block's `claimedBy` and `keptBy` index them. */
  rules: readonly LoadedRule[];
  /** Kept blocks (`keep`) that another rule would have removed or cut: what the keep rules saved. */
  spared: ReadonlySet<number>;
  /** Per page position, the index of the element rule that claimed the element itself, `keepClaim(index)` for a keep rule's, or `UNCLAIMED`. */
  claims: Int32Array;
  /** Text of each block after the rules ran; `undefined` for removed blocks. */
  kept: Array<string | undefined>;
  removals: Removal[];
  /** Every partial removal with its ranges, in the order they were made. */
  strips: StripEdit[];
  /** Values extracted by rules with `extract:` (and the page title), as the text was. */
  metadata: Record<string, string>;
  /** The article's fields, each with the rule that gave it. */
  fields: Fields;
  /** `outlet/id` of the rules that could have found the article (`content`) and found nothing: stale on this page. */
  stale?: string[];
  /** The block kept as the title line (first in `text`), when a rule with `extract: title` took one, and that rule. */
  title?: number;
  titleRule?: LoadedRule;
  wordsIn: number;
  wordsOut: number;
  /** Cleaned text: kept blocks, one paragraph each, separated by a blank line. */
  text: string;
}

/** CSS hits (elements, per rule) as page positions; elements the page leaves out are dropped. */
function cssPositions(page: Page, hits: Element[][]): number[][] {
  if (hits.every((h) => h.length === 0)) return hits.map(() => []);
  const all = positionsOf(page, hits.flat());
  const at = new Map<Element, number>(all.map((i) => [page.nodes[i] as Element, i]));
  return hits.map((list) => list.flatMap((element) => at.get(element) ?? []));
}

/** Element rules that name their CSS, compiled once per resolved rule list. */
interface CssRules {
  /** Position of each such rule in its list -> its index in the plan. */
  planIndex: Map<number, number>;
  plan: SelectorPlan;
}
const cssPlans = new WeakMap<readonly LoadedRule[], CssRules>();

function cssRulesOf(rules: readonly LoadedRule[]): CssRules {
  let found = cssPlans.get(rules);
  if (!found) {
    const planIndex = new Map<number, number>();
    const lists: string[] = [];
    rules.forEach((rule, index) => {
      if (rule.matcher.level === 'element' && rule.matcher.css !== undefined) {
        planIndex.set(index, lists.length);
        lists.push(rule.matcher.css);
      }
    });
    found = { planIndex, plan: compileSelectors(lists) };
    cssPlans.set(rules, found);
  }
  return found;
}

export interface RunOptions {
  /**
   * Keep the headline (the block a rule with `extract: title` takes) as the title line, first in
   * the text (default); `false` removes it like any other block: the body alone.
   */
  keepTitle?: boolean;
}

/**
 * Let the element rules among `rules` claim elements, in rule order: `claimAt` holds, per page
 * position, the index (`firstIndex` + place in `rules`) of the rule that claimed the element
 * itself, or `UNCLAIMED`; an element claimed already stays with its first rule, but a `keep`
 * rule's claim (`keepClaim`) replaces any.
 */
export function claimElements(page: Page, rules: readonly LoadedRule[], claimAt: Int32Array, firstIndex = 0): Claims {
  // A kept element (a negative claim) is not taken: rules that weigh what is left still count it.
  const elementContext: ElementContext = { isClaimed: (at) => claimAt[at] >= 0 };
  const css = cssRulesOf(rules);
  // The first rule that finds the article (`content`) stands in for those that look for it; the
  // others that could have found it and did not are stale on this page.
  const claims: Claims = { stale: [], details: new Map() };
  let finder: number | undefined;
  // A plain-text document has no elements to find the article by: no rule is stale on it.
  const markup = !isTextDocument(page);
  for (let index = 0; index < rules.length; index++) {
    const { matcher } = rules[index];
    if (!markup || matcher.level !== 'element' || matcher.findArticle === undefined) continue;
    const found = matcher.findArticle(page);
    if (found === undefined) claims.stale.push(rules[index]);
    else if (finder === undefined) {
      finder = index;
      claims.finder = firstIndex + index;
      claims.article = found;
      claims.details.set(firstIndex + index, found.detail);
    }
  }
  // All rules with CSS in one walk; the others select on their own. Claims go in rule order.
  const cssHits = css.planIndex.size > 0 ? cssPositions(page, matchSelectors(css.plan, page.tree)) : [];
  for (let index = 0; index < rules.length; index++) {
    const { matcher, kind } = rules[index];
    if (matcher.level !== 'element') continue;
    if (finder !== undefined && index !== finder && kind.meta.surroundings) continue;
    if (matcher.findArticle !== undefined && index !== finder) continue;
    const planned = css.planIndex.get(index);
    const selected = planned !== undefined ? cssHits[planned] : matcher.select(page, index === finder ? { ...elementContext, article: claims.article } : elementContext);
    // A keep rule's claim stands whatever claimed the element before it; a removal's only where none did.
    if (matcher.keeps) for (const at of selected) claimAt[at] = keepClaim(firstIndex + index);
    else for (const at of selected) if (claimAt[at] === UNCLAIMED) claimAt[at] = firstIndex + index;
  }
  return claims;
}

/** What the claim step found besides the claims themselves. */
export interface Claims {
  /** Rules that could have found the article (`content`) and found nothing on this page. */
  stale: LoadedRule[];
  /** Where a `content` rule found the article, and that rule's index. */
  article?: ArticleFound;
  finder?: number;
  /** Why a rule claimed what it did, by rule index (the selector a `content` rule matched). */
  details: Map<number, string>;
}

/**
 * Run `rules` over `tree`. `page` is the tree's walk (`scanPage(tree)`), when the caller has it
 * already (the safety net runs the rules again over the same page).
 */
export function runRules(tree: Root, rules: readonly LoadedRule[], page: Page = scanPage(tree), options: RunOptions = {}): EngineResult {
  const claimAt = new Int32Array(page.nodes.length).fill(UNCLAIMED);
  const claims = claimElements(page, rules, claimAt);
  const view = readPageBlocks(page, claimAt);
  const { blocks } = view;
  const total = blocks.length;
  const current: Array<string | undefined> = blocks.map((b) => (b.claimedBy === undefined ? b.text : undefined));
  const removals: Removal[] = [];
  const strips: StripEdit[] = [];
  const metadata: Record<string, string> = {};
  if (view.title) metadata.title = view.title;
  // Fields the page says of itself first (block rules such as `headline` read them), then what extract rules remove.
  const fields = new FieldTable(rules);
  for (const rule of rules) if (rule.matcher.level === 'page') for (const reading of rule.matcher.read(page)) fields.offer(rule, reading);

  // Words of each block's original text (counted as the blocks were read), and of a stripped block's current text.
  const wordsOfBlock = (index: number): number => blocks[index].words;
  const strippedWords = new Map<number, number>();
  const wordsOfCurrent = (index: number, text: string): number =>
    text === blocks[index].text ? wordsOfBlock(index) : strippedWords.get(index) ?? countWords(text);
  const paths = new PagePaths(page);

  const extract = (rule: LoadedRule, text: string) => {
    if (metadata[rule.extract!] === undefined) metadata[rule.extract!] = text;
    const reading = extractedField(rule.extract!, text, page.head.lang);
    if (reading) fields.offer(rule, { ...reading, detail: 'extract' });
  };
  const record = (rule: LoadedRule, block: Block, text: string | undefined, words: number, detail?: string | (() => string | undefined), partial?: boolean) => {
    const removal = new Removal(rule.id, rule.outlet, rule.kindName, block, paths, words, text);
    if (partial) removal.partial = true;
    if (detail !== undefined) removal.detail = detail;
    removals.push(removal);
    if (rule.extract) extract(rule, removal.text.trim());
  };


  // Why an element rule claimed a block's element (or the ancestor it claimed), asked of the rule
  // once per element and only when a removal's detail is read.
  const whyAt = new Map<number, string | undefined>();
  const whyClaimed = (block: Block, ruleIndex: number) => (): string | undefined => {
    const { matcher } = rules[ruleIndex];
    if (matcher.level !== 'element' || matcher.why === undefined) return undefined;
    let at = block.at;
    while (at > 0 && claimAt[at] !== ruleIndex) at = page.parent[at];
    if (claimAt[at] !== ruleIndex) return undefined;
    if (!whyAt.has(at)) whyAt.set(at, matcher.why(page, at));
    return whyAt.get(at);
  };
  // Blocks of claimed elements go first, unread: their text is asked for only by reports.
  for (const block of blocks) {
    if (block.claimedBy !== undefined) record(rules[block.claimedBy], block, undefined, block.words, claims.details.get(block.claimedBy) ?? whyClaimed(block, block.claimedBy));
  }

  // Kept blocks another rule would have taken: claimed by an element rule (around them or inside
  // the kept element), or, below, matched by a block rule.
  const spared = new Set<number>();
  for (const block of blocks) if (block.keptBy !== undefined && claimedUpFrom(page, claimAt, block.at, (claim) => claim >= 0)) spared.add(block.index);
  const blockRules = rules.filter(isBlockRule);
  let titleRule: LoadedRule | undefined;
  const { title } = decideBlocks(page, blocks, current, blockRules, { fields: fields.fields, keepTitle: options.keepTitle ?? true }, {
    title: (rule) => (titleRule = rule),
    removed: (rule, index, text, detail) => record(rule, blocks[index], text, wordsOfCurrent(index, text), detail),
    cut: (rule, index, before, after, ranges, detail) => {
      const removedText = ranges.map(([s, e]) => before.slice(s, e)).join(' ');
      const afterWords = countWords(after);
      record(rule, blocks[index], removedText, wordsOfCurrent(index, before) - afterWords, detail, true);
      strippedWords.set(index, afterWords);
      strips.push({ block: index, removal: removals[removals.length - 1], before, ranges });
    },
    read: (rule, _index, text) => extract(rule, text.trim()),
    spared: (_rule, index) => spared.add(index),
  });

  // A byline or dateline outside the article a `content` rule found is still the article's: the
  // rules that extract a field not found otherwise read the blocks that rule removed (which stay
  // its removals).
  const wanted = (rule: LoadedRule) => claims.finder !== undefined && (rule.extract === 'authors' || rule.extract === 'date') && fields.fields[rule.extract] === undefined;
  // Element rules that `read` take the text of each element they claimed inside one whose claim
  // `around` accepts, for its field (removing nothing more).
  const readClaimed = (read: (rule: LoadedRule) => boolean, around: (claim: number) => boolean) =>
    rules.forEach((rule, index) => {
      if (rule.matcher.level !== 'element' || !read(rule)) return;
      for (let at = 1; at < claimAt.length; at++) {
        if (claimAt[at] !== index || !claimedUpFrom(page, claimAt, page.parent[at], around)) continue;
        const text = collapseWhitespace(toText(page.nodes[at]));
        if (text !== '') extract(rule, text);
      }
    });
  // An element rule's claim inside one of the content rule's: the element's text.
  readClaimed(wanted, (claim) => claim === claims.finder);
  // An element rule with `extract` (a byline) whose element a keep rule keeps still reads its
  // field from it (its blocks are then spared).
  if (spared.size > 0) readClaimed((rule) => rule.extract !== undefined, (claim) => claim < UNCLAIMED);
  const missing = blockRules.filter(wanted);
  if (missing.length > 0) {
    const outside = blocks.map((b) => (b.claimedBy === claims.finder ? b.text : undefined));
    decideBlocks(page, blocks, outside, missing, { fields: fields.fields, keepTitle: false }, {
      title: () => undefined,
      removed: (rule, _index, text) => extract(rule, text.trim()),
      cut: (rule, _index, before, _after, ranges) => extract(rule, ranges.map(([s, e]) => before.slice(s, e)).join(' ').trim()),
    });
  }

  // The title line's text as later rules left it (a date prefix cut off).
  if (title !== undefined && titleRule !== undefined) extract(titleRule, current[title]!);
  removals.sort((a, b) => a.block - b.block);
  let wordsIn = 0;
  let wordsOut = 0;
  // The title line comes first, wherever its block stands.
  const keptTexts: string[] = title === undefined ? [] : [current[title]!];
  for (let i = 0; i < total; i++) {
    wordsIn += wordsOfBlock(i);
    const text = current[i];
    if (text !== undefined) {
      wordsOut += wordsOfCurrent(i, text);
      if (i !== title) keptTexts.push(text);
    }
  }
  return {
    view,
    rules,
    spared,
    claims: claimAt,
    kept: current,
    removals,
    strips,
    metadata,
    fields: fields.fields,
    ...(title !== undefined ? { title, ...(titleRule ? { titleRule } : {}) } : {}),
    ...(claims.stale.length > 0 ? { stale: claims.stale.map((rule) => ruleKey(rule)) } : {}),
    wordsIn,
    wordsOut,
    text: keptTexts.length > 0 ? `${keptTexts.join('\n\n')}\n` : '',
  };
}

/** The keep rule that kept `block` in `result` where another rule would have removed it, if one did. */
export function keptRule(result: EngineResult, block: Block): LoadedRule | undefined {
  return block.keptBy === undefined || !result.spared.has(block.index) ? undefined : result.rules[block.keptBy];
}

/** Whether the element at `at` (a page position), or one around it, has a claim `test` accepts. */
function claimedUpFrom(page: Page, claimAt: Int32Array, at: number, test: (claim: number) => boolean): boolean {
  for (let up = at; up > 0; up = page.parent[up]) if (test(claimAt[up])) return true;
  return false;
}
