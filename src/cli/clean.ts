/** `winnow clean`: clean documents with the rules, to stdout or a mirrored output folder. */
import { mkdirSync, realpathSync, renameSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { clean, UnknownOutletError, type CleanResult } from '../clean.js';
import { readDocuments, listDocuments, type SourceDocument } from '../corpus/documents.js';
import { DEFAULT_HTML_PARSER, HTML_PARSERS, type HtmlParser, type InputType } from '../parse/index.js';
import { loadRules } from '../rules/ruleset.js';
import { RulesLoadError } from '../rules/errors.js';
import { ReportBuilder } from '../report/builder.js';
import { reportTarget, writeReport } from '../report/write.js';
import { EXIT, UsageError, rulesDir, type Io } from './io.js';

export const CLEAN_HELP = `Usage: winnow clean <input...> [options]

Clean documents (HTML or plain text files, folders of them, or - for stdin).

Options:
  --out DIR          write one cleaned file per input into DIR, mirroring input names
  --format FORMAT    text (default), html (cleaned HTML) or json (text, metadata, removals)
  --rules DIR        rules folder (default: ./rules, else the rules bundled with winnow)
  --outlet NAME      apply this outlet's rules to every document
  --url URL          the document's URL (its host picks the outlet)
  --type TYPE        html or text (default: from the file name, else from the content)
  --parser NAME      HTML parser: fast (default) or parse5 (the reference, as rehype-parse)
  --report FILE      also write a removal report as JSON (read it with winnow report FILE)
  --quiet            no summary line
  -h, --help         show this help

Exit codes: 0 all documents cleaned, 1 some documents failed, 2 usage or rule-file errors.`;

const FORMATS = ['text', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];
const EXTENSION: Record<Format, string> = { text: '.txt', html: '.html', json: '.json' };

export async function cleanCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      format: { type: 'string', default: 'text' },
      rules: { type: 'string' },
      outlet: { type: 'string' },
      url: { type: 'string' },
      type: { type: 'string' },
      parser: { type: 'string', default: DEFAULT_HTML_PARSER },
      quiet: { type: 'boolean', default: false },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${CLEAN_HELP}\n`);
    return EXIT.ok;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown --format ${values.format}; expected text, html or json`);
  if (values.type !== undefined && values.type !== 'html' && values.type !== 'text') throw new UsageError(`Unknown --type ${values.type}; expected html or text`);
  if (!HTML_PARSERS.includes(values.parser as HtmlParser)) throw new UsageError(`Unknown --parser ${values.parser}; expected ${HTML_PARSERS.join(' or ')}`);
  if (positionals.length === 0) throw new UsageError('No input given; pass files, folders or - for stdin (see winnow clean --help)');
  const inputs = positionals.map((p) => (p === '-' ? p : resolve(io.cwd, p)));

  const ruleSet = loadRules(rulesDir(values.rules, io.cwd));
  if (values.outlet !== undefined && !ruleSet.hasOutlet(values.outlet)) throw new UnknownOutletError(values.outlet, [...ruleSet.outlets.keys()]);

  const outDir = values.out === undefined ? undefined : resolve(io.cwd, values.out);
  if (outDir) guardOutput(outDir, inputs);
  else if (inputs.length > 1 || (inputs[0] !== '-' && existsSync(inputs[0]) && statSync(inputs[0]).isDirectory())) {
    if (format !== 'json') throw new UsageError('Several documents need --out DIR (or --format json for JSON lines on stdout)');
  }

  const reportPath = values.report === undefined ? undefined : reportTarget(io.cwd, values.report, '--report');
  const report = reportPath === undefined ? undefined : new ReportBuilder({ ruleSet, root: io.cwd });

  const started = process.hrtime.bigint();
  const totals = { docs: 0, failed: 0, wordsIn: 0, wordsOut: 0 };
  const rulesFired = new Set<string>();
  const outlets = new Set<string>();
  for (const doc of readDocuments(inputs, io.readStdin)) {
    const shown = doc.path === undefined ? '-' : relative(io.cwd, doc.path);
    const result = cleanOne({ ...doc, id: shown, path: doc.path && shown }, values, ruleSet, format === 'html');
    if ('error' in result) {
      totals.failed++;
      io.stderr.write(`winnow: ${shown === '-' ? 'stdin' : shown}: ${result.error}\n`);
      continue;
    }
    result.ruleFiles = result.ruleFiles.map((f) => relative(io.cwd, f));
    totals.docs++;
    totals.wordsIn += result.stats.wordsIn;
    totals.wordsOut += result.stats.wordsOut;
    outlets.add(result.outlet);
    for (const r of result.removals) rulesFired.add(`${r.outlet}/${r.rule}`);
    report?.add(result);
    const body = render(result, format);
    if (outDir) writeAtomic(join(outDir, outputName(doc.relativePath, format)), body);
    else io.stdout.write(body);
  }
  if (report && reportPath) writeReport(reportPath, report.build());
  if (!values.quiet) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const removed = totals.wordsIn - totals.wordsOut;
    const share = totals.wordsIn ? ((100 * removed) / totals.wordsIn).toFixed(1) : '0.0';
    io.stderr.write(
      `winnow: cleaned ${totals.docs} document${totals.docs === 1 ? '' : 's'} (${[...outlets].sort().join(', ') || 'no outlet'}), ` +
        `${totals.wordsIn.toLocaleString('en')} -> ${totals.wordsOut.toLocaleString('en')} words (${share}% removed by ${rulesFired.size} rule${rulesFired.size === 1 ? '' : 's'}), ` +
        `${totals.failed} failed, ${seconds.toFixed(2)} s${outDir ? `; output in ${relative(io.cwd, outDir) || '.'}` : ''}\n`,
    );
  }
  return totals.failed > 0 ? EXIT.failed : EXIT.ok;
}

function cleanOne(
  doc: SourceDocument,
  values: { outlet?: string; url?: string; type?: string; parser?: string },
  ruleSet: ReturnType<typeof loadRules>,
  html: boolean,
): CleanResult | { error: string } {
  if (doc.error !== undefined || doc.content === undefined) return { error: doc.error ?? 'unreadable' };
  try {
    return clean(
      {
        content: doc.content,
        path: doc.path,
        id: doc.id,
        url: values.url ?? doc.url,
        outlet: values.outlet ?? doc.outlet,
        type: values.type as InputType | undefined,
      },
      { rules: ruleSet, html, parser: values.parser as HtmlParser },
    );
  } catch (error) {
    if (error instanceof RulesLoadError) throw error;
    return { error: (error as Error).message };
  }
}

function render(result: CleanResult, format: Format): string {
  if (format === 'text') return result.text;
  if (format === 'html') return result.html ?? '';
  return `${JSON.stringify(result)}\n`;
}

/** `lbc/x.txt` -> `lbc/x.txt` (text), `lbc/x.html` (html), `lbc/x.json` (json). */
function outputName(relativePath: string, format: Format): string {
  const ext = extname(relativePath);
  return `${ext ? relativePath.slice(0, -ext.length) : relativePath}${EXTENSION[format]}`;
}

/** Refuse an output folder that is an input or lies inside an input folder. */
function guardOutput(outDir: string, inputs: string[]): void {
  const out = realish(outDir);
  for (const input of inputs) {
    if (input === '-' || !existsSync(input)) continue;
    const real = realpathSync(input);
    const isDir = statSync(real).isDirectory();
    if (out === real || (isDir && out.startsWith(real + sep))) {
      throw new UsageError(`--out ${outDir} is inside the input ${input}; pick an output folder outside the inputs, so no input is ever overwritten`);
    }
  }
  // A file input that would be written over by its own output name.
  for (const { path } of listDocuments(inputs)) {
    if (existsSync(path) && realpathSync(path).startsWith(out + sep)) {
      throw new UsageError(`--out ${outDir} holds the input ${path}; pick an output folder outside the inputs`);
    }
  }
}

/** realpath of the deepest existing ancestor, plus the rest: the output folder may not exist yet. */
function realish(path: string): string {
  let head = path;
  const tail: string[] = [];
  while (!existsSync(head)) {
    tail.unshift(head.slice(dirname(head).length + 1));
    head = dirname(head);
  }
  return join(realpathSync(head), ...tail);
}

let counter = 0;
/** Write via a temporary file in the same folder, then rename: a reader never sees half a file. */
export function writeAtomic(path: string, body: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${counter++}.tmp`;
  writeFileSync(tmp, body);
  renameSync(tmp, path);
}
