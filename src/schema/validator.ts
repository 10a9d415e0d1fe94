import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type addFormatsModule from 'ajv-formats';
import { ajvOptions, SCHEMA_IDS, type SchemaName } from './options.js';

export { SCHEMA_IDS, type SchemaName } from './options.js';

const require = createRequire(import.meta.url);

/** The schemas shipped with the package (never loaded from anywhere else). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
/** The validators precompiled from them at build time (scripts/build-validators.mjs). */
const COMPILED = fileURLToPath(new URL('./compiled.cjs', import.meta.url));

let validators: Partial<Record<SchemaName, ValidateFunction>> | undefined;

/** The runtime compilation: the fallback when no precompiled validators exist (tests run the sources). */
export function compileValidators(): Record<SchemaName, ValidateFunction> {
  // The compiler is loaded only here: a run with the precompiled validators never loads it.
  const Ajv = (require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020;
  const addFormats = require('ajv-formats') as typeof addFormatsModule.default;
  const ajv = new Ajv(ajvOptions);
  addFormats(ajv, { mode: 'full', formats: ['date', 'email'] });
  for (const name of readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    ajv.addSchema(JSON.parse(readFileSync(SCHEMA_DIR + name, 'utf8')) as object);
  }
  const entries = Object.entries(SCHEMA_IDS).map(([name, id]) => {
    const found = ajv.getSchema(id);
    if (!found) throw new Error(`schema ${id} is not installed`);
    return [name, found];
  });
  return Object.fromEntries(entries) as Record<SchemaName, ValidateFunction>;
}

function load(): Partial<Record<SchemaName, ValidateFunction>> {
  if (validators) return validators;
  validators = existsSync(COMPILED) ? (require(COMPILED) as Record<SchemaName, ValidateFunction>) : compileValidators();
  return validators;
}

export function validate(schema: SchemaName, data: unknown): ErrorObject[] {
  const check = load()[schema];
  if (!check) throw new Error(`schema ${SCHEMA_IDS[schema]} is not installed`);
  return check(data) ? [] : [...(check.errors ?? [])];
}
