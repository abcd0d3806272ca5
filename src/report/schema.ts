/**
 * JSON Schema (draft-07) of the removal report, schema version 1. `winnow report` checks every
 * report it reads against it; docs/report-schema.md explains the fields.
 */
import { REPORT_SCHEMA_VERSION } from './types.js';

const count = { type: 'integer', minimum: 0 } as const;
const shareValue = { type: 'number', minimum: 0, maximum: 1 } as const;
const text = { type: 'string' } as const;

const removalCounts = {
  documentsHit: count,
  blocks: count,
  chars: count,
  words: count,
} as const;

const documentCounts = {
  documents: count,
  blocksIn: count,
  blocksRemoved: count,
  charsRemoved: count,
  wordsIn: count,
  wordsOut: count,
  wordsRemoved: count,
  shareRemoved: shareValue,
} as const;

const origin = {
  type: 'object',
  required: ['file', 'line', 'column'],
  properties: { file: text, line: count, column: count },
} as const;

const rule = {
  type: 'object',
  required: ['key', 'outlet', 'id', 'kind', 'appliedIn', 'documentsApplied', ...Object.keys(removalCounts), 'shareOfInputWords', 'shareOfRemovedWords', 'byOutlet', 'examples'],
  properties: {
    key: text,
    outlet: text,
    id: text,
    kind: text,
    description: text,
    origin,
    appliedIn: { type: 'array', items: text },
    documentsApplied: count,
    documentsWithFields: count,
    documentsKept: count,
    wordsKept: count,
    ...removalCounts,
    shareOfInputWords: shareValue,
    shareOfRemovedWords: shareValue,
    byOutlet: {
      type: 'array',
      items: { type: 'object', required: ['outlet', ...Object.keys(removalCounts)], properties: { outlet: text, ...removalCounts } },
    },
    examples: {
      type: 'array',
      items: {
        type: 'object',
        required: ['document', 'text', 'words'],
        properties: { document: text, text, words: count, truncated: { const: true } },
      },
    },
    why: {
      type: 'array',
      items: { type: 'object', required: ['detail', 'blocks', 'words'], properties: { detail: text, blocks: count, words: count } },
    },
    whyOther: { type: 'object', required: ['blocks', 'words'], properties: { blocks: count, words: count } },
  },
} as const;

const warningType = { enum: ['never-fired', 'over-removal', 'rule-dominance', 'stale'] } as const;

export const REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://winnow.invalid/report-schema-1.json',
  title: 'Winnow removal report',
  type: 'object',
  required: ['schemaVersion', 'generator', 'settings', 'totals', 'outlets', 'rules', 'documents', 'documentsOmitted', 'details', 'detailsOmitted', 'warnings', 'warningCounts', 'warningsOmitted'],
  properties: {
    schemaVersion: { const: REPORT_SCHEMA_VERSION },
    generator: { type: 'object', required: ['name', 'version'], properties: { name: { const: 'winnow' }, version: text } },
    settings: {
      type: 'object',
      required: ['maxRemovedShare', 'minWordsKept', 'ruleDominanceShare', 'maxExamples', 'exampleChars', 'maxDocuments', 'maxDocumentDetails', 'maxWarnings'],
      properties: {
        maxRemovedShare: shareValue,
        minWordsKept: count,
        ruleDominanceShare: shareValue,
        maxExamples: count,
        exampleChars: count,
        maxDocuments: count,
        maxDocumentDetails: count,
        maxWarnings: count,
      },
    },
    totals: {
      type: 'object',
      required: [...Object.keys(documentCounts), 'rules', 'rulesFired', 'rulesNeverFired'],
      properties: { ...documentCounts, rules: count, rulesFired: count, rulesNeverFired: count, documentsByShareRemoved: { type: 'array', items: count, minItems: 10, maxItems: 10 } },
    },
    outlets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['outlet', 'ruleFiles', ...Object.keys(documentCounts), 'rulesApplied', 'rulesFired'],
        properties: { outlet: text, ruleFiles: { type: 'array', items: text }, ...documentCounts, rulesApplied: count, rulesFired: count },
      },
    },
    rules: { type: 'array', items: rule },
    documents: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'outlet', 'blocksIn', 'blocksRemoved', 'wordsIn', 'wordsOut', 'wordsRemoved', 'shareRemoved', 'rules'],
        properties: {
          id: text,
          url: text,
          outlet: text,
          blocksIn: count,
          blocksRemoved: count,
          wordsIn: count,
          wordsOut: count,
          wordsRemoved: count,
          shareRemoved: shareValue,
          rules: { type: 'object', additionalProperties: count },
          warnings: { type: 'array', items: warningType },
        },
      },
    },
    documentsOmitted: count,
    details: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'outlet', 'blocks'],
        properties: {
          id: text,
          url: text,
          outlet: text,
          blocks: {
            type: 'array',
            items: {
              type: 'array',
              items: { type: 'object', required: ['text'], properties: { text, rule: text, partial: { const: true } } },
            },
          },
        },
      },
    },
    detailsOmitted: count,
    warnings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'message'],
        properties: { type: warningType, rule: text, document: text, share: { type: 'number', minimum: 0 }, wordsKept: count, message: text },
      },
    },
    warningCounts: {
      type: 'object',
      required: ['never-fired', 'over-removal', 'rule-dominance'],
      properties: { 'never-fired': count, 'over-removal': count, 'rule-dominance': count, stale: count },
    },
    warningsOmitted: count,
  },
} as const;
