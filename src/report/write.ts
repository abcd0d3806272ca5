/** Writing a report file: atomically (temporary file, then rename), so a reader never sees half. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeAtomic } from '../io/atomic.js';
import { ReportFileError } from './errors.js';
import { reportJson } from './formats/json.js';
import type { Report } from './types.js';

/** Resolve a `--report`/`--html` target; a folder is refused before any work is done. */
export function reportTarget(cwd: string, option: string, flag: string): string {
  const path = resolve(cwd, option);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new ReportFileError(option, `${flag} names a folder; expected a file name such as report.json`);
  }
  return path;
}

export function writeReport(path: string, report: Report): void {
  writeAtomic(path, reportJson(report));
}
