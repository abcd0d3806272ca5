/**
 * The engine: runs a resolved rule list over one tree, decides what goes, and accounts for it.
 *
 * Kinds only decide. The engine claims elements for selector rules, reads the blocks once, asks
 * each block rule in order about each block (the first rule that drops a block owns it), and
 * records every removal under the rule that made it. The tree itself is changed only on request
 * (`applyRemovals`), since text output needs no tree surgery.
 */
import type { Element, Root } from 'hast';
import type { BlockContext, BlockMatcher } from '../kinds/types.js';
import type { LoadedRule } from '../rules/parse.js';
import { pathIndices, readBlocks, type Block, type BlockView } from './blocks.js';
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

export function runRules(tree: Root, rules: readonly LoadedRule[]): EngineResult {
  const claims = new Map<Element, number>();
  rules.forEach((rule, index) => {
    if (rule.matcher.level !== 'element') return;
    for (const element of rule.matcher.select(tree)) if (!claims.has(element)) claims.set(element, index);
  });
  const view = readBlocks(tree, claims);
  const { blocks } = view;
  const total = blocks.length;
  const current: Array<string | undefined> = blocks.map((b) => b.text);
  const removals: Removal[] = [];
  const strips: StripEdit[] = [];
  const metadata: Record<string, string> = {};
  if (view.title) metadata.title = view.title;

  const record = (rule: LoadedRule, block: Block, text: string, words: number, detail?: string, partial?: boolean) => {
    const start = block.position?.start;
    removals.push({
      rule: rule.id,
      outlet: rule.outlet,
      kind: rule.kind.meta.name,
      block: block.index,
      path: pathOf(tree, pathIndices(block.path)),
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
    record(rule, blocks[index], text, countWords(text), detail);
  };

  for (const block of blocks) {
    if (block.claimedBy !== undefined) remove(block.index, rules[block.claimedBy]);
  }

  const blockRules = rules.filter((r): r is LoadedRule & { matcher: BlockMatcher } => r.matcher.level === 'block');
  const context: BlockContext = {
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
      record(rule, blocks[i], removedText, countWords(text) - countWords(after), decision.detail, true);
      strips.push({ block: i, removal: removals[removals.length - 1], before: text, ranges: decision.ranges });
      current[i] = after;
    }
  }

  removals.sort((a, b) => a.block - b.block);
  let wordsIn = 0;
  let wordsOut = 0;
  const keptTexts: string[] = [];
  for (let i = 0; i < total; i++) {
    wordsIn += countWords(blocks[i].text);
    const text = current[i];
    if (text !== undefined) {
      wordsOut += countWords(text);
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
