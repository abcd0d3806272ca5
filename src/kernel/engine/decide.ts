/**
 * The engine's one decision loop over blocks, used by the engine itself (`runRules`) and by the
 * learner, which judges a candidate rule by the decisions this loop makes on top of the rules in
 * force.
 *
 * Blocks are taken in reading order; each block rule in turn is asked about a block that is still
 * kept (the first rule that drops a block owns it). A rule's decision takes the block (`drop:
 * block`, with the blocks it names in `also`), cuts part of its text (`inline`; a cut that leaves
 * nothing takes the block whole), or, for a `drop: rest` rule, takes the block and every block
 * after it. Rules with `extract: title` decide last; the block such a rule takes may stay as the
 * title line instead. The loop changes `current` in place and reports each removal; accounting is the
 * caller's.
 */
import type { BlockContext, BlockInfo, BlockMatcher, PageView } from '../kinds/types.js';
import type { LoadedRule } from '../rules/parse.js';
import { DEFAULT_OUTLET } from '../rules/ruleset.js';
import { collapseWhitespace } from '../text/words.js';
import type { Fields } from './fields.js';

/** A rule whose kind decides on blocks. */
export type BlockRule = LoadedRule & { matcher: BlockMatcher };

export function isBlockRule(rule: LoadedRule): rule is BlockRule {
  return rule.matcher.level === 'block';
}

export interface DecideOptions {
  /** The article's fields as the page's metadata gives them. */
  fields: Fields;
  /**
   * Keep the block a rule with `extract: title` takes (the headline) as the title line, where it
   * stands, safe from every later rule; without it, that rule removes the block like any other.
   */
  keepTitle: boolean;
  /** A title line chosen already (a run continued from another's decisions): no rule decides on it. */
  title?: number;
}

/** What the loop reports. */
export interface DecisionSink {
  /** `rule` (one with `extract: title`) took block `block` as the title line; it stays kept. */
  title(rule: BlockRule, block: number, text: string, detail: string | undefined): void;
  /** `rule` took block `block` whole; `text` was its current text. */
  removed(rule: BlockRule, block: number, text: string, detail: string | undefined): void;
  /** `rule` cut `ranges` out of block `block`'s current text `before`, leaving `after` (not empty). */
  cut(rule: BlockRule, block: number, before: string, after: string, ranges: Array<[number, number]>, detail: string | undefined): void;
  /**
   * `rule` (one with `extract`) matched `text` in block `block`, which a keep rule keeps: the
   * field is read from it, and nothing is removed.
   */
  read?(rule: BlockRule, block: number, text: string): void;
  /** `rule` would have removed (or cut) block `block`, which a keep rule keeps. */
  spared?(rule: BlockRule, block: number): void;
}

/**
 * Run `rules` over `blocks`. `current` holds each block's current text (`undefined` once
 * removed) and is updated in place. Rules with `extract: title` run last, in a pass of their
 * own: the headline is chosen among the blocks every other rule left, and then kept as the title
 * line (`keepTitle`) or removed like any block.
 */
export function decideBlocks(page: PageView, blocks: readonly BlockInfo[], current: Array<string | undefined>, rules: readonly BlockRule[], options: DecideOptions, sink: DecisionSink): { title?: number } {
  const { fields, keepTitle } = options;
  const total = blocks.length;
  // The title line: chosen before (a run continued from another), or by the title pass below.
  let title: number | undefined = options.title;
  const context: BlockContext = {
    page,
    fields,
    blocks,
    block: blocks[0],
    text: '',
    isRemoved: (index) => current[index] === undefined,
    memo: () => {
      throw new Error('memo outside a pass');
    },
  };
  const remove = (index: number, rule: BlockRule, detail: string | undefined) => {
    const text = current[index];
    if (text === undefined || index === title || blocks[index].keptBy !== undefined) return;
    current[index] = undefined;
    sink.removed(rule, index, text, detail);
  };

  /** One pass of `list` over the blocks; `take` may claim a decision before it is applied. */
  const pass = (list: readonly BlockRule[], take: (rule: BlockRule, index: number, text: string, detail: string | undefined) => boolean) => {
    // Each rule's `memo` value for this document, by its place in `list`.
    const memos: unknown[] = new Array(list.length);
    let asking = 0;
    context.memo = <T>(make: () => T): T => (asking in memos ? memos[asking] : (memos[asking] = make())) as T;
    scan: for (let i = 0; i < total; i++) {
      for (let r = 0; r < list.length; r++) {
        const rule = list[r];
        const text = current[i];
        if (text === undefined || i === title) continue scan;
        // A kept block is only read (by the rules that take the title or extract a field); what
        // another rule would do to it is noted, not done.
        const kept = blocks[i].keptBy !== undefined;
        if (rule.scope && !rule.scope(i, total)) continue;
        context.block = blocks[i];
        context.text = text;
        asking = r;
        const decision = rule.matcher.decide(context);
        if (decision === null) continue;
        if (decision.drop === 'block' && rule.drop !== 'rest' && take(rule, i, text, decision.detail)) continue scan;
        if (kept) {
          if (rule.extract === undefined) {
            // Noted, and the rules after it still read the block (a date line after a pattern).
            sink.spared?.(rule, i);
            continue;
          }
          sink.read?.(rule, i, decision.drop === 'block' ? text : decision.ranges.map(([s, e]) => text.slice(s, e)).join(' '));
          continue scan;
        }
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
  };

  pass(rules.filter((rule) => rule.extract !== 'title'), () => false);
  // An outlet's own title rule chooses before the defaults' (as its fields win over theirs).
  const titleRules = rules.filter((rule) => rule.extract === 'title').sort((a, b) => Number(a.outlet === DEFAULT_OUTLET) - Number(b.outlet === DEFAULT_OUTLET));
  if (titleRules.length > 0 && title === undefined) {
    pass(titleRules, (rule, index, text, detail) => {
      if (!keepTitle) return false;
      // One title line: a second title rule's pick stays in the body.
      if (title !== undefined) return true;
      title = index;
      sink.title(rule, index, text, detail);
      return true;
    });
  }
  return title === undefined ? {} : { title };
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
