/**
 * The engine: runs a resolved rule list over one tree, decides what goes, and accounts for it.
 *
 * Kinds only decide. The engine claims elements for selector rules, reads the blocks once, asks
 * each block rule in order about each block (the first rule that drops a block owns it), and
 * records every removal under the rule that made it. The tree itself is changed only on request
 * (`applyRemovals`), since text output needs no tree surgery.
 */
import type { Element, Root } from 'hast';
import type { BlockContext, BlockMatcher, ElementContext } from '../kinds/types.js';
import type { LoadedRule } from '../rules/parse.js';
import { readPageBlocks, UNCLAIMED, type Block, type BlockView } from './blocks.js';
import { PagePaths, positionsOf, scanPage, type Page } from './page.js';
import { compileSelectors, matchSelectors, type SelectorPlan } from './selectors.js';
import { collapseWhitespace, countWords } from '../text/words.js';

/**
 * One removal, attributed to the rule that made it. Its text, size and place are worked out when
 * first asked for: most removals are of blocks inside claimed elements, and a text output asks
 * only for their words. As JSON, and printed, it is a plain record (`toJSON`); a copy made by
 * spreading it or by `structuredClone` holds only its own fields, so copy `toJSON()` instead.
 */
export class Removal {
  /** True when only part of the block was removed (`strip`). */
  partial?: boolean;
  /** Which of the rule's texts or patterns fired. */
  detail?: string;
  private pathMade: string | undefined;

  constructor(
    /** Id of the rule that made the removal. */
    readonly rule: string,
    /** Outlet of the rule file the rule comes from (`default` for rules/default.yaml). */
    readonly outlet: string,
    /** The rule's kind. */
    readonly kind: string,
    /** The block, whose index, place and (unless given) text the removal reports. */
    private readonly from: Block,
    private readonly paths: PagePaths,
    /** Words of the removed text. */
    readonly words: number,
    /** The removed text when the engine has it at hand (a kept block's current text, or what a rule cut); else the block's own, read when asked. */
    private readonly textGiven?: string,
  ) {}

  /** Index of the block (document order, from 0). */
  get block(): number {
    return this.from.index;
  }

  /** Where the block sits in the tree, as tag names with 1-based positions. */
  get path(): string {
    return (this.pathMade ??= this.paths.of(this.from.at));
  }

  /** Source position of the block, when known. */
  get line(): number | undefined {
    return this.from.position?.start.line;
  }

  get column(): number | undefined {
    return this.from.position?.start.column;
  }

  /** The removed text (the whole block's, unless the rule cut only part of it). */
  get text(): string {
    return this.textGiven ?? this.from.text;
  }

  get chars(): number {
    return this.text.length;
  }

  /** The removal as a plain record, keys in one order whether or not the block has a position. */
  toJSON(): Record<string, unknown> {
    const { line, column } = this;
    return {
      rule: this.rule,
      outlet: this.outlet,
      kind: this.kind,
      block: this.block,
      path: this.path,
      ...(line !== undefined ? { line, column } : {}),
      text: this.text,
      chars: this.chars,
      words: this.words,
      ...(this.partial ? { partial: true } : {}),
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
    };
  }

  /** Printed (`console.log`, `util.inspect`) as the record it stands for, not its inner fields. */
  [Symbol.for('nodejs.util.inspect.custom')](): Record<string, unknown> {
    return this.toJSON();
  }
}

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
  /** Text of each block after the rules ran; `undefined` for removed blocks. */
  kept: Array<string | undefined>;
  removals: Removal[];
  /** Every partial removal with its ranges, in the order they were made. */
  strips: StripEdit[];
  /** Values extracted by rules with `extract:` (and the page title). */
  metadata: Record<string, string>;
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

/**
 * Run `rules` over `tree`. `page` is the tree's walk (`scanPage(tree)`), when the caller has it
 * already (the safety net runs the rules again over the same page).
 */
export function runRules(tree: Root, rules: readonly LoadedRule[], page: Page = scanPage(tree)): EngineResult {
  const claimAt = new Int32Array(page.nodes.length).fill(UNCLAIMED);
  const elementContext: ElementContext = { isClaimed: (at) => claimAt[at] !== UNCLAIMED };
  const css = cssRulesOf(rules);
  // All rules with CSS in one walk; the others select on their own. Claims go in rule order.
  const cssHits = css.planIndex.size > 0 ? cssPositions(page, matchSelectors(css.plan, tree)) : [];
  for (let index = 0; index < rules.length; index++) {
    const { matcher } = rules[index];
    if (matcher.level !== 'element') continue;
    const planned = css.planIndex.get(index);
    const selected = planned !== undefined ? cssHits[planned] : matcher.select(page, elementContext);
    for (const at of selected) if (claimAt[at] === UNCLAIMED) claimAt[at] = index;
  }
  const view = readPageBlocks(page, claimAt);
  const { blocks } = view;
  const total = blocks.length;
  const current: Array<string | undefined> = blocks.map((b) => (b.claimedBy === undefined ? b.text : undefined));
  const removals: Removal[] = [];
  const strips: StripEdit[] = [];
  const metadata: Record<string, string> = {};
  if (view.title) metadata.title = view.title;

  // Words of each block's original text (counted as the blocks were read), and of a stripped block's current text.
  const wordsOfBlock = (index: number): number => blocks[index].words;
  const strippedWords = new Map<number, number>();
  const wordsOfCurrent = (index: number, text: string): number =>
    text === blocks[index].text ? wordsOfBlock(index) : strippedWords.get(index) ?? countWords(text);
  const paths = new PagePaths(page);

  const record = (rule: LoadedRule, block: Block, text: string | undefined, words: number, detail?: string, partial?: boolean) => {
    const removal = new Removal(rule.id, rule.outlet, rule.kind.meta.name, block, paths, words, text);
    if (partial) removal.partial = true;
    if (detail !== undefined) removal.detail = detail;
    removals.push(removal);
    if (rule.extract && metadata[rule.extract] === undefined) metadata[rule.extract] = removal.text.trim();
  };
  const remove = (index: number, rule: LoadedRule, detail?: string) => {
    const text = current[index];
    if (text === undefined) return;
    current[index] = undefined;
    record(rule, blocks[index], text, wordsOfCurrent(index, text), detail);
  };

  // Blocks of claimed elements go first, unread: their text is asked for only by reports.
  for (const block of blocks) {
    if (block.claimedBy !== undefined) record(rules[block.claimedBy], block, undefined, block.words);
  }

  const blockRules = rules.filter((r): r is LoadedRule & { matcher: BlockMatcher } => r.matcher.level === 'block');
  // Each block rule's `memo` value for this document, by its place in `blockRules`.
  const memos: unknown[] = new Array(blockRules.length);
  let asking = 0;
  const context: BlockContext = {
    page,
    blocks,
    block: blocks[0],
    text: '',
    isRemoved: (index) => current[index] === undefined,
    memo: <T>(make: () => T): T => (asking in memos ? memos[asking] : (memos[asking] = make())) as T,
  };
  scan: for (let i = 0; i < total; i++) {
    for (let r = 0; r < blockRules.length; r++) {
      const rule = blockRules[r];
      const text = current[i];
      if (text === undefined) continue scan;
      if (rule.scope && !rule.scope(i, total)) continue;
      context.block = blocks[i];
      context.text = text;
      asking = r;
      const decision = rule.matcher.decide(context);
      if (decision === null) continue;
      if (decision.drop === 'block') {
        remove(i, rule, decision.detail);
        for (const j of decision.also ?? []) remove(j, rule, decision.detail);
        continue scan;
      }
      if (decision.drop === 'rest') {
        for (let j = i; j < total; j++) remove(j, rule, decision.detail);
        break scan;
      }
      const after = collapseWhitespace(cut(text, decision.ranges));
      if (after === '') {
        remove(i, rule, decision.detail);
        continue scan;
      }
      const removedText = decision.ranges.map(([s, e]) => text.slice(s, e)).join(' ');
      const afterWords = countWords(after);
      record(rule, blocks[i], removedText, wordsOfCurrent(i, text) - afterWords, decision.detail, true);
      strippedWords.set(i, afterWords);
      strips.push({ block: i, removal: removals[removals.length - 1], before: text, ranges: decision.ranges });
      current[i] = after;
    }
  }

  removals.sort((a, b) => a.block - b.block);
  let wordsIn = 0;
  let wordsOut = 0;
  const keptTexts: string[] = [];
  for (let i = 0; i < total; i++) {
    wordsIn += wordsOfBlock(i);
    const text = current[i];
    if (text !== undefined) {
      wordsOut += wordsOfCurrent(i, text);
      keptTexts.push(text);
    }
  }
  return {
    view,
    kept: current,
    removals,
    strips,
    metadata,
    wordsIn,
    wordsOut,
    text: keptTexts.length > 0 ? `${keptTexts.join('\n\n')}\n` : '',
  };
}

/** `text` without the given [start, end) ranges (which may overlap). */
function cut(text: string, ranges: ReadonlyArray<[number, number]>): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of sorted) {
    if (start > at) out += text.slice(at, start);
    at = Math.max(at, end);
  }
  return out + text.slice(at);
}
