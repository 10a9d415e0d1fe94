// Precompiles the JSON Schemas into dist/schema/compiled.cjs (ajv standalone), so no run pays for compiling.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { ajvOptions, SCHEMA_IDS } from '../dist/schema/options.js';

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule.default ?? addFormatsModule;
const { _ } = require('ajv');
const ajv = new Ajv2020({ ...ajvOptions, code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
addFormats(ajv, { mode: 'full', formats: ['date', 'email'] });
const dir = new URL('../schemas/', import.meta.url);
for (const name of readdirSync(dir)
  .filter((f) => f.endsWith('.schema.json'))
  .sort())
  ajv.addSchema(JSON.parse(readFileSync(new URL(name, dir), 'utf8')));
const code = (standaloneCode.default ?? standaloneCode)(ajv, Object.fromEntries(Object.entries(SCHEMA_IDS).map(([key, id]) => [key, id])));
writeFileSync(new URL('../dist/schema/compiled.cjs', import.meta.url), code);
