/**
 * Rules from disk: a rules folder (`default.yaml`, `outlets/<outlet>.yaml`) read into rule
 * sources and compiled by the kernel (kernel/rules/compile.ts).
 */
import { getBOMEncoding } from '@exodus/bytes/encoding.js';
import { isUtf8 } from 'node:buffer';
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
  const sources: RuleSource[] = [];
  const unreadable: RuleFileError[] = [];
  for (const path of ruleFilePaths(dir)) {
    const read = readYamlFile(path);
    if ('error' in read) unreadable.push(read.error);
    else sources.push({ path, text: read.text });
  }
  const compiled = compileRuleSet(dir, sources, options);
  // The other files' problems come back too; without the unreadable files there is no rule set.
  return unreadable.length > 0 ? { errors: [...unreadable, ...compiled.errors] } : compiled;
}

/**
 * A rule or rule-test file's text. They are UTF-8 (a byte-order mark is dropped); anything else is
 * an error at the first character that is not UTF-8, rather than rules holding U+FFFD.
 */
export function readYamlFile(path: string): { text: string } | { error: RuleFileError } {
  const bytes = readFileSync(path);
  if (getBOMEncoding(bytes)?.startsWith('utf-16')) {
    return { error: new RuleFileError(path, 1, 1, 'Unexpected UTF-16 text: rule files are UTF-8', 'save the file as UTF-8') };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (isUtf8(bytes)) return { text };
  const at = text.indexOf('\uFFFD');
  const line = text.slice(0, at).split('\n').length;
  const column = at - text.lastIndexOf('\n', at - 1);
  const byte = bytes[Buffer.byteLength(text.slice(0, at))];
  return {
    error: new RuleFileError(path, line, column, `Unexpected byte 0x${byte.toString(16).padStart(2, '0')}, which is not UTF-8: rule files are UTF-8`, 'save the file as UTF-8 (in Latin-1 "é" is one byte; in UTF-8 it is two)'),
  };
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
