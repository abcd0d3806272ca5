/**
 * The house's layers, checked over every import in src/: the kernel is pure (no `node:` module,
 * nothing from outside it but the fast parser), and no folder imports a folder above it. The
 * order, lowest first, is written once here and in docs/architecture.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

/** Top-level folders of src/, lowest first: each may import itself and the folders before it. */
const LAYERS = ['fast-html', 'kernel', 'io', 'tester', 'report', 'eval', 'learn', 'cluster', 'cli'];
/** Inside the kernel, lowest first; `.` is the kernel's own top (clean, plugin). */
const KERNEL_LAYERS = ['text', 'parse', 'kinds', 'rules', 'engine', '.'];

interface Import {
  file: string;
  line: number;
  specifier: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

/** Every `import ... from '...'`, `export ... from '...'` and `import('...')` of a file. */
function importsOf(file: string): Import[] {
  const out: Import[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      for (const match of text.matchAll(/(?:^\s*(?:import|export)\b[^'"]*?\bfrom\s+|^\s*import\s+|import\()\s*['"]([^'"]+)['"]/g)) {
        out.push({ file: relative(ROOT, file), line: i + 1, specifier: match[1] });
      }
    });
  return out;
}

/** The folder of src/ a path lies in (`index.ts` at the top lies in none). */
function layerOf(path: string): string | undefined {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

function kernelLayerOf(path: string): string {
  const parts = relative(join(SRC, 'kernel'), path).split(sep);
  return parts.length > 1 ? parts[0] : '.';
}

const files = sourceFiles(SRC);
const imports = files.flatMap(importsOf);
const relativeImports = imports
  .filter((i) => i.specifier.startsWith('.'))
  .map((i) => ({ ...i, target: resolve(dirname(join(ROOT, i.file)), i.specifier) }));
const where = (i: Import) => `${i.file}:${i.line} imports ${i.specifier}`;

describe('layers', () => {
  test('every folder of src/ has its place in the order', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.filter((f) => !LAYERS.includes(f))).toEqual([]);
    const kernel = readdirSync(join(SRC, 'kernel')).filter((name) => statSync(join(SRC, 'kernel', name)).isDirectory());
    expect(kernel.filter((f) => !KERNEL_LAYERS.includes(f))).toEqual([]);
  });

  test('the kernel imports no node: module', () => {
    const bad = imports.filter((i) => i.file.startsWith(`src${sep}kernel${sep}`) && (i.specifier.startsWith('node:') || ['fs', 'path', 'url', 'os', 'crypto'].includes(i.specifier)));
    expect(bad.map(where)).toEqual([]);
  });

  test('the kernel imports nothing from outside it but the fast parser', () => {
    const bad = relativeImports.filter((i) => i.file.startsWith(`src${sep}kernel${sep}`) && !['kernel', 'fast-html'].includes(layerOf(i.target) ?? ''));
    expect(bad.map(where)).toEqual([]);
  });

  test('no folder imports a folder above it', () => {
    const bad = relativeImports.filter((i) => {
      const from = layerOf(join(ROOT, i.file));
      const to = layerOf(i.target);
      if (from === undefined) return false; // src/index.ts re-exports from everywhere
      if (to === undefined) return true;
      return LAYERS.indexOf(to) > LAYERS.indexOf(from);
    });
    expect(bad.map(where)).toEqual([]);
  });

  test('inside the kernel, no folder imports one above it', () => {
    const bad = relativeImports.filter((i) => {
      if (layerOf(join(ROOT, i.file)) !== 'kernel' || layerOf(i.target) !== 'kernel') return false;
      return KERNEL_LAYERS.indexOf(kernelLayerOf(i.target)) > KERNEL_LAYERS.indexOf(kernelLayerOf(join(ROOT, i.file)));
    });
    expect(bad.map(where)).toEqual([]);
  });

  test('src/index.ts only re-exports', () => {
    const lines = readFileSync(join(SRC, 'index.ts'), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('//') && !l.trim().startsWith('*') && !l.trim().startsWith('/*'));
    expect(lines.filter((l) => !/^export (?:\{[^}]*\}|\*|type \{[^}]*\}) from '\.\/[^']+';$/.test(l.trim()))).toEqual([]);
  });
});
