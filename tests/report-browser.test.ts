/**
 * The HTML report in a real browser: Debian's chromium driven by playwright-core (no browser
 * download). The page is that of a 1,000-document run: the 22 fixture documents (the two seeds and
 * the Dragnet sample) each cleaned once and added under 45-46 ids each. Checks that the page opens
 * offline, the rules table sorts, the filters work and a removed span names its rule.
 * CI installs chromium (.ci/run); elsewhere the test is skipped, with a note, when it is missing.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { clean, type CleanResult } from '../src/kernel/clean.js';
import { ReportBuilder } from '../src/report/builder.js';
import { renderHtml } from '../src/report/formats/html.js';
import type { Report } from '../src/report/types.js';
import { CORPUS, ROOT, documentsUnder, projectRules, tempDir } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DOCUMENTS = 1000;
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} not found: CI must install chromium (apt-get install -y chromium) before the tests`);
if (!available) console.warn(`report-browser.test.ts skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);
const describeWithBrowser = available ? describe : describe.skip;

async function thousandDocumentReport(): Promise<Report> {
  const rules = projectRules();
  const sources: CleanResult[] = [];
  for (const root of [CORPUS, join(ROOT, 'tests', 'fixtures', 'dragnet-sample', 'html')]) {
    for (const doc of await documentsUnder(root)) sources.push(clean({ ...doc.input!, id: doc.id }, { rules }));
  }
  expect(sources).toHaveLength(22);
  // The default rules take most of a whole web page by design (main-content), which would flag
  // Dragnet pages for rule dominance and over-removal and crowd the seeds out of the detailed documents.
  const builder = new ReportBuilder({ ruleSet: rules, root: ROOT, ruleDominanceShare: 1, maxRemovedShare: 1, minWordsKept: 0 });
  for (let i = 0; i < DOCUMENTS; i++) {
    const source = sources[i % sources.length];
    builder.add({ ...source, id: `run-${String(i).padStart(4, '0')}/${source.id}` });
  }
  return builder.build();
}

describeWithBrowser('HTML report in chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let report: Report;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    report = await thousandDocumentReport();
    const dir = tempDir('winnow-html-');
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(report));
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'winnow-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 1000 },
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await context?.close();
  });

  test('opens offline: one file, no other requests, no script errors', async () => {
    expect(report.totals.documents).toBe(DOCUMENTS);
    expect(await page.title()).toBe('Winnow removal report');
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(errors).toEqual([]);
    expect(await page.locator('#documents-table tbody tr').count()).toBe(DOCUMENTS);
    expect(await page.locator('article.doc').count()).toBe(report.settings.maxDocumentDetails);
  });

  test('plots drawn in the page: rules by share of removed words, documents by share removed, outlets', async () => {
    const plots = page.locator('figure.plot');
    expect(await plots.count()).toBe(3);
    for (const id of ['plot-rules', 'plot-documents', 'plot-outlets']) expect(await page.locator(`#${id} svg`).isVisible()).toBe(true);
    // The largest rule's bar is first and says its share; the histogram's bars add up to every document.
    const top = report.rules[0];
    expect(await page.locator('#plot-rules g.bar title').first().textContent()).toBe(`${top.key}: ${(100 * top.shareOfRemovedWords).toFixed(1)}%`);
    const bins = await page.locator('#plot-documents g.bar title').allTextContents();
    expect(bins).toHaveLength(10);
    expect(bins.reduce((n, t) => n + Number(/: ([\d,]+) document/.exec(t)![1].replace(/,/g, '')), 0)).toBe(DOCUMENTS);
    const box = await page.locator('#plot-rules rect').first().boundingBox();
    expect(box!.width).toBeGreaterThan(10);
  });

  test("a rule's row says why it fired: the class name and pattern, the selector, the tag that matched", async () => {
    const withWhy = report.rules.filter((r) => r.why?.length);
    expect(withWhy.length).toBeGreaterThan(3);
    const share = report.rules.find((r) => r.kind === 'class-id' && r.why?.length)!;
    expect(share.why![0].detail).toMatch(/^(?:class|id) `[^`]+` matches `[^`]+`$/);
    const cell = page.locator(`tr.rule-row[data-rule="${share.key}"] .why`);
    expect(await cell.isVisible()).toBe(true);
    expect(await cell.textContent()).toContain(share.why![0].detail);
  });

  test('the text search keeps only the documents holding the words', async () => {
    await page.fill('#filter-text', 'Zelenskyy');
    const visible = page.locator('article.doc:not(.hidden)');
    const count = await visible.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(await page.locator('article.doc').count());
    for (const text of await visible.allTextContents()) expect(text).toContain('Zelenskyy');
    expect(await page.locator('#documents-shown').textContent()).toMatch(/^\d+ of 1000$/);
    await page.fill('#filter-text', '');
    expect(await page.locator('#documents-shown').textContent()).toBe('all 1000');
  });

  test('the rules table sorts by a column, both ways', async () => {
    const header = page.locator('#rules-table th', { hasText: /^words$/ });
    const wordsColumn = async () =>
      page.$$eval('#rules-table tbody tr', (rows) => rows.map((r) => Number((r.children[5] as HTMLElement).dataset.v)));
    await header.click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const down = await wordsColumn();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await header.click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const up = await wordsColumn();
    expect(up).toEqual([...down].reverse());
    const ruleHeader = page.locator('#rules-table th', { hasText: /^rule$/ });
    await ruleHeader.click();
    const keys = await page.$$eval('#rules-table tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.rule!));
    expect(keys).toEqual([...keys].sort());
  });

  test('the outlet filter keeps only that outlet, the rule filter only documents the rule touched', async () => {
    await page.selectOption('#filter-outlet', 'lbc');
    const visibleOutlets = await page.$$eval('#documents-table tbody tr:not(.hidden)', (rows) => [...new Set(rows.map((r) => (r as HTMLElement).dataset.outlet))]);
    expect(visibleOutlets).toEqual(['lbc']);
    expect(await page.locator('#documents-table tbody tr:not(.hidden)').count()).toBe(report.documents.filter((d) => d.outlet === 'lbc').length);
    expect(await page.locator('#rules-table tr[data-rule="telegraph/photo-caption"]').isHidden()).toBe(true);
    expect(await page.locator('#rules-table tr[data-rule="lbc/photo-caption"]').isVisible()).toBe(true);
    expect(await page.locator('#documents-shown').textContent()).toMatch(/^\d+ of 1000$/);

    await page.selectOption('#filter-outlet', '');
    await page.selectOption('#filter-rule', 'telegraph/photo-caption');
    const articles = page.locator('article.doc:not(.hidden)');
    expect(await articles.count()).toBeGreaterThan(0);
    for (const outlet of await articles.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.outlet))) expect(outlet).toBe('telegraph');
    expect(await page.locator('article.doc:not(.hidden) .rm.focus[data-rule="telegraph/photo-caption"]').count()).toBeGreaterThan(0);
    await page.selectOption('#filter-rule', '');
  });

  test('a removed span is marked with its rule; hover names it, click shows its file:line', async () => {
    const span = page.locator('article.doc .rm[data-rule="lbc/read-more"]').first();
    expect(await span.getAttribute('title')).toBe('removed by lbc/read-more (rules/outlets/lbc.yaml:24)');
    expect(await span.textContent()).toMatch(/^Read more: /);
    const label = await span.evaluate((el) => getComputedStyle(el, '::before').content);
    expect(label).toBe('"read-more"');
    await span.scrollIntoViewIfNeeded();
    await span.click();
    const info = page.locator('#rule-info');
    await info.waitFor({ state: 'visible' });
    expect(await info.locator('h4').textContent()).toBe('lbc/read-more');
    expect(await info.locator('.origin').textContent()).toBe('rules/outlets/lbc.yaml:24');
    const shot = join(tempDir('winnow-shot-'), 'report.png');
    await page.screenshot({ path: shot });
    console.log(`screenshot of the report page: ${shot}`);
  });
});
