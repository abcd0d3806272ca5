/**
 * A set of rule files (`default.yaml`, `outlets/<outlet>.yaml`) compiled from their texts, and
 * which of them apply to a document: the defaults first, then the outlet's; an outlet rule with a
 * default rule's id replaces it in place, `disable:` and `enabled: false` switch rules off.
 *
 * No file system here: io/rules.ts reads a rules folder into `RuleSource`s, and a worker thread
 * compiles the very texts the main thread read, checked and hashed.
 */
import { RuleFileError } from './errors.js';
import { parseRuleFile, type LoadedRule, type Origin, type RuleFile } from './parse.js';

export const DEFAULT_OUTLET = 'default';
/** A rule file's name: `default.yaml` or `<outlet>.yaml` (`.yml` too). */
export const RULE_FILE = /\.ya?ml$/;

/** One rule file as read: its path (as messages show it) and its text. */
export interface RuleSource {
  path: string;
  text: string;
}

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
    /** The rules folder the files came from (a label: nothing is read from it). */
    readonly dir: string,
    readonly defaults: RuleFile | undefined,
    readonly outlets: ReadonlyMap<string, RuleFile>,
    /** The texts the files were compiled from, defaults first: what a worker compiles again, and what a run's digest covers. */
    readonly sources: readonly RuleSource[] = [],
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

/** `a/b/default.yml` -> `default.yml`, for both separators. */
function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/**
 * Compile rule files from their texts: `default.yaml` (or `.yml`) holds the defaults, any other
 * `<outlet>.yaml` an outlet's rules. All problems of all files come back together.
 */
export function compileRuleSet(dir: string, sources: readonly RuleSource[]): { ruleSet?: RuleSet; errors: RuleFileError[] } {
  const errors: RuleFileError[] = [];
  let defaults: RuleFile | undefined;
  const outlets = new Map<string, RuleFile>();
  const hostOwner = new Map<string, string>();
  for (const { path, text } of sources) {
    const name = fileName(path).replace(RULE_FILE, '');
    const isDefault = name === DEFAULT_OUTLET;
    const result = parseRuleFile(text, path, { expectOutlet: name });
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
  return { ruleSet: new RuleSet(dir, defaults, outlets, sources), errors };
}
