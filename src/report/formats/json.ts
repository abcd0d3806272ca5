/** The report as JSON: what `winnow clean --report` writes and `winnow report` reads (docs/report-schema.md). */
import type { Report } from '../types.js';

/**
 * Files are written on one line: indentation doubles the size of a report's document texts (tens
 * of thousands of short blocks); `winnow report FILE --format json` pretty-prints.
 */
export function reportJson(report: Report, pretty = false): string {
  return `${pretty ? JSON.stringify(report, null, 2) : JSON.stringify(report)}\n`;
}
