import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { isHistoryHeading, isRecord } from '../documents/version-history.js';

export interface HistoryRow {
  version: string;
  date: string;
  author: string;
  details: string;
}

/** What git evidence needs to know of one revision of a document. */
export interface RevisionFacts {
  /** sha256 of the content, ignoring the version history and the keys version, status, approval, review. */
  fingerprint: string;
  version?: string;
  status?: string;
  approval?: { by?: string; name?: string; date?: string };
  rows: HistoryRow[];
}

/** Keys whose change is administration, not content (DESIGN section 4). */
const ADMIN_KEYS = new Set(['version', 'status', 'approval', 'review', 'versions']);
const TOP_LEVEL_KEY = /^([A-Za-z_$][\w$-]*)\s*:/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

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

/** The version history section of a Markdown body: its line range and its table rows. */
function markdownHistory(lines: readonly string[]): { start: number; end: number; rows: HistoryRow[] } | undefined {
  let fence: string | undefined;
  let start = -1;
  let depth = 0;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = HEADING.exec(line);
    if (!heading) continue;
    const level = heading[1]!.length;
    if (start === -1) {
      if (isHistoryHeading(heading[2] ?? '')) {
        start = i;
        depth = level;
      }
    } else if (level <= depth) {
      end = i;
      break;
    }
  }
  if (start === -1) return undefined;
  const table = lines.slice(start + 1, end).filter((line) => /^\s*\|/.test(line));
  const [header, , ...body] = table;
  if (!header) return { start, end, rows: [] };
  const columns = splitRow(header).map((cell) => cell.toLowerCase());
  const index = (names: string[]) => columns.findIndex((c) => names.includes(c));
  const at = { version: index(['version']), date: index(['date']), author: index(['author(s)', 'author', 'authors']), details: index(['details', 'description']) };
  const rows = body.map((line) => {
    const cells = splitRow(line);
    return { version: cells[at.version] ?? '', date: cells[at.date] ?? '', author: cells[at.author] ?? '', details: cells[at.details] ?? '' };
  });
  return { start, end, rows };
}

/** The facts of one revision's text. Pure and cheap: no Markdown parser, YAML parsed only in small blocks. */
export function revisionFacts(raw: string, format: 'markdown' | 'yaml'): RevisionFacts {
  const normalised = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n');
  const hash = createHash('sha256');
  if (format === 'yaml') {
    const { kept, facts, versions } = readYamlBlocks(lines);
    hash.update(kept.join('\n'));
    return { ...facts, rows: yamlRows(versions), fingerprint: hash.digest('hex') };
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
  const history = markdownHistory(body);
  hash.update((history ? [...body.slice(0, history.start), ...body.slice(history.end)] : body).join('\n'));
  return { ...facts, rows: history?.rows ?? [], fingerprint: hash.digest('hex') };
}

export function sameRow(a: HistoryRow, b: HistoryRow): boolean {
  return a.version === b.version && a.date === b.date && a.author === b.author && a.details === b.details;
}

export function sameApproval(a: RevisionFacts['approval'], b: RevisionFacts['approval']): boolean {
  return a !== undefined && b !== undefined && a.by === b.by && a.name === b.name && a.date === b.date;
}
