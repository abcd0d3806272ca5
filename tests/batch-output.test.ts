/** Outputs of a batch: JSONL(.gz) records, mirrored folders, byte-identical whatever the number of workers, never over an input. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { article, jsonl } from './corpus-helpers.js';
import { ROOT, run, tempDir, tree, writeTree } from './helpers.js';

const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));


/** A corpus of varied sizes (so workers finish out of order) with a few bad records. */
function mixedCorpus(): string {
  const records: unknown[] = [];
  for (let i = 0; i < 120; i++) {
    if (i % 29 === 7) records.push('{"broken": ');
    else records.push({ id: `doc-${i}`, url: `https://example.com/${i}`, html: i % 10 === 0 ? article(i).repeat(40) : article(i) });
  }
  return records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
}

describe('batch outputs', () => {
  test('a JSONL output holds {id, source, url, outlet, text, word counts, removed words per rule}', async () => {
    const dir = writeTree({ 'p.jsonl': jsonl([{ id: 'a', url: 'https://www.lbc.co.uk/news/a/', html: '<p>Listen to this article</p><p>Story.</p><p>Advertisement</p>' }]) });
    const out = join(tempDir(), 'out.jsonl');
    const { code, stderr } = await run(['clean', 'p.jsonl', '--out', out], { cwd: dir });
    expect(code).toBe(0);
    expect(lines(readFileSync(out, 'utf8'))).toEqual([
      { id: 'a', source: 'p.jsonl:1', url: 'https://www.lbc.co.uk/news/a/', outlet: 'lbc', text: 'Story.\n', wordsIn: 6, wordsOut: 1, removed: { 'audio-player': 4, 'advertisement-marker': 1 } },
    ]);
    expect(stderr).toMatch(/^winnow: cleaned 1 document \(lbc\), 6 -> 1 words \(83\.3% removed by 2 rules\), 0 failed, [\d.]+ s; output in .*out\.jsonl\n$/);
    // Nothing but the output is left behind: no state folder, no temporary files, no empty errors.jsonl.
    expect(readdirSync(join(out, '..'))).toEqual(['out.jsonl']);
  });

  test('--format html adds the cleaned HTML; --format json writes the full result with its removals', async () => {
    const dir = writeTree({ 'p.jsonl': jsonl([{ id: 'a', html: '<p>Story.</p><p>Advertisement</p>' }]) });
    const html = join(tempDir(), 'h.jsonl');
    await run(['clean', 'p.jsonl', '--out', html, '--format', 'html', '--quiet'], { cwd: dir });
    expect(lines(readFileSync(html, 'utf8'))[0].html).toBe('<!doctype html><html><head><meta charset="utf-8"></head><body><p>Story.</p></body></html>');
    const json = join(tempDir(), 'j.jsonl');
    await run(['clean', 'p.jsonl', '--out', json, '--format', 'json', '--quiet'], { cwd: dir });
    expect(lines(readFileSync(json, 'utf8'))[0]).toMatchObject({ id: 'a', source: 'p.jsonl:1', removals: [{ rule: 'advertisement-marker', words: 1 }], stats: { wordsIn: 2, wordsOut: 1 } });
  });

  test('--format html writes the cleaned page as a UTF-8 document of its own: a new head, no scripts, styles or comments', async () => {
    const page =
      '<html lang="fr"><head><meta charset="iso-8859-1"><title>Caf\xe9 owners win the vote | Site</title><link rel="canonical" href="https://example.com/cafe"><style>p{color:red}</style><script>track()</script></head>' +
      '<body><!-- ad slot --><article class="story"><h1>Caf\xe9 owners win the vote</h1><p id="p1" onclick="steal()">The owners of the old town won the council vote on Tuesday.</p>' +
      '<p><a href="javascript:alert(1)">a link</a> and <a href="https://example.com/more">another</a></p><script>more()</script><noscript>enable scripts</noscript></article></body></html>';
    const dir = writeTree({ 'page.html': Buffer.from(page, 'latin1') });
    const { code, stdout } = await run(['clean', 'page.html', '--format', 'html', '--quiet'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>[^<]*Café owners win the vote<\/title><link rel="canonical" href="https:\/\/example.com\/cafe"><\/head><body>/);
    expect(stdout).toContain('<article class="story"><h1>Café owners win the vote</h1><p id="p1">The owners of the old town won the council vote on Tuesday.</p>');
    expect(stdout).toContain('<a>a link</a> and <a href="https://example.com/more">another</a>');
    for (const gone of ['iso-8859-1', '<script', 'track()', 'more()', '<style', 'color:red', '<!--', 'onclick', 'javascript:', 'enable scripts']) expect(stdout).not.toContain(gone);
  });

  test('the output is byte-identical with 1 and 2 workers: JSONL.gz, folder, and error records', async () => {
    const dir = writeTree({ 'corpus.jsonl': mixedCorpus() });
    const [one, two] = [tempDir(), tempDir()];
    for (const [out, jobs] of [
      [one, '1'],
      [two, '2'],
    ]) {
      expect((await run(['clean', 'corpus.jsonl', '--out', join(out, 'c.jsonl.gz'), '--jobs', jobs, '--quiet'], { cwd: dir })).code).toBe(1);
      expect((await run(['clean', 'corpus.jsonl', '--out', join(out, 'folder'), '--jobs', jobs, '--quiet'], { cwd: dir })).code).toBe(1);
    }
    const [a, b] = [tree(one), tree(two)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, bytes] of a) expect({ name, same: bytes.equals(b.get(name)!) }).toEqual({ name, same: true });
    const records = lines(gunzipSync(a.get('c.jsonl.gz')!).toString('utf8'));
    expect(records).toHaveLength(116);
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 120 }, (_, i) => i).filter((i) => i % 29 !== 7).map((i) => `doc-${i}`));
    expect(lines(a.get('c.errors.jsonl')!.toString('utf8')).map((e) => e.source)).toEqual(['corpus.jsonl:8', 'corpus.jsonl:37', 'corpus.jsonl:66', 'corpus.jsonl:95']);
    expect(a.get('folder/errors.jsonl')!.equals(a.get('c.errors.jsonl')!)).toBe(true);
  });

  test('a run without errors removes an errors.jsonl left by an earlier run', async () => {
    const dir = writeTree({ 'ok.html': article(1) });
    const out = tempDir();
    writeFileSync(join(out, 'errors.jsonl'), '{"id":"old","source":"old","reason":"old"}\n');
    expect((await run(['clean', 'ok.html', '--out', out, '--quiet'], { cwd: dir })).code).toBe(0);
    expect(readdirSync(out)).toEqual(['ok.txt']);
  });

  test('refuses a JSONL output inside an input folder, or over an input file, and writes nothing', async () => {
    const dir = writeTree({ 'in/p.jsonl': jsonl([{ html: '<p>x</p>' }]) });
    const inside = await run(['clean', 'in', '--out', 'in/out.jsonl'], { cwd: dir });
    expect(inside).toMatchObject({ code: 2, stderr: expect.stringMatching(/inside the input in/) });
    const over = await run(['clean', 'in/p.jsonl', '--out', 'in/p.jsonl'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(readdirSync(join(dir, 'in'))).toEqual(['p.jsonl']);
    expect(readFileSync(join(dir, 'in', 'p.jsonl'), 'utf8')).toBe('{"html":"<p>x</p>"}\n');
  });

  test('usage errors of the batch options exit 2', async () => {
    const dir = writeTree({ 'p.jsonl': jsonl([{ html: '<p>x</p>' }]) });
    expect(await run(['clean', 'p.jsonl', '--jobs', '0'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unexpected --jobs 0, expected a whole number/) });
    expect(await run(['clean', 'p.jsonl', '--max-bytes', 'lots'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unexpected --max-bytes lots/) });
    expect(await run(['clean', 'p.jsonl', '--timeout', 'soon'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unexpected --timeout soon/) });
    expect(await run(['clean', 'p.jsonl', '--input-format', 'pdf'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown --input-format pdf/) });
    expect(await run(['clean', 'p.jsonl'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/Several documents need --out/) });
    expect(await run(['clean', 'p.jsonl', '--format', 'json', '--resume'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/--resume needs --out/) });
    expect(existsSync(join(dir, 'rules'))).toBe(false);
  });
});

describe('a streaming mapper: clean - --input-format jsonl --format jsonl', () => {
  test('reads JSON lines on stdin and writes one JSON line per record, in order, as --out FILE.jsonl writes them; a bad record is a line with its error', async () => {
    const corpus = mixedCorpus();
    const bin = join(ROOT, 'bin', 'winnow.js');
    const mapped = spawnSync(process.execPath, [bin, 'clean', '-', '--input-format', 'jsonl', '--format', 'jsonl', '--quiet', '--jobs', '2'], { input: corpus, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(mapped.status).toBe(1);
    const out = lines(mapped.stdout);
    const records = corpus.trim().split('\n');
    expect(out).toHaveLength(records.length);
    // The same lines a JSONL output holds (named by stdin instead of the file), and the failed records in their places.
    const dir = writeTree({ 'corpus.jsonl': corpus });
    const file = join(tempDir(), 'c.jsonl');
    await run(['clean', 'corpus.jsonl', '--out', file, '--quiet'], { cwd: dir });
    const written = lines(readFileSync(file, 'utf8')).map((r) => ({ ...r, source: r.source.replace('corpus.jsonl', '-') }));
    expect(out.filter((r) => r.error === undefined)).toEqual(written);
    records.forEach((record, i) => {
      if (record.startsWith('{"broken"')) expect(out[i]).toEqual({ id: `-:${i + 1}`, source: `-:${i + 1}`, error: expect.stringMatching(/^malformed JSON line/) });
      else expect(out[i].id).toBe(JSON.parse(record).id);
    });
  });

  test('--format jsonl is for stdout or FILE.jsonl, not a folder', async () => {
    const dir = writeTree({ 'p.jsonl': jsonl([{ id: 'a', html: '<p>Story.</p>' }]) });
    const { code, stderr } = await run(['clean', 'p.jsonl', '--format', 'jsonl', '--out', join(tempDir(), 'folder')], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('--format jsonl writes JSON lines to stdout or to --out FILE.jsonl, not to a folder');
  });
});
