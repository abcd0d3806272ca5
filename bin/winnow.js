#!/usr/bin/env node
// The `winnow` command: runs the CLI as bundled by npm run build (dist/bundle/, scripts/bundle.mjs).
import { execute } from '../dist/bundle/main.js';

// A closed pipe (`winnow clean ... | head`) ends the output quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await execute(process.argv.slice(2));
