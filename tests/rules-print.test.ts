/** `winnow rules print`: the files that apply to an outlet and its resolved rule list, with origins. */
import { run, writeTree } from './helpers.js';

describe('winnow rules print', () => {
  const dir = writeTree({
    'default.yaml': [
      'outlet: default',
      'rules:',
      '  - id: ad',
      '    text: Advertisement',
      '  - id: share',
      '    text: Share this article',
      '  - id: newsletter',
      '    pattern: "^Sign up to"',
      '',
    ].join('\n'),
    'outlets/x.yaml': [
      'outlet: x',
      'match:',
      '  hosts: [x.example]',
      'disable: [newsletter]',
      'rules:',
      '  - id: share',
      '    text: [Share this article, Share]',
      '  - id: promo',
      '    selector: .promo',
      '  - id: old-rail',
      '    enabled: false',
      '    drop: rest',
      '    text: More news',
      '',
    ].join('\n'),
  });

  test('files in order, rules in order with kind, origin and outlet, replacements and what is switched off', async () => {
    const { code, stdout } = await run(['rules', 'print', '--outlet', 'x', '--rules', dir], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'outlet x (hosts: x.example)',
        '',
        'files, in order:',
        '  default.yaml',
        '  outlets/x.yaml',
        '',
        'rules, in order (3):',
        '  #  rule   kind      origin              outlet',
        '  1  ad     text      default.yaml:3:5    default',
        '  2  share  text      outlets/x.yaml:6:5  x        replaces default.yaml:5:5',
        '  3  promo  selector  outlets/x.yaml:8:5  x',
        '',
        'switched off (2):',
        '  rule        kind     origin               outlet',
        '  newsletter  pattern  default.yaml:7:5     default  by disable: at outlets/x.yaml:4:11',
        '  old-rail    rest     outlets/x.yaml:10:5  x        by enabled: false',
        '',
      ].join('\n'),
    );
  });

  test('--format json: the same, as data for scripts and editors', async () => {
    const { code, stdout } = await run(['rules', 'print', '--outlet', 'x', '--rules', dir, '--format', 'json'], { cwd: dir });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      outlet: 'x',
      hosts: ['x.example'],
      files: ['default.yaml', 'outlets/x.yaml'],
      rules: [
        { id: 'ad', kind: 'text', outlet: 'default', file: 'default.yaml', line: 3, column: 5 },
        { id: 'share', kind: 'text', outlet: 'x', file: 'outlets/x.yaml', line: 6, column: 5, replaces: { file: 'default.yaml', line: 5, column: 5 } },
        { id: 'promo', kind: 'selector', outlet: 'x', file: 'outlets/x.yaml', line: 8, column: 5 },
      ],
      disabled: [
        { id: 'newsletter', kind: 'pattern', outlet: 'default', file: 'default.yaml', line: 7, column: 5, by: { disable: { file: 'outlets/x.yaml', line: 4, column: 11 } } },
        { id: 'old-rail', kind: 'rest', outlet: 'x', file: 'outlets/x.yaml', line: 10, column: 5, by: 'enabled: false' },
      ],
    });
  });

  test('each rules command has its own help; an unknown --format is a usage error', async () => {
    const helps = await Promise.all(['check', 'test', 'print'].map(async (sub) => (await run(['rules', sub, '--help'])).stdout));
    expect(helps.map((h) => h.split('\n')[0])).toEqual(['Usage: winnow rules check [DIR] [options]', 'Usage: winnow rules test [options]', 'Usage: winnow rules print [options]']);
    expect(helps[1]).toContain('--outlet NAME');
    expect(await run(['rules', 'print', '--format', 'yaml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown --format yaml; expected text or json') });
  });

  test('without --outlet: the defaults alone; an unknown outlet is a usage error', async () => {
    const { stdout } = await run(['rules', 'print', '--rules', dir], { cwd: dir });
    expect(stdout).toMatch(/^outlet default \(the defaults alone\)\n\nfiles, in order:\n  default\.yaml\n\nrules, in order \(3\):/);
    expect(await run(['rules', 'print', '--outlet', 'nope', '--rules', dir])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown outlet `nope`/) });
  });

  test('the project rules for lbc: the default rules first, then lbc\'s in file order', async () => {
    const { stdout } = await run(['rules', 'print', '--outlet', 'lbc']);
    const ids = stdout.split('\n').filter((l) => /^ {1,2}\d+ /.test(l)).map((l) => l.trim().split(/\s+/)[1]);
    // lbc's `dateline` and `headline` replace the defaults of those ids in place; it switches off credit-captions, read-more-links and audio-labels.
    const defaults = ['hidden', 'hidden-by-class', 'non-content', 'comments', 'share', 'related', 'teasers', 'ads', 'page-chrome', 'prompts', 'captions', 'caption-names', 'embeds', 'fact-boxes', 'author-boxes', 'bylines', 'main-content', 'dateline', 'read-time', 'link-rails', 'boilerplate-phrases', 'paywall-prompts', 'audio-players', 'newsroom-notes', 'leftovers', 'advertisement-marker', 'headline', 'json-ld', 'open-graph', 'meta-tags', 'time-element'];
    expect(ids).toEqual([...defaults, 'byline', 'audio-player', 'read-more', 'photo-caption', 'more-news-rail']);
    expect(stdout).toMatch(/^ {2}34 {2}read-more +pattern +rules\/outlets\/lbc\.yaml:24:5 +lbc$/m);
  });
});
