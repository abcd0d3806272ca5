/**
 * What a cleaning worker does with one document, as a function: decode it, clean it with the
 * rules, render its output. The worker thread (worker.ts) runs it for a batch; a single document
 * to stdout runs it in the main thread (`InProcessCleaner`), with the same result.
 */
import { shownPath } from '../shown.js';
import { clean, type CleanResult } from '../../kernel/clean.js';
import { RuleSet } from '../../kernel/rules/ruleset.js';
import { prepareDocument, UnreadableDocument, withKnownOutlet } from '../sources/prepare.js';
import type { Task, TaskResult, WorkerSetup } from './messages.js';
import { outputFileName, render } from './render.js';

/**
 * Build the rules of `setup` once (a worker gets the checked files as plain data), or take them
 * compiled (in the thread that read them); the cleaner, or why the rules do not load.
 */
export function makeCleaner(setup: WorkerSetup, compiledRules?: RuleSet): { clean: (task: Task) => TaskResult } | { error: string } {
  let ruleSet = compiledRules;
  try {
    ruleSet ??= RuleSet.fromChecked(setup.rules.dir, setup.rules.files);
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { clean: (task) => cleanTask(task, ruleSet, setup) };
}

/** Cleans in the calling thread: for one document, where starting a worker would cost more than the work. */
export class InProcessCleaner {
  readonly replaced = 0;
  readonly pending = 0;
  private readonly cleaner: (task: Task) => TaskResult;

  constructor(setup: WorkerSetup, ruleSet?: RuleSet) {
    const made = makeCleaner(setup, ruleSet);
    if ('error' in made) throw new Error(made.error);
    this.cleaner = made.clean;
  }

  async run(task: Task): Promise<TaskResult> {
    return this.cleaner(task);
  }

  async close(): Promise<void> {}
}

function cleanTask({ seq, doc }: Task, ruleSet: RuleSet, setup: WorkerSetup): TaskResult {
  let id = doc.id ?? doc.source;
  try {
    const prepared = prepareDocument(doc, setup.fields);
    id = prepared.id;
    const result = clean(
      {
        ...withKnownOutlet(prepared.input, ruleSet),
        ...(setup.url !== undefined ? { url: setup.url } : {}),
        ...(setup.outlet !== undefined ? { outlet: setup.outlet } : {}),
        ...(setup.type !== undefined ? { type: setup.type } : {}),
      },
      { rules: ruleSet, html: setup.format === 'html', markdown: setup.format === 'markdown', ...(setup.noTitle ? { title: false } : {}), ...(setup.parser !== undefined ? { parser: setup.parser } : {}) },
    );
    result.ruleFiles = result.ruleFiles.map((file) => shownPath(setup.cwd, file));
    const rulesFired = [...new Set(result.removals.map((r) => `${r.outlet}/${r.rule}`))];
    return {
      ok: true,
      seq,
      id,
      source: doc.source,
      body: render(result, setup.output, setup.format, { source: doc.source, warnings: prepared.warnings }),
      name: outputFileName(doc.outputName, setup.format),
      stats: { outlet: result.outlet, wordsIn: result.stats.wordsIn, wordsOut: result.stats.wordsOut, rules: rulesFired },
      warnings: prepared.warnings,
      ...(setup.report ? { reportLine: reportLine(result) } : {}),
    };
  } catch (error) {
    return { ok: false, seq, id, source: doc.source, reason: reasonOf(error) };
  }
}

/** The result as the report needs it: everything but the cleaned HTML, Markdown and body parts (the text is there), serialised here rather than on the main thread. */
function reportLine(result: CleanResult): string {
  const { html: _html, markdown: _markdown, article: { body: _body, ...fields }, ...rest } = result;
  return `${JSON.stringify({ ...rest, article: { ...fields, body: [] } })}\n`;
}

function reasonOf(error: unknown): string {
  if (error instanceof UnreadableDocument) return error.message;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    // Guard: a tree deeper than the worker's stack allows (see WORKER_STACK_MB in pool.ts).
    return 'too deeply nested to clean: the call stack was exhausted';
  }
  return (error as Error).message || String(error);
}
