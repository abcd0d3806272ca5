/**
 * Two revisions of the engine on the same pages in the same process, page by page: the way to
 * tell what a change does from the machine's drift (on a shared VM the same pass can take twice
 * as long an hour later, so two benchmark runs made apart compare spells of the machine).
 *
 *   npm run bench:build && node build/bench/compare.js <rev-a> <rev-b> [CORPUS] [--rounds 3] [--limit N] [--record]
 *
 * Reads one of ../shared's corpora in the Dragnet layout (CORPUS, by default
 * ../shared/corpus/dragnet-train); `--record` writes the `compare` section of bench/RESULTS.md.
 * A revision is anything `git` names (a commit, `HEAD~2`, a branch), checked out into a
 * temporary worktree that borrows this checkout's node_modules and compiled with its own
 * tsconfig.bench.json; `.` is this checkout as built by `npm run bench:build`. Each revision
 * cleans with its own rules/.
 *
 * Two child processes, each pinned to one core (`taskset -c 0` when available): one loads A's
 * modules first, the other B's. They run with `--preserve-symlinks`, so that each revision loads
 * its own copy of the packages (its worktree links to this checkout's node_modules): with one
 * shared htmlparser2, whose tokenizer then calls two builders, the same code ran up to 20% apart
 * by load order, and 2-3% apart with its own copies. In each, every page is parsed, walked
 * (`scanPage`) and cleaned (`runWithSafetyNet`) by both revisions, taking turns at going first,
 * page by page and round by round (the second parse of the same page ran faster too). Reports the median seconds per pass of each step over both processes' rounds, and B's
 * engine (walk + rules) and B's whole run (parse + walk + rules) against A's, round by round.
 * Run from the repository root; needs revisions with `scanPage` (from d6ef92d), in the layout
 * before the house (src/engine, src/parse, src/rules) or after it (src/kernel, src/fast-html, src/io).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS, readDragnet } from './dragnet.js';
import { machine, nodeOnOneCore } from './machine.js';
import { warmUpPages } from './passes.js';
import { commandLine, recordSection } from './record.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    limit: { type: 'string' },
    record: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});

/** Seconds per pass of each step, for one revision in one round. */
interface Steps {
  parse: number;
  walk: number;
  rules: number;
}

interface Engine {
  parse: (html: string) => unknown;
  scan: (tree: unknown) => unknown;
  run: (tree: unknown, rules: unknown, page: unknown) => unknown;
  rules: unknown;
}

/** Where each module the comparison loads lives: in the house layout (fcc4c57 on), then before it. */
const MODULES = {
  parser: ['fast-html/tree-builder.js', 'parse/fast-html.js'],
  page: ['kernel/engine/page.js', 'engine/page.js'],
  relax: ['kernel/engine/relax.js', 'engine/relax.js'],
  ruleset: ['io/rules.js', 'rules/ruleset.js'],
};

/** A compiled revision: `root` holds its rules/ and its build/ (from tsconfig.bench.json). */
async function loadEngine(root: string): Promise<Engine> {
  const module = (paths: string[]) => {
    const found = paths.map((path) => join(root, 'build', 'src', path)).find((path) => existsSync(path));
    if (found === undefined) throw new Error(`${root}: none of build/src/${paths.join(', build/src/')}; compare revisions from d6ef92d on`);
    return import(pathToFileURL(found).href);
  };
  const [parser, page, relax, ruleset] = await Promise.all([module(MODULES.parser), module(MODULES.page), module(MODULES.relax), module(MODULES.ruleset)]);
  if (typeof page.scanPage !== 'function') throw new Error(`${root}: this revision has no scanPage; compare revisions from d6ef92d on`);
  return {
    parse: parser.fastHtmlToHast,
    scan: page.scanPage,
    run: relax.runWithSafetyNet,
    rules: ruleset.loadRules(join(root, 'rules')).forOutlet(undefined).rules,
  };
}

/** The child: load both revisions (`order` says which first), time `rounds` passes, print them as JSON lines. */
async function child(roots: [string, string], first: 0 | 1, corpus: string): Promise<void> {
  const engines: Engine[] = [];
  for (const k of first === 0 ? [0, 1] : [1, 0]) engines[k] = await loadEngine(roots[k]);
  const pages = readDragnet(corpus, values.limit ? Number(values.limit) : Infinity).map((p) => p.html);
  const now = process.hrtime.bigint;
  // Which revision goes first on a page changes from page to page and from round to round, and
  // the child that loads B first starts the other way round: over a child's pair of rounds each
  // page has each revision first once. (Alternating by page alone favoured A: the same revision
  // against itself gave 105%, now 98-100%; on dragnet-train the odd places hold 3% more bytes.)
  const pass = (subset: string[], round: number): Steps[] => {
    const ns = [0, 1].map(() => ({ parse: 0n, walk: 0n, rules: 0n }));
    for (let i = 0; i < subset.length; i++) {
      for (const k of (i + round + first) % 2 === 0 ? [0, 1] : [1, 0]) {
        const engine = engines[k];
        const t0 = now();
        const tree = engine.parse(subset[i]);
        const t1 = now();
        const page = engine.scan(tree);
        const t2 = now();
        engine.run(tree, engine.rules, page);
        const t3 = now();
        ns[k].parse += t1 - t0;
        ns[k].walk += t2 - t1;
        ns[k].rules += t3 - t2;
      }
    }
    return ns.map((s) => ({ parse: Number(s.parse) / 1e9, walk: Number(s.walk) / 1e9, rules: Number(s.rules) / 1e9 }));
  };
  pass(warmUpPages(pages), 0);
  for (let r = 0; r < Math.max(1, Number(values.rounds)); r++) console.log(JSON.stringify(pass(pages, r)));
}

/** Check `rev` out into a temporary worktree and compile it; `.` is this checkout's own build. */
function prepare(rev: string, label: string, scratch: string): string {
  if (rev === '.') {
    if (!existsSync(join('build', 'src'))) throw new Error('build/ is missing: run `npm run bench:build` first');
    return process.cwd();
  }
  const dir = join(scratch, `${label}-${rev.replace(/[^\w.-]+/g, '_')}`);
  execFileSync('git', ['worktree', 'add', '--detach', '--quiet', dir, rev], { stdio: 'inherit' });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  execFileSync(process.execPath, [resolve('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.bench.json'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

/** Run one child and collect its rounds. */
function runChild(roots: [string, string], first: 0 | 1, corpus: string): Promise<Steps[][]> {
  const args = [process.argv[1], '--child', String(first), roots[0], roots[1], corpus, '--rounds', values.rounds!];
  if (values.limit) args.push('--limit', values.limit);
  return new Promise((done, fail) => {
    const [command, commandArgs] = nodeOnOneCore(['--preserve-symlinks', ...args]);
    const proc = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.on('error', fail);
    proc.on('exit', (code) => {
      if (code !== 0) fail(new Error(`the child that loads ${first === 0 ? 'A' : 'B'} first exited with ${code}`));
      else done(out.trim().split('\n').map((line) => JSON.parse(line) as Steps[]));
    });
  });
}

/**
 * The median, of an even count the mean of the two middle values: rounds come in pairs (one per
 * load order), so no single round is the middle one (speed.ts's `middle` picks a pass that ran).
 */
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main(): Promise<void> {
  const [revA, revB, corpusArg = DEFAULT_CORPUS] = positionals;
  if (revA === undefined || revB === undefined) throw new Error('usage: node build/bench/compare.js <rev-a> <rev-b> [corpus] [--rounds 3] [--limit N] [--record]');
  const corpus = resolve(corpusArg);
  const scratch = mkdtempSync(join(tmpdir(), 'winnow-compare-'));
  const worktrees: string[] = [];
  try {
    const roots = [revA, revB].map((rev, k) => {
      const root = prepare(rev, k === 0 ? 'a' : 'b', scratch);
      if (root !== process.cwd()) worktrees.push(root);
      return root;
    }) as [string, string];
    const rounds = [...(await runChild(roots, 0, corpus)), ...(await runChild(roots, 1, corpus))];
    const step = (k: 0 | 1, name: keyof Steps) => median(rounds.map((r) => r[k][name]));
    const engine = (s: Steps) => s.walk + s.rules;
    const ratios = rounds.map((r) => engine(r[1]) / engine(r[0]));
    const whole = (s: Steps) => s.parse + s.walk + s.rules;
    const wholeRatios = rounds.map((r) => whole(r[1]) / whole(r[0]));
    /** A revision as given, with the commit it named on the day (`HEAD` moves). */
    const named = (rev: string) => {
      const commit = execFileSync('git', ['rev-parse', '--short', rev === '.' ? 'HEAD' : rev], { encoding: 'utf8' }).trim();
      return rev === '.' ? `. (checkout of ${commit})` : rev.startsWith(commit) ? rev : `${rev} (${commit})`;
    };
    const row = (k: 0 | 1, rev: string) => {
      const [parse, walk, rules] = [step(k, 'parse'), step(k, 'walk'), step(k, 'rules')];
      return `| ${k === 0 ? 'A' : 'B'}: ${named(rev)} | ${parse.toFixed(2)} | ${walk.toFixed(2)} | ${rules.toFixed(2)} | ${Math.round((100 * (walk + rules)) / parse)}% |`;
    };
    const byRound = (xs: number[]) => `| ${xs.map((x) => `${Math.round(100 * x)}%`).join(' | ')} | ${Math.round(100 * median(xs))}% |`;
    const table = [
      `## Two revisions compared on ${corpusArg.split('/').slice(-2).join('/')}`,
      '',
      `${machine()}. Command: \`${commandLine()}\`.`,
      `${rounds.length} rounds: ${rounds.length / 2} in a process that loaded A first, ${rounds.length / 2} in one that loaded B first; every page parsed, walked and cleaned by both, taking turns at going first. Medians of the rounds' seconds per pass.`,
      '',
      '| revision | parse | walk | rules | walk + rules, share of the parse |',
      '|---|---:|---:|---:|---:|',
      row(0, revA),
      row(1, revB),
      '',
      `| B against A | ${rounds.map((_, i) => `round ${i + 1}`).join(' | ')} | median |`,
      `|---|${rounds.map(() => '---:|').join('')}---:|`,
      `| walk + rules ${byRound(ratios)}`,
      `| parse + walk + rules ${byRound(wholeRatios)}`,
    ].join('\n');
    console.log(table);
    if (values.record) recordSection('compare', table);
  } finally {
    for (const dir of worktrees) execFileSync('git', ['worktree', 'remove', '--force', dir]);
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (values.child !== undefined) {
  const [rootA, rootB, corpus] = positionals;
  await child([rootA, rootB], values.child === '1' ? 1 : 0, corpus);
} else {
  await main();
}
