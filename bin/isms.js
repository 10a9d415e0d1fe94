#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// A reader that stops early (isms export ... | head) closes the pipe: stop quietly, as other tools do.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
