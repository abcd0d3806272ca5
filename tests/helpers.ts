/** Shared test helpers: run the CLI in-process, build rule sets from inline YAML. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execute } from '../src/cli/main.js';
import { loadRules } from '../src/io/rules.js';
import { readDocuments, type SourceDocument } from '../src/io/sources/corpus.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RULES = join(ROOT, 'rules');
export const CORPUS = join(ROOT, 'corpus');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], options: { cwd?: string; stdin?: string; stdinBytes?: Uint8Array } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const { stdinBytes } = options;
  const code = await execute(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: () => options.stdin ?? '',
    ...(stdinBytes
      ? {
          stdinBytes: async function* () {
            yield stdinBytes;
          },
        }
      : {}),
    cwd: options.cwd ?? ROOT,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'winnow-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write files (path -> content) under a fresh temporary folder and return it. */
export function writeTree(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A rule set from inline YAML: `default` is rules/default.yaml, other keys are outlet files. */
export function rulesFrom(files: Record<string, string>) {
  const tree: Record<string, string> = {};
  for (const [name, yaml] of Object.entries(files)) {
    tree[name === 'default' ? 'default.yaml' : `outlets/${name}.yaml`] = yaml;
  }
  return loadRules(writeTree(tree));
}

/** The project's own rules. */
export const projectRules = () => loadRules(RULES);

/** Every document under `root`, read and decoded as winnow reads it, with ids relative to `root`. */
export async function documentsUnder(root: string): Promise<SourceDocument[]> {
  const out: SourceDocument[] = [];
  for await (const doc of readDocuments([root], { cwd: root })) out.push(doc);
  return out;
}

/** Every file under `dir` (relative path -> bytes): two output folders compare byte for byte. */
export function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return files;
}
