/**
 * What the main thread and the cleaning workers say to each other. Everything here is
 * structured-cloneable; document bytes are transferred, not copied, when they can be.
 */
import type { CheckedRuleFile } from '../../kernel/rules/build.js';
import type { RawDocument } from '../sources/items.js';
import type { RecordFields } from '../sources/fields.js';
import type { HtmlParser, InputType } from '../../kernel/parse/index.js';

/** The output a worker renders each document for. */
export type OutputKind =
  /** One file per document (mirrored folder) or one document on stdout: text, html or json. */
  | 'document'
  /** One JSON line per document, in a JSONL(.gz) output file. */
  | 'jsonl';

export type Format = 'text' | 'html' | 'json' | 'markdown';

/**
 * Set once per worker (workerData). The rules come as the files the main thread read and checked
 * (and hashed into the run's job), so every worker compiles exactly those, once.
 */
export interface WorkerSetup {
  rules: { dir: string; files: CheckedRuleFile[] };
  /** Paths in results (rule files) are shown relative to this folder. */
  cwd: string;
  output: OutputKind;
  format: Format;
  fields: RecordFields;
  /** `--outlet`, `--url`, `--type`: apply to every document. */
  outlet?: string;
  url?: string;
  type?: InputType;
  /** `--parser`: the HTML parser (default: the fast one). */
  parser?: HtmlParser;
  /** `--no-title`: the body alone, without the title line. */
  noTitle?: boolean;
  /** Send back each document's result (without its HTML) for the removal report (`--report`). */
  report: boolean;
}

export interface Task {
  seq: number;
  doc: RawDocument;
}

/** What the summary needs from a cleaned document. */
export interface DocumentStats {
  outlet: string;
  wordsIn: number;
  wordsOut: number;
  /** `outlet/rule` of every rule that removed something. */
  rules: string[];
}

export type TaskResult =
  | {
      ok: true;
      seq: number;
      id: string;
      source: string;
      /** The rendered output: a file's body, or one JSONL line (with its newline). */
      body: string;
      /** Output file name (mirrored folder), with the format's extension. */
      name: string;
      stats: DocumentStats;
      warnings: string[];
      /** With `report`: the CleanResult as one JSON line, for the report builder. */
      reportLine?: string;
    }
  | { ok: false; seq: number; id: string; source: string; reason: string };

export type WorkerMessage =
  | { type: 'ready' }
  /** The worker could not start (its rules failed to load): the run cannot go on. */
  | { type: 'fatal'; message: string }
  /** `heapBytes`: the worker's V8 heap after the document, so the pool can retire a bloated worker. */
  | { type: 'result'; result: TaskResult; heapBytes: number };
