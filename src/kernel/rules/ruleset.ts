/**
 * A set of rule files (`default.yaml`, `outlets/<outlet>.yaml`) compiled from their texts, and
 * which of them apply to a document: the defaults first, then the outlet's; an outlet rule with a
 * default rule's id replaces it in place, `disable:` and `enabled: false` switch rules off.
 *
 * No file system and no YAML here: io/rules.ts reads a rules folder into `RuleSource`s,
 * compile.ts checks and compiles them, and a worker thread rebuilds the set from the checked files
 * as plain data (`checked()`, `RuleSet.fromChecked`).
 */
import { fromChecked, toChecked, type CheckedRuleFile } from './build.js';
import type { LoadedRule, Origin, RuleFile } from './parse.js';

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

/**
 * An outlet file read but not compiled yet (one document needs one outlet's rules): its hosts,
 * read ahead, and how to compile it, which throws `RulesLoadError` when the file is broken.
 */
export interface DeferredOutlet {
  hosts: string[];
  compile(): RuleFile;
}

export class RuleSet {
  private readonly resolved = new Map<string, ResolvedRules>();
  private readonly entries: Map<string, RuleFile | DeferredOutlet>;

  constructor(
    /** The rules folder the files came from (a label: nothing is read from it). */
    readonly dir: string,
    readonly defaults: RuleFile | undefined,
    outlets: ReadonlyMap<string, RuleFile | DeferredOutlet>,
    /** The texts the files were compiled from, defaults first: what a run's digest covers (empty when built from checked files). */
    readonly sources: readonly RuleSource[] = [],
  ) {
    this.entries = new Map(outlets);
  }

  /** The set again from the plain data of `checked()` (in a worker: no YAML to parse, nothing to validate again). */
  static fromChecked(dir: string, files: readonly CheckedRuleFile[]): RuleSet {
    const built = files.map(fromChecked);
    return new RuleSet(dir, built.find((f) => f.outlet === DEFAULT_OUTLET), new Map(built.filter((f) => f.outlet !== DEFAULT_OUTLET).map((f) => [f.outlet, f])));
  }

  /** Every file as plain data, defaults first: what a worker thread is sent. */
  checked(): CheckedRuleFile[] {
    return this.files().map(toChecked);
  }

  /** Every outlet file by outlet name, compiled (deferred ones now). */
  get outlets(): ReadonlyMap<string, RuleFile> {
    for (const name of this.entries.keys()) this.outlet(name);
    return this.entries as Map<string, RuleFile>;
  }

  /** The outlet names, in file order. */
  outletNames(): string[] {
    return [...this.entries.keys()];
  }

  /** Every loaded file, defaults first. */
  files(): RuleFile[] {
    return [...(this.defaults ? [this.defaults] : []), ...this.outlets.values()];
  }

  hasOutlet(name: string): boolean {
    return this.entries.has(name);
  }

  /** The outlet whose `match.hosts` covers `host` (exactly or as a subdomain), the most specific first. */
  outletForHost(host: string): string | undefined {
    const h = host.toLowerCase().replace(/\.$/, '');
    let best: { outlet: string; length: number } | undefined;
    for (const [outlet, entry] of this.entries) {
      for (const name of entry.hosts) {
        if ((h === name || h.endsWith(`.${name}`)) && (!best || name.length > best.length)) {
          best = { outlet, length: name.length };
        }
      }
    }
    return best?.outlet;
  }

  /** One outlet's file, compiled now if it was deferred. */
  private outlet(name: string): RuleFile | undefined {
    const entry = this.entries.get(name);
    if (entry === undefined || !('compile' in entry)) return entry;
    const file = entry.compile();
    this.entries.set(name, file);
    return file;
  }

  /** The rules for `outlet` (the defaults alone when it is undefined or unknown). Cached. */
  forOutlet(outlet: string | undefined): ResolvedRules {
    const key = outlet !== undefined && this.entries.has(outlet) ? outlet : DEFAULT_OUTLET;
    let hit = this.resolved.get(key);
    if (!hit) {
      hit = resolve(this.defaults, key === DEFAULT_OUTLET ? undefined : this.outlet(key));
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
