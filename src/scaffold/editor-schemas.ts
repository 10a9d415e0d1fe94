import path from 'node:path';
import type { PlannedFile } from './documents.js';

/** Where `isms init` puts the editor schemas, relative to the documents root (a dot-folder: never a document). */
export const EDITOR_SCHEMA_FOLDER = '.isms/schemas';

/** The schema of each YAML file `isms init` writes. */
export const EDITOR_SCHEMA_OF: Readonly<Record<string, string>> = {
  'isms.config.yaml': 'isms-config',
  'statement-of-applicability.yaml': 'statement-of-applicability',
  'risk/register.yaml': 'risk-register',
};

/** The schema of a YAML document type that has its own (`isms new soa ...`). */
export const EDITOR_SCHEMA_OF_TYPE: Readonly<Record<string, string>> = {
  soa: 'statement-of-applicability',
  'risk-register': 'risk-register',
};

/** `# yaml-language-server: $schema=...`: the schema's path relative to the file's folder, as editors resolve it. */
export function modeline(file: string, schema: string): string {
  const target = path.posix.relative(path.posix.dirname(file), `${EDITOR_SCHEMA_FOLDER}/${schema}.schema.json`);
  return `# yaml-language-server: $schema=${target}\n`;
}

/**
 * The files with a modeline on the first line of each YAML file that has a schema, and the schemas
 * themselves (`schemas`: name -> self-contained schema text) in EDITOR_SCHEMA_FOLDER.
 */
export function withEditorSchemas(files: readonly PlannedFile[], schemas: Readonly<Record<string, string>>): PlannedFile[] {
  const used = new Set<string>();
  const marked = files.map((file) => {
    const schema = EDITOR_SCHEMA_OF[file.path];
    if (schema === undefined || !Object.hasOwn(schemas, schema)) return file;
    used.add(schema);
    return { path: file.path, text: modeline(file.path, schema) + file.text };
  });
  return [...marked, ...[...used].sort().map((schema) => ({ path: `${EDITOR_SCHEMA_FOLDER}/${schema}.schema.json`, text: schemas[schema]! }))];
}
