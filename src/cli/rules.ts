/** `winnow rules <check|test|print|schema|kinds>`: work with rule folders. */
import { shownPath } from '../io/shown.js';
import { parseArgs } from 'node:util';
import { UnknownOutletError } from '../kernel/rules/errors.js';
import type { RuleFileError } from '../kernel/rules/errors.js';
import type { Origin } from '../kernel/rules/parse.js';
import { DEFAULT_OUTLET } from '../kernel/rules/ruleset.js';
import { checkRules, loadRules, ruleFilePaths } from '../io/rules.js';
import { ruleFileSchema, ruleTestFileSchema } from '../kernel/rules/schema.js';
import { runRuleTests, uncoveredRules } from '../tester/run.js';
import { loadRuleTests } from '../tester/testfile.js';
import { alignRows } from '../io/table.js';
import { kindReference } from './kinds.js';
import { EXIT, oneOf, UsageError, rulesDir, type Io } from './io.js';

export const RULES_HELP = `Usage: winnow rules <command> [options]

Commands:
  check [DIR]            validate every rule file and rule-test file in DIR (default: ./rules);
                         exit 1 on any problem
  test [--outlet NAME]   run the rule tests (default.test.yaml, outlets/<outlet>.test.yaml);
                         exit 1 on any failure
  print [--outlet NAME]  the files that apply to an outlet and its final, ordered rule list,
                         with each rule's origin, and the rules switched off
  schema [--tests]       print the JSON Schema of rule files (with --tests: of rule-test files)
  kinds                  print the reference of the rule kinds, with an example of each (Markdown)

Options:
  --rules DIR            rules folder (default: ./rules, else the rules bundled with winnow)
  --format FORMAT        text (default) or json, for check, test and print (scripts, editors)
  -h, --help             show this help (winnow rules COMMAND --help: that command's)`;

const FORMAT_OPTION = `  --format FORMAT        text (default) or json: one JSON object on stdout, problems included`;

/** Each subcommand's own help (`winnow rules check --help`). */
const HELP: Record<string, string> = {
  check: `Usage: winnow rules check [DIR] [options]

Validate every rule file and rule-test file in DIR (default: ./rules, else the bundled rules);
every problem at file:line:col, with what to write instead. Exit 1 on any problem.

Options:
  --rules DIR            the rules folder, as DIR
${FORMAT_OPTION}
  -h, --help             show this help`,
  test: `Usage: winnow rules test [options]

Run the rule tests (default.test.yaml, outlets/<outlet>.test.yaml): each fixture cleaned with the
rules, its must-drop and must-keep snippets and its fields checked; then the rules no test covers.
Exit 1 on any failure.

Options:
  --rules DIR            rules folder (default: ./rules, else the rules bundled with winnow)
  --outlet NAME          only this outlet's tests (default for default.test.yaml)
${FORMAT_OPTION}
  -h, --help             show this help`,
  print: `Usage: winnow rules print [options]

The files that apply to an outlet, its final, ordered rule list with each rule's origin (and the
default rule an outlet rule replaces), and the rules switched off, and by what.

Options:
  --rules DIR            rules folder (default: ./rules, else the rules bundled with winnow)
  --outlet NAME          the outlet (default: the defaults alone)
${FORMAT_OPTION}
  -h, --help             show this help`,
  schema: `Usage: winnow rules schema [--tests]

Print the JSON Schema of rule files (with --tests: of rule-test files), as rules/schema.json and
rules/test.schema.json hold it for editors.`,
  kinds: `Usage: winnow rules kinds

Print the reference of the rule kinds, with an example of each (Markdown, as docs/rule-kinds.md).`,
};

const SUBCOMMANDS: Record<string, (argv: string[], io: Io) => number> = { check, test, print, schema, kinds };

export async function rulesCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '-h' || sub === '--help') {
    io.stdout.write(`${RULES_HELP}\n`);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = SUBCOMMANDS[sub];
  if (!command) throw new UsageError(`Unknown command \`rules ${sub}\`; expected one of: ${Object.keys(SUBCOMMANDS).join(', ')}`);
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(`${HELP[sub]}\n`);
    return EXIT.ok;
  }
  return command(rest, io);
}

/** `rules check [DIR]`: rule files and test files, every problem at file:line:col. */
function check(argv: string[], io: Io): number {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { rules: { type: 'string' }, format: { type: 'string', default: 'text' } } });
  const json = formatOf(values.format);
  const dir = rulesDir(positionals[0] ?? values.rules, io.cwd);
  const { ruleSet, errors } = checkRules(dir);
  const tests = loadRuleTests(dir);
  const shown = shownPath(io.cwd, dir);
  const problems = [...errors, ...tests.errors];
  const files = ruleFilePaths(dir).length;
  const rules = ruleSet?.files().reduce((n, f) => n + f.rules.length, 0) ?? 0;
  const ok = ruleSet !== undefined && problems.length === 0 && files > 0;
  if (json) {
    const outlets = ruleSet?.outlets.size ?? 0;
    writeJson(io, { folder: shown, ok, ruleFiles: files, rules, outlets, testFiles: tests.files.length, problems: problems.map((p) => problemJson(io, p)) });
    return ok ? EXIT.ok : EXIT.failed;
  }
  for (const error of problems) writeProblem(io, error);
  if (!ruleSet || problems.length > 0) {
    io.stderr.write(`winnow: ${problems.length} problem${plural(problems.length)} in ${shown}\n`);
    return EXIT.failed;
  }
  if (files === 0) {
    io.stderr.write(`winnow: no rule files in ${shown}; a rules folder holds default.yaml and outlets/<outlet>.yaml\n`);
    return EXIT.failed;
  }
  const testFiles = tests.files.length;
  io.stdout.write(`${shown}: ${files} rule file${plural(files)}, ${rules} rules, ${ruleSet.outlets.size} outlet${plural(ruleSet.outlets.size)}, ${testFiles} test file${plural(testFiles)}: OK\n`);
  return EXIT.ok;
}

/** `rules test`: run the rule tests; failures name the test's file:line and the rule's. */
function test(argv: string[], io: Io): number {
  const { values } = parseArgs({ args: argv, options: { rules: { type: 'string' }, outlet: { type: 'string' }, format: { type: 'string', default: 'text' } } });
  const json = formatOf(values.format);
  const dir = rulesDir(values.rules, io.cwd);
  const ruleSet = loadRules(dir);
  const { outlet } = values;
  if (outlet !== undefined && outlet !== DEFAULT_OUTLET && !ruleSet.hasOutlet(outlet)) throw new UnknownOutletError(outlet, ruleSet.outletNames());
  const show = (path: string) => shownPath(io.cwd, path);
  const { files, errors } = loadRuleTests(dir, { outlet });
  if (!json) for (const error of errors) writeProblem(io, error);
  if (files.length === 0 && errors.length === 0) {
    io.stderr.write(`winnow: no rule tests in ${show(dir)}${outlet ? ` for outlet ${outlet}` : ''}; add ${outlet && outlet !== DEFAULT_OUTLET ? `outlets/${outlet}.test.yaml` : 'default.test.yaml or outlets/<outlet>.test.yaml'} beside the rules\n`);
    return EXIT.failed;
  }
  const report = runRuleTests(ruleSet, files, { showPath: show });
  const outlets = outlet === undefined ? undefined : [outlet];
  // Coverage is only meaningful when every test file loaded.
  const uncovered = errors.length > 0 ? [] : uncoveredRules(ruleSet, report.covered, outlets);
  const failed = report.failures.length + errors.length;
  if (json) {
    writeJson(io, {
      ok: failed === 0,
      tests: report.tests,
      checks: report.checks,
      failed: report.failures.length,
      files: report.files.map((file) => ({
        path: show(file.path),
        outlet: file.outlet,
        tests: file.tests,
        checks: file.checks,
        failures: file.failures.map((f) => ({ ...originJson(show, f.origin), test: f.test, message: f.message, ...(f.rule ? { rule: { id: f.rule.id, outlet: f.rule.outlet, ...originJson(show, f.rule.origin) } } : {}) })),
      })),
      problems: errors.map((p) => problemJson(io, p)),
      uncovered: uncovered.map((rule) => ({ id: rule.id, outlet: rule.outlet, ...originJson(show, rule.origin) })),
    });
    return failed > 0 ? EXIT.failed : EXIT.ok;
  }
  for (const file of report.files) {
    const status = file.failures.length === 0 ? 'OK' : `${file.failures.length} failed`;
    io.stdout.write(`${show(file.path)}: ${file.tests} test${plural(file.tests)}, ${file.checks} check${plural(file.checks)}: ${status}\n`);
    for (const f of file.failures) io.stdout.write(`  ${at(show, f.origin)}: test \`${f.test}\`: ${f.message}\n`);
  }
  if (uncovered.length > 0) {
    io.stdout.write(`${uncovered.length} rule${plural(uncovered.length)} without a test (no must-drop snippet is removed by ${uncovered.length === 1 ? 'it' : 'them'}, no field or title line checked comes from ${uncovered.length === 1 ? 'it' : 'them'}):\n`);
    for (const rule of uncovered) io.stdout.write(`  ${at(show, rule.origin)}: ${rule.id}\n`);
  }
  io.stdout.write(
    `winnow: ${report.tests} test${plural(report.tests)}, ${report.checks} check${plural(report.checks)}, ` +
      `${report.failures.length} failed${errors.length ? `, ${errors.length} problem${plural(errors.length)} in test files` : ''}\n`,
  );
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

/** `rules print --outlet NAME`: what applies to one outlet, in order, with origins. */
function print(argv: string[], io: Io): number {
  const { values } = parseArgs({ args: argv, options: { rules: { type: 'string' }, outlet: { type: 'string' }, format: { type: 'string', default: 'text' } } });
  const json = formatOf(values.format);
  const ruleSet = loadRules(rulesDir(values.rules, io.cwd), { deferOutlets: true });
  const { outlet } = values;
  if (outlet !== undefined && outlet !== DEFAULT_OUTLET && !ruleSet.hasOutlet(outlet)) throw new UnknownOutletError(outlet, ruleSet.outletNames());
  const resolved = ruleSet.forOutlet(outlet);
  const show = (path: string) => shownPath(io.cwd, path);
  const hosts = ruleSet.outlets.get(resolved.outlet)?.hosts ?? [];
  const defaults = new Map((ruleSet.defaults?.rules ?? []).map((r) => [r.id, r]));
  if (json) {
    writeJson(io, {
      outlet: resolved.outlet,
      hosts,
      files: resolved.files.map(show),
      rules: resolved.rules.map((rule) => {
        const replaced = rule.outlet !== DEFAULT_OUTLET ? defaults.get(rule.id) : undefined;
        return { id: rule.id, kind: rule.kindName, outlet: rule.outlet, ...originJson(show, rule.origin), ...(replaced ? { replaces: originJson(show, replaced.origin) } : {}) };
      }),
      disabled: resolved.disabled.map(({ rule, by }) => ({ id: rule.id, kind: rule.kindName, outlet: rule.outlet, ...originJson(show, rule.origin), by: by === 'enabled: false' ? by : { disable: originJson(show, by) } })),
    });
    return EXIT.ok;
  }

  const lines: string[] = [];
  lines.push(`outlet ${resolved.outlet}${hosts.length ? ` (hosts: ${hosts.join(', ')})` : resolved.outlet === DEFAULT_OUTLET ? ' (the defaults alone)' : ''}`);
  lines.push('', 'files, in order:');
  for (const file of resolved.files) lines.push(`  ${show(file)}`);
  lines.push('', `rules, in order (${resolved.rules.length}):`);
  const rows = resolved.rules.map((rule, i) => {
    const replaced = rule.outlet !== DEFAULT_OUTLET ? defaults.get(rule.id) : undefined;
    return [
      String(i + 1),
      rule.id,
      rule.kindName,
      at(show, rule.origin),
      rule.outlet,
      replaced ? `replaces ${at(show, replaced.origin)}` : '',
    ];
  });
  lines.push(...alignRows(['#', 'rule', 'kind', 'origin', 'outlet', ''], rows).map((l) => `  ${l}`));
  lines.push('', `switched off (${resolved.disabled.length}):`);
  if (resolved.disabled.length === 0) lines.push('  none');
  else {
    const offRows = resolved.disabled.map(({ rule, by }) => [
      rule.id,
      rule.kindName,
      at(show, rule.origin),
      rule.outlet,
      by === 'enabled: false' ? 'by enabled: false' : `by disable: at ${at(show, by)}`,
    ]);
    lines.push(...alignRows(['rule', 'kind', 'origin', 'outlet', ''], offRows).map((l) => `  ${l}`));
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** `rules schema [--tests]`: the JSON Schema editors use (rules/schema.json, rules/test.schema.json). */
function schema(argv: string[], io: Io): number {
  const { values } = parseArgs({ args: argv, options: { tests: { type: 'boolean', default: false } } });
  io.stdout.write(`${JSON.stringify(values.tests ? ruleTestFileSchema() : ruleFileSchema(), null, 2)}\n`);
  return EXIT.ok;
}

function kinds(_argv: string[], io: Io): number {
  io.stdout.write(kindReference());
  return EXIT.ok;
}

/** `--format`: false for text, true for json. */
function formatOf(format: string | undefined): boolean {
  return oneOf(format, ['text', 'json'], '--format') === 'json';
}

function writeJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function originJson(show: (path: string) => string, origin: Origin): { file: string; line: number; column: number } {
  return { file: show(origin.file), line: origin.line, column: origin.column };
}

function problemJson(io: Io, error: RuleFileError): Record<string, unknown> {
  return { file: shownPath(io.cwd, error.file), line: error.line, column: error.column, reason: error.reason, ...(error.hint ? { hint: error.hint } : {}) };
}

function writeProblem(io: Io, error: RuleFileError): void {
  io.stderr.write(`${shownPath(io.cwd, error.file)}:${error.line}:${error.column}: ${error.reason}${error.hint ? `\n  ${error.hint}` : ''}\n`);
}

/** "rules/outlets/lbc.yaml:24:5". */
function at(show: (path: string) => string, origin: Origin): string {
  return `${show(origin.file)}:${origin.line}:${origin.column}`;
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
