/**
 * A rule from options that passed validation, and rule files as plain data.
 *
 * parse.ts reads YAML, checks every key and value, and builds each rule here. A worker thread is
 * sent the files the main thread checked as plain data (`CheckedRuleFile`) and builds the same
 * rules from them, without YAML or the validators: the options are the ones that passed.
 */
import { KINDS, MATCHER_KEYS } from '../kinds/registry.js';
import { compileWithin, type Within } from '../kinds/scope.js';
import type { RuleKind } from '../kinds/types.js';
import type { LoadedRule, Origin, RuleFile } from './parse.js';

/** A rule file after its checks, in plain data (structured-cloneable). */
export interface CheckedRuleFile {
  path: string;
  outlet: string;
  hosts: string[];
  disable: Array<{ id: string; origin: Origin }>;
  rules: Array<{ options: Record<string, unknown>; origin: Origin }>;
}

/**
 * Build a rule of `kind` from its options (as written, already validated). Throws the kind's
 * `OptionError` when it refuses a value no schema can check (a regular expression that does not compile).
 */
export function buildRule(options: Record<string, unknown>, kind: RuleKind<any>, outlet: string, origin: Origin): LoadedRule {
  const matcher = kind.compile(options);
  return {
    id: options.id as string,
    outlet,
    kind,
    drop: options.drop === 'rest' ? 'rest' : 'block',
    kindName: options.drop === 'rest' ? 'rest' : kind.meta.name,
    description: options.description as string | undefined,
    extract: options.extract as string | undefined,
    enabled: options.enabled !== false,
    ...(typeof options.relax === 'number' ? { relax: options.relax } : {}),
    scope: options.within === undefined ? undefined : compileWithin(options.within as Within),
    matcher,
    options,
    origin,
  };
}

/** The plain data of a checked file. */
export function toChecked(file: RuleFile): CheckedRuleFile {
  return {
    path: file.path,
    outlet: file.outlet,
    hosts: file.hosts,
    disable: file.disable,
    rules: file.rules.map((rule) => ({ options: rule.options, origin: rule.origin })),
  };
}

/** The rule file again, from the plain data of a checked one. */
export function fromChecked(file: CheckedRuleFile): RuleFile {
  return {
    ...file,
    rules: file.rules.map(({ options, origin }) => {
      const matcher = MATCHER_KEYS.find((key) => key in options);
      if (matcher === undefined) throw new Error(`${origin.file}:${origin.line}:${origin.column}: a checked rule without a matcher`);
      return buildRule(options, KINDS.get(matcher)!, file.outlet, origin);
    }),
  };
}
