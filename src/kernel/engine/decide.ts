/**
 * The engine's one decision loop over blocks, used by the engine itself (`runRules`) and by the
 * learner, which judges a candidate rule by the decisions this loop makes on top of the rules in
 * force.
 *
 * Blocks are taken in reading order; each block rule in turn is asked about a block that is still
 * kept (the first rule that drops a block owns it). A rule's decision takes the block (`drop:
 * block`, with the blocks it names in `also`), cuts part of its text (`inline`; a cut that leaves
 * nothing takes the block whole), or, for a `drop: rest` rule, takes the block and every block
 * after it. The loop changes `current` in place and reports each removal; accounting is the
 * caller's.
 */
import type { BlockContext, BlockInfo, BlockMatcher, PageView } from '../kinds/types.js';
import type { LoadedRule } from '../rules/parse.js';
import { collapseWhitespace } from '../text/words.js';

/** A rule whose kind decides on blocks. */
export type BlockRule = LoadedRule & { matcher: BlockMatcher };

export function isBlockRule(rule: LoadedRule): rule is BlockRule {
  return rule.matcher.level === 'block';
}

/** What the loop reports. */
export interface DecisionSink {
  /** `rule` took block `block` whole; `text` was its current text. */
  removed(rule: BlockRule, block: number, text: string, detail: string | undefined): void;
  /** `rule` cut `ranges` out of block `block`'s current text `before`, leaving `after` (not empty). */
  cut(rule: BlockRule, block: number, before: string, after: string, ranges: Array<[number, number]>, detail: string | undefined): void;
}

/**
 * Run `rules` over `blocks`. `current` holds each block's current text (`undefined` once
 * removed) and is updated in place.
 */
export function decideBlocks(page: PageView, blocks: readonly BlockInfo[], current: Array<string | undefined>, rules: readonly BlockRule[], sink: DecisionSink): void {
  const total = blocks.length;
  // Each rule's `memo` value for this document, by its place in `rules`.
  const memos: unknown[] = new Array(rules.length);
  let asking = 0;
  const context: BlockContext = {
    page,
    blocks,
    block: blocks[0],
    text: '',
    isRemoved: (index) => current[index] === undefined,
    memo: <T>(make: () => T): T => (asking in memos ? memos[asking] : (memos[asking] = make())) as T,
  };
  const remove = (index: number, rule: BlockRule, detail: string | undefined) => {
    const text = current[index];
    if (text === undefined) return;
    current[index] = undefined;
    sink.removed(rule, index, text, detail);
  };
  scan: for (let i = 0; i < total; i++) {
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r];
      const text = current[i];
      if (text === undefined) continue scan;
      if (rule.scope && !rule.scope(i, total)) continue;
      context.block = blocks[i];
      context.text = text;
      asking = r;
      const decision = rule.matcher.decide(context);
      if (decision === null) continue;
      if (rule.drop === 'rest') {
        for (let j = i; j < total; j++) remove(j, rule, decision.detail);
        break scan;
      }
      if (decision.drop === 'block') {
        remove(i, rule, decision.detail);
        for (const j of decision.also ?? []) remove(j, rule, decision.detail);
        continue scan;
      }
      const after = collapseWhitespace(cut(text, decision.ranges));
      if (after === '') {
        remove(i, rule, decision.detail);
        continue scan;
      }
      sink.cut(rule, i, text, after, decision.ranges, decision.detail);
      current[i] = after;
    }
  }
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
