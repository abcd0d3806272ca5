/**
 * The batch's write side: one run at a time per output. Written before the fix: two runs into one
 * `--out` shared `.winnow-run/` and its temporary file, and one of them could exit 0 with a file
 * holding another document's text.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { article } from './corpus-helpers.js';
import { ROOT, run, tempDir, writeTree } from './helpers.js';

const BIN = join(ROOT, 'bin', 'winnow.js');
const corpus = (n: number) => writeTree(Object.fromEntries(Array.from({ length: n }, (_, i) => [`page-${String(i).padStart(3, '0')}.html`, article(i)])));

describe('one run at a time per output', () => {
  test('a second run into an --out a live run holds is refused, exit 2, and writes nothing', async () => {
    const out = tempDir();
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(out, '.winnow-run.lock'), `${holder.pid}\n`);
      const { code, stderr } = await run(['clean', corpus(2), '--out', out]);
      expect(code).toBe(2);
      expect(stderr).toContain(`another winnow run (process ${holder.pid}) is writing to ${out}; wait for it to finish, or pick another --out`);
      expect(readdirSync(out)).toEqual(['.winnow-run.lock']);
    } finally {
      holder.kill();
    }
  });

  test('the lock of a run that died is taken over, and gone when the run ends', async () => {
    const out = tempDir();
    const gone = spawnSync('true');
    writeFileSync(join(out, '.winnow-run.lock'), `${gone.pid}\n`);
    const { code } = await run(['clean', corpus(2), '--out', out, '--quiet']);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['page-000.txt', 'page-001.txt']);
  });

  test('two real runs at once: the second is refused while the first finishes every document right', async () => {
    const input = corpus(400);
    const out = join(tempDir(), 'out');
    const first = spawn(process.execPath, [BIN, 'clean', input, '--out', out, '--jobs', '1', '--quiet']);
    const exited = new Promise<number>((resolve) => first.on('exit', (code) => resolve(code ?? -1)));
    const lock = join(out, '.winnow-run.lock');
    for (let waited = 0; !existsSync(lock) && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    const second = await run(['clean', input, '--out', out, '--quiet']);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/another winnow run \(process \d+\) is writing to/);
    expect(await exited).toBe(0);
    const written = readdirSync(out).sort();
    expect(written).toHaveLength(400);
    const alone = tempDir();
    expect((await run(['clean', input, '--out', alone, '--quiet'])).code).toBe(0);
    for (const name of written) expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(alone, name), 'utf8'));
  }, 60_000);
});

describe('inputs that map to one output name', () => {
  const errors = (out: string) =>
    readFileSync(join(out, 'errors.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { source: string; reason: string });

  test('page.html and page.txt: the first is written, the second is an error record, exit 1', async () => {
    const dir = writeTree({ 'page.html': article(1), 'page.txt': 'A plain text copy of the story, with words enough.\n' });
    const out = tempDir();
    const { code, stderr } = await run(['clean', dir, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/cleaned 1 document .* 1 failed/);
    expect(readFileSync(join(out, 'page.txt'), 'utf8')).toContain('Story 1');
    expect(errors(out)).toEqual([{ id: join(dir, 'page.txt'), source: join(dir, 'page.txt'), reason: `its output page.txt is already written for ${join(dir, 'page.html')}; rename one of the two inputs (or clean them into a JSONL file: --out FILE.jsonl)` }]);
  });

  test('x.html in two input folders, and an input folder named .winnow-run: never a silent overwrite', async () => {
    const one = writeTree({ 'x.html': article(1) });
    const two = writeTree({ 'x.html': article(2), '.winnow-run/y.html': article(3) });
    const out = tempDir();
    const { code } = await run(['clean', one, two, '--out', out, '--quiet']);
    expect(code).toBe(1);
    expect(readFileSync(join(out, 'x.txt'), 'utf8')).toContain('Story 1');
    expect(errors(out).map((e) => [e.source, e.reason.split(';')[0]])).toEqual([
      [join(two, '.winnow-run', 'y.html'), "its output name .winnow-run/y.txt falls in the run's state folder (.winnow-run)"],
      [join(two, 'x.html'), `its output x.txt is already written for ${join(one, 'x.html')}`],
    ]);
    expect(readdirSync(out).sort()).toEqual(['errors.jsonl', 'x.txt']);
  });
});

describe('inputs are never overwritten', () => {
  test('a quoted glob is checked against --out as its files are: refused, exit 2, inputs untouched', async () => {
    const dir = writeTree({ 'in/story.txt': 'The council met on Tuesday.\n', 'data.jsonl': '{"id":"a","text":"The council met on Tuesday."}\n' });
    const folder = await run(['clean', 'in/*.txt', '--out', 'in'], { cwd: dir });
    expect(folder).toMatchObject({ code: 2, stderr: expect.stringContaining('--out in holds the input in/story.txt') });
    const file = await run(['clean', '*.jsonl', '--out', 'data.jsonl'], { cwd: dir });
    expect(file).toMatchObject({ code: 2, stderr: expect.stringContaining('--out data.jsonl is the input data.jsonl') });
    expect(readFileSync(join(dir, 'in', 'story.txt'), 'utf8')).toBe('The council met on Tuesday.\n');
    expect(readFileSync(join(dir, 'data.jsonl'), 'utf8')).toBe('{"id":"a","text":"The council met on Tuesday."}\n');
  });

  test('--report naming an input, or a file inside an input folder, is refused before any work', async () => {
    const dir = writeTree({ 'in/page.html': article(1) });
    const before = readFileSync(join(dir, 'in', 'page.html'), 'utf8');
    for (const input of ['in', 'in/page.html']) {
      const { code, stderr } = await run(['clean', input, '--out', 'out', '--report', 'in/page.html'], { cwd: dir });
      expect(code).toBe(2);
      expect(stderr).toMatch(/--report in\/page\.html (is|lies inside) the input in/);
    }
    expect(readFileSync(join(dir, 'in', 'page.html'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('write errors', () => {
  test('an output name too long for the file system is an error record; the others are written, and --resume works', async () => {
    // 251 + ".txt" is the longest name most file systems take; ".html" makes its output one byte too long.
    const long = `${'a'.repeat(251)}.txt`;
    const dir = writeTree({ [long]: 'A story with a very long file name, and words enough.\n', 'short.txt': 'A story with a short name.\n' });
    const out = tempDir();
    const { code, stderr } = await run(['clean', dir, '--out', out, '--format', 'html']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/cleaned 1 document .* 1 failed/);
    expect(readdirSync(out).sort()).toEqual(['errors.jsonl', 'short.html']);
    expect(readFileSync(join(out, 'errors.jsonl'), 'utf8')).toContain(`cannot write its output ${'a'.repeat(251)}.html: ENAMETOOLONG (the file name is too long; clean it into a JSONL file: --out FILE.jsonl)`);
  });

  test('--out naming an existing file (not .jsonl) is a usage error, not a stack trace', async () => {
    const dir = writeTree({ 'notes.txt': 'my notes\n', 'page.txt': 'A story.\n' });
    const { code, stderr } = await run(['clean', 'page.txt', '--out', 'notes.txt'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('winnow: --out notes.txt is a file; pass a folder (one cleaned file per document) or FILE.jsonl (one JSON line per document)\n');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('my notes\n');
  });
});

describe('careless options', () => {
  test('an existing JSONL output is replaced, and the run says so first', async () => {
    const dir = writeTree({ 'page.txt': 'A story with words enough to keep.\n', 'old.jsonl': '{"id":"old"}\n' });
    const { code, stderr } = await run(['clean', 'page.txt', '--out', 'old.jsonl'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^winnow: old\.jsonl exists; this run replaces it when it finishes\n/);
    expect(readFileSync(join(dir, 'old.jsonl'), 'utf8')).toContain('"id":"page.txt"');
  });

  test('--jobs far beyond the cores is capped at two per core, and says so', async () => {
    const dir = writeTree({ 'a.txt': 'A story.\n', 'b.txt': 'Another story.\n' });
    const { code, stderr } = await run(['clean', dir, '--out', join(tempDir(), 'out'), '--jobs', '64', '--quiet']);
    expect(code).toBe(0);
    const cores = (await import('node:os')).availableParallelism();
    expect(stderr).toBe(`winnow: --jobs 64 is more than 2 per core on ${cores} cores; using ${2 * cores} workers (more would only add memory)\n`);
  });
});

describe('a full disk', () => {
  // A small file system of its own to fill: a tmpfs, which needs root (and is skipped, saying so, without it).
  const mountPoint = tempDir();
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint]).status === 0;
  if (!mounted) console.warn('batch-writes.test.ts: the full-disk test is skipped: a small tmpfs cannot be mounted here (it needs root)');
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
  });

  (mounted ? test : test.skip)('stops the run with a clear message (exit 1), and --resume finishes it once there is room', async () => {
    const input = corpus(400);
    const out = join(mountPoint, 'out.jsonl');
    const args = ['clean', input, '--out', out, '--format', 'json', '--jobs', '1', '--quiet'];
    const full = await run(args);
    expect(full.code).toBe(1);
    expect(full.stderr).toContain(`winnow: the disk holding ${out} is full (ENOSPC); what was cleaned up to the last checkpoint is kept: free some space and run the same command with --resume to carry on`);
    expect(spawnSync('mount', ['-o', 'remount,size=64m', mountPoint]).status).toBe(0);
    const resumed = await run([...args, '--resume']);
    expect(resumed.code).toBe(0);
    const alone = join(tempDir(), 'alone.jsonl');
    expect((await run(['clean', input, '--out', alone, '--format', 'json', '--jobs', '1', '--quiet'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(alone, 'utf8'));
  }, 60_000);
});
