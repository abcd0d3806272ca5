/**
 * One rule file: YAML -> validated, compiled rules, with every problem placed at file:line:col.
 */
import type { ErrorObject } from 'ajv';
import { nearest } from '../text/nearest.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { KINDS, MATCHER_KEYS } from '../kinds/registry.js';
import type { ScopeTest } from '../kinds/scope.js';
import type { Matcher, RuleKind } from '../kinds/types.js';
import { OptionError } from '../kinds/types.js';
import { buildRule } from './build.js';
import { RuleFileError } from './errors.js';
import { ALL_RULE_KEYS, FILE_PROPERTIES, ruleSchema } from './schema.js';
import { validatorName } from './validator-name.js';
import * as validators from './validators.generated.js';

/** Where a rule or setting was written. */
export interface Origin {
  file: string;
  line: number;
  column: number;
}

export interface LoadedRule {
  id: string;
  /** The outlet whose file holds the rule (`default` for rules/default.yaml). */
  outlet: string;
  kind: RuleKind<any>;
  /** What a block the rule matches takes with it: `block` (itself) or `rest` (itself and every block after it). */
  drop: 'block' | 'rest';
  /** The kind as removals and reports name it: the kind's name, or `rest` for a `drop: rest` rule. */
  kindName: string;
  description?: string;
  /** Metadata name to store removed text under. */
  extract?: string;
  enabled: boolean;
  /** Safety-net step from which the rule is switched off (see src/engine/relax.ts). */
  relax?: number;
  scope?: ScopeTest;
  matcher: Matcher;
  /** The rule as written (for `rules print` and learning). */
  options: Record<string, unknown>;
  origin: Origin;
}

export interface RuleFile {
  path: string;
  outlet: string;
  hosts: string[];
  disable: Array<{ id: string; origin: Origin }>;
  rules: LoadedRule[];
}

/** A validator Ajv wrote ahead of time (`validator-code.ts`): true, or false with `errors` set. */
type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
const compiled = validators as unknown as Record<string, Validator>;
const ruleValidators = new Map<RuleKind<any>, Validator>([...KINDS].map(([name, kind]) => [kind, compiled[validatorName(name)]]));
const validateHosts = compiled.validate_hosts;

export interface ParseOptions {
  /** The outlet name the file must declare (its file name), or `default`. */
  expectOutlet: string;
}

/** Parse and compile one rule file. Never throws: problems come back in `errors`. */
export function parseRuleFile(source: string, path: string, options: ParseOptions): { file?: RuleFile; errors: RuleFileError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: RuleFileError[] = [];
  const at = (node: YamlNode | null | undefined, reason: string, hint?: string) => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    errors.push(new RuleFileError(path, line, col, reason, hint));
  };
  const originOf = (node: YamlNode | null | undefined): Origin => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { file: path, line, column: col };
  };

  for (const e of doc.errors) {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    const reason = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    errors.push(new RuleFileError(path, line, col, `YAML syntax error: ${reason}`, 'fix the YAML syntax; indent list items under `rules:` with "- "'));
  }
  if (errors.length > 0) return { errors };

  const top = doc.contents;
  if (!isMap(top)) {
    at(top, 'Unexpected content: a rule file must be a mapping', 'start with `outlet: <name>` and `rules:`');
    return { errors };
  }
  for (const pair of top.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(key in FILE_PROPERTIES)) {
      at(pair.key as YamlNode, `Unexpected top-level key \`${key}\``, suggest(key, Object.keys(FILE_PROPERTIES)));
    }
  }

  const outletNode = top.get('outlet', true) as YamlNode | undefined;
  const outlet = isScalar(outletNode) ? String(outletNode.value) : undefined;
  if (outlet === undefined) {
    at(top, 'Missing `outlet`', `add \`outlet: ${options.expectOutlet}\` at the top`);
  } else if (outlet !== options.expectOutlet) {
    at(outletNode, `Unexpected outlet \`${outlet}\`, expected \`${options.expectOutlet}\``, `the outlet name must equal the file name; write \`outlet: ${options.expectOutlet}\` or rename the file`);
  }

  let hosts: string[] = [];
  const matchNode = top.get('match', true) as YamlNode | undefined;
  if (matchNode !== undefined) {
    if (!isMap(matchNode)) {
      at(matchNode, 'Unexpected `match`: expected a mapping', 'write `match: {hosts: [example.com]}`');
    } else {
      for (const pair of matchNode.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (key !== 'hosts') at(pair.key as YamlNode, `Unexpected key \`${key}\` in \`match\``, 'expected `hosts`');
      }
      const hostsNode = matchNode.get('hosts', true) as YamlNode | undefined;
      const value = hostsNode === undefined ? [] : (hostsNode.toJSON() as unknown);
      if (validateHosts(value)) hosts = (value as string[]).map((h) => h.toLowerCase());
      else at(hostsNode, 'Unexpected `hosts`: expected a list of host names in lower case', 'write `hosts: [example.com, www.example.com]`');
    }
  }

  const disable: RuleFile['disable'] = [];
  const disableNode = top.get('disable', true) as YamlNode | undefined;
  if (disableNode !== undefined) {
    if (!isSeq(disableNode)) at(disableNode, 'Unexpected `disable`: expected a list of rule ids', 'write `disable: [rule-id, other-id]`');
    else for (const item of disableNode.items as YamlNode[]) {
      if (isScalar(item) && typeof item.value === 'string') disable.push({ id: item.value, origin: originOf(item) });
      else at(item, 'Unexpected item in `disable`: expected a rule id', 'write the id of a rule in rules/default.yaml');
    }
  }

  const rules: LoadedRule[] = [];
  const rulesNode = top.get('rules', true) as YamlNode | undefined;
  if (rulesNode === undefined) {
    at(top, 'Missing `rules`', 'add `rules:` with a list of rules (it may be empty: `rules: []`)');
  } else if (!isSeq(rulesNode)) {
    at(rulesNode, 'Unexpected `rules`: expected a list', 'write each rule as a list item starting with "- id: ..."');
  } else {
    const seen = new Map<string, Origin>();
    rulesNode.items.forEach((item, index) => {
      const rule = compileRule(item as YamlNode, index, outlet ?? options.expectOutlet, at, originOf);
      if (!rule) return;
      const earlier = seen.get(rule.id);
      if (earlier) {
        at((item as any).get('id', true), `Duplicate rule id \`${rule.id}\` (first defined at line ${earlier.line})`, 'give every rule in a file its own id');
        return;
      }
      seen.set(rule.id, rule.origin);
      rules.push(rule);
    });
  }

  if (errors.length > 0) return { errors };
  return { file: { path, outlet: outlet!, hosts, disable, rules }, errors };
}

type At = (node: YamlNode | null | undefined, reason: string, hint?: string) => void;

function compileRule(node: YamlNode, index: number, outlet: string, at: At, originOf: (n: YamlNode) => Origin): LoadedRule | undefined {
  if (!isMap(node)) {
    at(node, `Unexpected rule #${index + 1}: expected a mapping`, 'write a rule as "- id: my-rule" followed by its keys');
    return undefined;
  }
  const raw = node.toJSON() as Record<string, unknown>;
  const idNode = node.get('id', true) as YamlNode | undefined;
  const label = typeof raw.id === 'string' ? `rule \`${raw.id}\`` : `rule #${index + 1}`;
  let ok = true;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!ALL_RULE_KEYS.includes(key)) {
      at(pair.key as YamlNode, `Unexpected key \`${key}\` in ${label}`, suggest(key, ALL_RULE_KEYS));
      ok = false;
    }
  }
  if (idNode === undefined) {
    at(node, `Missing \`id\` in ${label}`, 'every rule needs an id, e.g. `id: read-more`');
    ok = false;
  }
  if (!ok) return undefined;

  const matchers = MATCHER_KEYS.filter((k) => k in raw);
  if (matchers.length === 0) {
    at(idNode ?? node, `Unexpected ${label} without a matcher`, `add exactly one of ${MATCHER_KEYS.map((k) => `\`${k}\``).join(', ')}`);
    return undefined;
  }
  if (matchers.length > 1) {
    at(keyNode(node, matchers[1]), `Unexpected \`${matchers[1]}\` in ${label}, which already has \`${matchers[0]}\``, 'a rule has exactly one matcher; split it into two rules');
    return undefined;
  }
  const kind = KINDS.get(matchers[0])!;
  if (raw.drop === 'rest' && kind.meta.level !== 'block') {
    at(keyNode(node, 'drop'), `Unexpected \`drop: rest\` with \`${matchers[0]}\` in ${label}`, `\`${matchers[0]}\` removes the elements it matches; a \`drop: rest\` rule finds its marker block with a block kind such as \`text\` or \`pattern\``);
    return undefined;
  }
  const validate = ruleValidators.get(kind)!;
  if (!validate(raw)) {
    for (const error of dedupe(validate.errors ?? [])) {
      const path = error.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const target = (path.length ? node.getIn(path, true) : node) as YamlNode;
      if (error.keyword === 'additionalProperties' && path.length === 0) {
        // A key of another kind (`ignore-case` on a `text` rule): say which kinds take it.
        const extra = String(error.params.additionalProperty);
        const takers = [...KINDS].filter(([, k]) => extra in ((ruleSchema(k).properties as Record<string, unknown>) ?? {})).map(([name]) => `\`${name}\``);
        at(keyNode(node, extra) ?? target, `Unexpected key \`${extra}\` in ${label}: a \`${matchers[0]}\` rule does not take it`, takers.length > 0 ? `${takers.join(', ')} rules take \`${extra}\`` : undefined);
        continue;
      }
      at(target, describe(error, label), hintFor(error, kind));
    }
    return undefined;
  }
  try {
    return buildRule(raw, kind, outlet, originOf(node));
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    at(node.getIn(error.key, true) as YamlNode, `${error.message} in ${label}`, error.hint);
    return undefined;
  }
}

/** The key node of `key` in a mapping (where an "unexpected key" message points). */
function keyNode(map: YAMLMap, key: string): YamlNode | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair?.key as YamlNode | undefined;
}

/** Keep the first error per place; `anyOf` failures otherwise report once per branch. */
function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    const key = e.instancePath;
    const prev = byPath.get(key);
    if (!prev || e.keyword === 'anyOf') byPath.set(key, e);
  }
  return [...byPath.values()];
}

function describe(error: ErrorObject, label: string): string {
  const key = error.instancePath.split('/').filter(Boolean).join('.') || 'rule';
  switch (error.keyword) {
    case 'anyOf':
      return `Unexpected value for \`${key}\` in ${label}`;
    case 'pattern':
      return `Unexpected value for \`${key}\` in ${label}: must match ${error.params.pattern}`;
    case 'required':
      return `Missing \`${error.params.missingProperty}\` in ${label}`;
    default:
      return `Unexpected value for \`${key}\` in ${label}: ${error.message}`;
  }
}

function hintFor(error: ErrorObject, kind: RuleKind<any>): string | undefined {
  const key = String(error.instancePath.split('/')[1] ?? '');
  const schema = { ...ruleSchema(kind).properties as Record<string, { description?: string }> }[key];
  return schema?.description ? `expected: ${schema.description}` : undefined;
}

/** "did you mean ...?" for an unknown key, and the keys that are allowed. */
export function suggest(key: string, known: string[]): string {
  const near = nearest(key, known);
  const list = known.map((k) => `\`${k}\``).join(', ');
  return near ? `did you mean \`${near}\`? Expected one of ${list}` : `expected one of ${list}`;
}
