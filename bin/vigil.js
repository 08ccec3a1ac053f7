#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// a reader that stops early (`vigil ... | head`) closes the pipe: stop quietly, as other CLI tools do
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
