/**
 * A cleaning worker: compiles the rules it is given once, then cleans the documents it is sent, one
 * at a time, and sends back the rendered output. Every problem with a document comes back as a
 * failed result; only rules that fail to load stop the worker (and the run).
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { relative } from 'node:path';
import { clean, type CleanResult } from '../../kernel/clean.js';
import { prepareDocument, UnreadableDocument } from '../sources/prepare.js';
import { compileRuleSet, type RuleSet } from '../../kernel/rules/ruleset.js';
import type { Task, TaskResult, WorkerMessage, WorkerSetup } from './messages.js';
import { outputFileName, render } from './render.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);

const compiled = compileRuleSet(setup.rules.dir, setup.rules.sources);
const rules: RuleSet | undefined = compiled.ruleSet;
if (rules) send({ type: 'ready' });
else send({ type: 'fatal', message: compiled.errors.map((e) => e.message).join('\n') });

port.on('message', (task: Task) => {
  if (rules) send({ type: 'result', result: cleanTask(task, rules), heapBytes: getHeapStatistics().total_heap_size });
});

function cleanTask({ seq, doc }: Task, ruleSet: RuleSet): TaskResult {
  let id = doc.id ?? doc.source;
  try {
    const prepared = prepareDocument(doc, setup.fields);
    id = prepared.id;
    // An outlet named by the data (a record's field, a manifest) without a rule file of its own is
    // not an error in a corpus of many outlets: the document falls back to its host, folder, defaults.
    const { outlet: named, ...input } = prepared.input;
    const known = named !== undefined && ruleSet.hasOutlet(named) ? { outlet: named } : {};
    const result = clean(
      {
        ...input,
        ...known,
        ...(setup.url !== undefined ? { url: setup.url } : {}),
        ...(setup.outlet !== undefined ? { outlet: setup.outlet } : {}),
        ...(setup.type !== undefined ? { type: setup.type } : {}),
      },
      { rules: ruleSet, html: setup.format === 'html', ...(setup.parser !== undefined ? { parser: setup.parser } : {}) },
    );
    result.ruleFiles = result.ruleFiles.map((file) => relative(setup.cwd, file));
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

/** The result as the report needs it: everything but the cleaned HTML, serialised here rather than on the main thread. */
function reportLine(result: CleanResult): string {
  const { html: _html, ...rest } = result;
  return `${JSON.stringify(rest)}\n`;
}

function reasonOf(error: unknown): string {
  if (error instanceof UnreadableDocument) return error.message;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    // Guard: a tree deeper than the worker's stack allows (see WORKER_STACK_MB in pool.ts).
    return 'too deeply nested to clean: the call stack was exhausted';
  }
  return (error as Error).message || String(error);
}
