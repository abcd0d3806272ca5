/**
 * bench/RESULTS.md holds one section per benchmark between `<!-- NAME -->` and `<!-- /NAME -->`
 * markers; `--record` replaces that section and leaves the others as they are.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const RESULTS = join(process.cwd(), 'bench', 'RESULTS.md');

const PREAMBLE = '# Benchmark results\n\nEach section is written by the command it names; rerun that command to update it. docs/benchmarks.md says what each bench measures and how to read it.\n';

export function recordSection(name: string, markdown: string, file = RESULTS, preamble = PREAMBLE): void {
  const start = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : preamble;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

/** Arguments that need no quoting in a shell. */
const PLAIN = /^[\w@%+=:,./-]+$/;

/**
 * The command that ran this process, as typed from the repository root: `node`, its flags, the
 * script and its arguments (`--record` included), after the builds it needs (`npm run bench:build`
 * by default).
 */
export function commandLine(builds = 'npm run bench:build'): string {
  const quote = (arg: string) => (PLAIN.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  const words = ['node', ...process.execArgv, relative(process.cwd(), process.argv[1]), ...process.argv.slice(2)];
  return `${builds} && ${words.map(quote).join(' ')}`;
}
