import type { Range } from '../diagnostics/diagnostic.js';

export type RuleSetting = 'off' | 'warn' | 'error';

export const DOCUMENT_TYPES = ['manual', 'policy', 'procedure', 'methodology', 'soa', 'risk-register', 'plan', 'record', 'other'] as const;

export type Standard = 'iso27001-2022' | 'iso27001-2013';

/** What a record (`type: record`) records: each kind has a schema of its own. */
export const RECORD_KINDS = ['internal-audit', 'management-review', 'nonconformity', 'objective', 'competence', 'monitoring'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RoleMember {
  name: string;
  email: string;
}

export interface Role {
  title: string;
  members: RoleMember[];
}

export interface RiskMethod {
  likelihood: string[];
  impact: string[];
  scoring: 'multiply' | 'grid';
  grid?: number[][];
  levels: Array<{ name: string; max?: number }>;
  acceptable: string;
  escalation: string;
  /** The method's limit on a risk acceptance: `expires` at most this many months after its `date`. */
  maxAcceptanceMonths?: number;
  /** The method's limit on a risk's `next_review`: at most this many months ahead. */
  maxReviewMonths?: number;
}

/** `isms.config.yaml`, validated and with every default filled in. */
export interface Config {
  /** Absolute path of the configuration file. */
  file: string;
  /** Absolute path of the documents folder (the configuration file's folder). */
  root: string;
  organization: string;
  standard: Standard;
  ignore: string[];
  roles: Record<string, Role>;
  approvers: Record<string, string[]>;
  classifications: string[];
  reviewIntervalMonths: number;
  /** The longest `review.interval_months` a document may set; undefined: up to the schema's 120. */
  maxReviewIntervalMonths: number | undefined;
  requiredSections: Record<string, string[]>;
  risk: RiskMethod | undefined;
  git: {
    signedApprovals: boolean;
    allowedSigners: string;
    allowSelfApproval: boolean;
    maxBackdateDays: number;
    /** The adoption commit (hash or tag) as written; undefined: the first commit of the documents' history. */
    baseline: string | undefined;
    /** Roles whose members may change the configuration and the allowed-signers file. */
    configApprovers: string[];
  };
  rules: Record<string, RuleSetting>;
  /** `mandatory_documents: true`: every clause of the standard that requires documented information must be covered (mandatory-documents). */
  mandatoryDocuments: boolean;
  /** `records:`, the record kinds that are due at intervals (record-due); undefined when not configured (record-due is then off). */
  records: Partial<Record<RecordKind, { everyMonths: number }>> | undefined;
  /** Where some keys of the configuration file are, by JSON pointer (`/records/internal-audit`), for findings about them. */
  keyRanges: Record<string, Range>;
  publish: {
    title: string;
    /** Documents that open the manual, in this order. */
    order: string[];
    /** Documents left out of the manual (they keep their page and PDF). */
    exclude: string[];
    templates: string | undefined;
    /** Audience name -> what it may read; empty: everything is published. */
    audiences: Record<string, Audience>;
    /** The audience of a build without --audience; undefined when no audience is configured. */
    defaultAudience: string | undefined;
  };
}

/** Readers a build publishes for: documents classified above `maxClassification` are left out. */
export interface Audience {
  /** One of the configured classifications; undefined: the audience reads everything. */
  maxClassification: string | undefined;
}

export const DEFAULT_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'];

/**
 * The value of a key the configuration itself holds. Keys come from documents ("constructor",
 * "toString" are valid role ids by the schema), so a key an object inherits must never be found.
 */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A configured audience by its name. */
export function audienceOf(config: Config, name: string): Audience | undefined {
  return own(config.publish.audiences, name);
}

/** The audience a build publishes for: the one asked for, else the default; none when none is configured. */
export function buildAudience(config: Config, requested: string | undefined): { ok: true; name: string | undefined } | { ok: false; defined: string[] } {
  const name = requested ?? config.publish.defaultAudience;
  if (name === undefined) return { ok: true, name: undefined };
  return audienceOf(config, name) ? { ok: true, name } : { ok: false, defined: Object.keys(config.publish.audiences) };
}

/** How strict a classification is: its place in the configured list (least strict first); -1 when unknown. */
export function classificationRank(config: Config, classification: string | undefined): number {
  return classification === undefined ? -1 : config.classifications.indexOf(classification);
}

/**
 * Whether readers cleared up to `max` may read a document of `classification`. A classification the
 * configuration does not know is never readable by a limited audience.
 */
export function clearedFor(config: Config, max: string | undefined, classification: string | undefined): boolean {
  if (max === undefined) return true;
  const rank = classificationRank(config, classification);
  return rank !== -1 && rank <= classificationRank(config, max);
}

/** Where a key of the configuration file is (its key), or the start of the file when it is not kept. */
export function configKeyAt(config: Config, pointer: string): Range {
  return own(config.keyRanges, pointer) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** A configured role by its id. */
export function roleOf(config: Config, id: string): Role | undefined {
  return own(config.roles, id);
}

/** How people read a role: its title, else (a role the configuration does not define) its id as written. */
export function roleTitle(config: Config, id: string): string {
  return roleOf(config, id)?.title ?? id;
}

/** Roles allowed to approve a document type: its own entry, else the `"*"` fallback. */
export function approversFor(config: Config, type: string): string[] {
  return own(config.approvers, type) ?? own(config.approvers, '*') ?? [];
}

/** Headings the configuration requires of a document type. */
export function requiredSectionsFor(config: Config, type: string): string[] | undefined {
  return own(config.requiredSections, type);
}

/** Git identities compare by email, case-insensitively. */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The member of a role with this email, if any. */
export function memberWithEmail(config: Config, role: string, email: string): RoleMember | undefined {
  return roleOf(config, role)?.members.find((member) => sameEmail(member.email, email));
}

/** The first of these roles with a member of this email, and that member. */
export function memberOf(config: Config, roles: readonly string[], email: string): { role: string; member: RoleMember } | undefined {
  for (const role of roles) {
    const member = memberWithEmail(config, role, email);
    if (member) return { role, member };
  }
  return undefined;
}

/** Roles that may record a review of a document: its owner, and the roles that approve its type. */
export function reviewersFor(config: Config, owner: string | undefined, type: string | undefined): string[] {
  return [...new Set([...(owner ? [owner] : []), ...(type ? approversFor(config, type) : [])])];
}
