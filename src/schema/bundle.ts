import { readdirSync, readFileSync } from 'node:fs';
import { SCHEMA_DIR } from './validator.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const SUFFIX = '.schema.json';
const ID = /^urn:isms:schema:([a-z][a-z0-9-]*):v1$/;

/** The schemas shipped with the package, by name (`statement-of-applicability`): the file name without `.schema.json`. */
export function schemaNames(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort();
}

/**
 * A shipped schema made self-contained for editors (yaml-language-server and the like), which cannot
 * resolve `urn:isms:schema:...` references: every schema it refers to is copied into its `$defs`
 * under that schema's name, without `$id` and `$schema`, and every `$ref` becomes a local JSON pointer
 * (`urn:isms:schema:metadata:v1#/$defs/date` -> `#/$defs/metadata/$defs/date`). It validates exactly
 * what the shipped schema does. Undefined for a name that is not shipped.
 */
export function bundledSchema(name: string): Schema | undefined {
  if (!schemaNames().includes(name)) return undefined;
  const byId = new Map<string, Schema>();
  for (const other of schemaNames()) {
    const schema = JSON.parse(readFileSync(`${SCHEMA_DIR}${other}${SUFFIX}`, 'utf8')) as Schema;
    if (typeof schema['$id'] === 'string') byId.set(schema['$id'], schema);
  }
  return bundle(`urn:isms:schema:${name}:v1`, byId);
}

/** `bundledSchema` as the text `isms schema` prints and `isms init` writes. */
export function bundledSchemaText(name: string): string | undefined {
  const schema = bundledSchema(name);
  return schema && `${JSON.stringify(schema, null, 2)}\n`;
}

/** `bundledSchema` over given schemas (by `$id`). */
export function bundle(rootId: string, byId: ReadonlyMap<string, Schema>): Schema {
  const embedded = new Map<string, Schema>();
  const nameOf = (id: string) => {
    const name = ID.exec(id)?.[1];
    if (!name) throw new Error(`cannot bundle a reference to ${id}: not an isms schema`);
    return name;
  };
  const rewrite = (node: Json, self: string): Json => {
    if (Array.isArray(node)) return node.map((item) => rewrite(item, self));
    if (node === null || typeof node !== 'object') return node;
    const out: Schema = {};
    for (const [key, value] of Object.entries(node)) {
      if (key !== '$ref' || typeof value !== 'string') {
        out[key] = rewrite(value, self);
        continue;
      }
      const hash = value.indexOf('#');
      const id = hash === -1 ? value : value.slice(0, hash);
      const pointer = hash === -1 ? '' : value.slice(hash + 1);
      const target = id === '' ? self : id;
      if (target === rootId) {
        out[key] = `#${pointer}`;
        continue;
      }
      if (!embedded.has(target)) {
        const source = byId.get(target);
        if (!source) throw new Error(`cannot bundle a reference to ${target}: no such schema`);
        const { $id: _id, $schema: _dialect, ...rest } = source;
        embedded.set(target, {});
        embedded.set(target, rewrite(rest, target) as Schema);
      }
      out[key] = `#/$defs/${nameOf(target)}${pointer}`;
    }
    return out;
  };
  const root = byId.get(rootId);
  if (!root) throw new Error(`no schema ${rootId}`);
  const bundled = rewrite(root, rootId) as Schema;
  if (embedded.size === 0) return bundled;
  const defs = (bundled['$defs'] ?? {}) as Schema;
  for (const [id, schema] of embedded) {
    const name = nameOf(id);
    if (Object.hasOwn(defs, name)) throw new Error(`cannot bundle ${id}: ${rootId} already has $defs/${name}`);
    defs[name] = schema;
  }
  return { ...bundled, $defs: defs };
}
