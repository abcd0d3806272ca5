/**
 * Rules from disk: a rules folder (`default.yaml`, `outlets/<outlet>.yaml`) read into rule
 * sources and compiled by the kernel (kernel/rules/compile.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_RULES } from './bundled-rules.js';
import { RuleFileError, RulesLoadError } from '../kernel/rules/errors.js';
import { compileRuleSet, type CompileOptions } from '../kernel/rules/compile.js';
import { RULE_FILE, type RuleSet, type RuleSource } from '../kernel/rules/ruleset.js';

export { BUNDLED_RULES };

/** `<name>.test.yaml` (or `.yml`) beside a rule file: its tests, never a rule file. */
export const TEST_FILE = /\.test\.ya?ml$/;


/** Every rule-file path under `dir`: default.yaml, then outlets/*.yaml in name order. */
export function ruleFilePaths(dir: string): string[] {
  const paths: string[] = [];
  for (const name of ['default.yaml', 'default.yml']) {
    if (existsSync(join(dir, name))) paths.push(join(dir, name));
  }
  const outlets = join(dir, 'outlets');
  if (existsSync(outlets) && statSync(outlets).isDirectory()) {
    for (const name of readdirSync(outlets).sort()) {
      if (RULE_FILE.test(name) && !TEST_FILE.test(name)) paths.push(join(outlets, name));
    }
  }
  return paths;
}

/** Read, validate and compile every rule file of `dir`; all problems of all files come back together. */
export function checkRules(dir: string, options: CompileOptions = {}): { ruleSet?: RuleSet; errors: RuleFileError[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { errors: [new RuleFileError(dir, 1, 1, 'Rules folder not found', 'pass --rules DIR with a folder holding default.yaml and outlets/<outlet>.yaml')] };
  }
  const sources: RuleSource[] = ruleFilePaths(dir).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  return compileRuleSet(dir, sources, options);
}

/**
 * Load a rules folder (default: the bundled rules); throws `RulesLoadError` listing every problem
 * when any file is broken (with `deferOutlets`, when a deferred outlet's rules are first needed).
 */
export function loadRules(dir: string = BUNDLED_RULES, options: CompileOptions = {}): RuleSet {
  const { ruleSet, errors } = checkRules(dir, options);
  if (!ruleSet) throw new RulesLoadError(errors);
  return ruleSet;
}

/** Every rule-test file under `dir`: default.test.yaml, then outlets/*.test.yaml in name order. */
export function ruleTestFilePaths(dir: string): string[] {
  const paths: string[] = [];
  for (const name of ['default.test.yaml', 'default.test.yml']) {
    if (existsSync(join(dir, name))) paths.push(join(dir, name));
  }
  const outlets = join(dir, 'outlets');
  if (existsSync(outlets) && statSync(outlets).isDirectory()) {
    for (const name of readdirSync(outlets).sort()) if (TEST_FILE.test(name)) paths.push(join(outlets, name));
  }
  return paths;
}
