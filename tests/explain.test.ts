/**
 * `winnow explain`: every block in order, each removal marked in place with its rule, a summary
 * per rule; the same run as `clean`; colour only on a TTY; `--watch` re-runs on a rule edit.
 */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execute } from '../src/cli/main.js';
import { ROOT, RULES, run, tempDir, writeTree } from './helpers.js';

const LBC = 'corpus/lbc/lbc-2024-12-19.txt';
const TELEGRAPH = 'corpus/telegraph/telegraph-via-yahoo-2024-12-19.txt';

/** Run the CLI in-process with a stdout that says whether it is a terminal. */
async function runTty(argv: string[], isTTY: boolean, env: Record<string, string | undefined> = {}) {
  let stdout = '';
  const code = await execute(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY },
    stderr: { write: () => true },
    readStdin: () => '',
    cwd: ROOT,
    env,
  });
  return { code, stdout };
}

describe('winnow explain', () => {
  test('shows every block in order, removed ones marked with their rule, as clean removes them', async () => {
    const explained = await run(['explain', LBC]);
    expect(explained.code).toBe(0);
    const lines = explained.stdout.split('\n');
    expect(lines[0]).toBe(`${LBC}: outlet lbc, from folder; rules: rules/default.yaml, rules/outlets/lbc.yaml`);
    expect(lines).toContain('  1  UK troops could be sent to Ukraine for training as defence secretary calls on NATO allies to \'step up\'');
    expect(lines).toContain('  3  [- dateline] 19 December 2024, 06:11');
    expect(lines).toContain('  8  [- byline] By Henry Moore');
    expect(lines).toContain(' 22  [- read-more] Read more: Zelenskyy admits Ukraine can’t defeat Russia on the battlefield, as Starmer urges Trump to ‘stand by Kyiv’');

    // Each removal `clean --format json` reports is marked at its line, with its rule and text.
    const cleaned = JSON.parse((await run(['clean', LBC, '--format', 'json', '--quiet'])).stdout);
    for (const removal of cleaned.removals) {
      expect(lines).toContain(`${String(removal.line).padStart(3)}  [- ${removal.rule}] ${removal.text}`);
    }
    // And every kept block is shown unmarked: the cleaned text's paragraphs, in order.
    const kept = lines.filter((l) => /^ *\d+ {2}(?!\[- )/.test(l)).map((l) => l.replace(/^ *\d+ {2}/, ''));
    expect(kept).toEqual(cleaned.text.trim().split('\n\n'));
  });

  test('ends with a per-rule summary in rule order: rule, outlet, blocks, words, origin and why it fired', async () => {
    const { stdout } = await run(['explain', LBC]);
    const cleaned = JSON.parse((await run(['clean', LBC, '--format', 'json', '--quiet'])).stdout);
    const summary = stdout.slice(stdout.indexOf('\nrule '));
    expect(summary).toMatch(/^rule +outlet +blocks +words +origin +why$/m);
    const markerLine = readFileSync(join(RULES, 'default.yaml'), 'utf8').split('\n').indexOf('  - id: advertisement-marker') + 1;
    expect(summary).toMatch(new RegExp(`^advertisement-marker +default +0 +0 +rules/default\\.yaml:${markerLine}$`, 'm'));
    // Why: the pattern that matched (a long one cut at 60 characters).
    expect(summary).toMatch(/^dateline +lbc +1 +5 +rules\/outlets\/lbc\.yaml:8 +\^\(\?:Updated: \)\?\\d\{1,2\} \(\?:January\|.{20,}…$/m);
    const rail = cleaned.removals.filter((r: { rule: string }) => r.rule === 'more-news-rail');
    const railWords = rail.reduce((n: number, r: { words: number }) => n + r.words, 0);
    expect(summary).toMatch(new RegExp(`^more-news-rail +lbc +${rail.length} +${railWords} +rules/outlets/lbc\\.yaml:34 `, 'm'));
    const { blocksIn, blocksRemoved, wordsIn, wordsOut, wordsRemoved } = cleaned.stats;
    expect(summary).toContain(`removed: ${blocksRemoved} of ${blocksIn} blocks, ${wordsRemoved} of ${wordsIn} words (${((100 * wordsRemoved) / wordsIn).toFixed(1)}%); ${wordsOut} words kept`);
  });

  test('marks a partial (strip) removal inline, keeping the rest of the block', async () => {
    const { stdout } = await run(['explain', TELEGRAPH]);
    expect(stdout).toContain(' 1  {- syndication-date: date 2024-12-19 -} British troops could be sent to Ukraine to train soldiers\n');
    expect(stdout).toMatch(/removed: \d+ of \d+ blocks and part of 1, /);
  });

  test('places several cuts of one block in its original text', async () => {
    const rules = writeTree({
      'default.yaml': 'outlet: default\nrules:\n  - id: tag\n    strip: "\\\\[promo\\\\] *"\n  - id: date\n    strip: "^date \\\\d+ +"\n',
    });
    const { stdout } = await run(['explain', '-', '--rules', rules], { stdin: 'date 2024   Headline [promo] with  [promo] words\n' });
    expect(stdout).toContain('1  {- date: date 2024 -} Headline {- tag: [promo] -} with {- tag: [promo] -} words\n');
    expect(stdout).toContain('removed: 0 of 1 blocks and part of 2, 4 of 7 words (57.1%); 3 words kept');
  });

  test('a block a keep rule kept is marked with its rule, in text and in JSON', async () => {
    const rules = writeTree({ 'default.yaml': "outlet: default\nrules:\n  - id: asides\n    tags: [aside]\n  - id: fact-box\n    keep: '.fact-box'\n" });
    const page = '<p>The library will close in May.</p>\n<aside><p>Most read</p>\n<div class="fact-box"><p>Opened in 1904.</p></div></aside>\n';
    const { stdout } = await run(['explain', '-', '--rules', rules], { stdin: page });
    expect(stdout).toContain('1  The library will close in May.\n2  [- asides] (tag `aside`) Most read\n3  [+ fact-box] Opened in 1904.\n');
    const json = JSON.parse((await run(['explain', '-', '--rules', rules, '--format', 'json'], { stdin: page })).stdout);
    expect(json.blocks[2]).toMatchObject({ text: 'Opened in 1904.', kept: { rule: 'fact-box', outlet: 'default' } });
    expect(json.blocks[0].kept).toBeUndefined();
  });

  test('--rule narrows the marks and the summary to one rule', async () => {
    const { code, stdout } = await run(['explain', LBC, '--rule', 'read-more']);
    expect(code).toBe(0);
    expect(stdout).toContain(' 22  [- read-more] Read more: Zelenskyy');
    expect(stdout).not.toContain('[- dateline]');
    expect(stdout).toContain('\n     [… 4 blocks removed by other rules]\n');
    expect(stdout).toMatch(/^read-more +lbc +1 +20 +rules\/outlets\/lbc\.yaml:24 +\^Read more: \\S$/m);
    expect(stdout).not.toMatch(/^dateline /m);
    expect(stdout).toContain('`read-more` removed: 1 of 66 blocks, 20 of 967 words (2.1%)');
  });

  test('an HTML page: the outlet from --url, the headline kept, the rest marked', async () => {
    const dir = writeTree({ 'page.html': '<h1>Fire in Leeds</h1>\n<p>Listen to this article</p>\n<p>Crews were called at 5pm.</p>\n<aside><p>Advertisement</p></aside>\n' });
    const { code, stdout } = await run(['explain', join(dir, 'page.html'), '--url', 'https://www.lbc.co.uk/news/x/']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/page\.html: outlet lbc, from host; /);
    // The aside goes whole by the defaults' non-content rule before the ad label is read; an
    // element rule's line says why it took the element.
    expect(stdout).toContain('1  Fire in Leeds\n2  [- audio-player] Listen to this article\n3  Crews were called at 5pm.\n4  [- non-content] (tag `aside`) Advertisement\n');
  });

  test('--format json: every block with the removal that took it and why, and the per-rule summary', async () => {
    const { code, stdout } = await run(['explain', LBC, '--format', 'json']);
    expect(code).toBe(0);
    const explained = JSON.parse(stdout) as {
      outlet: string;
      blocks: Array<{ index: number; line?: number; text: string; removed?: { rule: string; detail?: string } }>;
      rules: Array<{ id: string; blocks: number; words: number; file: string; line: number; why: string[] }>;
    };
    const cleaned = JSON.parse((await run(['clean', LBC, '--format', 'json', '--quiet'])).stdout) as { removals: Array<{ rule: string; block: number; partial?: boolean; detail?: string }> };
    expect(explained.outlet).toBe('lbc');
    const removed = explained.blocks.filter((b) => b.removed).map((b) => [b.index, b.removed!.rule, b.removed!.detail]);
    expect(removed).toEqual(cleaned.removals.filter((r) => !r.partial).map((r) => [r.block, r.rule, r.detail]));
    const dateline = explained.rules.find((r) => r.id === 'dateline')!;
    expect(dateline).toMatchObject({ blocks: 1, words: 5, file: 'rules/outlets/lbc.yaml', line: 8 });
    expect(dateline.why[0]).toMatch(/^\^\(\?:Updated: \)\?/);
  });

  test('a document a rule hangs on stops at --timeout with a message (exit 1), in this very process', async () => {
    const rules = writeTree({ 'default.yaml': "outlet: default\nrules:\n  - id: slow\n    pattern: '^(a|aa)+$'\n" });
    const started = Date.now();
    const { code, stderr } = await run(['explain', '-', '--rules', rules, '--timeout', '1'], { stdin: `${'a'.repeat(60)}!\n` });
    expect(code).toBe(1);
    expect(stderr).toBe('winnow: stdin: timed out after 1 s (--timeout): a rule is very slow on this document (a pattern that backtracks?)\n');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('colour only on a terminal, never with NO_COLOR', async () => {
    const plain = await runTty(['explain', LBC], false);
    const tty = await runTty(['explain', LBC], true);
    const noColor = await runTty(['explain', LBC], true, { NO_COLOR: '1' });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(tty.stdout).toContain('\u001b[31m');
    expect(tty.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
    expect(noColor.stdout).toBe(plain.stdout);
  });

  test('usage errors: an unknown rule, a folder, no document (exit 2); a missing file (exit 1)', async () => {
    expect(await run(['explain', LBC, '--rule', 'nope'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown rule `nope` for outlet lbc; expected one of hidden, .*dateline, .*advertisement-marker, .*more-news-rail/) });
    expect(await run(['explain', 'corpus/lbc'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/is a folder/) });
    expect(await run(['explain'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/expected one file or -/) });
    expect(await run(['explain', 'corpus/lbc/missing.txt'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/missing\.txt: no such file or folder/) });
  });
});

describe('winnow explain --watch', () => {
  test('runs again when a rule file changes (the built bin, a temporary rules folder)', async () => {
    const root = tempDir();
    cpSync(RULES, join(root, 'rules'), { recursive: true });
    writeFileSync(join(root, 'doc.txt'), 'Fire in Leeds\n\nRead more about the fire below, officials said.\n\nRead more: Another story\n');
    const ruleFile = join(root, 'rules', 'outlets', 'lbc.yaml');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'winnow.js'), 'explain', 'doc.txt', '--outlet', 'lbc', '--watch'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const until = async (check: () => boolean, what: string) => {
      for (let waited = 0; !check(); waited += 50) {
        if (waited > 20000) throw new Error(`timed out waiting for ${what}; stdout:\n${stdout}\nstderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await until(() => stderr.includes('watching'), 'the first run');
      expect(stdout).toContain('3  Read more about the fire below, officials said.\n');
      expect(stdout).toContain('5  [- read-more] Read more: Another story\n');

      // A broken edit: the pattern now also eats the article paragraph.
      writeFileSync(ruleFile, readFileSync(ruleFile, 'utf8').replace(`pattern: '^Read more: \\S'`, `pattern: '^Read more'`));
      await until(() => stdout.includes('[- read-more] Read more about the fire'), 'the run after the edit');
      expect(stdout).toContain('--- changed: rules/outlets/lbc.yaml; explaining again ---');
      expect(stdout).toContain('3  [- read-more] Read more about the fire below, officials said.\n');

      // A syntax error is reported and the watch goes on.
      writeFileSync(ruleFile, `${readFileSync(ruleFile, 'utf8')}\n  - id: [broken\n`);
      await until(() => stderr.includes('waiting for a fix'), 'the rule-file error');
      expect(stderr).toMatch(/rules\/outlets\/lbc\.yaml:\d+:\d+: YAML syntax error/);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  });
});
