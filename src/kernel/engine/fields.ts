/**
 * The article's fields as a run finds them: every reading offered by a rule (a `metadata` rule's,
 * or an `extract:` rule's removed text) and the one that wins each field. An outlet's own rules
 * win over the defaults; among the defaults, what the page's metadata says wins over text a rule
 * extracts; otherwise the earlier rule wins.
 */
import type { FieldName, FieldReading } from '../kinds/fields.js';
import { DEFAULT_OUTLET } from '../rules/ruleset.js';
import type { LoadedRule } from '../rules/parse.js';

/** A field's value, with the rule that gave it and what the rule read it from. */
export interface FieldValue {
  value: string | string[];
  /** Id and outlet of the rule. */
  rule: string;
  outlet: string;
  /** What was read: `json-ld NewsArticle.headline`, `og:title`, `extract` (text the rule removed). */
  detail: string;
}

export type Fields = Partial<Record<FieldName, FieldValue>>;

/** Outlet rules come before every default rule, whatever their place in the list... */
const DEFAULT_RANK = 2_000_000;
/** ...and a default rule that reads metadata before one that extracts text. */
const DEFAULT_EXTRACT_RANK = 1_000_000;

export class FieldTable {
  private readonly ranks = new Map<FieldName, number>();
  readonly fields: Fields = {};
  private readonly rankOf: Map<LoadedRule, number>;

  constructor(rules: readonly LoadedRule[]) {
    this.rankOf = new Map(rules.map((rule, i) => [rule, (rule.outlet === DEFAULT_OUTLET ? DEFAULT_RANK + (rule.matcher.level === 'page' ? 0 : DEFAULT_EXTRACT_RANK) : 0) + i]));
  }

  offer(rule: LoadedRule, reading: FieldReading): void {
    const rank = this.rankOf.get(rule) ?? Number.MAX_SAFE_INTEGER;
    const held = this.ranks.get(reading.field);
    if (held !== undefined && held <= rank) return;
    this.ranks.set(reading.field, rank);
    this.fields[reading.field] = { value: reading.value, rule: rule.id, outlet: rule.outlet, detail: reading.detail };
  }
}
