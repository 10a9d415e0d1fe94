import { roleTitle, type Config } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { schemaNameOf } from '../documents/document-schema.js';
import { overdueNonconformities } from '../records/records.js';
import { bundledSchema } from '../schema/bundle.js';
import { SCHEMA_IDS } from '../schema/validator.js';
import { daysBetween } from '../text/dates.js';
import { isRecord } from '../text/is-record.js';

/**
 * A value of a YAML document's content as the site and the PDFs show it: text (a paragraph, or a
 * cell), a date, a list, an object as label | value rows, a list of objects as a table. Text is
 * only ever text: renderers escape it and never read it as HTML or Markdown.
 */
export type ContentValue =
  | { kind: 'text'; text: string; /** One short word (an id, a clause number: `NC-2026-01`, `5.20`): never broken across lines. */ word?: true }
  | { kind: 'date'; text: string; /** Why it is marked: an open nonconformity past this due date. */ overdue?: string }
  | { kind: 'list'; items: ContentValue[] }
  | { kind: 'fields'; fields: ContentField[] }
  | { kind: 'table'; columns: ContentColumn[]; rows: Array<Array<ContentValue | undefined>> };

export interface ContentField {
  key: string;
  /** The schema's title for the key; the key itself when the schema has none (a key the schema does not know). */
  label: string;
  value: ContentValue;
}

export interface ContentColumn {
  key: string;
  label: string;
}

/**
 * The content of a YAML document that has no view of its own (every record, a plan or other document
 * kept as data): its keys other than the metadata and the version history, in the order of its
 * schema's properties, then the keys the schema does not know, in the document's order.
 */
export interface RecordView {
  fields: ContentField[];
}

type Schema = Record<string, unknown>;

/** What the schema says of a value: its label, whether it is a role id or a date, its keys in order, its items. */
interface Shape {
  title?: string;
  role: boolean;
  date: boolean;
  properties: Map<string, Shape>;
  items?: Shape;
}

const ANY: Shape = { role: false, date: false, properties: new Map() };
/** Deeper than this, a value is shown as one text (YAML documents are small; this bounds the work, not the content). */
const MAX_DEPTH = 8;
/** The version history, shown under document control. */
const VERSION_HISTORY = 'versions';

/** A local JSON pointer (`#/$defs/metadata/$defs/date`) of a bundled schema. */
function resolve(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').slice(1)) {
    if (!isRecord(node)) return undefined;
    node = node[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return isRecord(node) ? node : undefined;
}

function shapeOf(root: Schema, node: unknown, depth = 0): Shape {
  if (!isRecord(node) || depth > MAX_DEPTH) return ANY;
  const ref = typeof node['$ref'] === 'string' ? node['$ref'] : undefined;
  const target = ref === undefined ? undefined : resolve(root, ref);
  const inner = target ? shapeOf(root, target, depth + 1) : ANY;
  const properties = new Map(inner.properties);
  if (isRecord(node['properties'])) for (const [key, value] of Object.entries(node['properties'])) properties.set(key, shapeOf(root, value, depth + 1));
  const title = typeof node['title'] === 'string' ? node['title'] : undefined;
  const items = isRecord(node['items']) ? shapeOf(root, node['items'], depth + 1) : inner.items;
  return {
    ...(title !== undefined ? { title } : {}),
    // The schemas name the concept: a role id of the configuration, a date.
    role: inner.role || (ref?.endsWith('/$defs/roleId') ?? false),
    date: inner.date || node['format'] === 'date',
    properties,
    ...(items ? { items } : {}),
  };
}

interface DocumentShape {
  content: Shape;
  metadata: Set<string>;
}

const shapes = new Map<string, DocumentShape>();

/** The content keys of a document's schema (its own properties) and the metadata keys it shares with every document. */
function documentShape(doc: SourceDocument): DocumentShape {
  const name = SCHEMA_IDS[schemaNameOf(doc)].replace(/^urn:isms:schema:/, '').replace(/:v1$/, '');
  let shape = shapes.get(name);
  if (!shape) {
    const root = bundledSchema(name) ?? {};
    const metadata = typeof root['$ref'] === 'string' ? resolve(root, root['$ref']) : undefined;
    const metadataKeys = isRecord(metadata?.['properties']) ? Object.keys(metadata['properties']) : [];
    // The root's $ref is the metadata schema: shown as the metadata panel, never as content.
    const own = { ...root, $ref: undefined };
    shape = { content: shapeOf(root, own), metadata: new Set([...metadataKeys, VERSION_HISTORY]) };
    shapes.set(name, shape);
  }
  return shape;
}

/** Keys in the schema's order (those present), then the others in the order they come. */
function orderedKeys(shape: Shape, present: readonly string[]): string[] {
  const here = new Set(present);
  return [...[...shape.properties.keys()].filter((key) => here.has(key)), ...present.filter((key) => !shape.properties.has(key))];
}

const labelOf = (shape: Shape | undefined, key: string) => shape?.title ?? key;

interface Context {
  config: Config;
  /** Marks by JSON pointer of the value they go with. */
  overdue: Map<string, string>;
}

const pointerTo = (pointer: string, key: string | number) => `${pointer}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;

/** The longest text that counts as one word. */
const MAX_WORD = 32;

function textOf(text: string): ContentValue {
  return text.length <= MAX_WORD && /^\S+$/.test(text) ? { kind: 'text', text, word: true } : { kind: 'text', text };
}

function valueOf(value: unknown, shape: Shape, pointer: string, context: Context, depth: number): ContentValue {
  if (typeof value === 'string') {
    if (shape.role) return { kind: 'text', text: roleTitle(context.config, value) };
    if (shape.date) {
      const overdue = context.overdue.get(pointer);
      return { kind: 'date', text: value, ...(overdue ? { overdue } : {}) };
    }
    return textOf(value);
  }
  if (value === null || value === undefined) return { kind: 'text', text: '' };
  if (typeof value === 'number' || typeof value === 'boolean') return textOf(String(value));
  if (typeof value !== 'object') return { kind: 'text', text: '' };
  if (depth >= MAX_DEPTH) return { kind: 'text', text: JSON.stringify(value) };
  const itemShape = shape.items ?? ANY;
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'text', text: 'None' };
    if (value.every(isRecord)) {
      const keys = orderedKeys(itemShape, [...new Set(value.flatMap((item) => Object.keys(item)))]);
      return {
        kind: 'table',
        columns: keys.map((key) => ({ key, label: labelOf(itemShape.properties.get(key), key) })),
        rows: value.map((item, index) =>
          keys.map((key) => (Object.hasOwn(item, key) ? valueOf(item[key], itemShape.properties.get(key) ?? ANY, pointerTo(pointerTo(pointer, index), key), context, depth + 1) : undefined)),
        ),
      };
    }
    return { kind: 'list', items: value.map((item, index) => valueOf(item, itemShape, pointerTo(pointer, index), context, depth + 1)) };
  }
  return { kind: 'fields', fields: fieldsOf(value as Record<string, unknown>, shape, pointer, context, depth + 1, new Set()) };
}

function fieldsOf(data: Record<string, unknown>, shape: Shape, pointer: string, context: Context, depth: number, leftOut: ReadonlySet<string>): ContentField[] {
  return orderedKeys(
    shape,
    Object.keys(data).filter((key) => !leftOut.has(key)),
  ).map((key) => {
    const own = shape.properties.get(key);
    return { key, label: labelOf(own, key), value: valueOf(data[key], own ?? ANY, pointerTo(pointer, key), context, depth) };
  });
}

/**
 * The content of a YAML document as its schema describes it (records by their kind's schema), role ids
 * shown as their roles' titles, and in a nonconformity log each open entry past its due date marked
 * as the record-due rule finds it at `asOf`. Undefined for a Markdown document.
 */
export function recordView(doc: SourceDocument, config: Config, asOf: string): RecordView | undefined {
  if (doc.format !== 'yaml' || !doc.data) return undefined;
  const { content, metadata } = documentShape(doc);
  const overdue = new Map<string, string>();
  if (doc.meta.type === 'record' && doc.meta.record === 'nonconformity') {
    for (const entry of overdueNonconformities(doc, asOf)) overdue.set(`${entry.pointer}/due`, `open, ${daysBetween(entry.due, asOf)} days past its due date`);
  }
  return { fields: fieldsOf(doc.data, content, '', { config, overdue }, 0, metadata) };
}
