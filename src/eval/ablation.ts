/**
 * A rule set with one rule switched off, for ablation: the rule is marked `enabled: false` in a
 * copy of its file, so the resolution treats it exactly as a user switching it off would (an
 * outlet rule that replaced a default one does not bring the default back).
 */
import type { RuleFile } from '../kernel/rules/parse.js';
import { RuleSet } from '../kernel/rules/ruleset.js';
import { ruleKey } from '../kernel/engine/removal.js';

export function withoutRule(ruleSet: RuleSet, key: string): RuleSet {
  const off = (file: RuleFile): RuleFile => ({
    ...file,
    rules: file.rules.map((rule) => (ruleKey(rule) === key ? { ...rule, enabled: false } : rule)),
  });
  return new RuleSet(
    ruleSet.dir,
    ruleSet.defaults && off(ruleSet.defaults),
    new Map([...ruleSet.outlets].map(([name, file]) => [name, off(file)])),
  );
}
