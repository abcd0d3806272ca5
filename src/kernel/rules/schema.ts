/**
 * The rule-file language, as JSON Schema built from the kinds' own option schemas: one source of
 * truth for validation here and for editors (`winnow rules schema`).
 */
import { KINDS } from '../kinds/registry.js';
import { withinSchema } from '../kinds/scope.js';
import { FIELDS } from '../kinds/fields.js';
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
  ...new Set([...Object.keys(COMMON_RULE_PROPERTIES), ...[...KINDS.values()].flatMap((k) => Object.keys(k.meta.schema.properties))]),
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
      rules: { ...FILE_PROPERTIES.rules, items: { anyOf: [...KINDS.values()].map((k) => ruleSchema(k)) } },
    },
    required: ['outlet', 'rules'],
    additionalProperties: false,
  };
}

/** A snippet of document text: one block's text or part of it (whitespace is collapsed). */
const SNIPPET: JsonSchema = { type: 'string', minLength: 1 };

/** Keys of one rule test (a case in `<outlet>.test.yaml`). */
export const TEST_CASE_PROPERTIES: Record<string, JsonSchema> = {
  name: { type: 'string', minLength: 1, description: 'What the test checks; failures are reported under it.' },
  text: { type: 'string', description: 'The document, as plain text (one block per line, blank lines between groups).' },
  html: { type: 'string', description: 'The document, as HTML.' },
  file: { type: 'string', minLength: 1, description: 'A fixture document (.txt or .html), relative to the test file.' },
  keep: {
    type: 'array',
    items: { ...SNIPPET, description: 'Text that must survive cleaning.' },
    description: 'Snippets that must survive: a failure names the rule that dropped one.',
  },
  drop: {
    type: 'array',
    items: {
      description: 'Text that must be removed, optionally by a named rule: "Read more: x" or {text: "Read more: x", rule: read-more}.',
      anyOf: [
        SNIPPET,
        {
          type: 'object',
          properties: { text: SNIPPET, rule: { type: 'string', minLength: 1, description: 'Id of the rule that must remove it.' } },
          required: ['text'],
          additionalProperties: false,
        },
      ],
    },
    description: 'Snippets that must be removed: a failure says which one survived, or which rule took it instead.',
  },
  metadata: {
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Metadata the rules must extract, e.g. {date: "19 December 2024, 06:11"}.',
  },
  fields: {
    type: 'object',
    properties: Object.fromEntries(
      FIELDS.map((field) => [field, field === 'authors' ? { type: 'array', items: { type: 'string' } } : { type: 'string' }]),
    ),
    additionalProperties: false,
    description: 'The article\'s fields the rules must give, e.g. {title: "Library to close", authors: [Ann Writer], date: "2024-12-19"}.',
  },
  'title-line': {
    type: 'string',
    minLength: 1,
    description: 'The title line the rules must find (the headline, first in the text output).',
  },
};

/** Top-level keys of a rule-test file. */
export const TEST_FILE_PROPERTIES: Record<string, JsonSchema> = {
  description: { type: 'string' },
  tests: {
    type: 'array',
    description: 'Documents (inline or fixture files) with what must be kept and what must be dropped.',
    items: {
      type: 'object',
      properties: TEST_CASE_PROPERTIES,
      required: ['name'],
      additionalProperties: false,
    },
  },
};

/**
 * JSON Schema of a rule-test file (`rules/default.test.yaml`, `rules/outlets/<outlet>.test.yaml`),
 * for validation and for editors (`winnow rules schema --tests`).
 */
export function ruleTestFileSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://winnow.dev/schema/rule-tests.json',
    title: 'Winnow rule tests',
    type: 'object',
    properties: TEST_FILE_PROPERTIES,
    required: ['tests'],
    additionalProperties: false,
  };
}
