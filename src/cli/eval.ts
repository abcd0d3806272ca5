/** `winnow eval`: score cleaned text against gold text, per document, macro-averaged and per rule. */
import { shownPath } from '../io/shown.js';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UnknownOutletError } from '../kernel/rules/errors.js';
import { readDocuments, type SourceDocument } from '../io/sources/corpus.js';
import { expandInputs } from '../io/sources/inputs.js';
import { evaluate, type EvalMode } from '../eval/evaluate.js';
import { GoldFinder, hasGoldBeside } from '../io/sources/gold.js';
import { renderEvalTable } from '../eval/table.js';
import { HTML_FILE, type InputType } from '../kernel/parse/index.js';
import { loadRules } from '../io/rules.js';
import { EXIT, oneOf, timeoutOption, UsageError, rulesDir, type Io } from './io.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../io/time-limit.js';
import { duration } from '../io/batch/progress.js';

/** How often progress is redrawn on a terminal, and written as a line otherwise. */
const PROGRESS_TTY_MS = 250;
const PROGRESS_LINES_MS = 10_000;

export const EVAL_HELP = `Usage: winnow eval <input...> [--gold DIR] [options]

Score documents against their gold text: word and 4-word-shingle precision, recall and F1 per
document and macro-averaged (as shared/tools/score.mjs computes them), and per rule its false
removals (removed words that are in the gold), its precision, and the corpus F1 without it.

Gold is \`name.gold.txt\` beside a document, else in the --gold folder under the same name
(\`name.gold.txt\` in a corpus folder, \`name.txt\` in a folder of gold texts, e.g. html/ID.html -> gold/ID.txt).

Options:
  --gold DIR         folder holding the gold texts (default: only gold beside the documents)
  --mode MODE        clean: the inputs are raw documents; clean them in memory with the rules and
                     score per rule too. score: the inputs are cleaned text (winnow clean --out);
                     score them as they are. auto (default): clean when an input is HTML or has
                     its gold beside it, else score
  --no-ablation      skip re-cleaning without each rule (faster; no "F1 without" column)
  --timeout SECONDS  time limit for cleaning one document; over it, the document fails
                     (default: ${DEFAULT_TIMEOUT_SECONDS}; 0: none)
  --no-title         clean mode: score the body alone, without the title line (for gold that
                     holds the article body only, as news extraction benchmarks do)
  --format FORMAT    text (default) or json
  --documents        with text: list every document (default: all up to 20, else the 10 worst)
  --rules DIR        rules folder (default: ./rules, else the bundled rules)
  --outlet NAME      apply this outlet's rules to every document
  --url URL          the documents' URL (its host picks the outlet)
  --type TYPE        html or text (default: from the file name, else from the content)
  -h, --help         show this help

Exit codes: 0 scored, 1 some documents failed or none had gold, 2 usage or rule-file errors.`;

const FORMATS = ['text', 'json'] as const;
const MODES = ['auto', 'clean', 'score'] as const;

export async function evalCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      gold: { type: 'string' },
      mode: { type: 'string', default: 'auto' },
      'no-ablation': { type: 'boolean', default: false },
      timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_SECONDS) },
      'no-title': { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      documents: { type: 'boolean', default: false },
      rules: { type: 'string' },
      outlet: { type: 'string' },
      url: { type: 'string' },
      type: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${EVAL_HELP}\n`);
    return EXIT.ok;
  }
  oneOf(values.format, FORMATS, '--format');
  oneOf(values.mode, MODES, '--mode');
  if (values.type !== undefined && values.type !== 'html' && values.type !== 'text') throw new UsageError(`Unknown --type ${values.type}; expected html or text`);
  if (positionals.length === 0) throw new UsageError('No input given; pass the documents (or cleaned text) to score, e.g. winnow eval corpus/ (see winnow eval --help)');
  if (positionals.includes('-')) throw new UsageError('Unexpected - (stdin): eval needs files, to find their gold text');
  const inputs = positionals.map((p) => resolve(io.cwd, p));
  const goldDir = values.gold === undefined ? undefined : resolve(io.cwd, values.gold);
  if (goldDir !== undefined && (!existsSync(goldDir) || !statSync(goldDir).isDirectory())) {
    throw new UsageError(`--gold ${values.gold} is not a folder; pass the folder that holds the gold texts`);
  }

  const mode: EvalMode = values.mode === 'auto' ? guessMode(inputs, io.cwd) : (values.mode as EvalMode);
  const ruleSet = mode === 'clean' ? loadRules(rulesDir(values.rules, io.cwd)) : undefined;
  if (ruleSet && values.outlet !== undefined && !ruleSet.hasOutlet(values.outlet)) throw new UnknownOutletError(values.outlet, ruleSet.outletNames());

  const documents: SourceDocument[] = [];
  for await (const doc of readDocuments(inputs, { cwd: io.cwd })) documents.push(doc);
  const result = evaluate(documents, {
    mode,
    gold: new GoldFinder(goldDir),
    ruleSet,
    outlet: values.outlet,
    url: values.url,
    type: values.type as InputType | undefined,
    ablation: !values['no-ablation'],
    noTitle: values['no-title'],
    root: io.cwd,
    onDocument: evalProgress(io),
    timeoutMs: timeoutOption(values.timeout) * 1000,
  });

  for (const { id, error } of result.failed) io.stderr.write(`winnow: ${id}: ${error}\n`);
  if (values.format === 'json') {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const what = mode === 'clean' ? `cleaned in memory with the rules in ${shownPath(io.cwd, ruleSet!.dir)}/` : 'scored as given: cleaned text';
    io.stdout.write(`winnow eval: ${result.documents.length} document${result.documents.length === 1 ? '' : 's'}, ${what} (mode ${mode})\n\n`);
    io.stdout.write(renderEvalTable(result, { documents: values.documents }));
  }
  if (result.documents.length === 0) {
    io.stderr.write('winnow: no document had gold text; put name.gold.txt beside each document or pass --gold DIR\n');
    return EXIT.failed;
  }
  return result.failed.length > 0 ? EXIT.failed : EXIT.ok;
}

/** Progress on standard error while documents are cleaned and scored: a line redrawn on a terminal, else a line every 10 s; nothing for a run shorter than that. */
export function evalProgress(io: Pick<Io, 'stderr'>, now: () => number = Date.now): (done: number, total: number) => void {
  const tty = io.stderr.isTTY === true;
  const interval = tty ? PROGRESS_TTY_MS : PROGRESS_LINES_MS;
  const started = now();
  let shown = false;
  let last = started;
  return (done, total) => {
    const at = now();
    const finished = done === total;
    if (finished ? !shown : at - last < interval) return;
    last = at;
    shown = true;
    const rate = done / Math.max(0.001, (at - started) / 1000);
    const left = finished ? 'done' : rate > 0 ? `about ${duration((total - done) / rate)} left` : '';
    const line = `winnow eval: ${done.toLocaleString('en')}/${total.toLocaleString('en')} documents, ${rate.toFixed(1)}/s, ${left}`;
    io.stderr.write(tty ? `\r${line}\u001b[K${finished ? '\n' : ''}` : `${line}\n`);
  };
}

/** Raw inputs are HTML, or sit in a corpus with their gold beside them; anything else is cleaned text. */
function guessMode(inputs: string[], cwd: string): EvalMode {
  for (const { path } of expandInputs(inputs, cwd)) {
    if (HTML_FILE.test(path) || hasGoldBeside(path)) return 'clean';
  }
  return 'score';
}
