import { readFileSync } from 'node:fs';
import type { RecordKind } from '../config/config.js';
import type { SourceDocument } from './document.js';
import { schemaFindings, type Misspelling, type SchemaFindings } from '../schema/schema-problems.js';
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

let metadataKeys: string[] | undefined;

/** The keys of the metadata schema, which every document schema includes (for "did you mean" at the top level). */
function documentRootKeys(): string[] {
  metadataKeys ??= Object.keys((JSON.parse(readFileSync(`${SCHEMA_DIR}metadata.schema.json`, 'utf8')) as { properties: object }).properties);
  return metadataKeys;
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
