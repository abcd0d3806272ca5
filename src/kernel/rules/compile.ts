/**
 * Rule files compiled from their texts into a `RuleSet`: `default.yaml` (or `.yml`) holds the
 * defaults, any other `<outlet>.yaml` an outlet's rules; every problem of every file is placed at
 * file:line:col.
 */
import { parse } from 'yaml';
import { RuleFileError, RulesLoadError } from './errors.js';
import { parseRuleFile, type RuleFile } from './parse.js';
import { DEFAULT_OUTLET, RULE_FILE, RuleSet, type DeferredOutlet, type RuleSource } from './ruleset.js';

/** `a/b/default.yml` -> `default.yml`, for both separators. */
function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export interface CompileOptions {
  /**
   * Compile an outlet file only when a document first needs its rules; its hosts are read ahead
   * from its top-level `match:` block (the whole file is compiled at once when that block is not
   * plain YAML). For one document, which needs one outlet of many: problems in files no document
   * needs go unseen (`winnow rules check` and batch runs compile every file).
   */
  deferOutlets?: boolean;
}

/** Compile rule files from their texts. All problems of all files (not deferred) come back together. */
export function compileRuleSet(dir: string, sources: readonly RuleSource[], options: CompileOptions = {}): { ruleSet?: RuleSet; errors: RuleFileError[] } {
  const errors: RuleFileError[] = [];
  let defaults: RuleFile | undefined;
  const outletSources: Array<{ name: string; source: RuleSource }> = [];
  for (const source of sources) {
    const name = fileName(source.path).replace(RULE_FILE, '');
    if (name !== DEFAULT_OUTLET) {
      outletSources.push({ name, source });
      continue;
    }
    const result = parseRuleFile(source.text, source.path, { expectOutlet: name });
    errors.push(...result.errors);
    defaults = result.file;
  }
  const compileOutlet = (name: string, { path, text }: RuleSource): { file?: RuleFile; errors: RuleFileError[] } => {
    const result = parseRuleFile(text, path, { expectOutlet: name });
    if (!result.file) return result;
    const known = new Set(defaults?.rules.map((r) => r.id));
    const unknown = result.file.disable
      .filter(({ id }) => !known.has(id))
      .map(({ id, origin }) => new RuleFileError(origin.file, origin.line, origin.column, `Unexpected rule id \`${id}\` in \`disable\`: rules/default.yaml has no such rule`, 'list ids of rules in rules/default.yaml'));
    return unknown.length > 0 ? { errors: unknown } : result;
  };

  const outlets = new Map<string, RuleFile | DeferredOutlet>();
  const hostOwner = new Map<string, string>();
  for (const { name, source } of outletSources) {
    const hosts = options.deferOutlets ? hostsAhead(source.text) : undefined;
    let entry: RuleFile | DeferredOutlet;
    if (hosts !== undefined) {
      entry = {
        hosts,
        compile: () => {
          const result = compileOutlet(name, source);
          if (!result.file) throw new RulesLoadError(result.errors);
          return result.file;
        },
      };
    } else {
      const result = compileOutlet(name, source);
      errors.push(...result.errors);
      if (!result.file) continue;
      entry = result.file;
    }
    for (const host of entry.hosts) {
      const owner = hostOwner.get(host);
      if (owner) errors.push(new RuleFileError(source.path, 1, 1, `Host \`${host}\` is already claimed by ${owner}`, 'a host belongs to one outlet; remove it from one of the files'));
      else hostOwner.set(host, source.path);
    }
    outlets.set(name, entry);
  }
  if (errors.length > 0) return { errors };
  return { ruleSet: new RuleSet(dir, defaults, outlets, sources), errors };
}

/** `match:` with `hosts: [a.example, b.example]` on the next line: how every outlet file writes it. */
const PLAIN_HOSTS = /^match:[ \t]*\r?\n[ \t]+hosts:[ \t]*\[([a-z0-9.\-, \t]*)\][ \t]*\r?\n?\s*$/;

/**
 * An outlet file's hosts, read from its top-level `match:` block alone (the lines from `match:`
 * to the next top-level key), or undefined when that block cannot safely be read apart from the
 * file: anchors, aliases or tags, a flow-style or quoted top level, or anything but host names.
 */
export function hostsAhead(text: string): string[] | undefined {
  if (/^[{?"'\[]/m.test(text)) return undefined;
  const lines = text.split('\n');
  const starts = lines.flatMap((line, i) => (/^match\s*:/.test(line) ? [i] : []));
  if (starts.length === 0) return [];
  if (starts.length > 1) return undefined;
  let end = starts[0] + 1;
  while (end < lines.length && /^(?:[ \t#]|\s*$)/.test(lines[end])) end++;
  const block = lines.slice(starts[0], end).join('\n');
  if (/[&*!]|<</.test(block)) return undefined;
  // The form every outlet file is written in, read without a YAML parser.
  const plain = PLAIN_HOSTS.exec(block);
  if (plain) return plain[1].split(',').map((h) => h.trim()).filter((h) => h !== '');
  let value: unknown;
  try {
    value = parse(block);
  } catch {
    return undefined;
  }
  const match = (value as { match?: unknown } | null)?.match;
  if (match === null || typeof match !== 'object' || Object.keys(match).some((k) => k !== 'hosts')) return undefined;
  const hosts = (match as { hosts?: unknown }).hosts ?? [];
  if (!Array.isArray(hosts) || !hosts.every((h) => typeof h === 'string' && h !== '' && h === h.toLowerCase())) return undefined;
  return hosts as string[];
}
