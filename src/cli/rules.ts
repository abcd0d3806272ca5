/** `winnow rules <check>`: work with rule folders. */
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { checkRules, ruleFilePaths } from '../rules/ruleset.js';
import { EXIT, UsageError, rulesDir, type Io } from './io.js';

export const RULES_HELP = `Usage: winnow rules <command> [options]

Commands:
  check [DIR]        validate every rule file in DIR (default: ./rules); exit 1 on any problem

Options:
  -h, --help         show this help`;

export async function rulesCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '-h' || sub === '--help') {
    io.stdout.write(`${RULES_HELP}\n`);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  if (sub === 'check') return check(rest, io);
  throw new UsageError(`Unknown command \`rules ${sub}\`; expected one of: check`);
}

function check(argv: string[], io: Io): number {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { rules: { type: 'string' } } });
  const dir = rulesDir(positionals[0] ?? values.rules, io.cwd);
  const { ruleSet, errors } = checkRules(dir);
  const shown = relative(io.cwd, dir) || '.';
  for (const error of errors) io.stderr.write(`${relative(io.cwd, error.file) || error.file}:${error.line}:${error.column}: ${error.reason}${error.hint ? `\n  ${error.hint}` : ''}\n`);
  if (!ruleSet) {
    io.stderr.write(`winnow: ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${shown}\n`);
    return EXIT.failed;
  }
  const files = ruleFilePaths(dir).length;
  const rules = ruleSet.files().reduce((n, f) => n + f.rules.length, 0);
  io.stdout.write(`${shown}: ${files} rule file${files === 1 ? '' : 's'}, ${rules} rules, ${ruleSet.outlets.size} outlet${ruleSet.outlets.size === 1 ? '' : 's'}: OK\n`);
  return EXIT.ok;
}
