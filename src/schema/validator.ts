import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ajvOptions, SCHEMA_IDS, type SchemaName } from './options.js';

export { SCHEMA_IDS, type SchemaName } from './options.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** The schemas shipped with the package (never loaded from anywhere else). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
/** The validators precompiled from them at build time (scripts/build-validators.mjs). */
const COMPILED = fileURLToPath(new URL('./compiled.cjs', import.meta.url));

let validators: Partial<Record<SchemaName, ValidateFunction>> | undefined;

/** The runtime compilation: the fallback when no precompiled validators exist (tests run the sources). */
export function compileValidators(): Record<SchemaName, ValidateFunction> {
  const ajv = new Ajv2020(ajvOptions);
  addFormats(ajv, { mode: 'full', formats: ['date', 'email'] });
  for (const name of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
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
  validators = existsSync(COMPILED) ? (createRequire(import.meta.url)(COMPILED) as Record<SchemaName, ValidateFunction>) : compileValidators();
  return validators;
}

export function validate(schema: SchemaName, data: unknown): ErrorObject[] {
  const check = load()[schema];
  if (!check) throw new Error(`schema ${SCHEMA_IDS[schema]} is not installed`);
  return check(data) ? [] : [...(check.errors ?? [])];
}
