/**
 * Drafts the outlet library from a news corpus with gold: for every publisher, `learn --gold`
 * over all its pages gives `rules/outlets/<outlet>.yaml` (matched by the publisher's hosts), its
 * pages become gzipped fixtures under `rules/outlets/fixtures/<outlet>/`, and
 * `rules/outlets/<outlet>.test.yaml` checks them (`draftTests`: only checks the rules pass).
 * A publisher whose host a hand-written file claims already (telegraph.co.uk) gets the learned
 * rules merged into that file and its tests appended.
 *
 *   npm run bench:build && node build/bench/library.js [CORPUS] [--rules rules] [--publisher NAME ...]
 *
 * Reads CORPUS in the Dragnet layout with a manifest of {id, url, host, publisher, crawl_date}
 * and structure/ID.json ({title, authors, publishing_date}): by default
 * ../shared/corpus/fundus-publishers (the Fundus parser test pages, MIT; the pages belong to
 * their publishers). Writes only under the rules folder given.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseDocument, isSeq } from 'yaml';
import { clean } from '../src/kernel/clean.js';
import { learnOutlet } from '../src/learn/learn.js';
import { mergeProposal } from '../src/learn/merge.js';
import { renderRuleFile } from '../src/learn/emit.js';
import { fixtureBytes, stripPage } from '../src/learn/fixtures.js';
import { draftTests, type DraftPage } from '../src/learn/draft-tests.js';
import { runRuleTests, uncoveredRules } from '../src/tester/run.js';
import { parseTestFile } from '../src/tester/testfile.js';
import { loadRules } from '../src/io/rules.js';
import { compileRuleSet } from '../src/kernel/rules/compile.js';
import type { RuleSet } from '../src/kernel/rules/ruleset.js';
import { byPublisher, readDragnet, readKnown } from './dragnet.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rules: { type: 'string', default: 'rules' },
    publisher: { type: 'string', multiple: true },
  },
});
const corpus = resolve(positionals[0] ?? '../shared/corpus/fundus-publishers');
const rulesDir = resolve(values.rules);
const outletsDir = join(rulesDir, 'outlets');
const publishers = [...byPublisher(readDragnet(corpus))].filter(([publisher]) => !values.publisher || values.publisher.includes(publisher));

const at = new Date().toISOString().slice(0, 10);
// The files there before this run: a host they claim gets its learned rules merged into them.
const before = loadRules(rulesDir);
const defaultsSource = { path: join(rulesDir, 'default.yaml'), text: readFileSync(join(rulesDir, 'default.yaml'), 'utf8') };
/** The defaults and one outlet file (each outlet is learned and tested on its own). */
function rulesWith(path: string): RuleSet {
  const { ruleSet, errors } = compileRuleSet(rulesDir, [defaultsSource, { path, text: readFileSync(path, 'utf8') }]);
  if (!ruleSet) throw new Error(errors.map((e) => e.message).join('; '));
  return ruleSet;
}
let written = 0;
let unstripped = 0;
const untested: string[] = [];
let dropped = 0;
for (const [publisher, pages] of publishers.sort((a, b) => a[0].localeCompare(b[0]))) {
  const hosts = [...new Set(pages.flatMap((p) => (p.host ? [p.host.replace(/^www\./, '')] : [])))].sort();
  const claimed = hosts.map((h) => before.outletForHost(h)).find((o) => o !== undefined);
  const outlet = claimed ?? publisher.toLowerCase();
  const docs = pages.map((p) => ({ id: p.id, url: p.url, content: p.html, gold: p.gold, type: 'html' as const, known: readKnown(corpus, p.id) ?? {} }));
  const rulePath = join(outletsDir, `${outlet}.yaml`);
  const proposal = learnOutlet({ outlet, documents: docs, ruleSet: claimed ? rulesWith(rulePath) : before, options: { at } });
  const dates = pages.map((p) => p.crawlDate ?? 'on an unknown day');
  const existing = existsSync(rulePath) ? readFileSync(rulePath, 'utf8') : undefined;
  const header = [
    `yaml-language-server: $schema=../schema.json`,
    `${publisher} (${hosts.join(', ')}): where the article is, and what inside it is not article.`,
    `Drafted by \`winnow learn --gold\` from ${pages.length} page${pages.length === 1 ? '' : 's'} (crawled ${dates.join(', ')}); tests in ${outlet}.test.yaml.`,
  ].map((l) => ` ${l}`).join('\n');
  let rules = proposal.rules;
  const write = () => {
    const kept = { ...proposal, rules };
    writeFileSync(rulePath, existing === undefined
      ? renderRuleFile({ outlet, hosts, disable: proposal.disable, comment: header }, rules)
      : mergeProposal({ existing, path: rulePath, outlet, hosts }, kept).text);
    return rulesWith(rulePath);
  };
  let ruleSet = write();

  // Fixtures: stripped when the rules clean the stripped page to the same text and fields.
  const fixtures = join(outletsDir, 'fixtures', outlet);
  mkdirSync(fixtures, { recursive: true });
  const draft: DraftPage[] = pages.map((page) => {
    const stripped = stripPage(page.html);
    const same = sameOutput(page.html, stripped, outlet, ruleSet);
    if (!same) unstripped++;
    const bytes = same ? fixtureBytes(page.html) : gzipped(page.html);
    const name = `${page.id}.html.gz`;
    writeFileSync(join(fixtures, name), bytes);
    const structure = readKnown(corpus, page.id);
    return {
      name: `${page.id}: the article of ${page.crawlDate ?? 'an unknown day'} keeps its paragraphs and loses the page around it`,
      file: `fixtures/${outlet}/${name}`,
      html: same ? stripped : page.html,
      gold: page.gold,
      ...(structure ? { known: structure } : {}),
    };
  });
  const testPath = join(outletsDir, `${outlet}.test.yaml`);
  const testHeader = [`yaml-language-server: $schema=../test.schema.json`, `Tests of rules/outlets/${outlet}.yaml over its fixture pages: \`winnow rules test --outlet ${outlet}\`.`].map((l) => ` ${l}`).join('\n');
  let drafted: string;
  try {
    drafted = draftTests(outlet, draft, ruleSet, testPath, testHeader);
    // A learned rule no drafted check shows at work is left out: every rule shipped is tested.
    const covered = runRuleTests(ruleSet, [parseTestFile(drafted, testPath).file!]).covered;
    const learned = new Set(rules.map((r) => r.id));
    const untestedRules = new Set(uncoveredRules(ruleSet, covered).filter((r) => r.outlet === outlet && learned.has(r.id)).map((r) => r.id));
    if (untestedRules.size > 0) {
      process.stderr.write(`${outlet}: no drafted check covers ${[...untestedRules].join(', ')}; left out\n`);
      rules = rules.filter((r) => !untestedRules.has(r.id));
      dropped += untestedRules.size;
      ruleSet = write();
      drafted = draftTests(outlet, draft, ruleSet, testPath, testHeader);
    }
  } catch (error) {
    untested.push(`${outlet} (${(error as Error).message})`);
    continue;
  }
  writeFileSync(testPath, existsSync(testPath) ? appendTests(readFileSync(testPath, 'utf8'), drafted) : drafted);
  written++;
  process.stderr.write(`${outlet.padEnd(24)} ${pages.length} pages, ${proposal.rules.length} rules${proposal.disable?.length ? `, disables ${proposal.disable.map((d) => d.id).join(', ')}` : ''}\n`);
}
if (untested.length > 0) process.stderr.write(`no tests drafted for: ${untested.join('; ')}\n`);
process.stderr.write(`${written} outlet files written under ${outletsDir}; ${dropped} learned rules left out as no drafted check covers them; ${unstripped} fixtures kept unstripped (stripping changed what the rules keep)\n`);

function sameOutput(html: string, stripped: string, outlet: string, ruleSet: RuleSet): boolean {
  const a = clean({ content: html, type: 'html', outlet }, { rules: ruleSet, title: false });
  const b = clean({ content: stripped, type: 'html', outlet }, { rules: ruleSet, title: false });
  return a.text === b.text && JSON.stringify(a.article) === JSON.stringify(b.article);
}

/** The page as crawled, compressed. */
function gzipped(html: string): Buffer {
  return gzipSync(Buffer.from(html, 'utf8'), { level: 9 });
}

/** The drafted tests appended to an existing test file's list. */
function appendTests(existing: string, drafted: string): string {
  const doc = parseDocument(existing);
  const add = parseDocument(drafted).get('tests', true);
  const tests = doc.get('tests', true);
  if (isSeq(tests) && isSeq(add)) tests.items.push(...add.items);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
