/** The package version, written into reports so a reader knows what made them. */
import { readFileSync } from 'node:fs';

/** package.json sits two folders up from both src/report and dist/report. */
const PACKAGE_JSON = new URL('../../package.json', import.meta.url);

export const WINNOW_VERSION: string = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
