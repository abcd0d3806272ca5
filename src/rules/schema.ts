/**
 * The rule-file language, as JSON Schema built from the kinds' own option schemas: one source of
 * truth for validation here and for editors (`winnow rules schema`).
 */
import { KINDS } from '../kinds/index.js';
import { withinSchema } from '../kinds/scope.js';
import type { JsonSchema, RuleKind } from '../kinds/types.js';

/** Keys every rule may carry, whatever its kind. */
export const COMMON_RULE_PROPERTIES: Record<string, JsonSchema> = {
  id: {
    type: 'string',
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
    description: 'Unique name of the rule; every removal is reported under it. Letters, digits, ".", "_" and "-".',
  },
  description: { type: 'string', description: 'What the rule removes and why, for the people who edit it.' },
  drop: {
    enum: ['block', 'rest'],
    description: '`block` (default): remove the matching block; `rest`: remove it and every block after it.',
  },
  within: withinSchema,
  extract: {
    type: 'string',
    pattern: '^[a-z][a-z0-9_-]*$',
    description: 'Keep the removed text as document metadata under this name (e.g. `date`, `author`).',
  },
  enabled: { type: 'boolean', description: 'Set to false to switch the rule off (default: true).' },
  relax: {
    type: 'integer',
    minimum: 1,
    description: 'Safety net: switch the rule off from this relaxation step on, when the rules would leave too little text (default: never).',
  },
  learned: {
    type: 'object',
    description: 'Evidence recorded by `winnow learn` (support, precision, date).',
    properties: {
      support: { type: 'string' },
      precision: { type: 'number' },
      at: { type: 'string' },
    },
  },
};

/** Every key any rule may carry, for "unexpected key" messages and suggestions. */
export const ALL_RULE_KEYS: string[] = [
  ...new Set([...Object.keys(COMMON_RULE_PROPERTIES), ...KINDS.flatMap((k) => Object.keys(k.meta.schema.properties))]),
];

/** The full schema of one rule of `kind`: common keys plus the kind's, nothing else. */
export function ruleSchema(kind: RuleKind<any>): JsonSchema {
  return {
    type: 'object',
    title: kind.meta.name,
    description: kind.meta.description,
    properties: { ...COMMON_RULE_PROPERTIES, ...kind.meta.schema.properties },
    required: ['id', ...kind.meta.schema.required],
    additionalProperties: false,
  };
}

export const HOSTS_SCHEMA: JsonSchema = {
  type: 'array',
  items: { type: 'string', pattern: '^[a-z0-9.-]+$' },
  description: 'Hosts of the outlet; a host also matches its subdomains (bbc.co.uk matches www.bbc.co.uk).',
};

/** Top-level keys of a rule file. */
export const FILE_PROPERTIES: Record<string, JsonSchema> = {
  outlet: {
    type: 'string',
    pattern: '^[a-z0-9][a-z0-9._-]*$',
    description: 'Name of the outlet; must equal the file name (rules/outlets/<outlet>.yaml). `default` for rules/default.yaml.',
  },
  description: { type: 'string' },
  match: {
    type: 'object',
    properties: { hosts: HOSTS_SCHEMA },
    additionalProperties: false,
    description: 'Which documents the outlet\'s rules apply to.',
  },
  disable: {
    type: 'array',
    items: { type: 'string' },
    description: 'Ids of rules from rules/default.yaml to switch off for this outlet.',
  },
  rules: { type: 'array', description: 'The rules, applied in order; earlier rules claim a block first.' },
};

/** JSON Schema of a whole rule file, for editors (yaml-language-server). */
export function ruleFileSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://winnow.dev/schema/rules.json',
    title: 'Winnow rule file',
    type: 'object',
    properties: {
      ...FILE_PROPERTIES,
      rules: { ...FILE_PROPERTIES.rules, items: { anyOf: KINDS.map((k) => ruleSchema(k)) } },
    },
    required: ['outlet', 'rules'],
    additionalProperties: false,
  };
}
