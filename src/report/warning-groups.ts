/**
 * Warnings grouped for reading: one group per kind of warning, and per rule for the warnings a
 * rule causes in documents (rule dominance). Hundreds of over-removal warnings on whole web pages
 * read as one line with a count, and the documents behind it one click away.
 */
import type { ReportWarning, WarningType } from './types.js';

export interface WarningGroup {
  type: WarningType;
  /** The rule all the group's warnings are about (rule dominance), when there is one. */
  rule?: string;
  warnings: ReportWarning[];
  /** What each warning of the group is about: `rule` or `document`. */
  noun: 'rule' | 'document';
}

const ORDER: WarningType[] = ['stale', 'never-fired', 'rule-dominance', 'over-removal'];

/** Groups in a fixed order of type (the rules' own problems first), then the most warnings first; warnings keep their order. */
export function groupWarnings(warnings: readonly ReportWarning[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const warning of warnings) {
    const byRule = warning.type === 'rule-dominance' && warning.rule !== undefined;
    const key = `${warning.type}\0${byRule ? warning.rule : ''}`;
    let group = groups.get(key);
    if (!group) {
      const noun = warning.type === 'never-fired' || warning.type === 'stale' ? 'rule' : 'document';
      groups.set(key, (group = { type: warning.type, ...(byRule ? { rule: warning.rule } : {}), warnings: [], noun }));
    }
    group.warnings.push(warning);
  }
  return [...groups.values()].sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type) || b.warnings.length - a.warnings.length || (a.rule ?? '').localeCompare(b.rule ?? ''));
}

/** "over-removal: 312 documents", "rule-dominance of default/main-content: 40 documents". */
export function groupTitle(group: WarningGroup): string {
  return `${group.type}${group.rule ? ` of ${group.rule}` : ''}: ${groupCount(group)}`;
}

/** "312 documents", "1 rule". */
export function groupCount(group: WarningGroup): string {
  const n = group.warnings.length;
  return `${n.toLocaleString('en')} ${group.noun}${n === 1 ? '' : 's'}`;
}
