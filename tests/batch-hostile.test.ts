/**
 * Hostile inputs: the batch never crashes or stops; every input document ends as a cleaned
 * output or an error record in errors.jsonl, and the summary counts both.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { article, gzip, jsonl, warc } from './corpus-helpers.js';
import { ROOT, run, tempDir, writeTree } from './helpers.js';

const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));
const errorsOf = (out: string) => lines(readFileSync(join(out, 'errors.jsonl'), 'utf8'));

describe('hostile inputs', () => {
  test('malformed HTML is cleaned as a browser parses it', async () => {
    const dir = writeTree({ 'bad.html': '<p>One<p>Two</div></span><b>bold <i>both</b> italic</i><table><td>cell<p>Advertisement</table><p attr="unclosed>Last' });
    const { code, stdout } = await run(['clean', 'bad.html', '--quiet'], { cwd: dir });
    expect(code).toBe(0);
    // The second <p> stays open over the stray end tags, so the bold text joins it, as in a browser;
    // the unterminated attribute swallows the rest of the file.
    expect(stdout).toBe('One\n\nTwobold both italic\n\ncell\n');
  });

  test('10,000-deep nesting is cleaned, without overflowing the stack', async () => {
    const depth = 10_000;
    const dir = writeTree({ 'deep.html': `<body>${'<div>'.repeat(depth)}<p>Deep text.</p><p>Advertisement</p>${'</div>'.repeat(depth)}<p>After.</p></body>` });
    const { code, stdout } = await run(['clean', 'deep.html', '--quiet'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('Deep text.\n\nAfter.\n');
  });

  test('binary, empty and oversized files become error records; the others are cleaned (exit 1)', async () => {
    const dir = writeTree({
      'a-good.html': article(1),
      'b-image.html': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'c-empty.html': '',
      'd-blank.txt': ' \n\n\t\n',
      'e-big.html': `<p>${'word '.repeat(400)}</p>`,
      'f-good.txt': 'Plain text survives.\n',
    });
    const out = tempDir();
    const { code, stderr } = await run(['clean', dir, '--out', out, '--max-bytes', '1k'], { cwd: dir });
    expect(code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['a-good.txt', 'errors.jsonl', 'f-good.txt']);
    expect(errorsOf(out)).toEqual([
      { id: 'b-image.html', source: 'b-image.html', reason: expect.stringMatching(/^binary data/) },
      { id: 'c-empty.html', source: 'c-empty.html', reason: 'empty document (0 bytes)' },
      { id: 'd-blank.txt', source: 'd-blank.txt', reason: expect.stringMatching(/^empty document/) },
      { id: 'e-big.html', source: 'e-big.html', reason: 'over the size cap: 2007 bytes, more than 1024 (--max-bytes)' },
    ]);
    expect(stderr).toMatch(/cleaned 2 documents .* 4 failed, .*; errors in .*errors\.jsonl/);
  });

  test('malformed JSONL lines become error records; every good line is kept', async () => {
    const dir = writeTree({
      'p.jsonl': [
        JSON.stringify({ id: 'a', html: '<p>First.</p>' }),
        '{"id": "b", "html": "<p>unterminated',
        '',
        '[1, 2]',
        JSON.stringify({ id: 'd', body: 'no html field' }),
        JSON.stringify({ id: 'e', html: '   ' }),
        JSON.stringify({ id: 'f', html: `<p>${'x'.repeat(3000)}</p>` }),
        JSON.stringify({ id: 'g', html: '<p>Last.</p>' }),
      ].join('\n'),
    });
    const out = tempDir();
    const { code, stderr } = await run(['clean', 'p.jsonl', '--out', out, '--max-bytes', '2k'], { cwd: dir });
    expect(code).toBe(1);
    expect(readdirSync(join(out, 'p')).sort()).toEqual(['1.txt', '8.txt']);
    expect(errorsOf(out)).toEqual([
      { id: 'p.jsonl:2', source: 'p.jsonl:2', reason: expect.stringMatching(/^malformed JSON line/) },
      { id: 'p.jsonl:4', source: 'p.jsonl:4', reason: 'Unexpected array, expected a JSON object per line' },
      { id: 'p.jsonl:5', source: 'p.jsonl:5', reason: expect.stringMatching(/^no string field `html`, `text`, `content` in the record \(it has `id`, `body`\); name the document's field with --field NAME/) },
      { id: 'p.jsonl:6', source: 'p.jsonl:6', reason: 'empty document (field `html` is blank)' },
      { id: 'p.jsonl:7', source: 'p.jsonl:7', reason: expect.stringMatching(/^over the size cap: the line has 3027 bytes/) },
    ]);
    expect(stderr).toMatch(/cleaned 2 documents .* 5 failed/);
  });

  test('a truncated JSONL.gz keeps every record before the damage and records the damage', async () => {
    const whole = gzip(jsonl(Array.from({ length: 400 }, (_, i) => ({ id: `r${i}`, html: article(i) }))));
    const dir = writeTree({ 'cut.jsonl.gz': whole.subarray(0, Math.floor(whole.length * 0.6)) });
    const out = join(tempDir(), 'cut.jsonl');
    const { code } = await run(['clean', 'cut.jsonl.gz', '--out', out, '--quiet'], { cwd: dir });
    expect(code).toBe(1);
    const kept = lines(readFileSync(out, 'utf8'));
    expect(kept.length).toBeGreaterThan(100);
    expect(kept.map((r) => r.id)).toEqual(Array.from({ length: kept.length }, (_, i) => `r${i}`));
    const errors = lines(readFileSync(out.replace(/\.jsonl$/, '.errors.jsonl'), 'utf8'));
    expect(errors).toEqual([{ id: `cut.jsonl.gz:${kept.length + 1}`, source: `cut.jsonl.gz:${kept.length + 1}`, reason: expect.stringMatching(new RegExp(`^truncated or corrupt data, reading stopped after line ${kept.length}: unexpected end of file`)) }]);
  });

  test.each([false, true])('a truncated WARC (gzip: %s) keeps the records before the damage', async (compressed) => {
    const whole = await warc(
      [1, 2, 3].map((i) => ({ url: `https://example.com/${i}`, body: `<p>Page ${i}.</p>` })),
      compressed,
    );
    const dir = writeTree({ [`cut.warc${compressed ? '.gz' : ''}`]: whole.subarray(0, whole.length - 30) });
    const out = tempDir();
    const { code } = await run(['clean', dir, '--out', out, '--quiet'], { cwd: dir });
    expect(code).toBe(1);
    expect(readdirSync(join(out, 'cut')).map((f) => readFileSync(join(out, 'cut', f), 'utf8')).sort()).toEqual(['Page 1.\n', 'Page 2.\n']);
    expect(errorsOf(out)).toEqual([{ id: expect.any(String), source: expect.stringMatching(/^cut\.warc(\.gz)?@\d+$/), reason: expect.stringMatching(/^truncated/) }]);
  });

  test('a WARC payload over the size cap is an error record', async () => {
    const dir = writeTree({ 'c.warc': await warc([{ url: 'https://example.com/big', body: `<p>${'big '.repeat(1000)}</p>` }, { url: 'https://example.com/small', body: '<p>Small.</p>' }]) });
    const { code, stdout, stderr } = await run(['clean', 'c.warc', '--format', 'json', '--max-bytes', '1k'], { cwd: dir });
    expect(code).toBe(1);
    expect(lines(stdout).map((r) => r.url)).toEqual(['https://example.com/small']);
    expect(stderr).toMatch(/c\.warc@\d+: over the size cap: more than 1024 bytes/);
  });

  test('a document that hangs a rule times out; its worker is replaced and the batch goes on', async () => {
    // Overlapping alternatives: slow in a way the load-time check does not catch (see regex-safety.ts).
    const rules = writeTree({ 'default.yaml': "outlet: default\nrules:\n  - id: catastrophic\n    pattern: '^(a|aa)+$'\n" });
    const dir = writeTree({
      '1-hang.txt': `${'a'.repeat(60)}!\n`,
      '2-fine.txt': 'Fine text.\n',
      '3-fine.txt': 'More fine text.\n',
    });
    const out = tempDir();
    const { code, stderr } = await run(['clean', dir, '--out', out, '--rules', rules, '--jobs', '1', '--timeout', '2'], { cwd: dir });
    expect(code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['2-fine.txt', '3-fine.txt', 'errors.jsonl']);
    expect(errorsOf(out)).toEqual([{ id: '1-hang.txt', source: '1-hang.txt', reason: 'timed out after 2 s (--timeout); its worker was stopped and replaced' }]);
    expect(stderr).toMatch(/cleaned 2 documents .* 1 failed/);
  });

  test('a missing input is an error record naming it', async () => {
    const dir = writeTree({ 'here.html': article(1) });
    const out = tempDir();
    const { code, stderr } = await run(['clean', 'here.html', 'gone.html', 'gone.jsonl', 'gone.warc.gz', '--out', out], { cwd: dir });
    expect(code).toBe(1);
    expect(errorsOf(out).map((e) => [e.source, e.reason])).toEqual([
      ['gone.html', 'no such file or folder'],
      ['gone.jsonl', 'no such file or folder'],
      ['gone.warc.gz', 'no such file or folder'],
    ]);
    expect(stderr).toMatch(/cleaned 1 document .* 3 failed/);
  });
});

describe('WARC records whose Content-Length is wrong', () => {
  const pages = [
    { url: 'https://example.com/one', body: '<p>The first story of the file, with words enough to keep.</p>' },
    { url: 'https://example.com/two', body: '<p>The second story of the file, with words enough to keep.</p>' },
    { url: 'https://example.com/three', body: '<p>The third story of the file, with words enough to keep.</p>' },
  ];
  /** The file with the Content-Length of the first response record moved by `delta` bytes. */
  async function damaged(delta: (length: number, file: Buffer) => number): Promise<Buffer> {
    const file = await warc(pages);
    const text = file.toString('latin1');
    const header = /WARC-Type: response[\s\S]*?Content-Length: (\d+)\r\n/.exec(text)!;
    const at = header.index + header[0].length - header[1].length - 2;
    const length = Number(header[1]);
    return Buffer.concat([file.subarray(0, at), Buffer.from(String(length + delta(length, file))), file.subarray(at + header[1].length)]);
  }

  test('too large: the record runs into the next; it is an error record, never a document holding WARC headers', async () => {
    // Exactly one more record swallowed: the file stays aligned, the third record is read as usual.
    const file = await damaged((_length, whole) => {
      const text = whole.toString('latin1');
      const second = text.indexOf('WARC/1.1', text.indexOf('https://example.com/two') - 400);
      const third = text.indexOf('WARC/1.1', second + 1);
      return third - second;
    });
    const out = tempDir();
    const { code } = await run(['clean', writeTree({ 'd.warc': file }), '--out', out, '--quiet']);
    expect(code).toBe(1);
    const cleaned = readdirSync(join(out, 'd')).map((name) => readFileSync(join(out, 'd', name), 'utf8'));
    expect(cleaned).toEqual(['The third story of the file, with words enough to keep.\n']);
    expect(cleaned.join('')).not.toContain('WARC');
    expect(errorsOf(out)).toEqual([expect.objectContaining({ reason: expect.stringMatching(/^damaged WARC record: its Content-Length is too large, and its block runs into the next record/) })]);
  });

  test('too small: the record would be cut short; it is an error record, the next ones are cleaned, nothing on the console', async () => {
    const file = await damaged(() => -20);
    const out = tempDir();
    const { code, stderr } = await run(['clean', writeTree({ 'd.warc': file }), '--out', out]);
    expect(code).toBe(1);
    expect(stderr).not.toContain('Content-Length Too Small');
    expect(errorsOf(out)).toEqual([expect.objectContaining({ reason: 'damaged WARC record: its Content-Length is too small (20 more bytes of it follow), so its document would be cut short; fix the WARC file' })]);
    const cleaned = readdirSync(join(out, 'd')).map((name) => readFileSync(join(out, 'd', name), 'utf8'));
    expect(cleaned).toEqual(expect.arrayContaining(['The third story of the file, with words enough to keep.\n']));
    expect(cleaned.join('')).not.toContain('first story');
  });
});

test('in a folder, a named pipe, a broken link, a link loop and a link to a folder are counted as skipped, each with its reason', async () => {
  const dir = writeTree({ 'a.html': '<p>A story with words enough to keep.</p>', 'sub/b.html': '<p>Another story.</p>' });
  execFileSync('mkfifo', [join(dir, 'pipe.html')]);
  symlinkSync(join(dir, 'gone.html'), join(dir, 'broken.html'));
  symlinkSync(join(dir, 'loop.html'), join(dir, 'loop.html'));
  symlinkSync(join(dir, 'sub'), join(dir, 'folder.html'));
  const out = tempDir();
  const { code, stderr } = await run(['clean', dir, '--out', out]);
  expect(code).toBe(0);
  expect(stderr).toMatch(/cleaned 2 documents .* 0 failed, 4 skipped/);
  expect(stderr).toContain('broken.html: skipped: a broken symbolic link (its target does not exist)');
  expect(stderr).toContain('folder.html: skipped: a symbolic link to a folder, not followed (it could loop)');
  expect(stderr).toContain('loop.html: skipped: a symbolic link loop');
  expect(stderr).toContain('pipe.html: skipped: not a file: a named pipe (reading it could wait for ever)');
}, 30_000);

test('a JSONL.gz bomb of blank lines stops at the size cap with an error record, quickly; the records before it are kept', async () => {
  const records = (ids: string[]) => ids.map((id) => JSON.stringify({ id, text: `Story ${id}, with words enough to keep.` })).join('\n');
  const bomb = gzip(`${records(['first'])}\n\n${'\n'.repeat(3 * 1024 * 1024)}${records(['never'])}\n`);
  expect(bomb.length).toBeLessThan(10_000);
  const out = tempDir();
  const started = Date.now();
  const { code } = await run(['clean', writeTree({ 'bomb.jsonl.gz': bomb }), '--out', join(out, 'o.jsonl'), '--max-bytes', '1MB', '--quiet']);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(code).toBe(1);
  expect(readFileSync(join(out, 'o.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line).id)).toEqual(['first']);
  const [error] = readFileSync(join(out, 'o.errors.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  expect(error.reason).toMatch(/^more than 1048576 bytes of blank lines in a row, up to line \d+ \(a decompression bomb\?\); reading stopped$/);
});

test('blank lines between JSONL records keep the records\' line numbers', async () => {
  const dir = writeTree({ 'p.jsonl': '\n\r\n{"text":"A story with words enough."}\n\n\n{"text":"Another story here."}\n\n' });
  const { stdout } = await run(['clean', 'p.jsonl', '--format', 'json', '--quiet'], { cwd: dir });
  expect(stdout.trim().split('\n').map((line) => JSON.parse(line).id)).toEqual(['p.jsonl:3', 'p.jsonl:6']);
});

test('/dev/zero and an endless pipe stop at --max-bytes: an error record, at once, with what was read capped', async () => {
  const out = tempDir();
  const zero = spawnSync(process.execPath, [join(ROOT, 'bin', 'winnow.js'), 'clean', '/dev/zero', '--out', out, '--max-bytes', '1MB', '--quiet'], { encoding: 'utf8', timeout: 30_000 });
  expect(zero.status).toBe(1);
  expect(errorsOf(out)).toEqual([{ id: '/dev/zero', source: '/dev/zero', reason: 'over the size cap: more than 1048576 bytes (--max-bytes)' }]);
  // stdin that never ends: the run must not wait for its end, nor hold it.
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'winnow.js'), 'clean', '-', '--max-bytes', '1MB', '--quiet'], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.on('error', () => {});
  const block = Buffer.alloc(64 * 1024, 'a');
  const feed = () => {
    while (child.stdin.writable && child.stdin.write(block));
  };
  child.stdin.on('drain', feed);
  feed();
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).toBe(1);
  expect(stderr).toContain('over the size cap: more than 1048576 bytes (--max-bytes)');
}, 60_000);
