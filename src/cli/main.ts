/**
 * The `winnow` command line. `execute(argv)` returns the exit code and never calls process.exit,
 * so tests (and other programs) can run it in-process. Each command's module is loaded only when
 * it runs: `winnow --help` loads none of them.
 */
import { readFileSync } from 'node:fs';
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

Run \`winnow <command> --help\` for a command's options.
Exit codes: 0 success, 1 some documents or checks failed, 2 usage or rule-file errors.`;

type Command = (argv: string[], io: Io) => Promise<number>;

/** Each command, loaded when it runs. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  clean: async () => (await import('./clean.js')).cleanCommand,
  explain: async () => (await import('./explain.js')).explainCommand,
  learn: async () => (await import('./learn.js')).learnCommand,
  rules: async () => (await import('./rules.js')).rulesCommand,
  report: async () => (await import('./report.js')).reportCommand,
  eval: async () => (await import('./eval.js')).evalCommand,
};

export const processIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: () => readFileSync(0, 'utf8'),
  stdinBytes: () => process.stdin,
  cwd: process.cwd(),
});

export async function execute(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help') {
    io.stdout.write(`${HELP}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = COMMANDS[name];
  try {
    if (!load) throw new UsageError(`Unknown command \`${name}\`; expected one of: ${Object.keys(COMMANDS).join(', ')}`);
    return await (await load())(rest, io);
  } catch (error) {
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
