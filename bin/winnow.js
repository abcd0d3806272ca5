#!/usr/bin/env node
// The `winnow` command: runs the compiled CLI (npm run build writes dist/).
import { execute } from '../dist/cli/main.js';

process.exitCode = await execute(process.argv.slice(2));
