/**
 * `winnow explain`: one document, every block in order, each removed block shown in place with
 * the id of the rule that removed it, then what each rule took. It runs `clean` itself (through
 * `cleanWithTrace`), so what it shows is exactly what `clean` does.
 */
import { shownPath } from '../io/shown.js';
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanWithTrace, UnknownOutletError, type CleanResult } from '../kernel/clean.js';
import { readDocuments } from '../io/sources/corpus.js';
import { withKnownOutlet } from '../io/sources/prepare.js';
import type { EngineResult, Removal } from '../kernel/engine/run.js';
import type { InputType } from '../kernel/parse/index.js';
import type { LoadedRule } from '../kernel/rules/parse.js';
import { RulesLoadError } from '../kernel/rules/errors.js';
import { DEFAULT_OUTLET, type ResolvedRules } from '../kernel/rules/ruleset.js';
import { loadRules } from '../io/rules.js';
import { TEST_FILE } from '../io/rules.js';
import { RULE_FILE } from '../kernel/rules/ruleset.js';
import { annotateBlocks, type AnnotatedBlock } from './annotate.js';
import { colorsFor, type Colors } from './color.js';
import { EXIT, oneOf, stdinOf, timeoutOption, UsageError, rulesDir, type Io } from './io.js';
import { DEFAULT_TIMEOUT_SECONDS, TimeLimitError, withTimeLimit } from '../io/time-limit.js';
import { alignRows } from '../io/table.js';
import { truncate } from '../report/examples.js';
import { WEB_ADDRESS } from '../io/sources/fetch.js';

export const EXPLAIN_HELP = `Usage: winnow explain <file|url|-> [options]

Show a document block by block: each removed block in place, marked with the id of the rule
that removed it ("[- read-more] Read more: ..."), and for an element rule why it took the element
("[- share] (class \`social\` matches \`^share\`)"), text cut out of a block marked inline
("{- syndication-date: date 2024-12-19 -}"), a block a keep rule kept marked with its id
("[+ fact-box] ..."), then per rule: blocks and words removed, and why.
Colour on a terminal (NO_COLOR=1 turns it off).

Options:
  --url URL          the document's URL (its host picks the outlet)
  --outlet NAME      apply this outlet's rules
  --rule ID          mark and count only this rule's removals
  --rules DIR        rules folder (default: ./rules, else the rules bundled with winnow)
  --type TYPE        html or text (default: from the file name, else from the content)
  --no-title         as clean --no-title: the headline is a removal, not the title line
  --timeout SECONDS  time limit for cleaning the document (default: ${DEFAULT_TIMEOUT_SECONDS}; 0: none)
  --format FORMAT    text (default) or json: the blocks, each removal with its rule and why,
                     and the per-rule summary, as one JSON object
  --watch            run again whenever a rule file (or the document) changes; Ctrl-C stops
  -h, --help         show this help

Exit codes: 0 shown, 1 the document could not be read, 2 usage or rule-file errors.`;

/** Wait this long after a change before running again: editors write a file in several steps. */
const WATCH_DEBOUNCE_MS = 100;
/** Clears a terminal screen and its scroll-back, and puts the cursor at the top. */
const CLEAR_SCREEN = '\u001b[2J\u001b[3J\u001b[H';

interface ExplainOptions {
  input: string;
  /** The input as given on the command line, for messages. */
  shown: string;
  rulesDir: string;
  url?: string;
  outlet?: string;
  rule?: string;
  type?: InputType;
  noTitle?: boolean;
  json?: boolean;
  /** Time limit for cleaning, in milliseconds (0: none). */
  timeoutMs: number;
}

export async function explainCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      outlet: { type: 'string' },
      rule: { type: 'string' },
      rules: { type: 'string' },
      type: { type: 'string' },
      watch: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_SECONDS) },
      'no-title': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${EXPLAIN_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(`Unexpected ${positionals.length === 0 ? 'missing document' : `${positionals.length} documents`}, expected one file or - for stdin (see winnow explain --help)`);
  if (values.type !== undefined && values.type !== 'html' && values.type !== 'text') throw new UsageError(`Unknown --type ${values.type}; expected html or text`);
  const format = oneOf(values.format, ['text', 'json'], '--format');
  const web = WEB_ADDRESS.test(positionals[0]);
  const input = positionals[0] === '-' || web ? positionals[0] : resolve(io.cwd, positionals[0]);
  if (input !== '-' && existsSync(input) && statSync(input).isDirectory()) throw new UsageError(`${positionals[0]} is a folder; explain shows one document (use winnow clean for folders)`);
  if (values.watch && (input === '-' || web)) throw new UsageError('--watch needs a file: standard input or a web page is not watched');
  const options: ExplainOptions = {
    input,
    shown: positionals[0],
    rulesDir: rulesDir(values.rules, io.cwd),
    url: values.url,
    outlet: values.outlet,
    rule: values.rule,
    type: values.type as InputType | undefined,
    noTitle: values['no-title'],
    json: format === 'json',
    timeoutMs: timeoutOption(values.timeout) * 1000,
  };
  if (!values.watch) return explainOnce(options, io);
  return watchAndExplain(options, io);
}

/** One run: load the rules, read and clean the document (read and decoded as `clean` reads it), print it. */
async function explainOnce(options: ExplainOptions, io: Io): Promise<number> {
  // One document needs one outlet: outlet files are compiled when it asks for them.
  const ruleSet = loadRules(options.rulesDir, { deferOutlets: true });
  if (options.outlet !== undefined && !ruleSet.hasOutlet(options.outlet)) throw new UnknownOutletError(options.outlet, ruleSet.outletNames());
  const documents = readDocuments([options.input], { cwd: io.cwd, stdin: () => stdinOf(io) });
  const first = await documents.next();
  if (first.done) throw new UsageError(`${options.shown} holds no document to explain`);
  if (!(await documents.next()).done) {
    await documents.return(undefined);
    throw new UsageError(`${options.shown} holds several documents (a JSONL or WARC file); explain shows one: clean them with winnow clean --report, or save one to a file`);
  }
  const doc = first.value;
  const shown = doc.source;
  if (doc.error !== undefined || doc.input === undefined) {
    io.stderr.write(`winnow: ${shown === '-' ? 'stdin' : shown}: ${doc.error ?? 'unreadable'}\n`);
    return EXIT.failed;
  }
  for (const warning of doc.warnings) io.stderr.write(`winnow: ${shown === '-' ? 'stdin' : shown}: warning: ${warning}\n`);
  const input = doc.input;
  let traced: ReturnType<typeof cleanWithTrace>;
  try {
    traced = withTimeLimit(options.timeoutMs, () =>
      cleanWithTrace(
        {
          ...withKnownOutlet(input, ruleSet),
          id: shown,
          ...(options.url !== undefined ? { url: options.url } : {}),
          ...(options.outlet !== undefined ? { outlet: options.outlet } : {}),
          ...(options.type !== undefined ? { type: options.type } : {}),
        },
        { rules: ruleSet, ...(options.noTitle ? { title: false } : {}) },
      ),
    );
  } catch (error) {
    if (!(error instanceof TimeLimitError)) throw error;
    io.stderr.write(`winnow: ${shown === '-' ? 'stdin' : shown}: ${error.message}: a rule is very slow on this document (a pattern that backtracks?)\n`);
    return EXIT.failed;
  }
  const { result, engine } = traced;
  const resolved = ruleSet.forOutlet(result.outlet === DEFAULT_OUTLET ? undefined : result.outlet);
  if (options.rule !== undefined && !resolved.rules.some((r) => r.id === options.rule)) {
    const off = resolved.disabled.find((d) => d.rule.id === options.rule);
    throw new UsageError(
      off
        ? `Rule \`${options.rule}\` is switched off for outlet ${resolved.outlet} (see winnow rules print --outlet ${resolved.outlet})`
        : `Unknown rule \`${options.rule}\` for outlet ${resolved.outlet}; expected one of ${resolved.rules.map((r) => r.id).join(', ')}`,
    );
  }
  const show = (path: string) => shownPath(io.cwd, path);
  if (options.json) io.stdout.write(`${JSON.stringify(explanation({ shown, result, engine, resolved, rule: options.rule, show }), null, 2)}\n`);
  else io.stdout.write(render({ shown, result, engine, resolved, rule: options.rule, show, c: colorsFor(io) }));
  return EXIT.ok;
}

interface RenderInput {
  shown: string;
  result: CleanResult;
  engine: EngineResult;
  resolved: ResolvedRules;
  rule?: string;
  show: (path: string) => string;
  c: Colors;
}

/** The whole explanation: header, blocks in order, per-rule summary. */
export function render({ shown, result, engine, resolved, rule, show, c }: RenderInput): string {
  const lines: string[] = [];
  const from = result.outletFrom === 'none' ? 'no outlet matched: the defaults alone' : `outlet ${result.outlet}, from ${result.outletFrom === 'explicit' ? '--outlet' : result.outletFrom}`;
  lines.push(c.bold(`${shown}: ${from}; rules: ${result.ruleFiles.map(show).join(', ')}`), '');

  const blocks = annotateBlocks(engine);
  const width = String(Math.max(0, ...blocks.map((b) => b.line ?? 0))).length;
  const gutter = (block: AnnotatedBlock) => c.dim(String(block.line ?? '').padStart(width));
  const shows = (removal: Removal | undefined) => marked(removal?.rule, rule);
  let hidden = 0;
  // Why an element rule took a block's element (the class, selector or attribute), where it
  // changes: the element's blocks share it. Block rules' reasons (their patterns) are in the summary.
  const elementRules = new Set(resolved.rules.filter((r) => r.kind.meta.level === 'element').map((r) => r.id));
  let lastWhy: string | undefined;
  const why = (removal: Removal) => {
    const key = `${removal.rule}\0${removal.detail ?? ''}`;
    if (removal.detail === undefined || !elementRules.has(removal.rule) || key === lastWhy) return '';
    lastWhy = key;
    return c.dim(` (${removal.detail})`);
  };
  const flushHidden = () => {
    if (hidden > 0) lines.push(`${' '.repeat(width)}  ${c.dim(`[… ${hidden} block${hidden === 1 ? '' : 's'} removed by other rules]`)}`);
    hidden = 0;
  };
  for (const block of blocks) {
    if (block.removal) {
      if (!shows(block.removal)) {
        hidden++;
        continue;
      }
      flushHidden();
      lines.push(`${gutter(block)}  ${c.red(c.bold(`[- ${block.removal.rule}]`))}${why(block.removal)} ${c.red(c.strikethrough(block.text))}`);
      continue;
    }
    lastWhy = undefined;
    flushHidden();
    const text = block.segments
      .map((s) => {
        if (!s.removal) return s.text;
        if (!shows(s.removal)) return '';
        // Whitespace at the ends of a cut stays outside the marker, where it separates words.
        const [, before, cut, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(s.text)!;
        return `${before}${c.red(`{- ${c.bold(s.removal.rule)}: ${c.strikethrough(cut)} -}`)}${after}`;
      })
      .join('');
    // A block a keep rule kept says so, as a removal names its rule.
    const kept = block.keptBy && marked(block.keptBy.id, rule) ? `${c.green(c.bold(`[+ ${block.keptBy.id}]`))} ` : '';
    lines.push(`${gutter(block)}  ${kept}${text}`);
  }
  flushHidden();

  lines.push('', ...summary(result, resolved, rule, show, c));
  return `${lines.join('\n')}\n`;
}

/** Whether a removal or keep by rule `id` is marked: every rule's, or with `--rule` that rule's alone. */
function marked(id: string | undefined, rule: string | undefined): boolean {
  return id !== undefined && (rule === undefined || id === rule);
}

/** The explanation as data (`--format json`): what `render` prints, for scripts and editors. */
function explanation({ shown, result, engine, resolved, rule, show }: Omit<RenderInput, 'c'>): Record<string, unknown> {
  const mine = (removal: Removal | undefined) => marked(removal?.rule, rule);
  const removalJson = (removal: Removal) => ({ rule: removal.rule, outlet: removal.outlet, kind: removal.kind, ...(removal.detail !== undefined ? { detail: removal.detail } : {}) });
  const blocks = annotateBlocks(engine).map((block) => {
    const cuts = block.segments.filter((s) => mine(s.removal)).map((s) => ({ text: s.text, ...removalJson(s.removal!) }));
    return {
      index: block.index,
      ...(block.line !== undefined ? { line: block.line } : {}),
      text: block.text,
      ...(mine(block.removal) ? { removed: removalJson(block.removal!) } : {}),
      ...(block.keptBy && marked(block.keptBy.id, rule) ? { kept: { rule: block.keptBy.id, outlet: block.keptBy.outlet } } : {}),
      ...(cuts.length > 0 ? { cuts } : {}),
    };
  });
  const rules = perRule(result, resolved, rule).map(({ rule: r, removals, words, why }) => ({
    id: r.id,
    outlet: r.outlet,
    kind: r.kindName,
    blocks: removals.length,
    words,
    file: show(r.origin.file),
    line: r.origin.line,
    column: r.origin.column,
    why,
  }));
  return { document: shown, outlet: result.outlet, outletFrom: result.outletFrom, ruleFiles: result.ruleFiles.map(show), blocks, rules, stats: result.stats };
}

/** Per rule, in the order the rules run: blocks and words removed. */
function summary(result: CleanResult, resolved: ResolvedRules, only: string | undefined, show: (path: string) => string, c: Colors): string[] {
  const rows: string[][] = [];
  let blocks = 0;
  let cuts = 0;
  let words = 0;
  for (const { rule, removals, words: ruleWords, why } of perRule(result, resolved, only)) {
    blocks += removals.filter((r) => !r.partial).length;
    cuts += removals.filter((r) => r.partial).length;
    words += ruleWords;
    const shown = why.slice(0, 2).map((detail) => truncate(detail, WHY_CHARS).text);
    rows.push([rule.id, rule.outlet, String(removals.length), String(ruleWords), `${show(rule.origin.file)}:${rule.origin.line}`, why.length > 2 ? `${shown.join('; ')}; +${why.length - 2} more` : shown.join('; ')]);
  }
  const [header, ...body] = alignRows(['rule', 'outlet', { title: 'blocks', align: 'right' }, { title: 'words', align: 'right' }, 'origin', 'why'], rows);
  const { wordsIn, blocksIn } = result.stats;
  const share = wordsIn ? ((100 * words) / wordsIn).toFixed(1) : '0.0';
  return [
    c.bold(header),
    ...body,
    '',
    `${only === undefined ? 'removed' : `\`${only}\` removed`}: ${blocks} of ${blocksIn} blocks${cuts ? ` and part of ${cuts}` : ''}, ${words} of ${wordsIn} words (${share}%)` +
      (only === undefined ? `; ${result.stats.wordsOut} words kept` : ''),
  ];
}

/** Characters of one reason in the summary (a long pattern is cut). */
const WHY_CHARS = 60;

/** Per rule in force (or `only` that one), in run order: its removals, the words they took, and its reasons (removals' details), the most words first. */
function perRule(result: CleanResult, resolved: ResolvedRules, only: string | undefined): Array<{ rule: LoadedRule; removals: Removal[]; words: number; why: string[] }> {
  return resolved.rules
    .filter((rule) => only === undefined || rule.id === only)
    .map((rule) => {
      const removals = result.removals.filter((r) => r.rule === rule.id && r.outlet === rule.outlet);
      const byReason = new Map<string, number>();
      for (const r of removals) if (r.detail !== undefined) byReason.set(r.detail, (byReason.get(r.detail) ?? 0) + r.words);
      const why = [...byReason].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([detail]) => detail);
      return { rule, removals, words: removals.reduce((n, r) => n + r.words, 0), why };
    });
}

/**
 * Run, then run again whenever a rule file under the rules folder (or the document) changes.
 * Broken rules while editing are reported and the watch goes on. Ends when `io.signal` aborts.
 */
async function watchAndExplain(options: ExplainOptions, io: Io): Promise<number> {
  const tty = io.stdout.isTTY === true;
  const runOnce = async (changed: string[]) => {
    if (tty) io.stdout.write(CLEAR_SCREEN);
    else if (changed.length > 0) io.stdout.write(`\n--- changed: ${changed.map((p) => shownPath(io.cwd, p)).join(', ')}; explaining again ---\n\n`);
    try {
      await explainOnce(options, io);
    } catch (error) {
      if (error instanceof RulesLoadError) {
        for (const e of error.errors) io.stderr.write(`${shownPath(io.cwd, e.file)}:${e.line}:${e.column}: ${e.reason}${e.hint ? `\n  ${e.hint}` : ''}\n`);
        io.stderr.write(`winnow: the rules have ${error.errors.length} problem${error.errors.length === 1 ? '' : 's'}; waiting for a fix\n`);
      } else {
        // Any other failure (a usage problem such as an unknown --rule after an edit) waits for a fix too.
        io.stderr.write(`winnow: ${(error as Error).message}; waiting for a fix\n`);
      }
    }
  };

  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const trigger = (path: string) => {
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed].sort();
      changed.clear();
      void runOnce(paths);
    }, WATCH_DEBOUNCE_MS);
  };
  const watchFolder = (dir: string, wanted: (name: string) => boolean) => {
    if (!existsSync(dir)) return;
    const watcher = watch(dir, (_event, name) => {
      if (name !== null && wanted(String(name))) trigger(join(dir, String(name)));
    });
    watcher.on('error', (error) => io.stderr.write(`winnow: cannot watch ${shownPath(io.cwd, dir)}: ${error.message}\n`));
    watchers.push(watcher);
  };
  // Test files beside the rules do not change what a document loses.
  const isRuleFile = (name: string) => RULE_FILE.test(name) && !TEST_FILE.test(name);
  watchFolder(options.rulesDir, isRuleFile);
  watchFolder(join(options.rulesDir, 'outlets'), isRuleFile);
  watchFolder(dirname(options.input), (name) => name === basename(options.input));

  await runOnce([]);
  io.stderr.write(`winnow: watching ${shownPath(io.cwd, options.rulesDir)} and ${shownPath(io.cwd, options.input)} for changes (Ctrl-C to stop)\n`);
  return new Promise((done) => {
    const stop = () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      done(EXIT.ok);
    };
    if (io.signal?.aborted) stop();
    else io.signal?.addEventListener('abort', stop, { once: true });
  });
}
