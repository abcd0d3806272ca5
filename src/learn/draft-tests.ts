/**
 * A rule-test file drafted from an outlet's pages with gold: per page, the article's paragraphs
 * that must stay (first, middle, last) and a text each of the outlet's keep rules keeps, what
 * each of its other rules drops there and a few of what the defaults drop, and the fields where
 * they agree with the page's known ones. Every check
 * is run before it is written: a check the rules do not pass is left out (the draft asserts what
 * the rules do, for a person to read and extend), so a drafted file passes as written.
 */
import { Document, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { cleanWithTrace } from '../kernel/clean.js';
import { keptRule } from '../kernel/engine/run.js';
import type { RuleSet } from '../kernel/rules/ruleset.js';
import { collapseWhitespace } from '../kernel/text/words.js';
import { parseTestFile } from '../tester/testfile.js';
import { runRuleTests } from '../tester/run.js';

export interface DraftPage {
  /** Test name. */
  name: string;
  /** The fixture path as written in the test file (relative to it). */
  file: string;
  /** The page as the test will read it (the stripped fixture). */
  html: string;
  gold: string;
  /** The fields the page is known to have, where known. */
  known?: { title?: string; authors?: string[]; date?: string };
}

/** Characters of a snippet: enough to be unmistakable, short enough to read. */
const SNIPPET = 70;
/** Drops of default rules per page. */
const DEFAULT_DROPS = 2;

type Check = Record<string, unknown>;

/** The test file's text, every check passing with `ruleSet` (tested as `path`). */
export function draftTests(outlet: string, pages: readonly DraftPage[], ruleSet: RuleSet, path: string, header: string): string {
  let tests = pages.map((page) => draftCase(outlet, page, ruleSet)).filter((t) => t.keep || t.drop || t.fields);
  for (let round = 0; round < 4; round++) {
    if (tests.length === 0) throw new Error(`no check holds on the pages of ${outlet}`);
    const text = render(tests, header);
    const { file, errors } = parseTestFile(text, path);
    if (!file) throw new Error(`drafted tests for ${outlet} do not load: ${errors.map((e) => e.message).join('; ')}`);
    const report = runRuleTests(ruleSet, [file]);
    if (report.failures.length === 0) return text;
    const failing = new Set(report.failures.map((f) => f.origin.line));
    tests = withoutLines(text, tests, failing);
  }
  throw new Error(`drafted tests for ${outlet} still fail after pruning`);
}

function draftCase(outlet: string, page: DraftPage, ruleSet: RuleSet): Check {
  const { result, engine } = cleanWithTrace({ content: page.html, type: 'html', outlet }, { rules: ruleSet, title: false });
  const kept = result.text;
  const paragraphs = page.gold.split(/\n+/).map(collapseWhitespace).filter((p) => p.split(' ').length >= 4);
  const picks = [...new Set([paragraphs[0], paragraphs[Math.floor(paragraphs.length / 2)], paragraphs[paragraphs.length - 1]])].filter((p): p is string => p !== undefined);
  const keep = picks.map(snippet).filter((s) => kept.includes(s));
  // A snippet found once on the page names one block, so the check says what that block's rule does.
  const removed = result.removals.map((r) => collapseWhitespace(r.text));
  const once = (s: string) => occurrences(kept, s) + removed.reduce((n, t) => n + occurrences(t, s), 0) === 1;
  // What each of the outlet's keep rules keeps (a text found once): the check that shows it at work.
  const keepers = new Set<string>();
  for (const block of engine.view.blocks) {
    const rule = keptRule(engine, block);
    if (!rule || rule.outlet !== outlet || keepers.has(rule.id) || block.words < 3) continue;
    const text = snippet(collapseWhitespace(block.text));
    if (!once(text)) continue;
    keepers.add(rule.id);
    if (!keep.includes(text)) keep.push(text);
  }
  const drop: Check[] = [];
  const seen = new Set<string>();
  let defaults = 0;
  // Prefer a line of a few words found once; then any found once; then any.
  const passes = [(s: string) => once(s) && s.split(' ').length >= 3, once, () => true];
  for (const pass of passes) {
    result.removals.forEach((r, i) => {
      const text = removed[i];
      // The outlet's own rules are shown at work on any removal; the defaults' on lines of 3 words or more.
      if ((r.outlet !== outlet && text.split(' ').length < 3) || text === '' || seen.has(`${r.outlet}/${r.rule}`) || kept.includes(snippet(text))) return;
      if (!pass(snippet(text))) return;
      if (r.outlet !== outlet) {
        if (defaults >= DEFAULT_DROPS || r.kind === 'content' || r.kind === 'main-content') return;
        defaults++;
      }
      seen.add(`${r.outlet}/${r.rule}`);
      drop.push({ text: snippet(text), rule: r.rule });
    });
  }
  const fields: Check = {};
  const a = result.article;
  if (page.known?.title !== undefined && a.title !== undefined && collapseWhitespace(a.title) === collapseWhitespace(page.known.title)) fields.title = a.title;
  if (page.known?.date !== undefined && a.date?.slice(0, 10) === page.known.date.slice(0, 10)) fields.date = a.date.slice(0, 10);
  if (page.known?.authors !== undefined && page.known.authors.length > 0 && sameSet(a.authors, page.known.authors)) fields.authors = a.authors;
  return {
    name: page.name,
    file: page.file,
    ...(keep.length > 0 ? { keep } : {}),
    ...(drop.length > 0 ? { drop } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}

function occurrences(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
  return n;
}

/** The start of a text, cut at a word boundary. */
function snippet(text: string): string {
  if (text.length <= SNIPPET) return text;
  const cut = text.slice(0, SNIPPET);
  const space = cut.lastIndexOf(' ');
  return space > SNIPPET / 2 ? cut.slice(0, space) : cut;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a.map((s) => s.toLowerCase()));
  return x.size === new Set(b.map((s) => s.toLowerCase())).size && b.every((s) => x.has(s.toLowerCase()));
}

function render(tests: readonly Check[], header: string): string {
  const doc = new Document({ tests });
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The tests without the checks written on `lines`, and without tests left checking nothing. */
function withoutLines(text: string, tests: readonly Check[], lines: ReadonlySet<number>): Check[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const lineOf = (node: unknown) => counter.linePos((node as YamlNode).range![0]).line;
  const out: Check[] = [];
  tests.forEach((test, i) => {
    const next: Check = { ...test };
    for (const key of ['keep', 'drop'] as const) {
      const list = test[key] as unknown[] | undefined;
      if (!list) continue;
      const kept = list.filter((_, j) => !lines.has(lineOf(doc.getIn(['tests', i, key, j], true))));
      if (kept.length > 0) next[key] = kept;
      else delete next[key];
    }
    const fields = test.fields as Check | undefined;
    if (fields) {
      const kept = Object.fromEntries(Object.entries(fields).filter(([name]) => !lines.has(lineOf(doc.getIn(['tests', i, 'fields', name], true)))));
      if (Object.keys(kept).length > 0) next.fields = kept;
      else delete next.fields;
    }
    if (next.keep || next.drop || next.fields) out.push(next);
  });
  return out;
}
