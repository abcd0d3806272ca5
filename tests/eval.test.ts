/**
 * `winnow eval`: scores agree with the reference scorer (shared/tools/score.mjs) to 1e-9, against
 * its figures recorded in tests/fixtures/reference-scores (bench/reference-scores.ts records and
 * rechecks them); clean mode scores exactly what `winnow clean` writes; gold lookup; per-rule
 * false removals and ablation.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from '../src/kernel/clean.js';
import { evaluate, type EvalResult } from '../src/eval/evaluate.js';
import { GoldFinder } from '../src/io/sources/gold.js';
import { evalProgress } from '../src/cli/eval.js';
import { macroAverage, scoreText } from '../src/eval/score.js';
import { CORPUS, ROOT, rulesFrom, run, tempDir, writeTree } from './helpers.js';

const SAMPLE = join(ROOT, 'tests', 'fixtures', 'dragnet-sample');
const RECORDED = join(ROOT, 'tests', 'fixtures', 'reference-scores');
const PREDICTIONS = join(RECORDED, 'predictions');
const TOLERANCE = 1e-9;

interface Overlap { precision: number; recall: number; f1: number }
interface ReferencePair { words: Overlap; shingles: Overlap }
interface ReferenceCorpus extends ReferencePair { docs: number; missing: number; words: Overlap & { f1OfMeans: number }; shingles: Overlap & { f1OfMeans: number }; perDoc: Array<ReferencePair & { name: string }> }
interface Recorded {
  pairs: Array<ReferencePair & { pair: [string, string] }>;
  seeds: Record<string, ReferencePair>;
  dragnet: ReferenceCorpus;
  partial: ReferenceCorpus;
}

const recorded: Recorded = JSON.parse(readFileSync(join(RECORDED, 'reference.json'), 'utf8'));

function expectClose(actual: Overlap, expected: Overlap) {
  for (const k of ['precision', 'recall', 'f1'] as const) expect(Math.abs(actual[k] - expected[k])).toBeLessThanOrEqual(TOLERANCE);
}

async function evalJson(args: string[]): Promise<EvalResult> {
  const { code, stdout, stderr } = await run(['eval', ...args, '--format', 'json']);
  if (code !== 0) throw new Error(stderr);
  return JSON.parse(stdout);
}

describe('agreement with shared/tools/score.mjs (its recorded figures)', () => {
  test('edge cases: empty texts, fewer than four words, repeated words, case and punctuation', () => {
    expect(recorded.pairs).toHaveLength(9);
    for (const { pair: [p, g], words, shingles } of recorded.pairs) {
      const ours = scoreText(p, g);
      expect(ours).toEqual({ words, shingles });
    }
  });

  test('seeds: each cleaned seed scores as score.mjs scored it, and the corpus scores F1 1.000', async () => {
    const result = await evalJson(['corpus/']);
    expect(result.mode).toBe('clean');
    expect(result.documents).toHaveLength(2);
    for (const doc of result.documents) {
      const expected = recorded.seeds[doc.id.replace(/^corpus\//, '').replace(/\.txt$/, '')];
      expectClose(doc.words, expected.words);
      expectClose(doc.shingles, expected.shingles);
    }
    expect(result.macro.words.f1).toBe(1);
    expect(result.macro.shingles.f1).toBe(1);
    const scored = await evalJson([join(PREDICTIONS, 'seeds'), '--gold', 'corpus/']);
    for (const doc of scored.documents) expectClose(doc.words, recorded.seeds[doc.id.replace(/^.*seeds\//, '').replace(/\.txt$/, '')].words);
    const text = await run(['eval', 'corpus/']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^words\s+1\.000\s+1\.000\s+1\.000\s+1\.000$/m);
    expect(text.stdout).toMatch(/^shingles\s+1\.000\s+1\.000\s+1\.000\s+1\.000$/m);
  });

  test('Dragnet sample: per document and macro, scored from a cleaned folder', async () => {
    const expected = recorded.dragnet;
    expect(expected.docs).toBe(20);
    expect(expected.missing).toBe(0);
    const result = await evalJson([join(PREDICTIONS, 'dragnet'), '--gold', join(SAMPLE, 'gold')]);
    expect(result.mode).toBe('score');
    expect(result.documents).toHaveLength(20);
    for (const doc of expected.perDoc) {
      const ours = result.documents.find((d) => d.gold.endsWith(join('gold', doc.name)))!;
      expectClose(ours.words, doc.words);
      expectClose(ours.shingles, doc.shingles);
    }
    for (const metric of ['words', 'shingles'] as const) {
      expectClose(result.macro[metric], expected[metric]);
      expect(Math.abs(result.macro[metric].f1OfMeans - expected[metric].f1OfMeans)).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  test('clean mode scores exactly what winnow clean writes', async () => {
    const cleaned = tempDir();
    expect((await run(['clean', join(SAMPLE, 'html'), '--out', cleaned, '--quiet'])).code).toBe(0);
    const inMemory = await evalJson([join(SAMPLE, 'html'), '--gold', join(SAMPLE, 'gold'), '--no-ablation']);
    const fromFolder = await evalJson([cleaned, '--gold', join(SAMPLE, 'gold')]);
    expect(inMemory.mode).toBe('clean');
    expect(fromFolder.mode).toBe('score');
    expect(inMemory.documents).toHaveLength(20);
    for (const doc of fromFolder.documents) {
      const ours = inMemory.documents.find((d) => d.gold === doc.gold)!;
      expect(ours.words).toEqual(doc.words);
      expect(ours.shingles).toEqual(doc.shingles);
    }
    expect(inMemory.macro).toEqual(fromFolder.macro);
  });

  test('a gold text without its cleaned file counts as an empty prediction, as score.mjs counts it', async () => {
    const expected = recorded.partial;
    const ours = await evalJson([join(PREDICTIONS, 'partial'), '--gold', join(SAMPLE, 'gold')]);
    expect(ours.documents).toHaveLength(20);
    expect(ours.documents.filter((d) => d.missingPrediction)).toHaveLength(18);
    expect(expected.missing).toBe(18);
    expectClose(ours.macro.words, expected.words);
    expectClose(ours.macro.shingles, expected.shingles);
  });
});

describe('gold lookup', () => {
  test('beside the document, in a corpus folder (name.gold.txt), or in a folder of gold texts (name.txt)', () => {
    const dir = writeTree({
      'corpus/a/x.txt': 'raw', 'corpus/a/x.gold.txt': 'gold x',
      'goldtexts/y.txt': 'gold y',
      'docs/y.html': '<p>y</p>', 'docs/sub/y.html': '<p>y</p>',
    });
    const beside = new GoldFinder();
    expect(beside.find(join(dir, 'corpus/a/x.txt'), 'a/x.txt')).toBe(join(dir, 'corpus/a/x.gold.txt'));
    expect(beside.find(join(dir, 'docs/y.html'), 'y.html')).toBeUndefined();
    const corpus = new GoldFinder(join(dir, 'corpus'));
    expect(corpus.corpusLayout).toBe(true);
    // A cleaned copy of corpus/a/x.txt finds corpus/a/x.gold.txt, never the raw corpus/a/x.txt.
    expect(corpus.find(join(dir, 'cleaned/a/x.txt'), 'a/x.txt')).toBe(join(dir, 'corpus/a/x.gold.txt'));
    const plain = new GoldFinder(join(dir, 'goldtexts'));
    expect(plain.corpusLayout).toBe(false);
    expect(plain.find(join(dir, 'docs/y.html'), 'y.html')).toBe(join(dir, 'goldtexts/y.txt'));
    expect(plain.find(join(dir, 'docs/sub/y.html'), 'sub/y.html')).toBe(join(dir, 'goldtexts/y.txt'));
  });

  test('documents without gold are listed and not scored; no gold at all exits 1', async () => {
    const dir = writeTree({ 'a.html': '<p>Text</p>', 'b.html': '<p>Other</p>', 'gold/a.txt': 'Text' });
    const ok = await run(['eval', join(dir, 'a.html'), join(dir, 'b.html'), '--gold', join(dir, 'gold')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/No gold text for 1 document \(not scored\): .*b\.html/);
    const none = await run(['eval', join(dir, 'b.html')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no document had gold text; put name\.gold\.txt beside each document or pass --gold DIR/);
    expect(await run(['eval', dir, '--gold', join(dir, 'nope')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--gold .*nope is not a folder/) });
    expect(await run(['eval', dir, '--mode', 'guess'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown --mode guess; expected auto, clean or score/) });
  });
});

describe('per-rule costs', () => {
  const rules = rulesFrom({
    default: `outlet: default
rules:
  - id: ad
    text: [ADVERTISEMENT]
  - id: greedy-rail
    drop: rest
    pattern: '^Related'
  - id: quotes
    pattern: '^"'
`,
  });
  // The story goes on after "Related coverage" and has a quotation the quotes rule wrongly takes.
  const doc = 'Headline of the story\n\nFirst paragraph of the story.\n\nADVERTISEMENT\n\n"A quoted sentence that belongs to the story," she said.\n\nRelated coverage continues the story with real text.\n\nLast paragraph of the story.\n';
  const gold = 'Headline of the story\n\nFirst paragraph of the story.\n\n"A quoted sentence that belongs to the story," she said.\n\nRelated coverage continues the story with real text.\n\nLast paragraph of the story.\n';

  function evaluated() {
    const dir = writeTree({ 'doc.txt': doc, 'doc.gold.txt': gold });
    return evaluate(
      [{ id: 'doc.txt', source: 'doc.txt', path: join(dir, 'doc.txt'), relativePath: 'doc.txt', input: { content: doc, path: 'doc.txt' }, warnings: [] }],
      { mode: 'clean', gold: new GoldFinder(), ruleSet: rules },
    );
  }

  test('false removals are removed words the gold holds; a rule that removed only boilerplate has precision 1', () => {
    const result = evaluated();
    const byKey = Object.fromEntries(result.rules.map((r) => [r.key, r]));
    expect(byKey['default/ad']).toMatchObject({ wordsRemoved: 1, falseRemovals: 0, precision: 1 });
    expect(byKey['default/quotes']).toMatchObject({ wordsRemoved: 10, falseRemovals: 10, precision: 0 });
    expect(byKey['default/greedy-rail']).toMatchObject({ wordsRemoved: 13, falseRemovals: 13, precision: 0 });
  });

  test('ablation: the corpus F1 without each rule is that of cleaning again without it', () => {
    const result = evaluated();
    const byKey = Object.fromEntries(result.rules.map((r) => [r.key, r]));
    for (const key of ['default/ad', 'default/quotes', 'default/greedy-rail']) {
      const id = key.split('/')[1];
      const off = rulesFrom({ default: `outlet: default\nrules:\n${rulesYaml.filter((r) => r.id !== id).map((r) => r.yaml).join('')}` });
      const expected = macroAverage([scoreText(clean(doc, { rules: off }).text, gold)]);
      expect(byKey[key].without!.words).toBeCloseTo(expected.words.f1, 12);
      expect(byKey[key].without!.shingles).toBeCloseTo(expected.shingles.f1, 12);
    }
    // The rules that hurt come first: switching them off raises F1.
    expect(result.rules[0].without!.deltaWords).toBeGreaterThan(0);
    expect(byKey['default/ad'].without!.deltaWords).toBeLessThan(0);
  });

  const rulesYaml = [
    { id: 'ad', yaml: '  - id: ad\n    text: [ADVERTISEMENT]\n' },
    { id: 'greedy-rail', yaml: "  - id: greedy-rail\n    drop: rest\n    pattern: '^Related'\n" },
    { id: 'quotes', yaml: "  - id: quotes\n    pattern: '^\"'\n" },
  ];

  test('the text output ranks rules with their false removals, precision and F1 without them', async () => {
    const dir = writeTree({ 'doc.txt': doc, 'doc.gold.txt': gold, 'rules/default.yaml': `outlet: default\nrules:\n${rulesYaml.map((r) => r.yaml).join('')}` });
    const { code, stdout } = await run(['eval', 'doc.txt', '--rules', 'rules'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^winnow eval: 1 document, cleaned in memory with the rules in rules\/ \(mode clean\)$/m);
    expect(stdout).toMatch(/^default\/greedy-rail\s+1\s+13\s+13\s+0\.000\s+\d\.\d{3}\s+\+0\.\d{4}\s+\+0\.\d{4}\s+rules\/default\.yaml:5$/m);
    expect(stdout).toMatch(/^default\/ad\s+1\s+1\s+0\s+1\.000\s/m);
  });
});

test('cleaned text written by winnow clean and scored from its folder keeps each seed at F1 1', async () => {
  const out = tempDir();
  expect((await run(['clean', 'corpus/', '--out', out, '--quiet'])).code).toBe(0);
  writeFileSync(join(out, 'notes.md'), 'not a document');
  const result = await evalJson([out, '--gold', 'corpus/']);
  expect(result.mode).toBe('score');
  expect(result.documents.map((d) => d.words.f1)).toEqual([1, 1]);
});

test('eval: a document a rule hangs on fails at --timeout; the others are scored', async () => {
  const rules = writeTree({ 'default.yaml': "outlet: default\nrules:\n  - id: slow\n    pattern: '^(a|aa)+$'\n" });
  const dir = writeTree({
    'hang.txt': `${'a'.repeat(60)}!\n`,
    'hang.gold.txt': 'whatever\n',
    'fine.txt': 'A fine story.\n',
    'fine.gold.txt': 'A fine story.\n',
  });
  const { code, stdout, stderr } = await run(['eval', dir, '--rules', rules, '--timeout', '1', '--format', 'json']);
  expect(code).toBe(1);
  expect(stderr).toContain('hang.txt: timed out after 1 s (--timeout)');
  const result = JSON.parse(stdout) as { documents: Array<{ id: string }>; failed: Array<{ id: string; error: string }> };
  expect(result.documents.map((d) => d.id)).toEqual([join(dir, 'fine.txt')]);
}, 30_000);

describe('progress of a long eval', () => {
  const clock = () => {
    let t = 0;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  test('a terminal gets one line, redrawn, ending with done', () => {
    let err = '';
    const c = clock();
    const progress = evalProgress({ stderr: { write: (s: string) => (err += s), isTTY: true } }, c.now);
    progress(0, 4);
    c.advance(1000);
    progress(1, 4);
    c.advance(100);
    progress(2, 4);
    c.advance(1000);
    progress(4, 4);
    expect(err).toBe('\rwinnow eval: 1/4 documents, 1.0/s, about 3s left\u001b[K\rwinnow eval: 4/4 documents, 1.9/s, done\u001b[K\n');
  });

  test('a log gets a line every 10 s, and a run shorter than that nothing', () => {
    let err = '';
    const c = clock();
    const progress = evalProgress({ stderr: { write: (s: string) => (err += s) } }, c.now);
    progress(0, 100);
    c.advance(5000);
    progress(50, 100);
    expect(err).toBe('');
    c.advance(5000);
    progress(60, 100);
    c.advance(4000);
    progress(100, 100);
    expect(err).toBe('winnow eval: 60/100 documents, 6.0/s, about 7s left\nwinnow eval: 100/100 documents, 7.1/s, done\n');
    let quiet = '';
    const short = evalProgress({ stderr: { write: (s: string) => (quiet += s) } }, c.now);
    short(0, 2);
    short(2, 2);
    expect(quiet).toBe('');
  });
});

