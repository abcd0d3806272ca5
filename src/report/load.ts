/** Reading a report file back: JSON, schema version, shape; every problem names the file. */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { ReportFileError } from './errors.js';
import { REPORT_SCHEMA } from './schema.js';
import { REPORT_SCHEMA_VERSION, type Report } from './types.js';

const validate = new Ajv({ allErrors: true, strict: false }).compile(REPORT_SCHEMA);

/** Problems of a report object against the schema, as "at /path: message" lines (empty when valid). */
export function reportProblems(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `at ${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}

export function readReport(file: string): Report {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportFileError(file, code === 'ENOENT' ? 'no such file; write one with `winnow clean ... --report FILE`' : `cannot read: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new ReportFileError(file, `Unexpected content, expected a JSON report (${(error as Error).message})`);
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== REPORT_SCHEMA_VERSION) {
    throw new ReportFileError(file, `Unexpected schemaVersion ${JSON.stringify(version)}, expected ${REPORT_SCHEMA_VERSION}; write the report again with this version of winnow`);
  }
  const problems = reportProblems(value);
  if (problems.length > 0) throw new ReportFileError(file, `not a valid report (${problems.slice(0, 5).join('; ')})`);
  return value as Report;
}
