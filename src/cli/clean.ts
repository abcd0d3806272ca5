/** `winnow clean`: clean documents with the rules, to stdout, a mirrored folder or a JSONL(.gz) file. */
import { WEB_ADDRESS } from '../io/sources/fetch.js';
import { shownPath } from '../io/shown.js';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { isDynamicPattern } from 'tinyglobby';
import { UnknownOutletError, type CleanResult } from '../kernel/clean.js';
import { expandInputs, STDIN, type InputFile } from '../io/sources/inputs.js';
import { DEFAULT_FIELDS } from '../io/sources/fields.js';
import { INPUT_FORMATS, type InputFormat } from '../io/sources/corpus.js';
import { AUTO, formatNamed, formatOfFile } from '../io/sources/formats/registry.js';
import type { Format, WorkerSetup } from '../io/batch/messages.js';
import { errorsPath, outputPath, outputTarget, ResumeError, type OutputTarget } from '../io/batch/outputs.js';
import { OutputBusyError } from '../io/batch/lock.js';
import { WorkerStartError } from '../io/batch/pool.js';
import { OutputFullError, runBatch, type BatchOptions, type BatchSummary, type ReportSink } from '../io/batch/run.js';
import { HTML_PARSERS, type HtmlParser, type InputType } from '../kernel/parse/index.js';
import { ReportBuilder } from '../report/builder.js';
import { DEFAULT_MAX_DOCUMENT_DETAILS, DEFAULT_MAX_REMOVED_SHARE, DEFAULT_MIN_WORDS_KEPT, DEFAULT_RULE_DOMINANCE_SHARE, type ReportOptions } from '../report/options.js';
import { reportTarget, writeReport } from '../report/write.js';
import { type RuleSet } from '../kernel/rules/ruleset.js';
import { loadRules } from '../io/rules.js';
import { EXIT, oneOf, timeoutOption, stdinOf, UsageError, rulesDir, type Io } from './io.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../io/time-limit.js';

/** Workers per core `--jobs` is capped at. */
const MAX_JOBS_PER_CORE = 2;

/** The exit code of a run stopped by Ctrl-C (SIGINT), as shells report it: 128 + 2. */
const EXIT_INTERRUPTED = 130;

export const CLEAN_HELP = `Usage: winnow clean <input...> [options]

Clean documents: HTML or plain-text files, folders of them (recursive), globs, JSONL(.gz) files
of records, WARC(.gz) files of captured pages, web pages (http:// or https://, fetched), or -
for stdin.

Output:
  --out PATH           a folder: one cleaned file per document, mirroring input names;
                       or FILE.jsonl / FILE.jsonl.gz: one JSON line per document
                       (without --out: one document to stdout; several need --format json)
  --format FORMAT      text (default: the title line, then the body), html (cleaned HTML),
                       markdown (# title, ## subheadings, paragraphs), json (the article's
                       fields and body, and every removal with its rule) or jsonl (to stdout
                       or FILE.jsonl: one short JSON line per document, in input order, as
                       --out FILE.jsonl writes; a document that fails is a line with "error")
  --no-title           the body alone, without the title line (as extractors scored on
                       article bodies give it); the title stays in the article's fields

Rules:
  --rules DIR          rules folder (default: ./rules, else the rules bundled with winnow)
  --outlet NAME        apply this outlet's rules to every document
  --url URL            the URL of every document (its host picks the outlet)
  --type TYPE          html or text (default: from the file name, else from the content)
  --parser NAME        HTML parser: fast (default) or parse5 (the reference: unified with
                       rehype-parse)
  --report FILE        also write a removal report as JSON (read it with winnow report FILE)
  --warn-removed SHARE report warning: a document lost more than this share of its words
                       (default: ${DEFAULT_MAX_REMOVED_SHARE})
  --warn-kept WORDS    report warning: a document that lost words kept fewer than this many
                       (default: ${DEFAULT_MIN_WORDS_KEPT})
  --warn-rule SHARE    report warning: one rule took more than this share of a document
                       (default: ${DEFAULT_RULE_DOMINANCE_SHARE})
  --report-texts N     documents whose text (each block, kept or removed) the report keeps for
                       its page, those with warnings first (default: ${DEFAULT_MAX_DOCUMENT_DETAILS})

Inputs:
  --field NAME         JSONL field holding the document (default: html, else text, else content)
  --url-field NAME     JSONL field holding the URL (default: url)
  --id-field NAME      JSONL field holding the id (default: id; else file:line)
  --outlet-field NAME  JSONL field holding the outlet (default: outlet)
  --input-format FMT   auto (default: by file name), document, jsonl or warc
  --max-bytes SIZE     larger documents become error records (default: 20MB; k, MB, GB suffixes)

Running:
  --jobs N             worker threads (default: the number of cores, here ${availableParallelism()};
                       at most ${MAX_JOBS_PER_CORE} per core)
  --timeout SECONDS    time limit per document, to fetch it (a web page) and to clean it; a
                       worker over it is replaced (default: 30; 0: none)
  --resume             carry on an unfinished run into the same --out (after a crash or kill)
  --quiet              no progress and no summary line
  -h, --help           show this help

Documents that cannot be read or cleaned are listed in errors.jsonl in the output folder
(beside a JSONL output: NAME.errors.jsonl) as {id, source, reason}.
Exit codes: 0 all documents cleaned, 1 some documents failed, 2 usage or rule-file errors,
130 interrupted (Ctrl-C; --resume carries on).`;

/** The report options `--warn-*` set. */
type Thresholds = Pick<ReportOptions, 'maxRemovedShare' | 'minWordsKept' | 'ruleDominanceShare' | 'maxDocumentDetails'>;

/** The report's settings given on the command line (`--warn-*`, `--report-texts`). */
function reportThresholds(values: { 'warn-removed'?: string; 'warn-kept'?: string; 'warn-rule'?: string; 'report-texts'?: string }): Thresholds {
  const share = (flag: string, value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !(n >= 0 && n <= 1)) throw new UsageError(`Unexpected ${flag} ${value}, expected a share between 0 and 1 (e.g. 0.8)`);
    return n;
  };
  const out: Thresholds = {};
  if (values['warn-removed'] !== undefined) out.maxRemovedShare = share('--warn-removed', values['warn-removed']);
  if (values['warn-rule'] !== undefined) out.ruleDominanceShare = share('--warn-rule', values['warn-rule']);
  const kept = values['warn-kept'];
  if (kept !== undefined) {
    const n = Number(kept);
    if (kept.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`Unexpected --warn-kept ${kept}, expected a whole number of words (e.g. 50)`);
    out.minWordsKept = n;
  }
  const texts = values['report-texts'];
  if (texts !== undefined) {
    const n = Number(texts);
    if (texts.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`Unexpected --report-texts ${texts}, expected a whole number of documents (e.g. 500)`);
    out.maxDocumentDetails = n;
  }
  return out;
}

const FORMATS = ['text', 'html', 'json', 'markdown', 'jsonl'] as const;
/** Default size cap: larger than any real article page, small enough for a worker's memory. */
const DEFAULT_MAX_BYTES = '20MB';
const SIZE = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i;
const UNIT: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };
/** Outlets named in the summary line before the rest are counted. */
const SUMMARY_OUTLETS = 6;

/** The options of `winnow clean` (`winnow submit` takes them too, but `--jobs` and `--resume`). */
export const CLEAN_OPTIONS = {
  out: { type: 'string' },
  format: { type: 'string', default: 'text' },
  rules: { type: 'string' },
  outlet: { type: 'string' },
  url: { type: 'string' },
  type: { type: 'string' },
  parser: { type: 'string' },
  field: { type: 'string' },
  'url-field': { type: 'string', default: DEFAULT_FIELDS.url },
  'id-field': { type: 'string', default: DEFAULT_FIELDS.id },
  'outlet-field': { type: 'string', default: DEFAULT_FIELDS.outlet },
  'input-format': { type: 'string', default: 'auto' },
  'max-bytes': { type: 'string', default: DEFAULT_MAX_BYTES },
  jobs: { type: 'string' },
  timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_SECONDS) },
  resume: { type: 'boolean', default: false },
  report: { type: 'string' },
  'warn-removed': { type: 'string' },
  'warn-kept': { type: 'string' },
  'warn-rule': { type: 'string' },
  'report-texts': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  'no-title': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function cleanCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: CLEAN_OPTIONS });
  if (values.help) {
    io.stdout.write(`${CLEAN_HELP}\n`);
    return EXIT.ok;
  }
  const jobs = jobsOption(values.jobs, io);
  const { target, setup, corpus, ruleSet, inProcess, files, listing, job, report, timeout } = planClean(values, positionals, io);
  const started = process.hrtime.bigint();
  // Ctrl-C of a run into --out: what finished up to the last checkpoint is on disk; say how to go on.
  const interrupted = () => {
    io.stderr.write(`\nwinnow: interrupted; what was cleaned up to the last checkpoint is kept in ${shownPath(io.cwd, outputPath(target)!)}: run the same command with --resume to carry on\n`);
    process.exit(EXIT_INTERRUPTED);
  };
  if (target.kind !== 'stdout') process.once('SIGINT', interrupted);
  let summary: BatchSummary;
  try {
    summary = await runBatch(
      {
        files,
        ...(listing ? { inputBytes: listing.bytes } : {}),
        corpus,
        setup,
        jobs,
        inProcess,
        ruleSet,
        timeoutMs: timeout * 1000,
        target,
        resume: values.resume,
        job,
        progress: values.quiet ? 'none' : io.stderr.isTTY ? 'bar' : 'lines',
        ...(report ? { report } : {}),
      },
      { stdout: io.stdout, stderr: io.stderr },
    );
  } catch (error) {
    if (error instanceof ResumeError || error instanceof OutputBusyError || error instanceof WorkerStartError) throw new UsageError(error.message);
    if (error instanceof OutputFullError) {
      io.stderr.write(`winnow: ${error.message.replace(error.output, shownPath(io.cwd, error.output))}; what was cleaned up to the last checkpoint is kept: free some space and run the same command with --resume to carry on\n`);
      return EXIT.failed;
    }
    throw error;
  } finally {
    process.off('SIGINT', interrupted);
  }
  if (!values.quiet) io.stderr.write(`${summaryLine(summary, Number(process.hrtime.bigint() - started) / 1e9, target, io.cwd)}\n`);
  return summary.totals.failed > 0 ? EXIT.failed : EXIT.ok;
}

/** `--jobs N`: worker threads, the number of cores by default, capped at MAX_JOBS_PER_CORE per core (said when capped). */
export function jobsOption(value: string | undefined, io: Io): number {
  const asked = value === undefined ? availableParallelism() : Number(value);
  if (!Number.isInteger(asked) || asked < 1) throw new UsageError(`Unexpected --jobs ${value}, expected a whole number of at least 1`);
  // Workers beyond the cores add memory (a heap each), not speed.
  const jobs = Math.min(asked, MAX_JOBS_PER_CORE * availableParallelism());
  if (jobs < asked) io.stderr.write(`winnow: --jobs ${asked} is more than ${MAX_JOBS_PER_CORE} per core on ${availableParallelism()} cores; using ${jobs} workers (more would only add memory)\n`);
  return jobs;
}

/** `20MB` -> 20971520; plain numbers are bytes. */
export function parseSize(text: string, flag = '--max-bytes'): number {
  const match = SIZE.exec(text.trim());
  if (!match) throw new UsageError(`Unexpected ${flag} ${text}, expected a size such as 20MB, 500k or 1048576`);
  return Math.floor(Number(match[1]) * UNIT[(match[2] ?? 'b').toLowerCase()]);
}

/** More than one document: several inputs, a folder, a glob, or a file of records. */
function holdsSeveral(inputs: string[], cwd: string, inputFormat: InputFormat): boolean {
  if (inputs.length > 1) return true;
  const input = inputs[0];
  if (input === STDIN) return formatNamed(inputFormat)?.many === true;
  if (WEB_ADDRESS.test(input)) return false;
  const path = resolve(cwd, input);
  if (!existsSync(path)) return isDynamicPattern(input);
  if (statSync(path).isDirectory()) return true;
  return (inputFormat === AUTO ? formatOfFile(path) : formatNamed(inputFormat))?.many === true;
}

/** Refuse an output that is an input, lies inside an input folder, or holds an input. */
function guardOutput(target: Exclude<OutputTarget, { kind: 'stdout' }>, inputs: string[], cwd: string): void {
  const out = realish(outputPath(target));
  const shown = shownPath(cwd, outputPath(target));
  for (const { input, real } of namedPaths(inputs, cwd)) {
    const isDir = statSync(real).isDirectory();
    if (out === real || (isDir && out.startsWith(real + sep))) {
      throw new UsageError(`--out ${shown} ${out === real ? 'is' : 'is inside'} the input ${input}; pick an output outside the inputs, so no input is ever overwritten`);
    }
    if (real.startsWith(out + sep)) {
      throw new UsageError(`--out ${shown} holds the input ${input}; pick an output outside the inputs`);
    }
  }
  const errors = errorsPath(target);
  for (const file of inputs.includes('-') ? [] : expandInputsShallow(inputs, cwd)) {
    if (errors && existsSync(file.path) && realpathSync(file.path) === realish(errors)) {
      throw new UsageError(`--out ${shown} would write its error records over the input ${file.shown}; pick another output name`);
    }
  }
}

/** Refuse a report file (`--report`) that is an input, or lies inside an input folder. */
function guardReport(path: string, option: string, inputs: string[], cwd: string): void {
  const report = realish(path);
  for (const { input, real } of namedPaths(inputs, cwd)) {
    if (report === real || (statSync(real).isDirectory() && report.startsWith(real + sep))) {
      throw new UsageError(`--report ${option} ${report === real ? 'is' : 'lies inside'} the input ${input}; write the report outside the inputs, so no input is ever overwritten`);
    }
  }
}

/**
 * The existing paths the inputs name, with their real paths: files and folders as given, and the
 * files a glob matches (a quoted glob reaches winnow unexpanded, and its files are inputs too).
 */
function* namedPaths(inputs: string[], cwd: string): Generator<{ input: string; real: string }> {
  for (const input of inputs) {
    if (input === '-' || WEB_ADDRESS.test(input)) continue;
    const path = resolve(cwd, input);
    if (existsSync(path)) yield { input, real: realpathSync(path) };
    else if (isDynamicPattern(input)) for (const file of expandInputs([input], cwd)) if (existsSync(file.path)) yield { input: file.shown, real: realpathSync(file.path) };
  }
}

/** The inputs named directly (not the files inside folders): only they can sit where an error file goes. */
function* expandInputsShallow(inputs: string[], cwd: string): Generator<InputFile> {
  for (const input of inputs) {
    if (WEB_ADDRESS.test(input)) continue;
    const path = resolve(cwd, input);
    if (existsSync(path) && !statSync(path).isDirectory()) yield* expandInputs([input], cwd);
  }
}

/** realpath of the deepest existing ancestor, plus the rest: the output may not exist yet. */
export function realish(path: string): string {
  let head = resolve(path);
  const tail: string[] = [];
  while (!existsSync(head) && dirname(head) !== head) {
    tail.unshift(head.slice(dirname(head).length + 1));
    head = dirname(head);
  }
  return join(realpathSync(head), ...tail);
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Every input file's path, size and modification time, hashed; and their bytes. */
function listInputs(files: Iterable<InputFile>): { digest: string; bytes: number } {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const file of files) {
    hash.update(file.path).update('\0').update(String(file.size)).update('\0').update(String(file.mtimeMs ?? '')).update('\0');
    bytes += file.size;
  }
  return { digest: hash.digest('hex'), bytes };
}

/** The rule files' contents decide the output, so they are part of the job a journal resumes. */
function rulesDigest(ruleSet: RuleSet): string {
  const hash = createHash('sha256');
  for (const { path, text } of ruleSet.sources) hash.update(path).update('\0').update(text).update('\0');
  return hash.digest('hex');
}

function summaryLine(summary: BatchSummary, seconds: number, target: OutputTarget, cwd: string): string {
  const { totals } = summary;
  const removed = totals.wordsIn - totals.wordsOut;
  const share = totals.wordsIn ? ((100 * removed) / totals.wordsIn).toFixed(1) : '0.0';
  const outlets = [...totals.outlets].sort();
  const named = outlets.length > SUMMARY_OUTLETS ? [...outlets.slice(0, SUMMARY_OUTLETS), `+${outlets.length - SUMMARY_OUTLETS} more`] : outlets;
  const rules = totals.rules.size;
  const where = outputPath(target);
  const errors = errorsPath(target);
  return (
    `winnow: cleaned ${count(totals.cleaned, 'document')} (${named.join(', ') || 'no outlet'}), ` +
    `${totals.wordsIn.toLocaleString('en')} -> ${totals.wordsOut.toLocaleString('en')} words (${share}% removed by ${count(rules, 'rule')}), ` +
    `${totals.failed.toLocaleString('en')} failed` +
    (totals.skipped ? `, ${totals.skipped.toLocaleString('en')} skipped` : '') +
    (totals.warned ? `, ${totals.warned.toLocaleString('en')} with warnings` : '') +
    `, ${seconds.toFixed(2)} s` +
    (where ? `; output in ${shownPath(cwd, where)}` : '') +
    (totals.failed && errors ? `; errors in ${shownPath(cwd, errors)}` : '')
  );
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** Values of CLEAN_OPTIONS as parsed. */
export type CleanValues = ReturnType<typeof parseArgs<{ options: typeof CLEAN_OPTIONS; allowPositionals: true }>>['values'];

/** A clean run as its options describe it: what it reads, how it cleans, where it writes, and the digest of all that. */
export interface CleanPlan {
  target: OutputTarget;
  setup: WorkerSetup;
  corpus: BatchOptions['corpus'];
  ruleSet: RuleSet;
  /** One document to stdout: cleaned in this thread. */
  inProcess: boolean;
  files: () => Iterable<InputFile>;
  /** The input files' digest and bytes (runs into --out). */
  listing?: { digest: string; bytes: number };
  /** Digest of everything that decides the output. */
  job: string;
  report?: ReportSink;
  /** The report's file and settings (`--report`, `--warn-*`). */
  reportPath?: string;
  thresholds: Thresholds;
  /** Seconds per document (0: none). */
  timeout: number;
}

/** Check the options of a clean run and plan it (rules loaded, inputs listed); throws UsageError. */
export function planClean(values: CleanValues, positionals: string[], io: Io): CleanPlan {
  const asked = oneOf(values.format, FORMATS, '--format');
  // `jsonl` is the line --out FILE.jsonl writes (its text is the text format's): a streaming mapper's output.
  const lines = asked === 'jsonl';
  const format: Format = lines ? 'text' : (asked as Format);
  const inputFormat = oneOf(values['input-format'], INPUT_FORMATS, '--input-format') as InputFormat;
  if (values.type !== undefined && values.type !== 'html' && values.type !== 'text') throw new UsageError(`Unknown --type ${values.type}; expected html or text`);
  if (values.parser !== undefined && !HTML_PARSERS.includes(values.parser as HtmlParser)) {
    throw new UsageError(`Unknown --parser ${values.parser}; expected ${HTML_PARSERS.join(' or ')}`);
  }
  const timeout = timeoutOption(values.timeout);
  const maxBytes = parseSize(values['max-bytes']);
  const thresholds = reportThresholds(values);
  if (values.report === undefined && Object.keys(thresholds).length > 0) throw new UsageError('--warn-removed, --warn-kept, --warn-rule and --report-texts set the report: add --report FILE');
  if (positionals.length === 0) throw new UsageError('No input given; pass files, folders, globs or - for stdin (see winnow clean --help)');

  const target = outputTarget(values.out === undefined ? undefined : resolve(io.cwd, values.out));
  const files = () => expandInputs(positionals, io.cwd);
  const several = holdsSeveral(positionals, io.cwd, inputFormat);
  // One document to stdout is cleaned here: a worker would cost more than the work. It needs one
  // outlet's rules, so outlet files are compiled when that document asks for them (unless a
  // report, which lists every rule, is wanted).
  const inProcess = target.kind === 'stdout' && !several;
  const ruleSet = loadRules(rulesDir(values.rules, io.cwd), { deferOutlets: inProcess && values.report === undefined });
  if (values.outlet !== undefined && !ruleSet.hasOutlet(values.outlet)) throw new UnknownOutletError(values.outlet, ruleSet.outletNames());
  if (lines && target.kind === 'folder') throw new UsageError('--format jsonl writes JSON lines to stdout or to --out FILE.jsonl, not to a folder');
  if (target.kind === 'stdout') {
    if (format !== 'json' && !lines && several) throw new UsageError('Several documents need --out DIR or --out FILE.jsonl (or --format json for JSON lines on stdout)');
    if (values.resume) throw new UsageError('--resume needs --out: a run to stdout cannot be resumed');
  } else {
    if (target.kind === 'folder' && existsSync(target.dir) && !statSync(target.dir).isDirectory()) {
      throw new UsageError(`--out ${shownPath(io.cwd, target.dir)} is a file; pass a folder (one cleaned file per document) or FILE.jsonl (one JSON line per document)`);
    }
    guardOutput(target, positionals, io.cwd);
    if (target.kind === 'jsonl' && !values.resume && existsSync(target.path)) {
      io.stderr.write(`winnow: ${shownPath(io.cwd, target.path)} exists; this run replaces it when it finishes\n`);
    }
  }

  const setup = {
    // Workers are sent the checked files; in this thread the compiled set is used as it is.
    rules: { dir: ruleSet.dir, files: inProcess ? [] : ruleSet.checked() },
    cwd: io.cwd,
    output: target.kind === 'jsonl' || lines ? ('jsonl' as const) : ('document' as const),
    format,
    fields: { ...(values.field !== undefined ? { content: values.field } : {}), url: values['url-field'], id: values['id-field'], outlet: values['outlet-field'] },
    ...(values.outlet !== undefined ? { outlet: values.outlet } : {}),
    ...(values.url !== undefined ? { url: values.url } : {}),
    ...(values.type !== undefined ? { type: values.type as InputType } : {}),
    ...(values.parser !== undefined ? { parser: values.parser as HtmlParser } : {}),
    ...(values['no-title'] ? { noTitle: true } : {}),
    report: values.report !== undefined,
  };
  const reportPath = values.report === undefined ? undefined : reportTarget(io.cwd, values.report, '--report');
  if (reportPath !== undefined) guardReport(reportPath, values.report!, positionals, io.cwd);
  const builder = reportPath === undefined ? undefined : new ReportBuilder({ ruleSet, root: io.cwd, ...thresholds });
  const report = builder && reportPath ? { add: (result: CleanResult) => builder.add(result), finish: () => writeReport(reportPath, builder.build()) } : undefined;
  // The files the inputs hold now: a resumed run must read the same ones (none added, removed or
  // changed). One listing gives their digest and, for progress, their size.
  const listing = target.kind === 'stdout' ? undefined : listInputs(files());
  const job = digest({
    inputs: positionals.map((p) => (p === '-' || WEB_ADDRESS.test(p) ? p : resolve(io.cwd, p))),
    files: listing?.digest,
    target,
    setup: { ...setup, rules: undefined, cwd: undefined },
    inputFormat,
    maxBytes,
    rules: rulesDigest(ruleSet),
  });

  const corpus = { maxBytes, inputFormat, stdin: () => stdinOf(io), fetchTimeoutMs: timeout * 1000 };
  return { target, setup, corpus, ruleSet, inProcess, files, ...(listing ? { listing } : {}), job, ...(report ? { report } : {}), ...(reportPath !== undefined ? { reportPath } : {}), thresholds, timeout };
}
