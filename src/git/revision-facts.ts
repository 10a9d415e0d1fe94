import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { findHistorySection } from '../documents/history-section.js';
import { COLUMN_NAMES, isRecord } from '../documents/version-history.js';

export interface HistoryRow {
  version: string;
  date: string;
  author: string;
  details: string;
}

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

/** What git evidence needs to know of one revision of a document. */
export interface RevisionFacts {
  /** `sha256-v2:` and the sha256 of the content: all but the version history rows, the keys version, status, approval, review and every risk's acceptance. */
  fingerprint: string;
  version?: string;
  status?: string;
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
const TOP_LEVEL_KEY = /^([A-Za-z_$][\w$-]*)\s*:/;
/** Names what is hashed: a fingerprint of another version never equals one of this version. */
const FINGERPRINT_VERSION = 'sha256-v2:';

/** Top-level entries of a YAML text by line: a key line and the indented (or `- `) lines under it. */
function topLevelBlocks(lines: readonly string[]): Array<{ key: string | undefined; lines: string[] }> {
  const blocks: Array<{ key: string | undefined; lines: string[] }> = [];
  for (const line of lines) {
    const key = TOP_LEVEL_KEY.exec(line)?.[1];
    const continues = line === '' || /^[ \t]/.test(line) || line.startsWith('-') || line.startsWith('#');
    if (key !== undefined || blocks.length === 0 || !continues) blocks.push({ key, lines: [line] });
    else blocks[blocks.length - 1]!.lines.push(line);
  }
  return blocks;
}

function parseBlock(lines: readonly string[]): unknown {
  try {
    const value = parse(lines.join('\n'), { schema: 'core', merge: false, uniqueKeys: false, maxAliasCount: 0, prettyErrors: false }) as unknown;
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
const clean = (value: string) => value.trim().replace(/\s+/g, ' ');

/** Reads metadata blocks: returns the kept (content) lines and the administrative values. */
function readYamlBlocks(lines: readonly string[]): { kept: string[]; facts: Omit<RevisionFacts, 'fingerprint' | 'rows'>; versions: unknown } {
  const kept: string[] = [];
  const facts: Omit<RevisionFacts, 'fingerprint' | 'rows'> = {};
  let versions: unknown;
  for (const block of topLevelBlocks(lines)) {
    if (block.key === 'risks') {
      const risks = readRisks(block.lines.join('\n'));
      kept.push(risks.content);
      if (risks.risks) facts.risks = risks.risks;
      continue;
    }
    if (block.key === undefined || !ADMIN_KEYS.has(block.key)) {
      kept.push(...block.lines);
      continue;
    }
    const value = (parseBlock(block.lines) as Record<string, unknown> | undefined)?.[block.key];
    if (block.key === 'version') facts.version = text(value);
    else if (block.key === 'status') facts.status = text(value);
    else if (block.key === 'approval' && isRecord(value)) facts.approval = { by: text(value['by']), name: text(value['name']), date: text(value['date']) };
    else if (block.key === 'versions') versions = value;
    else if (block.key === 'review' && value !== undefined) facts.review = { block: canonical(value), ...(isRecord(value) && text(value['last']) !== undefined ? { last: text(value['last'])! } : {}) };
  }
  return { kept, facts, versions };
}

/** JSON with sorted keys: two equal values give one text, whatever their order or style in YAML. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isRecord(v) && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v)) ?? 'null';
}

/**
 * The `risks` block of a register: each risk's acceptance and what it covers, and the content the
 * fingerprint covers: the risks as data (canonical JSON) without their acceptances, so that adding,
 * changing or removing an acceptance in any style leaves it unchanged and every other change shows.
 * A block that does not parse is all content, as written, with no risks read.
 */
function readRisks(source: string): { content: string; risks?: Map<string, RiskFacts> } {
  let values: unknown;
  try {
    values = (parse(source, { schema: 'core', merge: false, uniqueKeys: false, maxAliasCount: 0, prettyErrors: false }) as Record<string, unknown> | null)?.['risks'];
  } catch {
    return { content: source };
  }
  if (!Array.isArray(values)) return { content: source };
  const risks = new Map<string, RiskFacts>();
  const content = values.map((value: unknown) => {
    if (!isRecord(value)) return value;
    const { acceptance, ...rest } = value;
    const id = text(value['id']);
    if (id !== undefined && !risks.has(id)) {
      const facts: RiskFacts = { basis: canonical(Object.fromEntries(ACCEPTED_FIELDS.map((field) => [field, value[field] ?? null]))) };
      if (acceptance !== undefined) {
        facts.acceptance = canonical(acceptance);
        if (isRecord(acceptance)) {
          for (const key of ['by', 'date', 'expires'] as const) {
            const field = text(acceptance[key]);
            if (field !== undefined) facts[key] = field;
          }
        }
      }
      risks.set(id, facts);
    }
    return rest;
  });
  return { content: `risks: ${canonical(content)}`, risks };
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

function splitRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => clean(cell.replace(/\\\|/g, '|')));
}

/** The rows of a history table given as its lines: header, delimiter, rows. */
function tableRows(table: readonly string[]): HistoryRow[] {
  const [header = '', , ...body] = table;
  const columns = splitRow(header).map((cell) => cell.toLowerCase());
  const at = Object.fromEntries(Object.entries(COLUMN_NAMES).map(([name, accepted]) => [name, columns.findIndex((c) => accepted.includes(c))])) as Record<keyof HistoryRow, number>;
  return body.map((line) => {
    const cells = splitRow(line);
    return { version: cells[at.version] ?? '', date: cells[at.date] ?? '', author: cells[at.author] ?? '', details: cells[at.details] ?? '' };
  });
}

/**
 * The facts of one revision's text. Pure and cheap: Markdown is read at block level only (to find the
 * history table), YAML parsed only in small blocks.
 */
export function revisionFacts(raw: string, format: 'markdown' | 'yaml'): RevisionFacts {
  const normalised = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n');
  const hash = createHash('sha256');
  if (format === 'yaml') {
    const { kept, facts, versions } = readYamlBlocks(lines);
    hash.update(kept.join('\n'));
    return { ...facts, rows: yamlRows(versions), fingerprint: FINGERPRINT_VERSION + hash.digest('hex') };
  }
  let bodyStart = 0;
  let facts: Omit<RevisionFacts, 'fingerprint' | 'rows'> = {};
  if (lines[0] !== undefined && /^---[ \t]*$/.test(lines[0])) {
    const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line));
    if (close !== -1) {
      const read = readYamlBlocks(lines.slice(1, close));
      facts = read.facts;
      hash.update(read.kept.join('\n'));
      bodyStart = close + 1;
    }
  }
  hash.update('\n\0\n');
  const body = lines.slice(bodyStart);
  // Only the history table is administration: the heading and the rest of its section are content.
  const table = findHistorySection(body)?.table;
  hash.update((table ? [...body.slice(0, table.start), ...body.slice(table.end)] : body).join('\n'));
  return { ...facts, rows: table ? tableRows(body.slice(table.start, table.end)) : [], fingerprint: FINGERPRINT_VERSION + hash.digest('hex') };
}

export function sameRow(a: HistoryRow, b: HistoryRow): boolean {
  return a.version === b.version && a.date === b.date && a.author === b.author && a.details === b.details;
}

export function sameApproval(a: RevisionFacts['approval'], b: RevisionFacts['approval']): boolean {
  return a !== undefined && b !== undefined && a.by === b.by && a.name === b.name && a.date === b.date;
}
