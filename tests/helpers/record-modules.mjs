// Preloaded with `node --import`: every module the program imports is appended, one URL a line, to
// the file named by ISMS_RECORD_MODULES (tests/cli/lazy-loading.test.ts).
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const file = process.env.ISMS_RECORD_MODULES;
register('./record-modules-hooks.mjs', import.meta.url, { data: { file } });

// require() (CommonJS, and createRequire in an ES module) does not pass through the hooks: record it here.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const resolved = resolveFilename.apply(this, args);
  if (file && path.isAbsolute(resolved)) appendFileSync(file, `${pathToFileURL(resolved).href}\n`);
  return resolved;
};
