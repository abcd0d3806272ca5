/**
 * The package as a user installs it: `npm pack`, unpacked into a new project's node_modules,
 * beside only the dependencies package.json declares (linked from this checkout, so the test needs
 * no network). The command runs from the bundle, finds the bundled rules and their tests, and the
 * README's library snippet runs as written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, tempDir } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
let project: string;

beforeAll(() => {
  const packs = tempDir('winnow-pack-');
  // dist/ is built by `npm test` before jest runs; packing must not build again.
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packs], { cwd: ROOT, encoding: 'utf8' })) as Array<{ filename: string }>;
  project = tempDir('winnow-project-');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'reader', private: true, type: 'module' }));
  const installed = join(project, 'node_modules', pkg.name);
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(packs, filename), '-C', installed, '--strip-components=1']);
  for (const dependency of Object.keys(pkg.dependencies)) {
    const link = join(project, 'node_modules', dependency);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dependency), link, 'dir');
  }
}, 120_000);

const winnow = (...args: string[]) => spawnSync(process.execPath, [join(project, 'node_modules', pkg.name, 'bin', 'winnow.js'), ...args], { cwd: project, encoding: 'utf8' });

test('`winnow rules check` and `winnow rules test` pass on the bundled rules, in a project of its own', () => {
  const check = winnow('rules', 'check');
  expect(check.stderr).toBe('');
  expect(check).toMatchObject({ status: 0, stdout: expect.stringMatching(/: \d+ rule files, \d+ rules, \d+ outlets, \d+ test files: OK/) });
  const tests = winnow('rules', 'test');
  expect(tests.status).toBe(0);
  expect(tests.stdout).toMatch(/\d+ tests, \d+ checks, 0 failed/);
}, 120_000);

test('the command cleans a document with the bundled rules, in a batch too (the worker is in the package)', () => {
  writeFileSync(join(project, 'page.html'), '<article><h1>Council votes on budget</h1><p>The council met on Tuesday to vote on the budget for the coming year, and it passed.</p><p>ADVERTISEMENT</p></article>');
  const one = winnow('clean', 'page.html', '--quiet');
  expect(one).toMatchObject({ status: 0, stdout: 'Council votes on budget\n\nThe council met on Tuesday to vote on the budget for the coming year, and it passed.\n' });
  const batch = winnow('clean', 'page.html', 'page.html', '--format', 'json', '--jobs', '1', '--quiet');
  expect(batch.status).toBe(0);
  expect(batch.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { removals: Array<{ rule: string }> }).removals.map((r) => r.rule))).toEqual([['advertisement-marker'], ['advertisement-marker']]);
});

test("the README's library snippet runs as written: loadRules() finds the bundled rules, and the plugin records removals", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const snippet = /## Library\n+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(snippet).toBeDefined();
  const lines = snippet!.split('\n');
  const imports = lines.filter((line) => line.startsWith('import '));
  const body = lines.filter((line) => !line.startsWith('import '));
  writeFileSync(
    join(project, 'snippet.mjs'),
    [
      ...imports,
      "const html = '<article><h1>Council votes on budget</h1><p>The council met on Tuesday to vote on the budget for the coming year, and it passed.</p><p>ADVERTISEMENT</p></article>';",
      ...body,
      'const file = await unified().use(rehypeParse).use(rehypeWinnow, { rules }).use(rehypeStringify).process(html);',
      'console.log(JSON.stringify({ outlets: rules.outletNames().length, text: result.text, removed: result.removals.map((r) => r.rule), plugin: file.data.winnow.removals.map((r) => r.rule) }));',
    ].join('\n'),
  );
  const run = spawnSync(process.execPath, ['snippet.mjs'], { cwd: project, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const out = JSON.parse(run.stdout) as { outlets: number; text: string; removed: string[]; plugin: string[] };
  expect(out.outlets).toBeGreaterThan(100);
  expect(out.text).not.toContain('ADVERTISEMENT');
  expect(out.removed).toContain('advertisement-marker');
  expect(out.plugin).toContain('advertisement-marker');
});
