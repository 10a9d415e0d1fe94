import { readFileSync } from 'node:fs';
import type { RecordKind } from '../config/config.js';
import type { SourceDocument } from './document.js';
import { schemaFindings, type Misspelling, type SchemaFindings } from '../schema/schema-problems.js';
import { childPointer } from '../source/source-map.js';
import { isRecord } from '../text/is-record.js';
import { SCHEMA_DIR, validate, type SchemaName } from '../schema/validator.js';

const RECORD_SCHEMAS: Record<RecordKind, SchemaName> = {
  'internal-audit': 'recordInternalAudit',
  'management-review': 'recordManagementReview',
  nonconformity: 'recordNonconformity',
  objective: 'recordObjective',
  competence: 'recordCompetence',
  monitoring: 'recordMonitoring',
};

/** Which schema a document is checked against: a record of a known kind against its kind's. */
export function schemaNameOf(doc: SourceDocument): SchemaName {
  if (doc.format === 'markdown') return 'markdown';
  if (doc.meta.type === 'soa') return 'soa';
  if (doc.meta.type === 'risk-register') return 'riskRegister';
  const kind = doc.meta.record;
  if (doc.meta.type === 'record' && kind !== undefined && Object.hasOwn(RECORD_SCHEMAS, kind)) return RECORD_SCHEMAS[kind as RecordKind];
  return 'yaml';
}

interface MetadataSchema {
  properties: object;
  $defs: { clauseId: { pattern: string } };
}

let metadataSchema: MetadataSchema | undefined;
const metadata = () => (metadataSchema ??= JSON.parse(readFileSync(`${SCHEMA_DIR}metadata.schema.json`, 'utf8')) as MetadataSchema);

let metadataKeys: string[] | undefined;

/** The keys of the metadata schema, which every document schema includes (for "did you mean" at the top level). */
function documentRootKeys(): string[] {
  metadataKeys ??= Object.keys(metadata().properties);
  return metadataKeys;
}

let clauseId: RegExp | undefined;

/** Whether a text is written as the schema wants a clause id (`9.3.3`, `6.1.3 d`): one that is not is the schema rule's to report. */
export function isClauseId(text: string): boolean {
  clauseId ??= new RegExp(metadata().$defs.clauseId.pattern, 'u');
  return clauseId.test(text);
}

const findings = new WeakMap<SourceDocument, SchemaFindings>();

/** Whether the schema checks a document: one read and parsed without problems, with metadata. */
export function schemaChecks(doc: SourceDocument): boolean {
  return doc.parseProblems.length === 0 && doc.escapesRoot === undefined && doc.text !== undefined && doc.data !== undefined;
}

/**
 * What the schema finds in a document's data (nothing when it does not check it), worked out once a
 * run: the schema rule reports it, and the rules that need a key ask whether it was misspelt.
 */
export function documentSchemaFindings(doc: SourceDocument): SchemaFindings {
  if (!schemaChecks(doc) || doc.data === undefined) return { problems: [], misspellings: [] };
  let found = findings.get(doc);
  if (!found) {
    found = schemaFindings(validate(schemaNameOf(doc), doc.data), doc.map, documentRootKeys());
    findings.set(doc, found);
  }
  return found;
}

/** The misspelling of the key at `pointer` (`/approval`, `/controls/3/justification`), when the document has one. */
export function misspellingAt(doc: SourceDocument, pointer: string): Misspelling | undefined {
  return documentSchemaFindings(doc).misspellings.find((m) => m.pointer === pointer);
}

type SchemaNode = { [key: string]: unknown };
const isNode = (value: unknown): value is SchemaNode => typeof value === 'object' && value !== null && !Array.isArray(value);

const recordSchemas = new Map<RecordKind, SchemaNode>();

/** The keys a schema requires. */
const requiredOf = (node: SchemaNode): string[] => (Array.isArray(node['required']) ? node['required'].filter((key): key is string => typeof key === 'string') : []);

/** Whether an item meets a schema's `if`, in the forms our schemas write it: keys it has (`required`) and values it holds (`const`). */
function meets(condition: SchemaNode, value: Record<string, unknown>): boolean {
  const properties = isNode(condition['properties']) ? condition['properties'] : {};
  return requiredOf(condition).every((key) => Object.hasOwn(value, key)) && Object.entries(properties).every(([key, rule]) => !isNode(rule) || !('const' in rule) || value[key] === rule['const']);
}

/** Free text: a string the schema constrains by length only (not an id, a date, a role, a clause or a choice). */
const isFreeText = (key: string, node: unknown): boolean => isNode(node) && node['type'] === 'string' && key !== 'id' && !['pattern', 'format', 'enum', 'const', '$ref'].some((k) => k in node);

/**
 * The free-text values (and their JSON pointers) that a record's kind's schema requires (a management
 * review's inputs and decisions, a nonconformity's description, and once it is closed its cause and
 * corrective action), as far as the record has them: what must say something once it is in review.
 */
export function requiredTexts(kind: RecordKind, data: Readonly<Record<string, unknown>>): Array<{ pointer: string; text: string }> {
  let schema = recordSchemas.get(kind);
  if (!schema) recordSchemas.set(kind, (schema = JSON.parse(readFileSync(`${SCHEMA_DIR}record-${kind}.schema.json`, 'utf8')) as SchemaNode));
  const found: Array<{ pointer: string; text: string }> = [];
  const visit = (node: unknown, value: unknown, pointer: string) => {
    if (!isNode(node)) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(node['items'], item, childPointer(pointer, index)));
      return;
    }
    if (!isRecord(value) || !isNode(node['properties'])) return;
    const required = new Set(requiredOf(node));
    if (isNode(node['if']) && isNode(node['then']) && meets(node['if'], value)) for (const key of requiredOf(node['then'])) required.add(key);
    for (const [key, child] of Object.entries(node['properties'])) {
      if (!Object.hasOwn(value, key)) continue;
      const at = childPointer(pointer, key);
      const item = value[key];
      if (isFreeText(key, child)) {
        if (required.has(key) && typeof item === 'string') found.push({ pointer: at, text: item });
      } else if (isNode(child) && isFreeText('', child['items'])) {
        // A required list of texts (attendees, auditors): each of them must say something.
        if (required.has(key) && Array.isArray(item)) for (const [index, text] of item.entries()) if (typeof text === 'string') found.push({ pointer: childPointer(at, index), text });
      } else {
        visit(child, item, at);
      }
    }
  };
  visit(schema, data, '');
  return found;
}
