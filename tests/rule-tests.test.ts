/**
 * Rule tests beside the rules: the project's own pass and cover every rule; a broken rule makes
 * `winnow rules test` fail naming the rule and the snippet; test files are validated with positions.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runRuleTests, uncoveredRules } from '../src/tester/run.js';
import { loadRuleTests } from '../src/tester/testfile.js';
import { CORPUS, projectRules, RULES, run, tempDir, writeTree } from './helpers.js';

/** A copy of the project's rules folder to break on purpose (with the corpus its tests read fixtures from). */
function rulesCopy(): string {
  const root = tempDir();
  cpSync(RULES, join(root, 'rules'), { recursive: true });
  cpSync(CORPUS, join(root, 'corpus'), { recursive: true });
  return join(root, 'rules');
}

function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  writeFileSync(path, text.replace(from, to));
}

/** The line on which `needle` first appears in a file (1-based). */
function lineOf(path: string, needle: string): number {
  return readFileSync(path, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('the project rule tests', () => {
  const ruleSet = projectRules();
  const { files, errors } = loadRuleTests(RULES);
  const report = runRuleTests(ruleSet, files);

  test('load without problems: defaults, lbc, telegraph and the outlet library, every outlet file with its tests', () => {
    expect(errors).toEqual([]);
    expect(files.map((f) => f.outlet)).toEqual(expect.arrayContaining(['default', 'lbc', 'telegraph', 'theguardian', 'golem']));
    expect(files.length).toBe(ruleSet.files().length);
  });

  test('all pass', () => {
    expect(report.failures).toEqual([]);
    expect(report.checks).toBeGreaterThan(50);
  });

  test('cover every rule of every rule file: each removes at least one must-drop snippet', () => {
    expect(uncoveredRules(ruleSet, report.covered).map((r) => `${r.outlet}/${r.id}`)).toEqual([]);
    expect(report.covered.size).toBe(ruleSet.files().reduce((n, f) => n + f.rules.length, 0));
  });

  test('`winnow rules test` runs them all and exits 0', async () => {
    const { code, stdout } = await run(['rules', 'test']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^rules\/default\.test\.yaml: \d+ tests, \d+ checks: OK$/m);
    expect(stdout).toMatch(/^rules\/outlets\/lbc\.test\.yaml: \d+ tests, \d+ checks: OK$/m);
    expect(stdout).toMatch(/^rules\/outlets\/telegraph\.test\.yaml: \d+ tests, \d+ checks: OK$/m);
    expect(stdout).toMatch(/^winnow: \d+ tests, \d+ checks, 0 failed$/m);
    expect(stdout).not.toMatch(/without a test/);
  });

  test('`--outlet` runs one outlet\'s tests', async () => {
    const { code, stdout } = await run(['rules', 'test', '--outlet', 'telegraph']);
    expect(code).toBe(0);
    expect(stdout).toContain('telegraph.test.yaml');
    expect(stdout).not.toContain('lbc.test.yaml');
    expect((await run(['rules', 'test', '--outlet', 'nope'])).code).toBe(2);
  });
});

describe('a broken rule fails the tests', () => {
  test('a read-more pattern that also eats an article paragraph is named with the snippet; the fix passes', async () => {
    const dir = rulesCopy();
    const ruleFile = join(dir, 'outlets', 'lbc.yaml');
    const testFile = join(dir, 'outlets', 'lbc.test.yaml');
    edit(ruleFile, `pattern: '^Read more: \\S'`, `pattern: '^Read more'`);

    const broken = await run(['rules', 'test', '--rules', dir]);
    expect(broken.code).toBe(1);
    const snippetLine = lineOf(testFile, '- Read more about the fire below, officials urged residents on Friday.');
    const ruleLine = lineOf(ruleFile, '- id: read-more');
    expect(broken.stdout).toContain(
      `outlets/lbc.test.yaml:${snippetLine}:9: test \`"Read more:" links, never a paragraph that starts with "Read more"\`: ` +
        `must-keep snippet "Read more about the fire below, officials urged residents on Friday." was dropped by rule \`read-more\` (`,
    );
    expect(broken.stdout).toContain(`outlets/lbc.yaml:${ruleLine}:5)`);
    expect(broken.stdout).toMatch(/lbc\.test\.yaml: \d+ tests, \d+ checks: 1 failed/);
    expect(broken.stdout).toMatch(/winnow: \d+ tests, \d+ checks, 1 failed/);

    edit(ruleFile, `pattern: '^Read more'`, `pattern: '^Read more: \\S'`);
    const fixed = await run(['rules', 'test', '--rules', dir]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/winnow: \d+ tests, \d+ checks, 0 failed/);
  });

  test('a rule that no longer matches leaves a must-drop snippet, which is named with the test\'s file:line', async () => {
    const dir = rulesCopy();
    edit(join(dir, 'outlets', 'lbc.yaml'), 'text: [Listen to this article, Loading audio..., Loading audio]', 'text: [Listen to this article]');
    const { code, stdout } = await run(['rules', 'test', '--rules', dir, '--outlet', 'lbc']);
    expect(code).toBe(1);
    const line = lineOf(join(dir, 'outlets', 'lbc.test.yaml'), '- {text: Loading audio..., rule: audio-player}');
    expect(stdout).toContain(`outlets/lbc.test.yaml:${line}:9: test \`the seed article keeps its story and loses every kind of boilerplate\`: must-drop snippet "Loading audio..." survived`);
  });

  test('--format json: every failure with the test file:line:col and the rule that made it', async () => {
    const dir = rulesCopy();
    const ruleFile = join(dir, 'outlets', 'lbc.yaml');
    edit(ruleFile, `pattern: '^Read more: \\S'`, `pattern: '^Read more'`);
    const { code, stdout } = await run(['rules', 'test', '--rules', dir, '--outlet', 'lbc', '--format', 'json']);
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as { ok: boolean; failed: number; files: Array<{ path: string; failures: Array<Record<string, unknown>> }> };
    expect(result).toMatchObject({ ok: false, failed: 1 });
    const failures = result.files.flatMap((f) => f.failures);
    expect(failures).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/outlets\/lbc\.test\.yaml$/),
        line: lineOf(join(dir, 'outlets', 'lbc.test.yaml'), '- Read more about the fire below, officials urged residents on Friday.'),
        column: 9,
        rule: { id: 'read-more', outlet: 'lbc', file: expect.stringMatching(/outlets\/lbc\.yaml$/), line: lineOf(ruleFile, '- id: read-more'), column: 5 },
      }),
    ]);
  });

  test('a snippet removed by another rule than the one named is reported with both', async () => {
    const dir = writeTree({
      'default.yaml': 'outlet: default\nrules: []\n',
      'outlets/x.yaml': 'outlet: x\nrules:\n  - id: greedy\n    pattern: "^Promo"\n  - id: promo\n    text: Promo code\n',
      'outlets/x.test.yaml': 'tests:\n  - name: promo\n    text: "Story\\n\\nPromo code\\n"\n    drop:\n      - {text: Promo code, rule: promo}\n',
    });
    const { code, stdout } = await run(['rules', 'test', '--rules', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/x\.test\.yaml:5:9: test `promo`: must-drop snippet "Promo code" was dropped by rule `greedy` \(.*outlets\/x\.yaml:3:5\), expected `promo`/);
  });

  test('a cut that leaves a must-drop snippet, a snippet not in the document, a rule that does not exist, wrong metadata', async () => {
    const dir = writeTree({
      'default.yaml': 'outlet: default\nrules:\n  - id: prefix\n    strip: "^date \\\\d+ "\n    extract: date\n',
      'default.test.yaml': [
        'tests:',
        '  - name: cuts',
        '    text: "date 2024 Headline with Promo"',
        '    keep: [Headline]',
        '    drop:',
        '      - date 2024',
        '      - Promo',
        '      - Not in the text',
        '      - {text: Headline, rule: nope}',
        '    metadata:',
        '      date: "date 2025"',
        '',
      ].join('\n'),
    });
    const { code, stdout } = await run(['rules', 'test', '--rules', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('default.test.yaml:7:9: test `cuts`: must-drop snippet "Promo" survived; rule `prefix` (');
    expect(stdout).toContain('default.test.yaml:8:9: test `cuts`: must-drop snippet "Not in the text" is not in the document; copy it from one block');
    expect(stdout).toContain('default.test.yaml:9:9: test `cuts`: must-drop snippet "Headline" names rule `nope`, which outlet default does not have; expected one of `prefix`');
    expect(stdout).toContain('default.test.yaml:11:7: test `cuts`: metadata `date` is "date 2024", expected "date 2025"');
    expect(stdout).not.toContain(':6:9:');
    expect(stdout).toMatch(/winnow: 1 test, 6 checks, 4 failed/);
  });
});

describe('rule-test files are validated with positions', () => {
  const base = { 'default.yaml': 'outlet: default\nrules:\n  - id: ad\n    text: Advertisement\n' };
  const problems = async (test: string, extra: Record<string, string> = {}) => {
    const dir = writeTree({ ...base, 'default.test.yaml': test, ...extra });
    const { code, stderr } = await run(['rules', 'check', dir]);
    expect(code).toBe(1);
    return stderr.replaceAll(`${dir}/`, '');
  };

  test('an unknown key, with a suggestion', async () => {
    expect(await problems('tests:\n  - name: a\n    text: Advertisement\n    dorp: [Advertisement]\n')).toContain(
      'default.test.yaml:4:5: Unexpected key `dorp` in test `a`\n  did you mean `drop`? Expected one of `name`, `text`, `html`, `file`, `keep`, `drop`, `metadata`',
    );
  });

  test('an unquoted comma that splits a snippet in a {text, rule} item', async () => {
    expect(await problems('tests:\n  - name: a\n    text: Advertisement\n    drop:\n      - {text: Advertisement, for sale, rule: ad}\n')).toMatch(
      /default\.test\.yaml:5:31: Unexpected key `for sale` in `drop` item 1 of test `a`\n  quote the snippet/,
    );
  });

  test('a test without a document, with two documents, checking nothing, without a name', async () => {
    const stderr = await problems(
      [
        'tests:',
        '  - name: none',
        '    keep: [x]',
        '  - name: two',
        '    text: x',
        '    html: <p>x</p>',
        '    keep: [x]',
        '  - name: idle',
        '    text: x',
        '  - text: x',
        '    keep: [x]',
        '',
      ].join('\n'),
    );
    expect(stderr).toMatch(/^default\.test\.yaml:10:5: Missing `name` in test #4\n  start every test with `- name: what it checks`$/m);
    const more = await problems('tests:\n  - name: none\n    keep: [x]\n  - name: two\n    text: x\n    html: <p>x</p>\n    keep: [x]\n  - name: idle\n    text: x\n');
    expect(more).toMatch(/^default\.test\.yaml:2:5: Unexpected test `none` without a document$/m);
    expect(more).toMatch(/^default\.test\.yaml:6:5: Unexpected `html` in test `two`, which already has `text`$/m);
    expect(more).toMatch(/^default\.test\.yaml:8:5: Unexpected test `idle` that checks nothing$/m);
  });

  test('a fixture that does not exist, a test file without rules beside it, broken YAML', async () => {
    expect(await problems('tests:\n  - name: a\n    file: missing.txt\n    keep: [x]\n')).toMatch(/default\.test\.yaml:3:11: Cannot read fixture `missing\.txt`: no such file\n  give the path relative to the test file/);
    expect(await problems('tests: []\n', { 'outlets/ghost.test.yaml': 'tests: []\n' })).toMatch(/outlets\/ghost\.test\.yaml:1:1: Unexpected test file without rules: there is no ghost\.yaml beside it/);
    expect(await problems('tests:\n  - name: [unclosed\n')).toMatch(/default\.test\.yaml:\d+:\d+: YAML syntax error/);
  });

  test('a fixture path is read relative to the test file', async () => {
    const dir = writeTree({
      ...base,
      'default.test.yaml': 'tests:\n  - name: fixture\n    file: fixtures/page.html\n    keep: [Story]\n    drop: [Advertisement]\n',
      'fixtures/page.html': '<p>Story</p><p>Advertisement</p>',
    });
    const { code, stdout } = await run(['rules', 'test', '--rules', dir]);
    expect(stdout).toContain('default.test.yaml: 1 test, 2 checks: OK');
    expect(code).toBe(0);
  });

  test('`winnow rules test` still runs the other files and exits 1', async () => {
    const dir = writeTree({
      ...base,
      'outlets/x.yaml': 'outlet: x\nrules: []\n',
      'default.test.yaml': 'tests:\n  - name: ok\n    text: Advertisement\n    drop: [Advertisement]\n',
      'outlets/x.test.yaml': 'tests:\n  - name: bad\n    txt: x\n',
    });
    const { code, stdout, stderr } = await run(['rules', 'test', '--rules', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('default.test.yaml: 1 test, 1 check: OK');
    expect(stderr).toMatch(/outlets\/x\.test\.yaml:3:5: Unexpected key `txt` in test `bad`/);
    expect(stdout).toMatch(/winnow: 1 test, 1 check, 0 failed, 1 problem in test files/);
  });
});
