/**
 * Proposals as YAML: ordinary rules with `learned: {support, precision, at}` and comments that
 * hold the evidence (support, words removed, precision) and two or three examples.
 */
import { Document, isMap, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { LearnedRule, Proposal } from './learn.js';

/** Long regular expressions stay on one line: folded, they are hard to read and to edit. */
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

/** The comment above a learned rule: its evidence and examples. */
export function evidenceComment(rule: LearnedRule): string {
  const e = rule.evidence;
  if (e.field !== undefined) {
    const lines = [` the ${e.field.name} as known on ${e.pages} of ${e.seen} ${e.unit ?? 'pages'} (the rules without it: ${e.field.before}); removes nothing`];
    e.examples.forEach((example, i) => lines.push(`${i === 0 ? ' e.g. ' : '      '}${JSON.stringify(example)}`));
    return lines.join('\n');
  }
  // Every page learned from is also a page the rule was checked on: say on how many of them it fires, and which it does not.
  const unit = e.unit ?? 'pages';
  const verb = e.keeps ? 'keeps text' : 'fires';
  const on = e.seen === 1 && e.pages === 1 ? `${verb} on the one ${unit === 'pages' ? 'page' : 'outlet'} it was learned from` : e.pages === e.seen ? `${verb} on all ${e.seen} ${unit} it was learned from` : `${verb} on ${e.pages} of the ${e.seen} ${unit} it was learned from${e.missed?.length ? ` (not on ${shortList(e.missed)})` : ''}`;
  const words = `${e.words} word${e.words === 1 ? '' : 's'}`;
  const facts = [on, e.keeps ? `keeps ${words} the other rules remove` : `removes ${words}`];
  if (e.precision !== undefined) facts.push(`precision ${e.precision.toFixed(3)}`);
  const lines = [` ${facts.join(', ')}`];
  e.examples.forEach((example, i) => lines.push(`${i === 0 ? ' e.g. ' : '      '}${JSON.stringify(example)}`));
  return lines.join('\n');
}

/** Names missed pages are listed by, at most this many (then how many more). */
const LISTED = 4;

/** `a, b, c` or `a, b, c, d and 3 more`. */
function shortList(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).map((n) => n.split('/').pop()!);
  return names.length > LISTED ? `${shown.join(', ')} and ${names.length - LISTED} more` : shown.join(', ');
}

/** A YAML node for one rule, with its evidence comment and compact `learned` metadata. */
function ruleNode(doc: Document, rule: LearnedRule): YamlNode {
  const node = doc.createNode(rule.rule) as YAMLMap;
  node.commentBefore = evidenceComment(rule);
  node.spaceBefore = true;
  const learned = node.get('learned', true);
  if (isMap(learned)) learned.flow = true;
  const fields = node.get('fields', true);
  if (isSeq(fields)) fields.flow = true;
  return node;
}

export interface FileHeader {
  outlet: string;
  hosts: string[];
  /** Default rules the file switches off, each with why. */
  disable?: Proposal['disable'];
  /** The first comment line of a new file. */
  comment: string;
}

/** A whole new rule file holding the proposal. */
export function renderRuleFile(header: FileHeader, rules: readonly LearnedRule[]): string {
  const doc = new Document({});
  const top = doc.contents as YAMLMap;
  top.set('outlet', header.outlet);
  if (header.outlet !== 'default' && header.hosts.length > 0) {
    const match = doc.createNode({ hosts: header.hosts }) as YAMLMap;
    const hosts = match.get('hosts', true);
    if (isSeq(hosts)) hosts.flow = true;
    top.set('match', match);
  }
  if (header.disable && header.disable.length > 0) {
    const list = doc.createNode(header.disable.map((d) => d.id)) as unknown as { flow: boolean; commentBefore?: string };
    list.flow = true;
    const pair = doc.createPair('disable', list);
    top.items.push(pair as (typeof top.items)[number]);
    (pair.key as { commentBefore?: string }).commentBefore = header.disable.map((d) => ` ${d.id}: on ${d.pages} page${d.pages === 1 ? '' : 's'} took ${d.gold} words of article text (of ${d.words} it took)`).join('\n');
  }
  const seq = doc.createNode([]) as unknown as { items: YamlNode[]; flow: boolean };
  seq.items = rules.map((r) => ruleNode(doc, r));
  // No blank line between `rules:` and the first rule.
  if (seq.items[0]) (seq.items[0] as { spaceBefore?: boolean }).spaceBefore = false;
  seq.flow = false;
  top.set('rules', seq);
  doc.commentBefore = header.comment;
  return doc.toString(STRINGIFY);
}

/** Rules as block-sequence items indented by `indent` spaces, for appending to an existing file. */
export function renderRuleItems(rules: readonly LearnedRule[], indent: number): string {
  const doc = new Document([]);
  const seq = doc.contents as unknown as { items: YamlNode[] };
  seq.items = rules.map((r) => ruleNode(doc, r));
  const pad = ' '.repeat(indent);
  return doc
    .toString(STRINGIFY)
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n');
}

/** The comment that opens a proposal. */
export function proposalComment(proposal: Proposal): string {
  const gold = proposal.withGold ? ', checked against gold' : '';
  const source = proposal.outlets === undefined ? proposal.outlet : `${proposal.outlets} outlets`;
  return ` Proposed by \`winnow learn\` from ${proposal.pages} pages of ${source}${gold} on ${proposal.at}.\n Review before use: nothing here applies until it is in a rule file.`;
}
