/** Every class of rule-file error is reported once, at file:line:col, with what to write instead. */
import { hostsAhead } from '../src/kernel/rules/compile.js';
import { RulesLoadError } from '../src/kernel/rules/errors.js';
import { RuleSet } from '../src/kernel/rules/ruleset.js';
import { checkRules, loadRules } from '../src/io/rules.js';
import { run, writeTree } from './helpers.js';

function problems(files: Record<string, string>) {
  const dir = writeTree(files);
  const { ruleSet, errors } = checkRules(dir);
  expect(ruleSet).toBeUndefined();
  return errors.map((e) => ({ file: e.file.slice(dir.length + 1), line: e.line, column: e.column, reason: e.reason, hint: e.hint }));
}

const outlet = (rules: string) => ({ 'outlets/lbc.yaml': `outlet: lbc\nrules:\n${rules}` });

describe('rule-file errors', () => {
  test('malformed YAML', () => {
    const [e, ...rest] = problems(outlet('  - id: a\n    text: [unclosed\n'));
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ file: 'outlets/lbc.yaml', line: 5, column: 1 });
    expect(e.reason).toMatch(/^YAML syntax error/);
  });

  test('unknown key, with a suggestion', () => {
    expect(problems(outlet('  - id: read-more\n    patern: "^Read more"\n'))).toEqual([
      expect.objectContaining({ line: 4, column: 5, reason: 'Unexpected key `patern` in rule `read-more`', hint: expect.stringMatching(/^did you mean `pattern`\?/) }),
    ]);
  });

  test('unknown kind: a rule without a matcher', () => {
    expect(problems(outlet('  - id: lonely\n    description: no matcher\n'))).toEqual([
      expect.objectContaining({ line: 3, column: 9, reason: 'Unexpected rule `lonely` without a matcher', hint: expect.stringContaining('`selector`, `keep`, `text`, `pattern`, `caption`, `strip`') }),
    ]);
  });

  test('two matchers in one rule', () => {
    expect(problems(outlet('  - id: both\n    text: A\n    pattern: B\n'))).toEqual([
      expect.objectContaining({ line: 5, column: 5, reason: 'Unexpected `pattern` in rule `both`, which already has `text`' }),
    ]);
  });

  test('duplicate id', () => {
    expect(problems(outlet('  - id: same\n    text: A\n  - id: same\n    text: B\n'))).toEqual([
      expect.objectContaining({ line: 5, column: 9, reason: 'Duplicate rule id `same` (first defined at line 3)' }),
    ]);
  });

  test('invalid regular expression', () => {
    expect(problems(outlet('  - id: bad-regex\n    pattern: ["^ok$", "(unclosed"]\n'))).toEqual([
      expect.objectContaining({ line: 4, column: 23, reason: expect.stringMatching(/^Invalid regular expression in `pattern`: .*in rule `bad-regex`$/), hint: expect.stringContaining('escape') }),
    ]);
  });

  test('a pattern that can take exponential time is refused at load, naming the repetition', () => {
    for (const [pattern, construct] of [['^(a+)+$', '(a+)+'], ['(x+x+)+y', '(x+x+)+'], ['(\\w+\\s?)+$', '(\\w+\\s?)+']]) {
      const [e, ...rest] = problems(outlet(`  - id: slow\n    pattern: '${pattern}'\n`));
      expect(rest).toEqual([]);
      expect(e).toMatchObject({ line: 4, column: 14, reason: `Unsafe regular expression in \`pattern\`: \`${construct.replace(/\\\\/g, '\\')}\` repeats a group whose parts all repeat, which can take exponential time on text that almost matches in rule \`slow\`` });
      expect(e.hint).toContain('bound the outer repetition');
    }
    // A separator in each round, or a bounded outer repetition, is fine.
    const { errors } = checkRules(writeTree(outlet("  - id: fine\n    pattern: ['(?:, \\w+)*$', '(?: \\p{Lu}\\w*){0,3}$']\n")));
    expect(errors).toEqual([]);
  });

  test('invalid CSS selector', () => {
    expect(problems(outlet('  - id: bad-css\n    selector: "div[unclosed"\n'))).toEqual([
      expect.objectContaining({ line: 4, column: 15, reason: expect.stringMatching(/^Invalid CSS selector: .* in rule `bad-css`$/) }),
    ]);
  });

  test('wrong value type names the key and what it expects', () => {
    expect(problems(outlet('  - id: scoped\n    text: A\n    within: -3\n'))).toEqual([
      expect.objectContaining({ line: 5, column: 13, reason: 'Unexpected value for `within` in rule `scoped`', hint: expect.stringContaining('{first: N}') }),
    ]);
  });

  test('outlet name that differs from the file name', () => {
    expect(problems({ 'outlets/lbc.yaml': 'outlet: lcb\nrules: []\n' })).toEqual([
      expect.objectContaining({ line: 1, column: 9, reason: 'Unexpected outlet `lcb`, expected `lbc`' }),
    ]);
  });

  test('a key of another kind names the key, where it is, and the kinds that take it', () => {
    expect(problems({ 'default.yaml': 'outlet: default\nrules:\n  - id: ad\n    text: [Advertisement]\n    ignore-case: "yes"\n' })).toEqual([
      { file: 'default.yaml', line: 5, column: 5, reason: 'Unexpected key `ignore-case` in rule `ad`: a `text` rule does not take it', hint: '`pattern`, `caption`, `strip` rules take `ignore-case`' },
    ]);
  });

  test('disabling a default rule that does not exist', () => {
    expect(problems({ 'default.yaml': 'outlet: default\nrules: []\n', 'outlets/lbc.yaml': 'outlet: lbc\ndisable: [no-such-rule]\nrules: []\n' })).toEqual([
      expect.objectContaining({ file: 'outlets/lbc.yaml', line: 2, column: 11, reason: expect.stringContaining('`no-such-rule`') }),
    ]);
  });

  test('`winnow rules check` lists every problem of every file and exits 1', async () => {
    const dir = writeTree({
      'default.yaml': 'outlet: default\nrules:\n  - id: ad\n    txt: Advertisement\n',
      'outlets/lbc.yaml': 'outlet: lbc\nrules:\n  - id: x\n    pattern: "("\n',
    });
    const { code, stderr } = await run(['rules', 'check', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/default\.yaml:4:5: Unexpected key `txt` in rule `ad`\n  did you mean `text`\?/);
    expect(stderr).toMatch(/outlets\/lbc\.yaml:4:14: Invalid regular expression in `pattern`/);
    expect(stderr).toMatch(/2 problems/);
  });

  test('`winnow clean` with broken rules exits 2 and cleans nothing', async () => {
    const dir = writeTree({ 'default.yaml': 'outlet: default\nrules:\n  - id: ad\n    txt: Advertisement\n' });
    const { code, stdout, stderr } = await run(['clean', 'corpus/', '--rules', dir, '--format', 'json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/default\.yaml:4:5: Unexpected key `txt`/);
  });

  test('a rule file that is not UTF-8 is refused at its first byte that is not (Latin-1), or whole (UTF-16)', async () => {
    const dir = writeTree({
      'default.yaml': Buffer.from('outlet: default\nrules:\n  - id: cafe\n    text: Caf\xe9 du jour\n', 'latin1'),
      'outlets/x.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('outlet: x\nrules: []\n', 'utf16le')]),
    });
    const { code, stderr } = await run(['rules', 'check', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('default.yaml:4:14: Unexpected byte 0xe9, which is not UTF-8: rule files are UTF-8\n  save the file as UTF-8');
    expect(stderr).toContain('outlets/x.yaml:1:1: Unexpected UTF-16 text: rule files are UTF-8');
  });

  test('`winnow rules check --format json` gives every problem as data, and exit 1', async () => {
    const dir = writeTree({ 'default.yaml': 'outlet: default\nrules:\n  - id: ad\n    txt: Advertisement\n' });
    const { code, stdout } = await run(['rules', 'check', dir, '--format', 'json']);
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as { ok: boolean; problems: Array<Record<string, unknown>> };
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ file: expect.stringMatching(/default\.yaml$/), line: 4, column: 5, reason: 'Unexpected key `txt` in rule `ad`', hint: expect.stringMatching(/^did you mean `text`\?/) }]);
    const good = await run(['rules', 'check', '--format', 'json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, problems: [], ruleFiles: expect.any(Number), outlets: expect.any(Number) });
  });

  test('a folder with no rule files fails the check, saying what a rules folder holds', async () => {
    const dir = writeTree({ 'notes.txt': 'not rules\n' });
    const { code, stderr } = await run(['rules', 'check', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no rule files in .*; a rules folder holds default\.yaml and outlets\/<outlet>\.yaml/);
  });

  test('the project rules pass the check', async () => {
    const { code, stdout } = await run(['rules', 'check']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^rules: \d+ rule files, \d+ rules, \d+ outlets, \d+ test files: OK/);
  });
});

describe('one document compiles the outlet it needs (deferred outlet files)', () => {
  const broken = 'outlet: other\nmatch:\n  hosts: [other.example]\nrules:\n  - id: x\n    pattern: "("\n';
  const tree = () =>
    writeTree({
      'default.yaml': 'outlet: default\nrules:\n  - id: ad\n    text: Advertisement\n',
      'outlets/news.yaml': 'outlet: news\nmatch:\n  hosts: [news.example]\nrules:\n  - id: promo\n    text: Subscribe now\n',
      'outlets/other.yaml': broken,
      'page.html': '<p>The council met on Tuesday to vote on the budget for the coming year.</p><p>Subscribe now</p><p>Advertisement</p>',
    });

  test('a broken file no document needs does not stop one document; its own outlet still applies', async () => {
    const dir = tree();
    const { code, stdout } = await run(['clean', `${dir}/page.html`, '--rules', dir, '--url', 'https://news.example/a']);
    expect(code).toBe(0);
    expect(stdout).toBe('The council met on Tuesday to vote on the budget for the coming year.\n');
  });

  test('the broken file is reported, at file:line:col, by the document that needs it and by a batch', async () => {
    const dir = tree();
    const one = await run(['clean', `${dir}/page.html`, '--rules', dir, '--url', 'https://other.example/a']);
    expect(one.code).not.toBe(0);
    expect(one.stderr).toMatch(/outlets\/other\.yaml:6:14: Invalid regular expression in `pattern`/);
    const batch = await run(['clean', `${dir}/page.html`, `${dir}/page.html`, '--rules', dir, '--format', 'json']);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toMatch(/outlets\/other\.yaml:6:14/);
    expect(() => loadRules(dir, { deferOutlets: true }).forOutlet('other')).toThrow(RulesLoadError);
  });

  test('hosts are read ahead from the match block, or the file is compiled at once', () => {
    expect(hostsAhead('outlet: a\nmatch:\n  hosts: [a.example, www.a.example]\nrules: []\n')).toEqual(['a.example', 'www.a.example']);
    expect(hostsAhead('outlet: a\nmatch:\n  # the site\n  hosts:\n    - a.example\nrules: []\n')).toEqual(['a.example']);
    expect(hostsAhead('outlet: a\nmatch: {hosts: [a.example]}\nrules: []\n')).toEqual(['a.example']);
    expect(hostsAhead('outlet: a\nrules: []\n')).toEqual([]);
    expect(hostsAhead('outlet: a\nmatch:\n  hosts: &h [a.example]\nrules: []\n')).toBeUndefined();
    expect(hostsAhead('{outlet: a, match: {hosts: [a.example]}, rules: []}\n')).toBeUndefined();
    expect(hostsAhead('outlet: a\nmatch:\n  hosts: [A.example]\nrules: []\n')).toBeUndefined();
  });

  test('deferred and eager sets, and a set rebuilt from its checked files, resolve the same rules', () => {
    const files = { 'default.yaml': 'outlet: default\nrules:\n  - id: ad\n    text: Advertisement\n', 'outlets/news.yaml': 'outlet: news\nmatch:\n  hosts: [news.example]\ndisable: [ad]\nrules:\n  - id: promo\n    pattern: "^Subscribe"\n    within: {first: 3}\n' };
    const eager = loadRules(writeTree(files));
    const deferred = loadRules(writeTree(files), { deferOutlets: true });
    const rebuilt = RuleSet.fromChecked(eager.dir, eager.checked());
    const shape = (set: RuleSet) => {
      const resolved = set.forOutlet(set.outletForHost('www.news.example'));
      return { outlet: resolved.outlet, rules: resolved.rules.map((r) => [r.id, r.kindName, r.origin.line, r.scope !== undefined]), disabled: resolved.disabled.map((d) => d.rule.id) };
    };
    expect(shape(deferred)).toEqual(shape(eager));
    expect(shape(rebuilt)).toEqual(shape(eager));
    expect(shape(eager)).toEqual({ outlet: 'news', rules: [['promo', 'pattern', 6, true]], disabled: ['ad'] });
  });
});
