/**
 * A folder of rule files (`default.yaml`, `outlets/<outlet>.yaml`) and which of them apply to a
 * document: the defaults first, then the outlet's; an outlet rule with a default rule's id
 * replaces it in place, `disable:` and `enabled: false` switch rules off.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RuleFileError, RulesLoadError } from './errors.js';
import { parseRuleFile, type LoadedRule, type Origin, type RuleFile } from './parse.js';

export const DEFAULT_OUTLET = 'default';
const RULE_FILE = /\.ya?ml$/;
/** Files beside rule files that hold rule tests, not rules. */
const TEST_FILE = /\.test\.ya?ml$/;

/** A rule switched off for an outlet, and by what. */
export interface DisabledRule {
  rule: LoadedRule;
  by: Origin | 'enabled: false';
}

/** The ordered rules that apply to one outlet, with where each came from. */
export interface ResolvedRules {
  /** The outlet name, or `default` when no outlet file applies. */
  outlet: string;
  /** Rule files applied, in order. */
  files: string[];
  rules: LoadedRule[];
  disabled: DisabledRule[];
}

export class RuleSet {
  private readonly resolved = new Map<string, ResolvedRules>();

  constructor(
    readonly dir: string,
    readonly defaults: RuleFile | undefined,
    readonly outlets: ReadonlyMap<string, RuleFile>,
  ) {}

  /** Every loaded file, defaults first. */
  files(): RuleFile[] {
    return [...(this.defaults ? [this.defaults] : []), ...this.outlets.values()];
  }

  hasOutlet(name: string): boolean {
    return this.outlets.has(name);
  }

  /** The outlet whose `match.hosts` covers `host` (exactly or as a subdomain), the most specific first. */
  outletForHost(host: string): string | undefined {
    const h = host.toLowerCase().replace(/\.$/, '');
    let best: { outlet: string; length: number } | undefined;
    for (const file of this.outlets.values()) {
      for (const entry of file.hosts) {
        if ((h === entry || h.endsWith(`.${entry}`)) && (!best || entry.length > best.length)) {
          best = { outlet: file.outlet, length: entry.length };
        }
      }
    }
    return best?.outlet;
  }

  /** The rules for `outlet` (the defaults alone when it is undefined or unknown). Cached. */
  forOutlet(outlet: string | undefined): ResolvedRules {
    const key = outlet !== undefined && this.outlets.has(outlet) ? outlet : DEFAULT_OUTLET;
    let hit = this.resolved.get(key);
    if (!hit) {
      hit = resolve(this.defaults, key === DEFAULT_OUTLET ? undefined : this.outlets.get(key));
      this.resolved.set(key, hit);
    }
    return hit;
  }
}

function resolve(defaults: RuleFile | undefined, outlet: RuleFile | undefined): ResolvedRules {
  const ordered: LoadedRule[] = [...(defaults?.rules ?? [])];
  const disabled: DisabledRule[] = [];
  if (outlet) {
    for (const rule of outlet.rules) {
      const at = ordered.findIndex((r) => r.id === rule.id);
      if (at >= 0) ordered[at] = rule;
      else ordered.push(rule);
    }
    for (const { id, origin } of outlet.disable) {
      const at = ordered.findIndex((r) => r.id === id);
      if (at >= 0) disabled.push({ rule: ordered.splice(at, 1)[0], by: origin });
    }
  }
  const rules: LoadedRule[] = [];
  for (const rule of ordered) {
    if (rule.enabled) rules.push(rule);
    else disabled.push({ rule, by: 'enabled: false' });
  }
  return {
    outlet: outlet?.outlet ?? DEFAULT_OUTLET,
    files: [defaults?.path, outlet?.path].filter((p): p is string => p !== undefined),
    rules,
    disabled,
  };
}

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

/** Load, validate and compile every rule file; all problems of all files come back together. */
export function checkRules(dir: string): { ruleSet?: RuleSet; errors: RuleFileError[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { errors: [new RuleFileError(dir, 1, 1, 'Rules folder not found', 'pass --rules DIR with a folder holding default.yaml and outlets/<outlet>.yaml')] };
  }
  const errors: RuleFileError[] = [];
  let defaults: RuleFile | undefined;
  const outlets = new Map<string, RuleFile>();
  const hostOwner = new Map<string, string>();
  for (const path of ruleFilePaths(dir)) {
    const isDefault = basename(path).startsWith('default.');
    const expectOutlet = isDefault ? DEFAULT_OUTLET : basename(path).replace(RULE_FILE, '');
    const result = parseRuleFile(readFileSync(path, 'utf8'), path, { expectOutlet });
    errors.push(...result.errors);
    const file = result.file;
    if (!file) continue;
    if (isDefault) {
      defaults = file;
      continue;
    }
    for (const host of file.hosts) {
      const owner = hostOwner.get(host);
      if (owner) errors.push(new RuleFileError(path, 1, 1, `Host \`${host}\` is already claimed by ${owner}`, 'a host belongs to one outlet; remove it from one of the files'));
      else hostOwner.set(host, path);
    }
    outlets.set(file.outlet, file);
  }
  for (const file of outlets.values()) {
    const known = new Set(defaults?.rules.map((r) => r.id));
    for (const { id, origin } of file.disable) {
      if (!known.has(id)) errors.push(new RuleFileError(origin.file, origin.line, origin.column, `Unexpected rule id \`${id}\` in \`disable\`: rules/default.yaml has no such rule`, 'list ids of rules in rules/default.yaml'));
    }
  }
  if (errors.length > 0) return { errors };
  return { ruleSet: new RuleSet(dir, defaults, outlets), errors };
}

/** Load a rules folder; throws `RulesLoadError` listing every problem when any file is broken. */
export function loadRules(dir: string): RuleSet {
  const { ruleSet, errors } = checkRules(dir);
  if (!ruleSet) throw new RulesLoadError(errors);
  return ruleSet;
}
