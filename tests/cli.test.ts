/** The command line: outputs, formats, bad inputs, never overwriting inputs, exit codes. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run, tempDir, writeTree } from './helpers.js';

describe('winnow clean', () => {
  test('a bad input is reported by name; the other documents are still cleaned (exit 1)', async () => {
    const dir = writeTree({ 'a.txt': 'Keep me\n\nADVERTISEMENT\n', 'b.html': '<p>Also kept</p>' });
    const out = tempDir();
    const { code, stderr } = await run(['clean', join(dir, 'a.txt'), join(dir, 'missing.txt'), join(dir, 'b.html'), '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/missing\.txt: no such file or folder/);
    expect(stderr).toMatch(/cleaned 2 documents .* 1 failed/);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('Keep me\n');
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('Also kept\n');
  });

  test('refuses an output folder inside an input folder, and writes nothing', async () => {
    const dir = writeTree({ 'a.txt': 'text\n' });
    const { code, stderr } = await run(['clean', dir, '--out', join(dir, 'cleaned')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/inside the input/);
    expect(existsSync(join(dir, 'cleaned'))).toBe(false);
  });

  test('refuses to write over an input file', async () => {
    const dir = writeTree({ 'in/a.txt': 'text\n' });
    const { code } = await run(['clean', join(dir, 'in', 'a.txt'), '--out', join(dir, 'in')]);
    expect(code).toBe(2);
    expect(readFileSync(join(dir, 'in', 'a.txt'), 'utf8')).toBe('text\n');
  });

  test('--format html and json name their files accordingly', async () => {
    const out = tempDir();
    expect((await run(['clean', 'corpus/lbc', '--out', out, '--format', 'html', '--quiet'])).code).toBe(0);
    expect(readdirSync(out)).toEqual(['lbc-2024-12-19.html']);
    const html = readFileSync(join(out, 'lbc-2024-12-19.html'), 'utf8');
    expect(html).toContain('<p>British troops could be sent');
    expect(html).not.toContain('Picture: Alamy');
  });

  test('several documents without --out: JSON lines with --format json, else a usage error', async () => {
    const json = await run(['clean', 'corpus/', '--format', 'json', '--quiet']);
    expect(json.code).toBe(0);
    expect(json.stdout.trim().split('\n').map((l) => JSON.parse(l).outlet)).toEqual(['lbc', 'telegraph']);
    const text = await run(['clean', 'corpus/']);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/need --out DIR/);
  });

  test('usage errors exit 2 with a message', async () => {
    expect(await run(['clean'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/No input given/) });
    expect(await run(['clean', 'x', '--format', 'pdf'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown --format pdf/) });
    expect(await run(['clean', 'x', '--bogus'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/bogus/) });
    expect(await run(['clean', 'corpus/lbc', '--outlet', 'nope'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown outlet `nope`/) });
    expect(await run(['frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown command `frobnicate`/) });
  });

  test('a path outside the working folder is shown whole, not as ../../', async () => {
    const dir = writeTree({ 'page.html': '<p>The council voted on Tuesday to close the library after months of talks.</p>' });
    const { code, stdout } = await run(['clean', join(dir, 'page.html'), '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: join(dir, 'page.html'), path: join(dir, 'page.html') });
    expect((await run(['rules', 'check', dir])).stderr).toContain(`no rule files in ${dir};`);
    // The report names a rule file outside the working folder whole too.
    const rules = writeTree({ 'default.yaml': 'outlet: default\nrules:\n  - id: ad\n    text: [Advertisement]\n' });
    const report = join(dir, 'report.json');
    expect((await run(['clean', join(dir, 'page.html'), '--rules', rules, '--out', join(dir, 'out'), '--report', report, '--quiet'])).code).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8')).rules[0].origin.file).toBe(join(rules, 'default.yaml'));
  });

  test('a slip gets a suggestion; --version, help COMMAND, and a bare winnow as a usage error', async () => {
    expect(await run(['clean', 'x', '--fromat', 'json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown option `--fromat`. Did you mean `--format`? (winnow clean --help lists the options)') });
    expect(await run(['explain', 'x', '--no-titel'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Did you mean `--no-title`?') });
    expect(await run(['claen', 'x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command `claen`. Did you mean `clean`?') });
    expect((await run(['frobnicate'])).stderr).not.toContain('Did you mean');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = await run(['help', 'report']);
    expect(help).toMatchObject({ code: 0, stdout: (await run(['report', '--help'])).stdout });
    expect(help.stdout).toMatch(/^Usage: winnow report/);
    expect(await run([])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^Usage: winnow <command>/) });
  });
});
