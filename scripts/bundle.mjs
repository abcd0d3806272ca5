/**
 * The command-line tool as a few files (npm run build runs this after tsc): dist/bundle/main.js,
 * dist/bundle/worker.js and the chunks they share, bundled by esbuild from tsc's output.
 *
 * Why: Node 20 loads ES modules one file at a time, and the CLI's ~300 modules cost it about
 * 0.2 s of start-up in every process and every worker thread. Commands stay in chunks of their
 * own, loaded when run, so `winnow --help` does not load the engine. Chunks sit beside the entry
 * points, at the depth of dist/<folder>/, so paths the code finds from its own place (the bundled
 * rules, package.json, the worker beside the pool) are the same in dist/ and in dist/bundle/.
 * The library (`import ... from 'winnow'`) stays tsc's dist/, module by module.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli/main.js', 'dist/io/batch/worker.js'],
  outdir: 'dist/bundle',
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Dependencies written as CommonJS call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as winnowCreateRequire } from 'node:module'; const require = winnowCreateRequire(import.meta.url);" },
  // The queue's client stays in node_modules: only the cluster commands load it, and it reads files of its own.
  external: ['bullmq', 'ioredis'],
  logLevel: 'warning',
});
