import type { Options } from 'ajv';

export const SCHEMA_IDS = {
  config: 'urn:isms:schema:isms-config:v1',
  markdown: 'urn:isms:schema:markdown-document:v1',
  yaml: 'urn:isms:schema:yaml-document:v1',
  soa: 'urn:isms:schema:statement-of-applicability:v1',
  riskRegister: 'urn:isms:schema:risk-register:v1',
  recordInternalAudit: 'urn:isms:schema:record-internal-audit:v1',
  recordManagementReview: 'urn:isms:schema:record-management-review:v1',
  recordNonconformity: 'urn:isms:schema:record-nonconformity:v1',
  recordObjective: 'urn:isms:schema:record-objective:v1',
  recordCompetence: 'urn:isms:schema:record-competence:v1',
  recordMonitoring: 'urn:isms:schema:record-monitoring:v1',
} as const;

export type SchemaName = keyof typeof SCHEMA_IDS;

/**
 * The one set of ajv options, for runtime compilation and for the precompiled validators alike:
 * strict, every error, full formats (2024-02-30 is not a date), and none of the options that let a
 * document steer validation (`$data`, coercion, defaults, removal: SAFETY.md item 5).
 */
export const ajvOptions: Options = {
  strict: true,
  // `required` inside if/then names keys declared by the enclosing schema, which strictRequired cannot see.
  strictRequired: false,
  allErrors: true,
  verbose: true,
  $data: false,
  coerceTypes: false,
  useDefaults: false,
  removeAdditional: false,
};
