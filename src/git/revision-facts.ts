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

/** What git evidence needs to know of one revision of a document. */
export interface RevisionFacts {
  /** `sha256-v2:` and the sha256 of the content: all but the version history rows and the keys version, status, approval, review. */
  fingerprint: string;
  version?: string;
  status?: string;
  approval?: { by?: string; name?: string; date?: string };
  rows: HistoryRow[];
}

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
    if (block.key === undefined || !ADMIN_KEYS.has(block.key)) {
      kept.push(...block.lines);
      continue;
    }
    const value = (parseBlock(block.lines) as Record<string, unknown> | undefined)?.[block.key];
    if (block.key === 'version') facts.version = text(value);
    else if (block.key === 'status') facts.status = text(value);
    else if (block.key === 'approval' && isRecord(value)) facts.approval = { by: text(value['by']), name: text(value['name']), date: text(value['date']) };
    else if (block.key === 'versions') versions = value;
  }
  return { kept, facts, versions };
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
