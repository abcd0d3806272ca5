/** Removal reports: accounting invariants, the schema, warnings, bounds, and `winnow report`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clean, type CleanResult } from '../src/kernel/clean.js';
import { execute } from '../src/cli/main.js';
import { ReportBuilder } from '../src/report/builder.js';
import { renderHtml } from '../src/report/formats/html.js';
import { renderTable } from '../src/report/formats/table.js';
import { reportProblems } from '../src/report/load.js';
import { REPORT_SCHEMA } from '../src/report/schema.js';
import type { Report } from '../src/report/types.js';
import { groupTitle, groupWarnings } from '../src/report/warning-groups.js';
import { CORPUS, ROOT, documentsUnder, projectRules, rulesFrom, run, tempDir } from './helpers.js';

/** Clean the bundled corpus through the CLI with --report and read the report back. */
async function corpusReport(): Promise<{ report: Report; path: string; dir: string }> {
  const dir = tempDir();
  const path = join(dir, 'report.json');
  const { code } = await run(['clean', 'corpus/', '--out', join(dir, 'cleaned'), '--report', path, '--quiet']);
  expect(code).toBe(0);
  return { report: JSON.parse(readFileSync(path, 'utf8')), path, dir };
}

async function cleanCorpus(): Promise<CleanResult[]> {
  const rules = projectRules();
  return (await documentsUnder(CORPUS)).map((doc) => clean({ ...doc.input!, id: doc.id }, { rules }));
}

describe('report accounting', () => {
  test('per-rule words add up to words removed per document, per outlet and overall, and to words in minus words out', async () => {
    const { report } = await corpusReport();
    expect(report.documents).toHaveLength(2);
    for (const doc of report.documents) {
      const byRules = Object.values(doc.rules).reduce((a, b) => a + b, 0);
      expect(byRules).toBe(doc.wordsRemoved);
      expect(doc.wordsRemoved).toBe(doc.wordsIn - doc.wordsOut);
    }
    const ruleWords = report.rules.reduce((n, r) => n + r.words, 0);
    expect(ruleWords).toBe(report.totals.wordsRemoved);
    expect(report.totals.wordsRemoved).toBe(report.totals.wordsIn - report.totals.wordsOut);
    expect(report.totals).toMatchObject({ documents: 2, wordsIn: 2854, wordsOut: 974 });
    for (const outlet of report.outlets) {
      const inOutlet = report.rules.flatMap((r) => r.byOutlet.filter((b) => b.outlet === outlet.outlet)).reduce((n, b) => n + b.words, 0);
      expect(inOutlet).toBe(outlet.wordsRemoved);
    }
    const shares = report.rules.reduce((n, r) => n + r.shareOfRemovedWords, 0);
    expect(shares).toBeCloseTo(1, 12);
  });

  test('the output files hold exactly the words the report says were kept', async () => {
    const { report, dir } = await corpusReport();
    const words = (s: string) => s.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;
    const lbc = readFileSync(join(dir, 'cleaned', 'lbc', 'lbc-2024-12-19.txt'), 'utf8');
    expect(report.documents.find((d) => d.outlet === 'lbc')!.wordsOut).toBe(words(lbc));
  });

  test('a real report validates against the published JSON Schema, and a broken one does not', async () => {
    const { report } = await corpusReport();
    expect(report.schemaVersion).toBe(1);
    expect(reportProblems(report)).toEqual([]);
    const broken = { ...report, totals: { ...report.totals, wordsIn: -1 } };
    expect(reportProblems(broken).join('\n')).toMatch(/totals\/wordsIn/);
  });

  test('rules carry kind, origin file:line and examples; every rule of the outlets seen is listed', async () => {
    const { report } = await corpusReport();
    const readMore = report.rules.find((r) => r.key === 'lbc/read-more')!;
    expect(readMore).toMatchObject({ outlet: 'lbc', id: 'read-more', kind: 'pattern', documentsHit: 1, documentsApplied: 1, blocks: 1, words: 20 });
    expect(readMore.origin).toEqual({ file: join('rules', 'outlets', 'lbc.yaml'), line: 24, column: 5 });
    expect(readMore.examples[0].text).toMatch(/^Read more: /);
    const ad = report.rules.find((r) => r.key === 'default/advertisement-marker')!;
    expect(ad.appliedIn).toEqual(['lbc', 'telegraph']);
    expect(ad.documentsApplied).toBe(2);
    expect(ad.byOutlet).toEqual([{ outlet: 'telegraph', documentsHit: 1, blocks: 3, chars: 39, words: 3 }]);
    expect(report.totals.rules).toBe(46);
  });

  test('document detail rebuilds every block: kept text and each removed span with its rule', async () => {
    const [lbc, telegraph] = await cleanCorpus();
    const builder = new ReportBuilder({ ruleSet: projectRules() });
    builder.add(lbc);
    builder.add(telegraph);
    const report = builder.build();
    for (const [result, detail] of [[lbc, report.details[0]], [telegraph, report.details[1]]] as const) {
      expect(detail.blocks).toHaveLength(result.stats.blocksIn);
      const kept = detail.blocks.flatMap((b) => b.filter((s) => s.rule === undefined).map((s) => s.text));
      expect(`${kept.join('\n\n')}\n`).toBe(result.text);
      const removedWords = detail.blocks.flat().filter((s) => s.rule).reduce((n, s) => n + (s.text.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0), 0);
      expect(removedWords).toBe(result.stats.wordsRemoved);
    }
    // The strip rule cut the date prefix off the telegraph headline: both parts are there.
    const headline = report.details[1].blocks[0];
    expect(headline[0]).toMatchObject({ rule: 'telegraph/syndication-date', partial: true, text: expect.stringMatching(/^date 2024-12-19/) });
    expect(headline[1].rule).toBeUndefined();
  });
});

describe('report warnings', () => {
  const rules = rulesFrom({
    default: `outlet: default
rules:
  - id: ad
    text: [ADVERTISEMENT]
  - id: rail
    drop: rest
    text: [More news]
  - id: stale
    text: [Subscribe to our newsletter]
`,
  });
  const story = (n: number) => Array.from({ length: n }, (_, i) => `Sentence number ${i} of the story has seven words.`).join('\n\n');
  const docs = [
    { id: 'long.txt', content: `${story(20)}\n\nADVERTISEMENT\n\n${story(5)}\n` },
    { id: 'railed.txt', content: `${story(2)}\n\nMore news\n\n${story(30)}\n` },
  ];

  test('never-fired rules, over-removal and a rule taking most of a document are reported with named thresholds', () => {
    const builder = new ReportBuilder({ ruleSet: rules });
    for (const doc of docs) builder.add(clean(doc, { rules }));
    const report = builder.build();
    expect(report.warningCounts).toEqual({ 'never-fired': 1, 'over-removal': 1, 'rule-dominance': 1 });
    expect(report.warnings.map((w) => [w.type, w.rule ?? w.document])).toEqual([
      ['never-fired', 'default/stale'],
      ['over-removal', 'railed.txt'],
      ['rule-dominance', 'default/rail'],
    ]);
    expect(report.warnings[0].message).toMatch(/default\/stale \(.*default\.yaml:8\) never fired in the 2 documents it applied to/);
    expect(report.documents.find((d) => d.id === 'railed.txt')!.warnings).toEqual(['over-removal', 'rule-dominance']);
    expect(report.totals).toMatchObject({ rules: 3, rulesFired: 2, rulesNeverFired: 1 });
  });

  test('warnings are read in groups: by kind, and by rule for rule dominance, with counts; the page links each to its text', () => {
    const railed = (i: number) => ({ id: `railed-${i}.txt`, content: `${story(2)}\n\nMore news\n\n${story(30)}\n` });
    const builder = new ReportBuilder({ ruleSet: rules });
    for (let i = 0; i < 8; i++) builder.add(clean(railed(i), { rules }));
    const report = builder.build();
    const groups = groupWarnings(report.warnings);
    expect(groups.map((g) => [groupTitle(g), g.warnings.length])).toEqual([
      ['never-fired: 2 rules', 2],
      ['rule-dominance of default/rail: 8 documents', 8],
      ['over-removal: 8 documents', 8],
    ]);
    const table = renderTable(report, { color: false });
    expect(table).toContain('  over-removal: 8 documents\n    railed-0.txt: ');
    expect(table).toContain('    and 3 more (--format json or --format html lists them all)');
    const html = renderHtml(report);
    expect(html.match(/<details class="warning-group"/g)).toHaveLength(3);
    expect(html).toContain('<summary><b>rule-dominance</b>default/rail: 8 documents</summary>');
    expect(html).toMatch(/railed-0\.txt: [^<]*<a href="#doc-\d+">text<\/a><\/li>/);
  });

  test("a document's row and text link to the page it came from", () => {
    const builder = new ReportBuilder({ ruleSet: rules });
    builder.add(clean({ ...docs[0], url: 'https://news.example/story' }, { rules }));
    const report = builder.build();
    expect(report.documents[0].url).toBe('https://news.example/story');
    expect(report.details[0].url).toBe('https://news.example/story');
    expect(renderHtml(report).match(/<a class="source" href="https:\/\/news\.example\/story" rel="noreferrer noopener" target="_blank">source<\/a>/g)).toHaveLength(2);
  });

  test('thresholds are options: raising them silences the warnings', () => {
    const builder = new ReportBuilder({ ruleSet: rules, maxRemovedShare: 0.99, minWordsKept: 5, ruleDominanceShare: 0.99 });
    for (const doc of docs) builder.add(clean(doc, { rules }));
    expect(builder.build().warningCounts).toEqual({ 'never-fired': 1, 'over-removal': 0, 'rule-dominance': 0 });
    expect(() => new ReportBuilder({ maxRemovedShare: 2 })).toThrow(/Unexpected maxRemovedShare 2, expected a share between 0 and 1/);
  });
});

describe('rules that remove nothing, and stale content rules', () => {
  const rules = rulesFrom({
    default: 'outlet: default\nrules:\n  - id: json-ld\n    metadata: json-ld\n  - id: open-graph\n    metadata: open-graph\n',
    citynews: 'outlet: citynews\nmatch:\n  hosts: [citynews.example]\nrules:\n  - id: story\n    content: .story-body\n',
  });
  const ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Library to close", "datePublished": "2024-12-19T06:11:00Z"}</script>';
  const prose = 'The council voted on Tuesday to close the library, after months of talks with residents, traders and the transport authority.';
  const page = (cls: string) => `<html><head>${ld}</head><body><nav><a href="/">Home</a></nav><div class="${cls}"><p>${prose}</p></div></body></html>`;

  test('a metadata rule that gave a document its fields fired; one that gave none never fired; a stale content rule counts in the warnings', () => {
    const builder = new ReportBuilder({ ruleSet: rules });
    builder.add(clean({ content: page('story-body'), url: 'https://citynews.example/a', id: 'a' }, { rules }));
    builder.add(clean({ content: page('redesigned'), url: 'https://citynews.example/b', id: 'b' }, { rules }));
    const report = builder.build();
    expect(report.rules.find((r) => r.key === 'default/json-ld')).toMatchObject({ documentsHit: 0, documentsWithFields: 2 });
    const ruleWarnings = report.warnings.filter((w) => w.rule !== undefined);
    expect(ruleWarnings.map((w) => [w.type, w.rule])).toEqual([
      ['never-fired', 'default/open-graph'],
      ['stale', 'citynews/story'],
    ]);
    expect(ruleWarnings[1].message).toMatch(/found no article in 1 of the 2 documents it applied to; the defaults cleaned it/);
    expect(renderTable(report)).toMatch(/Warnings \(\d+: 1 never fired, \d+ over-removal, 0 rule dominance, 1 stale\)/);
    expect(reportProblems(report)).toEqual([]);
  });
});

describe('rule dominance and the article finder', () => {
  const rules = rulesFrom({ default: 'outlet: default\nrules:\n  - id: main-content\n    main-content: true\n  - id: rail\n    drop: rest\n    text: [More news]\n' });
  const paragraph = (i: number) => `<p>Paragraph ${i} of the story, which the council approved on Tuesday, runs to about twenty words in all, as stories do.</p>`;
  const links = Array.from({ length: 60 }, (_, i) => `<li><a href="/s/${i}">Another story from the archive, number ${i}</a></li>`).join('');
  const page = `<html><head><title>Council story</title></head><body><ul class="sidebar">${links}</ul>` +
    `<article>${Array.from({ length: 6 }, (_, i) => paragraph(i)).join('')}</article></body></html>`;

  test('a page-level article finder taking most of a web page is not flagged; a rule of another kind doing so is', () => {
    const builder = new ReportBuilder({ ruleSet: rules });
    const result = clean({ id: 'page.html', content: page, type: 'html' }, { rules });
    const byMainContent = result.removals.filter((r) => r.rule === 'main-content').reduce((n, r) => n + r.words, 0);
    expect(byMainContent / result.stats.wordsIn).toBeGreaterThan(0.5);
    builder.add(result);
    const story = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} of the story has seven words.`).join('\n\n');
    builder.add(clean({ id: 'railed.txt', content: `Lead line of the story here.\n\nMore news\n\n${story}\n` }, { rules }));
    const report = builder.build();
    expect(report.warnings.filter((w) => w.type === 'rule-dominance').map((w) => [w.rule, w.document])).toEqual([['default/rail', 'railed.txt']]);
  });
});

describe('report thresholds on the command line', () => {
  test('--warn-rule, --warn-removed and --warn-kept set the report warnings of winnow clean', async () => {
    const dir = tempDir();
    const reportOf = async (...flags: string[]) => {
      const path = join(dir, `report-${flags.join('')}.json`);
      const { code } = await run(['clean', 'corpus/', '--out', join(dir, `out-${flags.join('')}`), '--report', path, '--quiet', ...flags]);
      expect(code).toBe(0);
      return JSON.parse(readFileSync(path, 'utf8')) as Report;
    };
    // The telegraph rail takes 65.4% of its article (see the default-threshold test above).
    expect((await reportOf()).warningCounts['rule-dominance']).toBe(1);
    expect((await reportOf('--warn-rule', '0.7')).warningCounts['rule-dominance']).toBe(0);
    const strict = await reportOf('--warn-removed', '0.1', '--warn-kept', '2000');
    expect(strict.warningCounts['over-removal']).toBe(2);
    expect(strict.settings).toMatchObject({ maxRemovedShare: 0.1, minWordsKept: 2000, ruleDominanceShare: 0.5 });
    // --report-texts: how many documents' texts the report keeps for its page.
    expect((await reportOf()).details).toHaveLength(2);
    const one = await reportOf('--report-texts', '1');
    expect(one.details).toHaveLength(1);
    expect(one.detailsOmitted).toBe(1);
    expect(one.settings).toMatchObject({ maxDocumentDetails: 1 });
  });

  test('a bad threshold, or one without --report, is a usage error that says what to write', async () => {
    const bad = await run(['clean', 'corpus/', '--report', join(tempDir(), 'r.json'), '--warn-rule', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unexpected --warn-rule 1\.5, expected a share between 0 and 1/);
    const lonely = await run(['clean', 'corpus/', '--out', join(tempDir(), 'o'), '--warn-kept', '10']);
    expect(lonely.code).toBe(2);
    expect(lonely.stderr).toMatch(/add --report FILE/);
    const texts = await run(['clean', 'corpus/', '--report', join(tempDir(), 'r.json'), '--report-texts', 'all']);
    expect(texts).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unexpected --report-texts all, expected a whole number of documents/) });
  });
});

describe('report bounds', () => {
  const rules = rulesFrom({ default: 'outlet: default\nrules:\n  - id: ad\n    pattern: "^AD "\n' });

  test('examples, document rows, details and warnings stay within their caps; omissions are counted', () => {
    const builder = new ReportBuilder({ ruleSet: rules, maxExamples: 2, exampleChars: 20, maxDocuments: 10, maxDocumentDetails: 3, maxWarnings: 4, minWordsKept: 0, ruleDominanceShare: 0.95 });
    for (let i = 0; i < 200; i++) {
      const flagged = i % 50 === 7;
      const body = flagged ? 'kept' : 'This paragraph of the story stays where it is.';
      builder.add(clean({ id: `doc-${i}`, content: `${body}\n\nAD number ${i} with a long tail of words after it\n` }, { rules }));
    }
    const report = builder.build();
    expect(report.totals.documents).toBe(200);
    expect(report.rules[0].documentsHit).toBe(200);
    expect(report.rules[0].examples).toHaveLength(2);
    for (const e of report.rules[0].examples) {
      expect(e.text.length).toBeLessThanOrEqual(20);
      expect(e).toMatchObject({ truncated: true, text: expect.stringMatching(/…$/) });
    }
    expect(report.documents).toHaveLength(10);
    expect(report.documentsOmitted).toBe(190);
    // Documents with warnings are kept first, in input order.
    expect(report.documents.filter((d) => d.warnings).map((d) => d.id)).toEqual(['doc-7', 'doc-57', 'doc-107', 'doc-157']);
    expect(report.details.map((d) => d.id)).toEqual(['doc-7', 'doc-57', 'doc-107']);
    expect(report.detailsOmitted).toBe(197);
    expect(report.warningCounts).toEqual({ 'never-fired': 0, 'over-removal': 4, 'rule-dominance': 0 });
    expect(report.warnings).toHaveLength(4);
  });

  test('the report of 2,000 documents is no bigger than that of 200: every list in it is capped', () => {
    const size = (n: number) => {
      // Every document is flagged (fewer than 50 words kept), so the warnings cap is exercised too.
      const builder = new ReportBuilder({ ruleSet: rules, maxDocuments: 50, maxDocumentDetails: 5, maxWarnings: 20 });
      for (let i = 0; i < n; i++) builder.add(clean({ id: `d${i}`, content: `Story text number ${i % 10}.\n\nAD ${i}\n` }, { rules }));
      return JSON.stringify(builder.build()).length;
    };
    const small = size(200);
    const large = size(2000);
    expect(large).toBeLessThan(small * 1.02);
  });
});

describe('winnow report', () => {
  test('prints aligned tables without colour when not on a terminal', async () => {
    const { path } = await corpusReport();
    const { code, stdout } = await run(['report', path]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\u001b\[/);
    expect(stdout).toMatch(/^2 documents \(lbc, telegraph\), 2,854 -> 974 words, 65\.9% removed by 14 of 46 rules/);
    const lines = stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('rule '));
    const rows = lines.slice(header, header + 13);
    const wordsEnd = rows[0].indexOf('words') + 'words'.length;
    for (const row of rows.slice(1)) expect(row.slice(wordsEnd - 1, wordsEnd)).toMatch(/\d/);
    expect(rows[1]).toMatch(/^telegraph\/latest-stories-rail\s+rest\s+1\/1\s+41\s+1,235\s+43\.3%\s+65\.7%\s+rules\/outlets\/telegraph\.yaml:\d+$/);
    expect(stdout).toMatch(/\n  rule-dominance of telegraph\/latest-stories-rail: 1 document\n    .*telegraph\/latest-stories-rail took 65\.4% of the 1,887 words/);
  });

  test('colours only a terminal, and not when NO_COLOR is set', async () => {
    const { path } = await corpusReport();
    const capture = async (isTTY: boolean, env: Record<string, string>) => {
      let out = '';
      await execute(['report', path], { stdout: { write: (s: string) => (out += s), isTTY }, stderr: { write: () => true }, readStdin: () => '', cwd: ROOT, env });
      return out;
    };
    expect(await capture(true, {})).toMatch(/\u001b\[1mRules\u001b\[22m/);
    expect(await capture(true, { NO_COLOR: '1' })).not.toMatch(/\u001b\[/);
    expect(await capture(false, {})).not.toMatch(/\u001b\[/);
  });

  test('--format json prints the report; --html writes one self-contained page', async () => {
    const { path, dir, report } = await corpusReport();
    const html = join(dir, 'report.html');
    const { code, stdout } = await run(['report', path, '--format', 'json', '--html', html]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(report);
    const page = readFileSync(html, 'utf8');
    expect(page).not.toMatch(/\b(?:src|href)="(?!#)/);
    expect(page).not.toMatch(/https?:\/\/(?!winnow\.invalid)/);
    expect(page).toContain('data-rule="lbc/read-more"');
    expect(page).toMatch(/title="removed by lbc\/read-more \(rules\/outlets\/lbc\.yaml:24\)"/);
  });

  test('--format html prints the page --html writes; an unknown format names the ones there are', async () => {
    const { path, dir } = await corpusReport();
    const html = join(dir, 'page.html');
    const { code, stdout } = await run(['report', path, '--format', 'html', '--html', html]);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(html, 'utf8'));
    expect(await run(['report', path, '--format', 'pdf'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown --format pdf; expected text, json, html/) });
  });

  test('text that looks like markup is escaped in the page', () => {
    const rules = rulesFrom({ default: 'outlet: default\nrules:\n  - id: x\n    pattern: "^<"\n' });
    const builder = new ReportBuilder({ ruleSet: rules });
    builder.add(clean({ id: 'a<b>.txt', content: '<script>alert(1)</script> in text\n\nKept & fine\n', type: 'text' }, { rules }));
    const page = renderHtml(builder.build());
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; in text');
    expect(page).toContain('Kept &amp; fine');
  });

  test('a missing, broken or other-version report is a usage error naming the file', async () => {
    const dir = tempDir();
    expect(await run(['report', join(dir, 'none.json')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/none\.json: no such file/) });
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion": 1,');
    expect(await run(['report', join(dir, 'bad.json')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/bad\.json: Unexpected content, expected a JSON report/) });
    writeFileSync(join(dir, 'v2.json'), '{"schemaVersion": 2}');
    expect(await run(['report', join(dir, 'v2.json')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/v2\.json: Unexpected schemaVersion 2, expected 1/) });
    writeFileSync(join(dir, 'shape.json'), '{"schemaVersion": 1}');
    expect(await run(['report', join(dir, 'shape.json')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/shape\.json: not a valid report \(at \/: must have required property/) });
    expect(await run(['clean', 'corpus/', '--out', join(dir, 'o'), '--report', dir])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--report names a folder/) });
  });
});

test('docs/report-schema.md documents every field of the schema', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'report-schema.md'), 'utf8');
  const fields = (schema: { properties?: Record<string, unknown> }): string[] => Object.keys(schema.properties ?? {});
  const top = REPORT_SCHEMA.properties;
  const all = [
    ...fields(REPORT_SCHEMA), ...fields(top.settings), ...fields(top.totals), ...fields(top.outlets.items),
    ...fields(top.rules.items), ...fields(top.documents.items), ...fields(top.details.items), ...fields(top.warnings.items),
  ];
  for (const field of new Set(all)) expect(doc).toContain(`\`${field}\``);
});
