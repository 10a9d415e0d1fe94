// Preloaded with `node --import`: every module the program imports is appended, one URL a line, to
// the file named by ISMS_RECORD_MODULES (tests/cli/lazy-loading.test.ts).
import { register } from 'node:module';

register('./record-modules-hooks.mjs', import.meta.url, { data: { file: process.env.ISMS_RECORD_MODULES } });
