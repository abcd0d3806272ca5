/**
 * The forms a removal report can be shown in, one module each: aligned tables for the terminal,
 * JSON, and one self-contained HTML page. A new form (Markdown, say) is one module and one line
 * in `REPORT_FORMATS`; `winnow report --format NAME` then writes it.
 */
import type { Report } from '../types.js';
import { renderHtml } from './html.js';
import { reportJson } from './json.js';
import { renderTable } from './table.js';

export interface RenderOptions {
  /** ANSI colour, where the form has any (default false). */
  color?: boolean;
  /** Also list every document row, where the form lists documents on request. */
  documents?: boolean;
}

export interface ReportFormat {
  name: string;
  /** One line for `--help`. */
  description: string;
  render(report: Report, options: RenderOptions): string;
}

export const REPORT_FORMATS: ReadonlyMap<string, ReportFormat> = new Map(
  [
    { name: 'text', description: 'aligned tables of rules, outlets and warnings', render: (report: Report, options: RenderOptions) => renderTable(report, options) },
    { name: 'json', description: 'the report itself, indented', render: (report: Report) => reportJson(report, true) },
    { name: 'html', description: 'one self-contained page to review the removals (works offline)', render: (report: Report) => renderHtml(report) },
  ].map((format) => [format.name, format]),
);
