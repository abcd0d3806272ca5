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
import { readBlocks, type Block, type BlockView, type PathLink } from './blocks.js';
import { compileSelectors, matchSelectors, type SelectorPlan } from './selectors.js';
import { collapseWhitespace, countWords } from './words.js';

/** One removal, attributed to the rule that made it. */
export interface Removal {
  /** Id of the rule that made the removal. */
  rule: string;
  /** Outlet of the rule file the rule comes from (`default` for rules/default.yaml). */
  outlet: string;
  /** The rule's kind. */
  kind: string;
  /** Index of the block (document order, from 0). */
  block: number;
  /** Where the block sits in the tree, as tag names with 1-based positions. */
  path: string;
  /** Source position of the block, when known. */
  line?: number;
  column?: number;
  /** The removed text. */
  text: string;
  chars: number;
  words: number;
  /** True when only part of the block was removed (`strip`). */
  partial?: boolean;
  /** Which of the rule's texts or patterns fired. */
  detail?: string;
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

export function runRules(tree: Root, rules: readonly LoadedRule[]): EngineResult {
  const claims = new Map<Element, number>();
  const elementContext: ElementContext = { isClaimed: (element) => claims.has(element) };
  const css = cssRulesOf(rules);
  // All rules with CSS in one walk; the others select on their own. Claims go in rule order.
  const cssHits = css.planIndex.size > 0 ? matchSelectors(css.plan, tree) : [];
  rules.forEach((rule, index) => {
    if (rule.matcher.level !== 'element') return;
    const planned = css.planIndex.get(index);
    const selected = planned !== undefined ? cssHits[planned] : rule.matcher.select(tree, elementContext);
    for (const element of selected) if (!claims.has(element)) claims.set(element, index);
  });
  const view = readBlocks(tree, claims);
  const { blocks } = view;
  const total = blocks.length;
  const current: Array<string | undefined> = blocks.map((b) => b.text);
  const removals: Removal[] = [];
  const strips: StripEdit[] = [];
  const metadata: Record<string, string> = {};
  if (view.title) metadata.title = view.title;

  // Words of each block's original text, counted once; and of a stripped block's current text.
  const originalWords = new Int32Array(total).fill(-1);
  const wordsOfBlock = (index: number): number => {
    if (originalWords[index] < 0) originalWords[index] = countWords(blocks[index].text);
    return originalWords[index];
  };
  const strippedWords = new Map<number, number>();
  const wordsOfCurrent = (index: number, text: string): number =>
    text === blocks[index].text ? wordsOfBlock(index) : strippedWords.get(index) ?? countWords(text);
  const paths = new PathStrings(tree);

  const record = (rule: LoadedRule, block: Block, text: string, words: number, detail?: string, partial?: boolean) => {
    const start = block.position?.start;
    removals.push({
      rule: rule.id,
      outlet: rule.outlet,
      kind: rule.kind.meta.name,
      block: block.index,
      path: paths.of(block.path),
      ...(start ? { line: start.line, column: start.column } : {}),
      text,
      chars: text.length,
      words,
      ...(partial ? { partial: true } : {}),
      ...(detail !== undefined ? { detail } : {}),
    });
    if (rule.extract && metadata[rule.extract] === undefined) metadata[rule.extract] = text.trim();
  };
  const remove = (index: number, rule: LoadedRule, detail?: string) => {
    const text = current[index];
    if (text === undefined) return;
    current[index] = undefined;
    record(rule, blocks[index], text, wordsOfCurrent(index, text), detail);
  };

  for (const block of blocks) {
    if (block.claimedBy !== undefined) remove(block.index, rules[block.claimedBy]);
  }

  const blockRules = rules.filter((r): r is LoadedRule & { matcher: BlockMatcher } => r.matcher.level === 'block');
  const context: BlockContext = {
    tree,
    blocks,
    block: blocks[0],
    text: '',
    isRemoved: (index) => current[index] === undefined,
  };
  scan: for (let i = 0; i < total; i++) {
    for (const rule of blockRules) {
      const text = current[i];
      if (text === undefined) continue scan;
      if (rule.scope && !rule.scope(i, total)) continue;
      context.block = blocks[i];
      context.text = text;
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

/**
 * CSS paths of tree positions, each ancestor's part computed once per document (removals of
 * neighbouring blocks share their ancestors).
 */
class PathStrings {
  private readonly known = new Map<PathLink, { path: string; node: Element | undefined }>();
  constructor(private readonly tree: Root) {}

  of(link: PathLink | undefined): string {
    return link === undefined ? '' : this.resolve(link).path;
  }

  private resolve(link: PathLink): { path: string; node: Element | undefined } {
    const chain: PathLink[] = [];
    let at: PathLink | undefined = link;
    while (at !== undefined && !this.known.has(at)) {
      chain.push(at);
      at = at.up;
    }
    let above = at === undefined ? { path: '', node: this.tree as Root | Element | undefined } : this.known.get(at)!;
    for (let i = chain.length - 1; i >= 0; i--) {
      const { index } = chain[i];
      const parent = above.node;
      const child = parent?.children[index];
      let entry: { path: string; node: Element | undefined };
      if (!parent || !child || child.type !== 'element') {
        // As in `pathOf`: the path stops at the first position that is not an element.
        entry = { path: above.path, node: undefined };
      } else {
        let nth = 0;
        for (let j = 0; j <= index; j++) if (parent.children[j].type === 'element') nth++;
        const part = `${child.tagName}:nth-child(${nth})`;
        entry = { path: above.path === '' ? part : `${above.path} > ${part}`, node: child };
      }
      this.known.set(chain[i], entry);
      above = entry;
    }
    return above as { path: string; node: Element | undefined };
  }
}

/** A CSS path ("body:nth-child(2) > div:nth-child(3) > p:nth-child(5)") for child indices from the root. */
export function pathOf(tree: Root, indices: readonly number[]): string {
  const parts: string[] = [];
  let node: Root | Element = tree;
  for (const index of indices) {
    const child: Root["children"][number] | undefined = node.children[index];
    if (!child || child.type !== 'element') break;
    let nth = 0;
    for (let i = 0; i <= index; i++) if (node.children[i].type === 'element') nth++;
    parts.push(`${child.tagName}:nth-child(${nth})`);
    node = child;
  }
  return parts.join(' > ');
}
