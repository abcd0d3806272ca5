/**
 * Rule-test files, beside the rules they test: `rules/default.test.yaml` for the defaults and
 * `rules/outlets/<outlet>.test.yaml` for an outlet. Each test is a document (inline or a fixture
 * file) with snippets that must be kept and snippets that must be dropped. Files are validated
 * like rule files: every problem is placed at file:line:col and says what to write instead.
 *
 * ```yaml
 * tests:
 *   - name: read-more links between paragraphs
 *     text: |
 *       Read more about the fire below, officials said.
 *       Read more: Another story
 *     keep: [Read more about the fire below]
 *     drop:
 *       - {text: 'Read more: Another story', rule: read-more}
 * ```
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename, dirname, join, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { detectType, HTML_FILE, TEXT_FILE, type InputType } from '../kernel/parse/index.js';
import { decodeDocument } from '../io/sources/decode.js';
import { collapseWhitespace } from '../kernel/text/words.js';
import type { FieldName } from '../kernel/kinds/fields.js';
import { RuleFileError } from '../kernel/rules/errors.js';
import { suggest, type Origin } from '../kernel/rules/parse.js';
import { DEFAULT_OUTLET } from '../kernel/rules/ruleset.js';
import { ruleTestFileSchema, TEST_CASE_PROPERTIES, TEST_FILE_PROPERTIES } from '../kernel/rules/schema.js';
import { readYamlFile, ruleTestFilePaths, TEST_FILE } from '../io/rules.js';

/** Keys that give a test its document: exactly one per test. */
const DOCUMENT_KEYS = ['text', 'html', 'file'] as const;
/** Keys that check something: a test needs at least one. */
const CHECK_KEYS = ['keep', 'drop', 'metadata', 'fields', 'title-line'] as const;
/** Keys of a `drop` item written as a mapping. */
const DROP_ITEM_KEYS = ['text', 'rule'];

export interface TestDocument {
  content: string;
  type: InputType;
  /** The fixture file, when the test names one. */
  path?: string;
}

/** A must-keep or must-drop snippet, whitespace collapsed, with where the test file has it. */
export interface Snippet {
  text: string;
  /** For a must-drop snippet: the rule that must remove it. */
  rule?: string;
  origin: Origin;
}

export interface RuleTestCase {
  name: string;
  origin: Origin;
  document: TestDocument;
  keep: Snippet[];
  drop: Snippet[];
  /** Metadata values the rules must extract. */
  metadata: Array<{ key: string; value: string; origin: Origin }>;
  /** The article's fields the rules must give. */
  fields: Array<{ field: FieldName; value: string | string[]; origin: Origin }>;
  /** The title line the rules must find. */
  titleLine?: { text: string; origin: Origin };
}

export interface RuleTestFile {
  path: string;
  /** The outlet whose rules the tests run with (`default`: the defaults alone). */
  outlet: string;
  cases: RuleTestCase[];
}

const validateFile = new Ajv({ allErrors: true, strict: false }).compile(ruleTestFileSchema());

/** The outlet a test file tests, from its name: `lbc.test.yaml` -> `lbc`. */
export function outletOfTestFile(path: string): string {
  return basename(path).replace(TEST_FILE, '');
}

/**
 * Parse and validate one test file; fixture documents are read relative to it. Never throws:
 * problems come back in `errors`.
 */
export function parseTestFile(source: string, path: string): { file?: RuleTestFile; errors: RuleFileError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: RuleFileError[] = [];
  const originOf = (node: YamlNode | null | undefined): Origin => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { file: path, line, column: col };
  };
  const at = (node: YamlNode | null | undefined, reason: string, hint?: string) => {
    const { line, column } = originOf(node);
    errors.push(new RuleFileError(path, line, column, reason, hint));
  };

  for (const e of doc.errors) {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    const reason = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    errors.push(new RuleFileError(path, line, col, `YAML syntax error: ${reason}`, 'fix the YAML syntax; write each test as a list item under `tests:` starting with "- name: ..."'));
  }
  if (errors.length > 0) return { errors };

  const top = doc.contents;
  const data = doc.toJSON() as unknown;
  if (!isMap(top)) {
    at(top, 'Unexpected content: a rule-test file must be a mapping', 'start with `tests:` and a list of tests');
    return { errors };
  }
  if (!validateFile(data)) {
    reportSchemaErrors(validateFile.errors ?? [], doc.contents as YamlNode, data, at);
    return { errors };
  }

  const cases: RuleTestCase[] = [];
  const testsNode = top.get('tests', true) as YamlNode & { items: YamlNode[] };
  testsNode.items.forEach((node, index) => {
    const map = node as YAMLMap;
    const raw = (data as { tests: Array<Record<string, unknown>> }).tests[index];
    const label = `test \`${raw.name as string}\``;
    const documents = DOCUMENT_KEYS.filter((k) => k in raw);
    if (documents.length !== 1) {
      if (documents.length === 0) at(map, `Unexpected ${label} without a document`, 'add `text: |` (plain text), `html: |` or `file: <fixture path relative to this file>`');
      else at(keyNode(map, documents[1]), `Unexpected \`${documents[1]}\` in ${label}, which already has \`${documents[0]}\``, 'a test has one document; split it into two tests');
      return;
    }
    if (!CHECK_KEYS.some((k) => k in raw)) {
      at(map, `Unexpected ${label} that checks nothing`, 'add `keep:` (snippets that must survive), `drop:` (snippets that must be removed), `fields:` or `title-line:`');
      return;
    }
    const document = readDocument(raw, map, path, at);
    if (!document) return;
    const snippets = (key: 'keep' | 'drop'): Snippet[] => {
      const list = map.get(key, true) as { items: YamlNode[] } | undefined;
      return (list?.items ?? []).map((item) => {
        const value = item.toJSON() as string | { text: string; rule?: string };
        const text = collapseWhitespace(typeof value === 'string' ? value : value.text);
        return { text, ...(typeof value === 'object' && value.rule !== undefined ? { rule: value.rule } : {}), origin: originOf(item) };
      });
    };
    const metadataNode = map.get('metadata', true) as YAMLMap | undefined;
    cases.push({
      name: raw.name as string,
      origin: originOf(map),
      document,
      keep: snippets('keep'),
      drop: snippets('drop'),
      metadata: (metadataNode?.items ?? []).map((pair) => ({
        key: String((pair.key as { value: unknown }).value),
        value: String((pair.value as { value: unknown }).value),
        origin: originOf(pair.key as YamlNode),
      })),
      fields: ((map.get('fields', true) as YAMLMap | undefined)?.items ?? []).map((pair) => ({
        field: String((pair.key as { value: unknown }).value) as FieldName,
        value: (pair.value as YamlNode).toJSON() as string | string[],
        origin: originOf(pair.key as YamlNode),
      })),
      ...(typeof raw['title-line'] === 'string' ? { titleLine: { text: collapseWhitespace(raw['title-line']), origin: originOf(map.get('title-line', true) as YamlNode) } } : {}),
    });
  });
  if (errors.length > 0) return { errors };
  return { file: { path, outlet: outletOfTestFile(path), cases }, errors };
}

type At = (node: YamlNode | null | undefined, reason: string, hint?: string) => void;

/** The test's document: inline text or HTML, or a fixture file read relative to the test file. */
function readDocument(raw: Record<string, unknown>, map: YAMLMap, testPath: string, at: At): TestDocument | undefined {
  if (typeof raw.text === 'string') return { content: raw.text, type: 'text' };
  if (typeof raw.html === 'string') return { content: raw.html, type: 'html' };
  const fixture = resolve(dirname(testPath), raw.file as string);
  try {
    // Decoded as `winnow clean` decodes a file: the test sees the text a run would clean. A
    // fixture may be gzip-compressed (`page.html.gz`): outlet files ship their pages that way.
    const compressed = fixture.endsWith('.gz');
    const name = compressed ? fixture.slice(0, -'.gz'.length) : fixture;
    const markup = HTML_FILE.test(name) ? 'html' : TEXT_FILE.test(name) ? 'text' : 'unknown';
    const bytes = readFileSync(fixture);
    const { text: content } = decodeDocument(compressed ? gunzipSync(bytes) : bytes, { markup });
    return { content, type: detectType(content, name), path: fixture };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    at(map.get('file', true) as YamlNode, `Cannot read fixture \`${raw.file as string}\`: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, 'give the path relative to the test file, e.g. `file: ../../corpus/lbc/article.txt`');
    return undefined;
  }
}

/** Place schema violations at their nodes: unknown keys with a suggestion, then missing keys, then wrong values. */
function reportSchemaErrors(errors: ErrorObject[], root: YamlNode, data: unknown, at: At): void {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  for (const [instancePath, group] of byPath) {
    const path = instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const node = (path.length ? (root as YAMLMap).getIn(path, true) : root) as YamlNode;
    const label = labelOf(path, data);
    const unknown = group.filter((e) => e.keyword === 'additionalProperties');
    const missing = group.filter((e) => e.keyword === 'required');
    if (unknown.length > 0) {
      const known = allowedKeys(path);
      for (const e of unknown) {
        const key = String(e.params.additionalProperty);
        // A key with spaces in a drop item is a snippet cut in two by an unquoted ", " or ": ".
        const hint = path.length === 4 && /\s/.test(key) ? 'quote the snippet: inside {...} an unquoted ", " or ": " ends it, e.g. {text: \'Picture: Alamy, 2024\', rule: photo-caption}' : suggest(key, known);
        at(keyNode(node as YAMLMap, key) ?? node, `Unexpected key \`${key}\` in ${label}`, hint);
      }
    } else if (missing.length > 0) {
      for (const e of missing) at(node, `Missing \`${String(e.params.missingProperty)}\` in ${label}`, missingHint(String(e.params.missingProperty)));
    } else if (group.some((e) => e.keyword === 'anyOf')) {
      at(node, `Unexpected value in ${label}`, 'write a snippet ("Read more: x") or {text: "Read more: x", rule: read-more}');
    } else {
      at(node, `Unexpected value for ${label}: ${group[0].message ?? 'invalid'}`, hintOf(path));
    }
  }
}

/** "test `name`", "`drop` item 2 of test `name`", "the file" ... for messages. */
function labelOf(path: Array<string | number>, data: unknown): string {
  if (path.length === 0) return 'the rule-test file';
  if (path[0] !== 'tests') return `\`${path.join('.')}\``;
  if (path.length === 1) return '`tests`';
  const test = valueAt(data, path.slice(0, 2)) as { name?: unknown } | undefined;
  const name = typeof test?.name === 'string' ? `test \`${test.name}\`` : `test #${Number(path[1]) + 1}`;
  if (path.length === 2) return name;
  if (path.length === 3) return `\`${String(path[2])}\` of ${name}`;
  return `\`${String(path[2])}\` item ${Number(path[3]) + 1} of ${name}`;
}

function allowedKeys(path: Array<string | number>): string[] {
  if (path.length === 0) return Object.keys(TEST_FILE_PROPERTIES);
  if (path.length === 2) return Object.keys(TEST_CASE_PROPERTIES);
  return DROP_ITEM_KEYS;
}

function missingHint(key: string): string | undefined {
  if (key === 'tests') return 'add `tests:` with a list of tests, each starting with "- name: ..."';
  if (key === 'name') return 'start every test with `- name: what it checks`';
  if (key === 'text') return 'write the snippet as {text: "...", rule: rule-id}';
  return undefined;
}

function hintOf(path: Array<string | number>): string | undefined {
  const key = String(path[path.length - 1]);
  const description = (TEST_CASE_PROPERTIES[key] as { description?: string } | undefined)?.description;
  if (path.length === 3 && description) return `expected: ${description}`;
  if (path[2] === 'keep' || path[2] === 'drop') return 'a snippet is a non-empty string of the document\'s text';
  if (path[2] === 'metadata') return 'metadata values are strings, e.g. {date: "19 December 2024, 06:11"}';
  return undefined;
}

function valueAt(data: unknown, path: Array<string | number>): unknown {
  let value = data;
  for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
  return value;
}

function keyNode(map: YAMLMap, key: string): YamlNode | undefined {
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair?.key as YamlNode | undefined;
}

/**
 * Load every test file under `dir` (only `outlet`'s when given). A test file must sit beside a
 * rule file of the same outlet. All problems of all files come back together; the files that
 * loaded are returned too, so that they still run.
 */
export function loadRuleTests(dir: string, options: { outlet?: string } = {}): { files: RuleTestFile[]; errors: RuleFileError[] } {
  const files: RuleTestFile[] = [];
  const errors: RuleFileError[] = [];
  for (const path of ruleTestFilePaths(dir)) {
    const outlet = outletOfTestFile(path);
    if (options.outlet !== undefined && outlet !== options.outlet) continue;
    const ruleFile = outlet === DEFAULT_OUTLET ? join(dir, 'default') : join(dirname(path), outlet);
    if (!existsSync(`${ruleFile}.yaml`) && !existsSync(`${ruleFile}.yml`)) {
      errors.push(new RuleFileError(path, 1, 1, `Unexpected test file without rules: there is no ${basename(ruleFile)}.yaml beside it`, `name the test file after its rule file (<outlet>.test.yaml beside <outlet>.yaml)`));
      continue;
    }
    const read = readYamlFile(path);
    if ('error' in read) {
      errors.push(read.error);
      continue;
    }
    const result = parseTestFile(read.text, path);
    errors.push(...result.errors);
    if (result.file) files.push(result.file);
  }
  return { files, errors };
}
