import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** The schemas shipped with the package (never loaded from anywhere else). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export const SCHEMA_IDS = {
  config: 'urn:isms:schema:isms-config:v1',
  markdown: 'urn:isms:schema:markdown-document:v1',
  yaml: 'urn:isms:schema:yaml-document:v1',
  soa: 'urn:isms:schema:statement-of-applicability:v1',
  riskRegister: 'urn:isms:schema:risk-register:v1',
} as const;

export type SchemaName = keyof typeof SCHEMA_IDS;

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/**
 * The one ajv instance: strict, every error, full formats (2024-02-30 is not a date), and none of the
 * options that let a document steer validation (`$data`, coercion, defaults, removal: SAFETY.md item 5).
 */
function instance(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({
    strict: true,
    // `required` inside if/then names keys declared by the enclosing schema, which strictRequired cannot see.
    strictRequired: false,
    allErrors: true,
    verbose: true,
    $data: false,
    coerceTypes: false,
    useDefaults: false,
    removeAdditional: false,
    loadSchema: undefined,
  });
  addFormats(ajv, { mode: 'full', formats: ['date', 'email'] });
  for (const name of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
    ajv.addSchema(JSON.parse(readFileSync(SCHEMA_DIR + name, 'utf8')) as object);
  }
  return ajv;
}

export function validate(schema: SchemaName, data: unknown): ErrorObject[] {
  let check = compiled.get(schema);
  if (!check) {
    const found = instance().getSchema(SCHEMA_IDS[schema]);
    if (!found) throw new Error(`schema ${SCHEMA_IDS[schema]} is not installed`);
    check = found;
    compiled.set(schema, check);
  }
  return check(data) ? [] : [...(check.errors ?? [])];
}
