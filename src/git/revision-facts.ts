import { createHash } from 'node:crypto';
import { splitFrontMatter } from '../documents/front-matter.js';
import { readSimpleYaml } from '../source/simple-yaml.js';
import { yamlLibrary } from '../source/yaml-library.js';
import { normaliseText } from '../text/decode.js';
import { readHistorySection } from '../documents/history-section.js';
import { readHistoryTable, type HistoryRow } from '../documents/version-history.js';
import { isRecord } from '../text/is-record.js';

/** A risk of a register as a sign-off sees it: who accepted it, and what was accepted. */
export interface RiskFacts {
  /** The acceptance as written (canonical JSON), undefined when there is none. */
  acceptance?: string;
  by?: string;
  date?: string;
  expires?: string;
  /** Canonical JSON of what an acceptance covers: ratings, treatment, controls, residual. */
  basis: string;
}

/** A control of a SoA as one revision decides it (for `isms changes`): the fields as written, each only when of the right type. */
export interface ControlFacts {
  /** The control id as written (`A.5.1`, `5.1`): normalised by whoever reads it, for the SoA's edition. */
  control: string;
  applicable?: boolean;
  implementation?: string;
  owner?: string;
  justification?: string;
}

/** An entry of a nonconformity log as one revision has it: its id, and its dates and owner as written (each only when a string). */
export interface NonconformityFacts {
  id: string;
  raised?: string;
  due?: string;
  closed?: string;
  owner?: string;
}

/** What git evidence needs to know of one revision of a document. */
export interface RevisionFacts {
  /** `sha256-v2:` and the sha256 of the content: all but the version history rows, the keys version, status, approval, review and every risk's acceptance. */
  fingerprint: string;
  version?: string;
  status?: string;
  /** The owner role and the type, as this revision had them (a sign-off is judged by those of its time). */
  owner?: string;
  type?: string;
  /** The id, title and classification as this revision had them (what a deleted document was). */
  id?: string;
  title?: string;
  classification?: string;
  /** A SoA's controls, in its order. */
  controls?: ControlFacts[];
  /** A nonconformity log's entries (`type: record`, `record: nonconformity`), in its order; entries without an id are left out. */
  nonconformities?: NonconformityFacts[];
  approval?: { by?: string; name?: string; date?: string };
  /** The review block (canonical JSON) and its date, when there is one. */
  review?: { block: string; last?: string };
  /** Risks of a register by id (first of a duplicated id). */
  risks?: Map<string, RiskFacts>;
  rows: HistoryRow[];
}

/** What an acceptance covers: a change of any of these makes it stale (DESIGN section 4). */
const ACCEPTED_FIELDS = ['likelihood', 'impact', 'treatment', 'controls', 'residual'];

/** Keys whose change is administration, not content (DESIGN section 4). */
const ADMIN_KEYS = new Set(['version', 'status', 'approval', 'review', 'versions']);
/** Names what is hashed: a fingerprint of another version never equals one of this version. */
export const FINGERPRINT_VERSION = 'sha256-v2:';

/**
 * Fingerprint versions isms wrote before FINGERPRINT_VERSION into PDFs and manifests. Fingerprints
 * had no version before sha256-v2 (commit 92e9c8e), and no isms wrote one into a PDF or a manifest
 * before then (signing and the manifest's documents came later), so there is none yet: when a
 * sha256-v3 comes, sha256-v2: goes here.
 */
export const PAST_FINGERPRINT_VERSIONS: readonly string[] = [];

/**
 * What a fingerprint found in a PDF or a manifest is: one of today's version (`sha256-v2:` and 64
 * hex digits), one of a version isms used before (which cannot be compared with today's), or none
 * that isms makes.
 */
export function fingerprintKind(fingerprint: string, past: readonly string[] = PAST_FINGERPRINT_VERSIONS): 'current' | 'past' | 'unknown' {
  if (fingerprint.startsWith(FINGERPRINT_VERSION)) return /^[0-9a-f]{64}$/.test(fingerprint.slice(FINGERPRINT_VERSION.length)) ? 'current' : 'unknown';
  return past.some((version) => fingerprint.startsWith(version)) ? 'past' : 'unknown';
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
const clean = (value: string) => value.trim().replace(/\s+/g, ' ');
/** A key of a parsed map, never one inherited through its prototype. */
const own = (record: Record<string, unknown>, key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);

/** JSON with sorted keys: two equal values give one text, whatever their order or style in YAML. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      // JSON would write .inf, -.inf and .nan as null, the same as null itself.
      if (typeof v === 'number' && !Number.isFinite(v)) return { $number: String(v) };
      return isRecord(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, v[k]]),
          )
        : v;
    }) ?? 'null'
  );
}

/**
 * YAML as the loader reads it (1.2 core schema, no merge keys, no aliases), or undefined when it does
 * not parse: then the text as written is the content, and it claims nothing (no status, no approval).
 */
function parseYaml(source: string): { value: unknown } | undefined {
  const simple = readSimpleYaml(source);
  if (simple) return simple;
  try {
    return { value: yamlLibrary().parse(source, { schema: 'core', merge: false, uniqueKeys: false, maxAliasCount: 0, prettyErrors: false }) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * The metadata of one revision, read from the parsed data (so that any spelling of a key, quoted,
 * explicit or in a flow map, is the key it means), and the content: everything but the administrative
 * keys and each risk's acceptance, as canonical JSON.
 */
function readMetadata(value: unknown): { facts: Omit<RevisionFacts, 'fingerprint' | 'rows'>; content: string; versions: unknown } {
  if (!isRecord(value)) return { facts: {}, content: canonical(value), versions: undefined };
  const facts: Omit<RevisionFacts, 'fingerprint' | 'rows'> = {};
  const version = text(own(value, 'version'));
  const status = text(own(value, 'status'));
  const approval = own(value, 'approval');
  const review = own(value, 'review');
  if (version !== undefined) facts.version = version;
  if (status !== undefined) facts.status = status;
  const owner = text(own(value, 'owner'));
  const type = text(own(value, 'type'));
  if (owner !== undefined) facts.owner = owner;
  if (type !== undefined) facts.type = type;
  for (const key of ['id', 'title', 'classification'] as const) {
    const field = text(own(value, key));
    if (field !== undefined) facts[key] = field;
  }
  const controls = own(value, 'controls');
  if (Array.isArray(controls)) facts.controls = readControls(controls);
  const entries = own(value, 'entries');
  if (type === 'record' && own(value, 'record') === 'nonconformity') facts.nonconformities = Array.isArray(entries) ? readNonconformities(entries) : [];
  if (isRecord(approval)) facts.approval = { by: text(own(approval, 'by')), name: text(own(approval, 'name')), date: text(own(approval, 'date')) };
  if (review !== undefined) facts.review = { block: canonical(review), ...(isRecord(review) && text(own(review, 'last')) !== undefined ? { last: text(own(review, 'last'))! } : {}) };
  // No prototype: a key named __proto__ stays a key of the content.
  const content: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (ADMIN_KEYS.has(key)) continue;
    if (key === 'risks' && Array.isArray(value[key])) {
      const risks = readRisks(value[key] as unknown[]);
      facts.risks = risks.facts;
      content[key] = risks.content;
    } else {
      content[key] = value[key];
    }
  }
  return { facts, content: canonical(content), versions: own(value, 'versions') };
}

/**
 * The risks of a register: each risk's acceptance and what it covers, and the risks without their
 * acceptances (the content), so that adding, changing or removing an acceptance leaves the content as
 * it was and every other change shows. Risks that share an id share one entry holding all of them.
 */
/** The decisions of a SoA's controls, in its order (entries without a control id are left out). */
function readControls(values: readonly unknown[]): ControlFacts[] {
  return values.flatMap((value) => {
    if (!isRecord(value)) return [];
    const control = text(own(value, 'control'));
    if (control === undefined) return [];
    const facts: ControlFacts = { control };
    const applicable = own(value, 'applicable');
    if (typeof applicable === 'boolean') facts.applicable = applicable;
    for (const key of ['implementation', 'owner', 'justification'] as const) {
      const field = own(value, key);
      if (typeof field === 'string') facts[key] = field;
    }
    return [facts];
  });
}

/** The entries of a nonconformity log, in its order (entries without an id are left out: nothing follows them from one revision to the next). */
function readNonconformities(values: readonly unknown[]): NonconformityFacts[] {
  return values.flatMap((value) => {
    if (!isRecord(value)) return [];
    const id = text(own(value, 'id'));
    if (id === undefined) return [];
    const facts: NonconformityFacts = { id };
    for (const key of ['raised', 'due', 'closed', 'owner'] as const) {
      const field = own(value, key);
      if (typeof field === 'string') facts[key] = field;
    }
    return [facts];
  });
}

function readRisks(values: readonly unknown[]): { facts: Map<string, RiskFacts>; content: unknown[] } {
  const facts = new Map<string, RiskFacts>();
  const content = values.map((value) => {
    if (!isRecord(value)) return value;
    const rest = Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'acceptance'));
    const id = text(own(value, 'id'));
    if (id === undefined) return rest;
    const acceptance = own(value, 'acceptance');
    const entry: RiskFacts = { basis: canonical(Object.fromEntries(ACCEPTED_FIELDS.map((field) => [field, own(value, field) ?? null]))) };
    if (acceptance !== undefined) {
      entry.acceptance = canonical(acceptance);
      if (isRecord(acceptance)) {
        for (const key of ['by', 'date', 'expires'] as const) {
          const field = text(own(acceptance, key));
          if (field !== undefined) entry[key] = field;
        }
      }
    }
    const earlier = facts.get(id);
    // A duplicated id (duplicate-id reports it) is one entry: a change to any of its risks shows.
    if (earlier) facts.set(id, { ...earlier, basis: `${earlier.basis}|${entry.basis}`, acceptance: `${earlier.acceptance ?? ''}|${entry.acceptance ?? ''}` });
    else facts.set(id, entry);
    return rest;
  });
  return { facts, content };
}

function yamlRows(versions: unknown): HistoryRow[] {
  if (!Array.isArray(versions)) return [];
  return versions.filter(isRecord).map((row) => ({
    version: clean(text(row['version']) ?? ''),
    date: clean(text(row['date']) ?? ''),
    author: clean(text(row['author']) ?? ''),
    details: clean(text(row['details']) ?? ''),
  }));
}

/**
 * The facts of one revision's text. Pure: Markdown is read at block level, and only the history
 * table's cells inline, by the readers validation uses (so git and validation read the same rows);
 * the metadata is parsed as the loader parses it.
 */
export function revisionFacts(raw: string, format: 'markdown' | 'yaml'): RevisionFacts {
  const normalised = normaliseText(raw);
  const hash = createHash('sha256');
  if (format === 'yaml') {
    const parsed = parseYaml(normalised);
    if (!parsed) return { rows: [], fingerprint: FINGERPRINT_VERSION + hash.update(`raw\0${normalised}`).digest('hex') };
    const { facts, content, versions } = readMetadata(parsed.value);
    hash.update(content);
    return { ...facts, rows: yamlRows(versions), fingerprint: FINGERPRINT_VERSION + hash.digest('hex') };
  }
  const split = splitFrontMatter(normalised);
  let facts: Omit<RevisionFacts, 'fingerprint' | 'rows'> = {};
  if (split.kind === 'error') return { rows: [], fingerprint: FINGERPRINT_VERSION + hash.update(`raw\0${normalised}`).digest('hex') };
  let lines: string[];
  if (split.kind === 'none') {
    lines = normalised.split('\n');
  } else {
    // The splitter blanks the body in yamlText (to keep file positions): those blank lines mean nothing.
    const parsed = parseYaml(split.yamlText.trimEnd());
    if (!parsed) return { rows: [], fingerprint: FINGERPRINT_VERSION + hash.update(`raw\0${normalised}`).digest('hex') };
    const read = readMetadata(parsed.value);
    facts = read.facts;
    hash.update(read.content);
    // The body as it follows the front matter (the splitter blanks the metadata lines; they are not body).
    lines = split.bodyText.split('\n').slice(split.endLine);
  }
  hash.update('\n\0\n');
  // Only the history table is administration: the heading and the rest of its section are content.
  const history = readHistorySection(lines);
  const table = history?.section.table;
  hash.update((table ? [...lines.slice(0, table.start), ...lines.slice(table.end)] : lines).join('\n'));
  // The rows as validation reads them (without their positions, which git does not compare).
  const rows = history?.table ? readHistoryTable(history.table).rows.map(({ version, date, author, details }) => ({ version, date, author, details })) : [];
  return { ...facts, rows, fingerprint: FINGERPRINT_VERSION + hash.digest('hex') };
}
