/**
 * A raw document -> the input `clean()` takes: bytes decoded (see decode.ts), or a JSONL line
 * parsed and its fields read. Runs in the workers. Problems that make a document unusable
 * throw `UnreadableDocument` (the reason goes into errors.jsonl); lesser ones are warnings.
 */
import type { CleanInput } from '../../kernel/clean.js';
import type { RuleSet } from '../../kernel/rules/ruleset.js';
import { HTML_FILE, TEXT_FILE, type InputType } from '../../kernel/parse/index.js';
import { decodeDocument, UnreadableDocument } from './decode.js';
import { CONTENT_FIELDS, type RecordFields } from './fields.js';
import type { RawDocument } from './items.js';


export interface PreparedDocument {
  input: CleanInput;
  /** The document's id: the reader's, the record's id field, or its source. */
  id: string;
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function prepareDocument(raw: RawDocument, fields: RecordFields): PreparedDocument {
  if (raw.format === 'jsonl') return fromRecord(raw, fields);
  const markup = raw.markup ?? (raw.path && TEXT_FILE.test(raw.path) ? 'text' : raw.path && HTML_FILE.test(raw.path) ? 'html' : 'unknown');
  const decoded = decodeDocument(raw.bytes, { markup, transportCharset: raw.charset });
  return {
    id: raw.id ?? raw.source,
    warnings: decoded.warnings,
    input: {
      content: decoded.text,
      ...(raw.markup ? { type: raw.markup } : {}),
      ...(raw.path !== undefined ? { path: raw.path } : {}),
      id: raw.id ?? raw.source,
      ...(raw.url !== undefined ? { url: raw.url } : {}),
      ...(raw.outlet !== undefined ? { outlet: raw.outlet } : {}),
    },
  };
}

function fromRecord(raw: RawDocument, fields: RecordFields): PreparedDocument {
  const warnings: string[] = [];
  let line: string;
  try {
    line = strictUtf8.decode(raw.bytes);
  } catch {
    line = utf8.decode(raw.bytes);
    warnings.push('invalid UTF-8 bytes in the line, replaced with U+FFFD');
  }
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    throw new UnreadableDocument(`malformed JSON line: ${(error as Error).message}`);
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new UnreadableDocument(`Unexpected ${record === null ? 'null' : Array.isArray(record) ? 'array' : typeof record}, expected a JSON object per line`);
  }
  const fieldsOf = record as Record<string, unknown>;
  const field = fields.content ?? CONTENT_FIELDS.find((name) => typeof fieldsOf[name] === 'string');
  if (field === undefined || typeof fieldsOf[field] !== 'string') {
    const wanted = field === undefined ? CONTENT_FIELDS.map((f) => `\`${f}\``).join(', ') : `\`${field}\``;
    throw new UnreadableDocument(`no string field ${wanted} in the record (it has ${Object.keys(fieldsOf).map((k) => `\`${k}\``).join(', ') || 'no fields'}); name the document's field with --field NAME`);
  }
  const content = fieldsOf[field] as string;
  if (content.trim() === '') throw new UnreadableDocument(`empty document (field \`${field}\` is blank)`);
  const id = scalar(fieldsOf[fields.id]) ?? raw.source;
  const url = scalar(fieldsOf[fields.url]);
  const outlet = scalar(fieldsOf[fields.outlet]);
  const type: InputType | undefined = field === 'html' ? 'html' : undefined;
  return {
    id,
    warnings,
    input: { content, id, ...(type ? { type } : {}), ...(url !== undefined ? { url } : {}), ...(outlet !== undefined ? { outlet } : {}) },
  };
}

/** A string or number field as a string; anything else counts as absent. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export { UnreadableDocument };

/**
 * An outlet named by the data (a record's field, a manifest) without a rule file of its own is no
 * error in a corpus of many outlets: the document finds its outlet by host or folder instead, or
 * takes the defaults. Every command applies this the same way.
 */
export function withKnownOutlet(input: CleanInput, ruleSet: RuleSet): CleanInput {
  if (input.outlet === undefined || ruleSet.hasOutlet(input.outlet)) return input;
  const { outlet: _unknown, ...rest } = input;
  return rest;
}
