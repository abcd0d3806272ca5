/**
 * The `winnow` command line. `execute(argv)` returns the exit code and never calls process.exit,
 * so tests (and other programs) can run it in-process. Each command's module is loaded only when
 * it runs: `winnow --help` loads none of them.
 */
import { readFileSync } from 'node:fs';
import { nearest } from '../kernel/text/nearest.js';
import { RulesLoadError, UnknownOutletError } from '../kernel/rules/errors.js';
import { ReportFileError } from '../report/errors.js';
import { EXIT, UsageError, type Io } from './io.js';

export const HELP = `Usage: winnow <command> [options]

Commands:
  clean <input...>   clean documents, folders, JSONL or WARC files with per-outlet rules,
                     on every core, resumable (winnow clean --help)
  explain <file|->   show a document with each removed block marked by its rule (winnow explain --help)
  learn <input...>   propose an outlet's rules from its pages, with evidence (winnow learn --help)
  rules check [DIR]  validate rule files and rule tests
  rules test         run the rule tests beside the rules (must-keep / must-drop snippets)
  rules print        the resolved rule list of an outlet (--outlet NAME), with origins
  rules schema       JSON Schema of rule files, for editors
  rules kinds        the reference of the rule kinds, with an example of each
  report <file>      show a removal report as tables, JSON or an HTML page (winnow report --help)
  eval <input...>    score cleaned text against gold text, per document and per rule (winnow eval --help)
  submit <input...>  put a corpus on a Redis queue in shards, for workers on many machines (winnow submit --help)
  worker             clean shards from the queue (winnow worker --help)
  status             a queued run's progress: shards, documents, rate, failed shards (winnow status --help)

Run \`winnow <command> --help\` (or \`winnow help <command>\`) for a command's options; \`winnow --version\` prints the version.
Exit codes: 0 success, 1 some documents or checks failed, 2 usage or rule-file errors.`;

type Command = (argv: string[], io: Io) => Promise<number>;

/** Each command and its help, loaded when it runs. */
const COMMANDS: Record<string, () => Promise<{ run: Command; help: string }>> = {
  clean: async () => { const m = await import('./clean.js'); return { run: m.cleanCommand, help: m.CLEAN_HELP }; },
  explain: async () => { const m = await import('./explain.js'); return { run: m.explainCommand, help: m.EXPLAIN_HELP }; },
  learn: async () => { const m = await import('./learn.js'); return { run: m.learnCommand, help: m.LEARN_HELP }; },
  rules: async () => { const m = await import('./rules.js'); return { run: m.rulesCommand, help: m.RULES_HELP }; },
  report: async () => { const m = await import('./report.js'); return { run: m.reportCommand, help: m.REPORT_HELP }; },
  eval: async () => { const m = await import('./eval.js'); return { run: m.evalCommand, help: m.EVAL_HELP }; },
  submit: async () => { const m = await import('./cluster.js'); return { run: m.submitCommand, help: m.SUBMIT_HELP }; },
  worker: async () => { const m = await import('./cluster.js'); return { run: m.workerCommand, help: m.WORKER_HELP }; },
  status: async () => { const m = await import('./cluster.js'); return { run: m.statusCommand, help: m.STATUS_HELP }; },
};

/** The package's version (package.json, two folders above this module in src/ and in dist/). */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** " Did you mean `x`?" when `given` is a slip of one of `known`. */
function didYouMean(given: string, known: readonly string[]): string {
  const near = nearest(given, known);
  return near ? ` Did you mean \`${near}\`?` : '';
}

export const processIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: () => readFileSync(0, 'utf8'),
  stdinBytes: () => process.stdin,
  cwd: process.cwd(),
});

export async function execute(argv: string[], io: Io = processIo()): Promise<number> {
  const [first, ...after] = argv;
  if (first === undefined) {
    io.stderr.write(`${HELP}\n`);
    return EXIT.usage;
  }
  if (first === '-h' || first === '--help' || (first === 'help' && after.length === 0)) {
    io.stdout.write(`${HELP}\n`);
    return EXIT.ok;
  }
  if (first === '-V' || first === '--version') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  // `winnow help clean` is `winnow clean --help`.
  const [name, rest] = first === 'help' ? [after[0], [...after.slice(1), '--help']] : [first, after];
  const load = COMMANDS[name];
  let help = '';
  try {
    if (!load) throw new UsageError(`Unknown command \`${name}\`.${didYouMean(name, Object.keys(COMMANDS))} Expected one of: ${Object.keys(COMMANDS).join(', ')}`);
    const command = await load();
    help = command.help;
    return await command.run(rest, io);
  } catch (error) {
    const unknown = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? (error as Error).message.match(/Unknown option '([^']+)'/)?.[1] : undefined;
    if (unknown !== undefined) {
      const options = [...new Set(help.match(/--[a-z][a-z-]*/g) ?? [])];
      io.stderr.write(`winnow: Unknown option \`${unknown}\`.${didYouMean(unknown, options)} (winnow ${name} --help lists the options)\n`);
      return EXIT.usage;
    }
    if (error instanceof RulesLoadError) {
      for (const e of error.errors) io.stderr.write(`${e.message}\n`);
      io.stderr.write(`winnow: the rules have ${error.errors.length} problem${error.errors.length === 1 ? '' : 's'}; fix them (winnow rules check) and run again\n`);
      return EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof UnknownOutletError || error instanceof ReportFileError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`winnow: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
