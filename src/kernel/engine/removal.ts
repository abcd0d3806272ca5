/**
 * The removal record: what one rule took from one block, attributed to the rule that made it.
 */
import type { Block } from './blocks.js';
import type { PagePaths } from './page.js';

/**
 * A rule's key across rule files: `outlet/id` (`default/ads`, `lbc/read-more`), for a rule, a
 * removal (whose rule id is `rule`) or a report entry.
 */
export function ruleKey(rule: { outlet: string; id?: string; rule?: string }): string {
  return `${rule.outlet}/${rule.id ?? rule.rule}`;
}

/**
 * One removal, attributed to the rule that made it. Its text, size and place are worked out when
 * first asked for: most removals are of blocks inside claimed elements, and a text output asks
 * only for their words. As JSON, and printed, it is a plain record (`toJSON`); a copy made by
 * spreading it or by `structuredClone` holds only its own fields, so copy `toJSON()` instead.
 */
export class Removal {
  /** True when only part of the block was removed (`strip`). */
  partial?: boolean;
  private pathMade: string | undefined;
  private detailGiven: string | (() => string | undefined) | undefined;

  constructor(
    /** Id of the rule that made the removal. */
    readonly rule: string,
    /** Outlet of the rule file the rule comes from (`default` for rules/default.yaml). */
    readonly outlet: string,
    /** The rule's kind, as `LoadedRule.kindName` (`rest` for a `drop: rest` rule). */
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

  /**
   * Why the rule fired: which of its texts or patterns matched, the class name and pattern, the
   * selector of a list, what hid an element, the element chosen as the article. Worked out when
   * first asked for, as the path is.
   */
  get detail(): string | undefined {
    if (typeof this.detailGiven === 'function') this.detailGiven = this.detailGiven();
    return this.detailGiven;
  }

  set detail(detail: string | (() => string | undefined) | undefined) {
    this.detailGiven = detail;
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

