/** `winnow learn`: propose an outlet's rules from a handful of its pages, with evidence. */
import { shownPath } from '../io/shown.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { crossOutletDefaults, outletTemplate, type OutletTemplate } from '../learn/cross.js';
import { groupByHost, readLearnDocuments, type CorpusDocument } from '../learn/corpus.js';
import { proposalComment, renderRuleFile } from '../learn/emit.js';
import { learnOutletWithContext, type Proposal } from '../learn/learn.js';
import { mergeProposal, MergeError } from '../learn/merge.js';
import { DEFAULT_LEARN_OPTIONS, resolveOptions, type LearnOptions } from '../learn/options.js';
import { DEFAULT_OUTLET, type RuleSet } from '../kernel/rules/ruleset.js';
import { loadRules } from '../io/rules.js';
import { writeAtomic } from '../io/atomic.js';
import { BUNDLED_RULES, EXIT, oneOf, stdinOf, UsageError, rulesDir, type Io } from './io.js';

const d = DEFAULT_LEARN_OPTIONS;
export const LEARN_HELP = `Usage: winnow learn <input...> --outlet NAME [options]
       winnow learn <input...> --by host [options]

Propose rules for an outlet from a handful of its pages (HTML or plain text files, folders of
them), with evidence: pages where each rule fired, words it removes, examples, and with --gold
its precision. The proposal is printed as YAML; nothing is applied until it is in a rule file.

Options:
  --outlet NAME          the outlet the pages belong to (rules/outlets/NAME.yaml)
  --by host              group the pages by host (URLs from manifest.jsonl) and learn for every
                         host with enough pages; also propose defaults common to many outlets
  --host HOST            with --outlet: the host for match.hosts of a new file
                         (default: the most common host of the pages)
  --gold DIR             gold texts (DIR/NAME.txt or DIR/NAME.gold.txt for page NAME.html or
                         NAME.txt): report precision, reject candidates below --min-precision;
                         a fields file beside a gold text (NAME.json: {"title": "..."}) lets
                         learn find where the outlet's pages give their title
  --write                merge the proposal into the rule files (hand-written rules and
                         comments are kept; duplicates of existing rules are not added)
  --dry-run              with --write: print the diff instead of writing
  --explain              say on stderr, for each outlet, why the learner proposed no more than it
                         did: too few pages, no article found, and each candidate rule it
                         rejected with the reason (--format json has them all as \`why\`)
  --format FORMAT        yaml (default: the proposed rule files) or json: each proposal with its
                         rules, their evidence and the defaults it switches off
  --rules DIR            rules folder (default: ./rules, else the rules bundled with winnow)
  --min-support SHARE    share of the pages a rule must fire on (default ${d.minSupport})
  --min-pages N          fewest pages a rule must fire on, at least 2 (default ${d.minPages})
  --min-precision P      with --gold: lowest precision accepted (default ${d.minPrecision})
  --max-unique-share S   without gold: most one-page prose a selector or rest rule may take,
                         as a share of its words (default ${d.maxUniqueShare})
  --max-content-share S  without gold: most of a page's own prose a selector may take
                         (default ${d.maxContentShare})
  --max-page-share S     without gold: most of a page's own words (found on no other page)
                         any rule may take (default ${d.maxPageShare})
  --max-rail-words N     longest line (in words) of a rail after a rest marker, in plain
                         text; longer blocks are paragraphs (default ${d.maxRailWords})
  --min-outlets N        with --by host: outlets a default must be template text of (default ${d.minOutlets})
  --min-outlet-pages N   with --by host: pages a host needs to be learned (default ${d.minOutletPages})
  -h, --help             show this help

Exit codes: 0 proposals made, 1 some inputs could not be read, 2 usage or rule-file errors.`;

export async function learnCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      outlet: { type: 'string' },
      by: { type: 'string' },
      host: { type: 'string' },
      gold: { type: 'string' },
      write: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string', default: 'yaml' },
      explain: { type: 'boolean', default: false },
      rules: { type: 'string' },
      'min-support': { type: 'string' },
      'min-pages': { type: 'string' },
      'min-precision': { type: 'string' },
      'max-unique-share': { type: 'string' },
      'max-content-share': { type: 'string' },
      'max-page-share': { type: 'string' },
      'max-rail-words': { type: 'string' },
      'min-outlets': { type: 'string' },
      'min-outlet-pages': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${LEARN_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('No input given; pass the pages to learn from (files or folders; see winnow learn --help)');
  if (values.by !== undefined && values.by !== 'host') throw new UsageError(`Unknown --by ${values.by}; expected --by host`);
  if ((values.outlet === undefined) === (values.by === undefined)) throw new UsageError('Pass either --outlet NAME (pages of one outlet) or --by host (pages of many)');
  if (values.outlet !== undefined && !/^[a-z0-9][a-z0-9._-]*$/.test(values.outlet)) throw new UsageError(`Unexpected outlet name \`${values.outlet}\`, expected lower-case letters, digits, ".", "_" and "-"`);
  if (values['dry-run'] && !values.write) throw new UsageError('--dry-run shows what --write would change; pass both');
  oneOf(values.format, ['yaml', 'json'], '--format');
  if (values.format === 'json' && values.write) throw new UsageError('--format json prints the proposal; --write merges it into the rule files: pass one of them');
  const options = resolveOptions({
    minSupport: share(values['min-support'], '--min-support'),
    minPages: count(values['min-pages'], '--min-pages'),
    minPrecision: share(values['min-precision'], '--min-precision'),
    maxUniqueShare: share(values['max-unique-share'], '--max-unique-share'),
    maxContentShare: share(values['max-content-share'], '--max-content-share'),
    maxPageShare: share(values['max-page-share'], '--max-page-share'),
    maxRailWords: count(values['max-rail-words'], '--max-rail-words'),
    minOutlets: count(values['min-outlets'], '--min-outlets'),
    minOutletPages: count(values['min-outlet-pages'], '--min-outlet-pages'),
  });
  const goldDir = values.gold === undefined ? undefined : resolve(io.cwd, values.gold);
  if (goldDir !== undefined && !(existsSync(goldDir) && statSync(goldDir).isDirectory())) throw new UsageError(`--gold ${values.gold}: no such folder; pass the folder that holds the gold texts`);
  const dir = rulesDir(values.rules, io.cwd);
  // Only the rules shipped with the package, found for want of a folder named here, are not written to.
  if (values.write && values.rules === undefined && dir === BUNDLED_RULES && !existsSync(join(io.cwd, 'rules'))) {
    throw new UsageError('--write needs a rules folder of your own: pass --rules DIR or run where ./rules exists');
  }
  const ruleSet = loadRules(dir);

  const inputs = positionals.map((p) => resolve(io.cwd, p));
  const display = (path: string) => shownPath(io.cwd, path);
  const { documents, failed, warnings } = await readLearnDocuments(inputs, { cwd: io.cwd, ...(goldDir !== undefined ? { goldDir } : {}), stdin: () => stdinOf(io) });
  for (const f of failed) io.stderr.write(`winnow: ${f.id}: ${f.error}\n`);
  for (const w of warnings) io.stderr.write(`winnow: ${w}\n`);
  if (goldDir !== undefined) {
    const missing = documents.filter((doc) => doc.gold === undefined).length;
    if (missing > 0) io.stderr.write(`winnow: ${missing} of ${documents.length} pages have no gold text in ${display(goldDir)}; their words are not counted in precision\n`);
  }

  const jobs = values.outlet !== undefined
    ? [{ outlet: values.outlet, hosts: hostsFor(values.host, documents), documents }]
    : byHost(documents, ruleSet, options, io);
  const proposals: Array<{ proposal: Proposal; hosts: string[] }> = [];
  const templates: OutletTemplate[] = [];
  let failures = failed.length;
  for (const job of jobs) {
    const { proposal, context } = learnOutletWithContext({ outlet: job.outlet, documents: job.documents, ruleSet, options });
    for (const f of proposal.failed) io.stderr.write(`winnow: ${f.id}: ${f.error}\n`);
    failures += proposal.failed.length;
    proposals.push({ proposal, hosts: job.hosts });
    if (values.by !== undefined) templates.push(outletTemplate(job.outlet, context));
  }
  if (values.by !== undefined) {
    const taken = new Set(ruleSet.defaults?.rules.map((r) => r.id) ?? []);
    proposals.push({ proposal: crossOutletDefaults(templates, options, proposals[0]?.proposal.at ?? today(), taken), hosts: [] });
  }

  if (values.explain) for (const { proposal } of proposals) io.stderr.write(explainProposal(proposal));
  if (values.format === 'json') {
    const fileOf = (outlet: string) => display(outlet === DEFAULT_OUTLET ? join(dir, 'default.yaml') : join(dir, 'outlets', `${outlet}.yaml`));
    const json = proposals.map(({ proposal, hosts }) => ({ file: fileOf(proposal.outlet), hosts, ...proposal }));
    io.stdout.write(`${JSON.stringify({ proposals: json }, null, 2)}\n`);
  }
  for (const { proposal, hosts } of values.format === 'json' ? [] : proposals) {
    const path = proposal.outlet === DEFAULT_OUTLET ? join(dir, 'default.yaml') : join(dir, 'outlets', `${proposal.outlet}.yaml`);
    const shown = display(path);
    if (!values.write) {
      if (proposals.length > 1) io.stdout.write(`# ${shown}\n`);
      io.stdout.write(renderRuleFile({ outlet: proposal.outlet, hosts, disable: proposal.disable, comment: proposalComment(proposal) }, proposal.rules));
      if (proposals.length > 1) io.stdout.write('---\n');
      continue;
    }
    if (proposal.rules.length === 0) continue;
    const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    let merged;
    try {
      merged = mergeProposal({ existing, path: shown, outlet: proposal.outlet, hosts }, proposal);
    } catch (error) {
      if (!(error instanceof MergeError)) throw error;
      io.stderr.write(`winnow: ${error.message}\n`);
      failures++;
      continue;
    }
    for (const s of merged.skipped) io.stderr.write(`winnow: ${shown}: not adding \`${s.id}\`: ${s.reason}\n`);
    if (merged.added.length === 0) continue;
    if (values['dry-run']) {
      io.stdout.write(createTwoFilesPatch(existing === undefined ? '/dev/null' : shown, shown, existing ?? '', merged.text, undefined, undefined, { context: 3 }));
    } else {
      writeAtomic(path, merged.text);
      io.stderr.write(`winnow: ${shown}: ${existing === undefined ? 'created with' : 'added'} ${merged.added.length} learned rule${merged.added.length === 1 ? '' : 's'} (${merged.added.join(', ')})\n`);
    }
  }
  const learned = proposals.reduce((n, p) => n + p.proposal.rules.length, 0);
  const pages = proposals.filter((p) => p.proposal.outlet !== DEFAULT_OUTLET).reduce((n, p) => n + p.proposal.pages, 0);
  const outlets = proposals.filter((p) => p.proposal.outlet !== DEFAULT_OUTLET).length;
  io.stderr.write(`winnow: proposed ${learned} rule${learned === 1 ? '' : 's'} for ${outlets} outlet${outlets === 1 ? '' : 's'}${values.by !== undefined ? ' and the defaults' : ''} from ${pages} pages${goldDir !== undefined ? ', checked against gold' : ''}; ${failures} failed\n`);
  return failures > 0 ? EXIT.failed : EXIT.ok;
}

/** One job per host with enough pages; its outlet is the rule file claiming the host, else the host. */
function byHost(documents: CorpusDocument[], ruleSet: RuleSet, options: LearnOptions, io: Io): Array<{ outlet: string; hosts: string[]; documents: CorpusDocument[] }> {
  const withoutHost = documents.filter((doc) => !doc.host).length;
  if (withoutHost > 0) io.stderr.write(`winnow: ${withoutHost} pages have no URL (add a manifest.jsonl with {id, url}); they are not learned from\n`);
  const jobs = [];
  let small = 0;
  for (const group of groupByHost(documents)) {
    if (group.documents.length < options.minOutletPages) {
      small++;
      continue;
    }
    const outlet = ruleSet.outletForHost(group.host) ?? group.host;
    jobs.push({ outlet, hosts: [group.host], documents: group.documents });
  }
  if (small > 0) io.stderr.write(`winnow: ${small} hosts have fewer than ${options.minOutletPages} pages; not learned (see --min-outlet-pages)\n`);
  return jobs;
}

/** `--host`, else the most common host of the pages (for a new file's match.hosts). */
function hostsFor(host: string | undefined, documents: CorpusDocument[]): string[] {
  if (host !== undefined) return [host.toLowerCase()];
  const counts = new Map<string, number>();
  for (const doc of documents) if (doc.host) counts.set(doc.host, (counts.get(doc.host) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? [best[0]] : [];
}

function share(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`Unexpected ${flag} ${value}, expected a number from 0 to 1`);
  return n;
}

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`Unexpected ${flag} ${value}, expected a whole number of 1 or more`);
  return n;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Rejected candidates `--explain` lists per outlet (`--format json` has them all). */
const EXPLAINED = 20;

/** Why an outlet got the rules it got: notes on its pages, then the candidates rejected, with reasons. */
function explainProposal(proposal: Proposal): string {
  const why = proposal.why;
  if (why === undefined) return '';
  const lines = [`winnow: ${proposal.outlet}: ${proposal.pages} page${proposal.pages === 1 ? '' : 's'}${proposal.withGold ? ' with gold' : ''}, ${proposal.rules.length} rule${proposal.rules.length === 1 ? '' : 's'} proposed, ${why.rejected.length} candidate${why.rejected.length === 1 ? '' : 's'} rejected`];
  for (const note of why.notes) lines.push(`  ${note}`);
  for (const r of why.rejected.slice(0, EXPLAINED)) lines.push(`  rejected ${r.rule}: ${r.reason}`);
  if (why.rejected.length > EXPLAINED) lines.push(`  and ${why.rejected.length - EXPLAINED} more (--format json lists them all)`);
  return `${lines.join('\n')}\n`;
}
