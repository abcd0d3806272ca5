/** The package version, written into reports so a reader knows what made them. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * package.json is two folders up from src/report and dist/report, three from build/src/report
 * (the benchmarks' build).
 */
const CANDIDATES = ['../../package.json', '../../../package.json'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

function packageVersion(): string {
  for (const file of CANDIDATES) {
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'winnow' && pkg.version) return pkg.version;
  }
  return 'unknown';
}

export const WINNOW_VERSION: string = packageVersion();
