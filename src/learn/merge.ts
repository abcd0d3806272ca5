/**
 * Merging learned rules into a rule file. The existing text is kept byte for byte (hand-written
 * rules, comments, order, formatting): yaml's Document API finds the end of the `rules` list and
 * the new rules are inserted there. A rule that duplicates one already in the file (same matcher
 * value) is not added; list entries already covered are dropped; an id already taken gets a
 * fresh one. The result is checked by the rule loader before anyone writes it.
 */
import { isSeq, parseDocument } from 'yaml';
import { normalizeForMatch } from '../kernel/text/words.js';
import { MATCHER_KEYS } from '../kernel/kinds/registry.js';
import { RuleFileError } from '../kernel/rules/errors.js';
import { parseRuleFile } from '../kernel/rules/parse.js';
import { proposalComment, renderRuleFile, renderRuleItems } from './emit.js';
import { fresh } from './fresh.js';
import type { LearnedRule, Proposal } from './learn.js';

export interface MergeResult {
  /** The new file text. */
  text: string;
  /** Ids of the rules added (after renaming). */
  added: string[];
  /** Rules not added, and why. */
  skipped: Array<{ id: string; reason: string }>;
}

export interface MergeTarget {
  /** The file's current text, or undefined when it does not exist yet. */
  existing: string | undefined;
  /** Its path, for messages and the loader's check. */
  path: string;
  /** `default`, or the outlet name (the file name). */
  outlet: string;
  /** Hosts for `match.hosts` when the file is created. */
  hosts: string[];
}

export class MergeError extends Error {}

export function mergeProposal(target: MergeTarget, proposal: Proposal): MergeResult {
  if (target.existing === undefined) {
    const text = renderRuleFile({ outlet: target.outlet, hosts: target.hosts, disable: proposal.disable, comment: proposalComment(proposal) }, proposal.rules);
    check(text, target);
    return { text, added: proposal.rules.map((r) => r.id), skipped: [] };
  }
  const source = target.existing;
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw new MergeError(`${target.path}: the file has YAML errors; fix them (winnow rules check) before merging learned rules`);
  const existing = ((doc.toJSON() as { rules?: unknown[] } | null)?.rules ?? []).filter((r): r is Record<string, unknown> => !!r && typeof r === 'object');
  const taken = new Set(existing.map((r) => String(r.id)));
  const added: LearnedRule[] = [];
  const skipped: MergeResult['skipped'] = [];
  for (const learned of proposal.rules) {
    const { rule, duplicateOf } = withoutDuplicates(learned.rule, existing);
    if (!rule) {
      skipped.push({ id: learned.id, reason: `same matcher as rule \`${duplicateOf}\`` });
      continue;
    }
    const id = fresh(learned.id, taken);
    taken.add(id);
    added.push({ ...learned, id, rule: { ...rule, id } });
    existing.push(rule);
  }
  if (added.length === 0) return { text: source, added: [], skipped };

  const rulesNode = doc.get('rules', true);
  let text: string;
  if (isSeq(rulesNode) && !rulesNode.flow && rulesNode.items.length > 0 && rulesNode.range) {
    const start = rulesNode.range[0];
    const indent = start - (source.lastIndexOf('\n', start - 1) + 1);
    const end = rulesNode.range[1];
    const head = source.slice(0, end);
    const items = renderRuleItems(added, indent);
    text = `${head}${head.endsWith('\n') ? '' : '\n'}${items}${source.slice(end)}`;
  } else if (isSeq(rulesNode) && rulesNode.items.length === 0 && rulesNode.range) {
    // `rules: []`: the empty flow list becomes a block list.
    const items = renderRuleItems(added, 2);
    text = `${source.slice(0, rulesNode.range[0]).trimEnd()}\n${items}${source.slice(rulesNode.range[1]).replace(/^[ \t]*\n?/, '')}`;
  } else if (rulesNode === undefined) {
    text = `${source}${source.endsWith('\n') ? '' : '\n'}rules:\n${renderRuleItems(added, 2)}`;
  } else {
    throw new MergeError(`${target.path}: \`rules\` is a flow list; write it as a block list ("rules:" then "  - id: ...") to merge learned rules`);
  }
  check(text, target);
  return { text, added: added.map((r) => r.id), skipped };
}

/** The rule without list entries that existing rules of the same matcher already hold; no rule when nothing is new. */
function withoutDuplicates(rule: Record<string, unknown>, existing: Array<Record<string, unknown>>): { rule?: Record<string, unknown>; duplicateOf?: string } {
  const key = MATCHER_KEYS.find((k) => k in rule)!;
  const same = existing.filter((r) => key in r && (r.drop ?? 'block') === (rule.drop ?? 'block'));
  const norm = (v: string) => (key === 'text' ? normalizeForMatch(v) : v);
  const held = new Map<string, string>();
  for (const r of same) for (const v of asList(r[key])) held.set(norm(v), String(r.id));
  const values = asList(rule[key]);
  const fresh = values.filter((v) => !held.has(norm(v)));
  if (fresh.length === 0) return { duplicateOf: held.get(norm(values[0])) };
  if (fresh.length === values.length) return { rule };
  return { rule: { ...rule, [key]: fresh.length === 1 ? fresh[0] : fresh } };
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
}

/** Refuse to hand back a file the loader would reject. */
function check(text: string, target: MergeTarget): void {
  const { errors } = parseRuleFile(text, target.path, { expectOutlet: target.outlet });
  if (errors.length > 0) throw new MergeError(`Merged rules for ${target.path} do not load: ${errors.map((e: RuleFileError) => e.message).join('; ')}`);
}
