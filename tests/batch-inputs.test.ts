/** Every input format of `winnow clean`: folders, globs, JSONL(.gz) with field names, WARC(.gz), stdin; character sets. */
import { existsSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { article, gzip, jsonl, warc } from './corpus-helpers.js';
import { run, tempDir, writeTree } from './helpers.js';

const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));
const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('inputs', () => {
  test('a folder is walked recursively in name order; gold files and manifests are not documents', async () => {
    const dir = writeTree({
      'b/two.html': article(2),
      'a/one.html': article(1),
      'a/one.gold.txt': 'gold',
      'a/manifest.jsonl': '{"id":"one","url":"https://example.com/one"}\n',
      'notes.pdf': 'not a corpus file',
    });
    const { code, stdout } = await run(['clean', dir, '--format', 'json', '--quiet'], { cwd: dir });
    expect(code).toBe(0);
    expect(lines(stdout).map((r) => [r.id, r.url])).toEqual([
      ['a/one.html', 'https://example.com/one'],
      ['b/two.html', undefined],
    ]);
  });

  test('a symbolic link to a file in a folder is a document; a link to a folder is not followed', async () => {
    const dir = writeTree({ 'corpus/a.html': article(1), 'elsewhere/b.html': article(2) });
    symlinkSync(join(dir, 'elsewhere', 'b.html'), join(dir, 'corpus', 'b.html'));
    symlinkSync(join(dir, 'corpus'), join(dir, 'corpus', 'loop'));
    const { code, stdout } = await run(['clean', 'corpus', '--format', 'json', '--quiet'], { cwd: dir });
    expect(code).toBe(0);
    expect(lines(stdout).map((r) => r.id)).toEqual(['corpus/a.html', 'corpus/b.html']);
  });

  test('a quoted glob is expanded', async () => {
    const dir = writeTree({ 'x/1.html': article(1), 'x/2.html': article(2), 'x/3.txt': 'plain text' });
    const out = tempDir();
    const { code } = await run(['clean', 'x/*.html', '--out', out, '--quiet'], { cwd: dir });
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['1.txt', '2.txt']);
  });

  test('JSONL records with configurable field names; the outlet field picks the outlet rules when it has a rule file', async () => {
    const dir = writeTree({
      'pages.jsonl': jsonl([
        { key: 'k1', link: 'https://example.com/a', site: 'lbc', body: '<p>Listen to this article</p><p>Story text here.</p>' },
        { key: 'k2', link: 'https://example.com/b', body: '<p>Other story.</p><p>Advertisement</p>' },
        { key: 'k3', link: 'https://www.lbc.co.uk/news/c/', site: 'no-rules-for-this-one', body: '<p>Listen to this article</p><p>By host.</p>' },
      ]),
    });
    const out = join(tempDir(), 'clean.jsonl');
    const { code } = await run(['clean', 'pages.jsonl', '--field', 'body', '--url-field', 'link', '--id-field', 'key', '--outlet-field', 'site', '--out', out, '--quiet'], { cwd: dir });
    expect(code).toBe(0);
    const records = lines(readFileSync(out, 'utf8'));
    expect(records).toEqual([
      { id: 'k1', source: 'pages.jsonl:1', url: 'https://example.com/a', outlet: 'lbc', text: 'Story text here.\n', wordsIn: 7, wordsOut: 3, removed: { 'audio-player': 4 } },
      { id: 'k2', source: 'pages.jsonl:2', url: 'https://example.com/b', outlet: 'default', text: 'Other story.\n', wordsIn: 3, wordsOut: 2, removed: { 'advertisement-marker': 1 } },
      // An outlet without a rule file falls back to the host (then the folder, then the defaults).
      { id: 'k3', source: 'pages.jsonl:3', url: 'https://www.lbc.co.uk/news/c/', outlet: 'lbc', text: 'By host.\n', wordsIn: 6, wordsOut: 2, removed: { 'audio-player': 4 } },
    ]);
  });

  test('JSONL.gz records default to the html field; without an id they are named by file and line', async () => {
    const dir = writeTree({ 'pages.jsonl.gz': gzip(jsonl([{ html: article(1) }, { text: 'A plain text record.\n\nAdvertisement\n' }])) });
    const out = tempDir();
    const { code } = await run(['clean', 'pages.jsonl.gz', '--out', out, '--quiet'], { cwd: dir });
    expect(code).toBe(0);
    expect(readdirSync(join(out, 'pages')).sort()).toEqual(['1.txt', '2.txt']);
    expect(readFileSync(join(out, 'pages', '2.txt'), 'utf8')).toBe('A plain text record.\n');
    const json = await run(['clean', 'pages.jsonl.gz', '--format', 'json', '--quiet'], { cwd: dir });
    expect(lines(json.stdout).map((r) => r.id)).toEqual(['pages.jsonl.gz:1', 'pages.jsonl.gz:2']);
  });

  test.each([false, true])('WARC response records (gzip: %s): HTML and text are documents, other payloads are skipped', async (compressed) => {
    const body = Buffer.concat([latin1('<html><head><title>T</title></head><body><p>Caf'), Buffer.from([0xe9]), latin1(' society.</p><p>Advertisement</p></body></html>')]);
    const file = await warc(
      [
        { url: 'https://www.lbc.co.uk/news/x/', body, contentType: 'text/html; charset=windows-1252' },
        { url: 'https://example.com/logo.png', body: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), contentType: 'image/png' },
        { url: 'https://example.com/old', body: '', status: 301 },
        { url: 'https://example.com/req', body: 'GET / HTTP/1.1\r\n\r\n', type: 'request' },
        { url: 'https://example.com/notes.txt', body: 'Plain notes.\n', contentType: 'text/plain' },
      ],
      compressed,
    );
    const dir = writeTree({ [`crawl.warc${compressed ? '.gz' : ''}`]: file });
    const { code, stdout, stderr } = await run(['clean', dir, '--format', 'json'], { cwd: dir });
    expect(code).toBe(0);
    const records = lines(stdout);
    expect(records.map((r) => [r.url, r.outlet, r.type, r.text])).toEqual([
      ['https://www.lbc.co.uk/news/x/', 'lbc', 'html', 'Café society.\n'],
      ['https://example.com/notes.txt', 'default', 'text', 'Plain notes.\n'],
    ]);
    expect(records[0].id).toMatch(/^urn:uuid:/);
    expect(stderr).toMatch(/cleaned 2 documents .* 0 failed, 2 skipped/);
  });

  test('stdin: one document, or a WARC.gz stream recognised by its content', async () => {
    const doc = await run(['clean', '-', '--quiet'], { stdin: '<p>From stdin.</p><p>Advertisement</p>' });
    expect(doc).toMatchObject({ code: 0, stdout: 'From stdin.\n' });
    const stream = await warc([{ url: 'https://example.com/a', body: '<p>Archived page.</p>' }], true);
    const fromWarc = await run(['clean', '-', '--format', 'json', '--quiet'], { stdinBytes: stream });
    expect(fromWarc.code).toBe(0);
    expect(lines(fromWarc.stdout).map((r) => [r.url, r.text])).toEqual([['https://example.com/a', 'Archived page.\n']]);
  });

  test('stdin: JSON lines are recognised by their first bytes', async () => {
    const { code, stdout } = await run(['clean', '-', '--format', 'json', '--quiet'], { stdin: jsonl([{ id: 'x', html: '<p>One.</p>' }, { id: 'y', html: '<p>Two.</p>' }]) });
    expect(code).toBe(0);
    expect(lines(stdout).map((r) => [r.id, r.text])).toEqual([
      ['x', 'One.\n'],
      ['y', 'Two.\n'],
    ]);
  });

  test('stdin as JSONL with --input-format jsonl', async () => {
    const { code, stdout } = await run(['clean', '-', '--input-format', 'jsonl', '--format', 'json', '--quiet'], { stdin: jsonl([{ id: 'x', html: '<p>One.</p>' }, { id: 'y', html: '<p>Two.</p>' }]) });
    expect(code).toBe(0);
    expect(lines(stdout).map((r) => [r.id, r.text])).toEqual([
      ['x', 'One.\n'],
      ['y', 'Two.\n'],
    ]);
  });
});

describe('character sets', () => {
  const cafe = (prefix: string, e: number[], suffix = '') => Buffer.concat([latin1(`${prefix}<p>Caf`), Buffer.from(e), latin1(`</p>${suffix}`)]);

  test.each([
    ['a UTF-8 BOM', 'bom8.html', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cafe('', [0xc3, 0xa9])])],
    ['a UTF-16LE BOM', 'bom16.html', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Café</p>', 'utf16le')])],
    ['<meta charset>', 'meta.html', cafe('<meta charset="windows-1252">', [0xe9])],
    ['<meta http-equiv>', 'equiv.html', cafe('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', [0xe9])],
    ['nothing (UTF-8)', 'plain.html', cafe('', [0xc3, 0xa9])],
    ['nothing, plain text (UTF-8)', 'plain.txt', Buffer.from('Café\n')],
  ])('decoded by %s', async (_label, name, bytes) => {
    const dir = writeTree({ [name]: bytes });
    const { code, stdout, stderr } = await run(['clean', name, '--quiet'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('Café\n');
    expect(stderr).toBe('');
  });

  test('invalid bytes for the declared encoding become U+FFFD with a warning, and the document is still cleaned', async () => {
    const dir = writeTree({ 'wrong.html': cafe('<meta charset="utf-8">', [0xe9], '<p>Rest of the story.</p>') });
    const out = tempDir();
    const { code, stderr } = await run(['clean', 'wrong.html', '--out', out], { cwd: dir });
    expect(code).toBe(0);
    expect(readFileSync(join(out, 'wrong.txt'), 'utf8')).toBe('Caf\uFFFD\n\nRest of the story.\n');
    expect(stderr).toMatch(/wrong\.html: warning: invalid UTF-8 bytes: 1 character replaced with U\+FFFD/);
    expect(stderr).toMatch(/1 with warnings/);
    expect(lines(readFileSync(join(out, 'warnings.jsonl'), 'utf8'))).toEqual([{ id: 'wrong.html', source: 'wrong.html', warning: expect.stringMatching(/invalid UTF-8 bytes/) }]);
    expect(existsSync(join(out, 'errors.jsonl'))).toBe(false);
  });

  test('a JSONL output records the warning with the document', async () => {
    const dir = writeTree({ 'p.jsonl': Buffer.concat([latin1('{"id":"a","html":"<p>Caf'), Buffer.from([0xe9]), latin1('</p>"}\n')]) });
    const out = join(tempDir(), 'out.jsonl.gz');
    expect((await run(['clean', 'p.jsonl', '--out', out, '--quiet'], { cwd: dir })).code).toBe(0);
    const [record] = lines(gunzipSync(readFileSync(out)).toString('utf8'));
    expect(record.text).toBe('Caf\uFFFD\n');
    expect(record.warnings).toEqual([expect.stringMatching(/invalid UTF-8/)]);
  });
});
