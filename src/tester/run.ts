/**
 * The rule-test runner: cleans each test's document with the same engine as `clean` and checks
 * its snippets block by block. A must-keep snippet that was dropped is reported with the rule
 * that dropped it (and that rule's file:line); a must-drop snippet that survived, or that another
 * rule took, is reported with the test's file:line. No command-line code: the CLI and the test
 * suite both call `runRuleTests`.
 */
import { cleanWithTrace } from '../kernel/clean.js';
import type { Block } from '../kernel/engine/blocks.js';
import { keptRule, type EngineResult, type Removal } from '../kernel/engine/run.js';
import type { LoadedRule, Origin } from '../kernel/rules/parse.js';
import { DEFAULT_OUTLET, type ResolvedRules, type RuleSet } from '../kernel/rules/ruleset.js';
import type { RuleTestCase, RuleTestFile, Snippet } from './testfile.js';

/** Longest snippet quoted in full in a failure message. */
const QUOTE_LIMIT = 80;

export interface TestFailure {
  /** Where the failing check is written in the test file. */
  origin: Origin;
  /** Name of the test. */
  test: string;
  /** What went wrong, naming the snippet and any rule involved. */
  message: string;
  /** The rule that dropped a must-keep snippet (or took a must-drop one meant for another rule). */
  rule?: { id: string; outlet: string; origin: Origin };
}

export interface TestFileReport {
  path: string;
  outlet: string;
  tests: number;
  /** Snippets and metadata values checked. */
  checks: number;
  failures: TestFailure[];
}

export interface RuleTestReport {
  files: TestFileReport[];
  tests: number;
  checks: number;
  failures: TestFailure[];
  /** `outlet/id` of every rule that removed at least one must-drop snippet. */
  covered: Set<string>;
}

export interface RunTestsOptions {
  /** How file paths appear in messages (default: as loaded); the CLI shows them relative to the working folder. */
  showPath?: (path: string) => string;
}

/** Run every test of every file against `ruleSet`. */
export function runRuleTests(ruleSet: RuleSet, files: readonly RuleTestFile[], options: RunTestsOptions = {}): RuleTestReport {
  const showPath = options.showPath ?? ((path: string) => path);
  const report: RuleTestReport = { files: [], tests: 0, checks: 0, failures: [], covered: new Set() };
  for (const file of files) {
    const resolved = ruleSet.forOutlet(file.outlet === DEFAULT_OUTLET ? undefined : file.outlet);
    const fileReport: TestFileReport = { path: file.path, outlet: file.outlet, tests: file.cases.length, checks: 0, failures: [] };
    for (const testCase of file.cases) {
      const outcome = runCase(ruleSet, resolved, file, testCase, report.covered, showPath);
      fileReport.checks += outcome.checks;
      fileReport.failures.push(...outcome.failures);
    }
    report.files.push(fileReport);
    report.tests += fileReport.tests;
    report.checks += fileReport.checks;
    report.failures.push(...fileReport.failures);
  }
  return report;
}

/** Enabled rules of the given outlets' own files that no check exercised (a must-drop snippet, a field, the title line, a must-keep snippet a keep rule kept). */
export function uncoveredRules(ruleSet: RuleSet, covered: ReadonlySet<string>, outlets?: readonly string[]): LoadedRule[] {
  return ruleSet
    .files()
    .filter((file) => outlets === undefined || outlets.includes(file.outlet))
    .flatMap((file) => file.rules)
    .filter((rule) => rule.enabled && !covered.has(`${rule.outlet}/${rule.id}`));
}

function runCase(ruleSet: RuleSet, resolved: ResolvedRules, file: RuleTestFile, testCase: RuleTestCase, covered: Set<string>, showPath: (path: string) => string) {
  /** "`read-more` (rules/outlets/lbc.yaml:24:5)": the rule behind a removal and where it is written. */
  const ruleLabel = (removal: Removal) => {
    const rule = ruleOf(resolved, removal);
    return rule ? `\`${rule.id}\` (${showPath(rule.origin.file)}:${rule.origin.line}:${rule.origin.column})` : `\`${removal.rule}\``;
  };
  const failures: TestFailure[] = [];
  const fail = (origin: Origin, message: string, removal?: Removal) => {
    const rule = removal && ruleOf(resolved, removal);
    failures.push({ origin, test: testCase.name, message, ...(rule ? { rule: { id: rule.id, outlet: rule.outlet, origin: rule.origin } } : {}) });
  };
  let run: ReturnType<typeof cleanWithTrace>;
  try {
    run = cleanWithTrace(
      { content: testCase.document.content, type: testCase.document.type, ...(file.outlet === DEFAULT_OUTLET ? {} : { outlet: file.outlet }) },
      { rules: ruleSet },
    );
  } catch (error) {
    fail(testCase.origin, `the document could not be cleaned: ${(error as Error).message}`);
    return { checks: 0, failures };
  }
  const { engine, result } = run;

  for (const snippet of testCase.keep) {
    const places = locate(engine, snippet);
    if (places.length === 0) {
      fail(snippet.origin, notFound('must-keep', snippet));
      continue;
    }
    const lost = places.find((p) => !p.survived);
    if (lost) {
      const by = lost.removal;
      fail(snippet.origin, `must-keep snippet ${quote(snippet.text)} was dropped by rule ${by ? ruleLabel(by) : '(unknown)'}`, by);
      continue;
    }
    // A snippet a keep rule kept shows that rule at work.
    for (const place of places) {
      const keeper = keptRule(engine, place.block);
      if (keeper) covered.add(`${keeper.outlet}/${keeper.id}`);
    }
  }

  for (const snippet of testCase.drop) {
    const places = locate(engine, snippet);
    if (places.length === 0) {
      fail(snippet.origin, notFound('must-drop', snippet));
      continue;
    }
    if (snippet.rule !== undefined && !resolved.rules.some((r) => r.id === snippet.rule)) {
      const off = resolved.disabled.find((d) => d.rule.id === snippet.rule);
      fail(
        snippet.origin,
        off
          ? `must-drop snippet ${quote(snippet.text)} names rule \`${snippet.rule}\`, which is switched off for outlet ${resolved.outlet}`
          : `must-drop snippet ${quote(snippet.text)} names rule \`${snippet.rule}\`, which outlet ${resolved.outlet} does not have; expected one of ${resolved.rules.map((r) => `\`${r.id}\``).join(', ')}`,
      );
      continue;
    }
    const kept = places.find((p) => p.survived);
    if (kept) {
      const partly = kept.removal ? `; rule ${ruleLabel(kept.removal)} cut only another part of its block` : '';
      fail(snippet.origin, `must-drop snippet ${quote(snippet.text)} survived${partly}`);
      continue;
    }
    for (const place of places) if (place.removal) covered.add(`${place.removal.outlet}/${place.removal.rule}`);
    const wrong = snippet.rule === undefined ? undefined : places.find((p) => p.removal?.rule !== snippet.rule);
    if (wrong) {
      fail(snippet.origin, `must-drop snippet ${quote(snippet.text)} was dropped by rule ${wrong.removal ? ruleLabel(wrong.removal) : '(unknown)'}, expected \`${snippet.rule}\``, wrong.removal);
    }
  }

  for (const { key, value, origin } of testCase.metadata) {
    const got = result.metadata[key];
    if (got !== value) fail(origin, `metadata \`${key}\` is ${got === undefined ? 'missing' : quote(got)}, expected ${quote(value)}`);
  }

  for (const { field, value, origin } of testCase.fields) {
    const got = result.article[field];
    const source = result.fields[field];
    if (JSON.stringify(got) !== JSON.stringify(value)) {
      fail(origin, `field \`${field}\` is ${got === undefined ? 'missing' : JSON.stringify(got)}, expected ${JSON.stringify(value)}${source ? ` (given by rule \`${source.rule}\`, from ${source.detail})` : ''}`);
    } else if (source) {
      covered.add(`${source.outlet}/${source.rule}`);
    }
  }

  if (testCase.titleLine !== undefined) {
    const got = engine.title === undefined ? undefined : engine.kept[engine.title];
    if (got !== testCase.titleLine.text) fail(testCase.titleLine.origin, `title line is ${got === undefined ? 'missing (no rule with `extract: title` found one)' : quote(got)}, expected ${quote(testCase.titleLine.text)}`);
    else if (engine.titleRule) covered.add(`${engine.titleRule.outlet}/${engine.titleRule.id}`);
  }

  return { checks: testCase.keep.length + testCase.drop.length + testCase.metadata.length + testCase.fields.length + (testCase.titleLine ? 1 : 0), failures };
}

/** One block holding a snippet: whether the snippet is still in what was kept of it, and which removal took it or cut the block. */
interface Place {
  block: Block;
  survived: boolean;
  removal?: Removal;
}

/**
 * The blocks a snippet refers to: those whose whole text is the snippet, else every block whose
 * text contains it (so `drop: [Advertisement]` means the ad label, not a paragraph mentioning one).
 */
function locate(engine: EngineResult, snippet: Snippet): Place[] {
  const places: Place[] = [];
  const { blocks } = engine.view;
  const exact = blocks.some((b) => b.text === snippet.text);
  for (const block of blocks) {
    if (exact ? block.text !== snippet.text : !block.text.includes(snippet.text)) continue;
    const kept = engine.kept[block.index];
    const survived = kept !== undefined && kept.includes(snippet.text);
    places.push({ block, survived, removal: removalOf(engine, block.index, snippet.text, survived) });
  }
  return places;
}

/**
 * The removal that took `text` from block `index`: a cut whose text holds it, else the removal of
 * the whole block, else the first cut that overlaps it. For a surviving snippet: a cut of its block, if any.
 */
function removalOf(engine: EngineResult, index: number, text: string, survived: boolean): Removal | undefined {
  const own = engine.removals.filter((r) => r.block === index);
  if (survived) return own[0];
  return (
    own.find((r) => r.partial && r.text.includes(text)) ??
    own.find((r) => !r.partial) ??
    own.find((r) => r.partial && overlaps(r.text, text)) ??
    own[0]
  );
}

/** Whether two strings share a word-sized piece (a cut that took part of a snippet). */
function overlaps(a: string, b: string): boolean {
  return a.split(/\s+/).some((word) => word.length > 0 && b.includes(word));
}

function ruleOf(resolved: ResolvedRules, removal: Removal): LoadedRule | undefined {
  return resolved.rules.find((r) => r.id === removal.rule && r.outlet === removal.outlet);
}

function notFound(what: string, snippet: Snippet): string {
  return `${what} snippet ${quote(snippet.text)} is not in the document; copy it from one block (a line of a text document, a paragraph of HTML)`;
}

function quote(text: string): string {
  return JSON.stringify(text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT - 1)}…` : text);
}
