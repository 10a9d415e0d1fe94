import type { Range } from '../diagnostics/diagnostic.js';
import type { MarkdownModel } from './markdown.js';
import type { MarkdownTable } from './markdown-table.js';
import type { Problem } from '../source/problem.js';
import { childPointer, type SourceMap } from '../source/source-map.js';
import { isRecord } from '../text/is-record.js';

/** One row of a version history, as written: what git compares from revision to revision. */
export interface HistoryRow {
  version: string;
  date: string;
  author: string;
  details: string;
}

/** A row as validation reads it: the row, and where it and each of its cells are. */
export interface VersionRow extends HistoryRow {
  /** The whole row (table row or `versions` item). */
  at: Range;
  cells: Record<keyof HistoryRow, Range>;
}

/**
 * A document's version history as written, oldest first. `problems` are structural defects (missing
 * table, wrong columns, non-text cells) for the `version-table` rule; values are checked by rules.
 */
export interface VersionHistory {
  found: boolean;
  rows: VersionRow[];
  /** The heading or `versions` key, where "missing" findings point. */
  at: Range;
  problems: Problem[];
  /** Markdown: the table, and which field each column holds (null for other columns), for editors. */
  table?: { at: Range; columns: Array<keyof HistoryRow | null> };
}

/** Accepted header names of each history column, lower case (DESIGN 1.2). */
const COLUMN_NAMES: Record<keyof HistoryRow, string[]> = {
  version: ['version'],
  date: ['date'],
  author: ['author(s)', 'author', 'authors'],
  details: ['details', 'description'],
};

/** The field a history column holds by its header text, or null for a column of other text. */
function columnField(header: string): keyof HistoryRow | null {
  const name = header.toLowerCase();
  return (Object.keys(COLUMN_NAMES) as Array<keyof HistoryRow>).find((field) => COLUMN_NAMES[field].includes(name)) ?? null;
}

/**
 * The rows of a version history table, and its structural problems: a missing column (then no rows:
 * a table that does not say every field has none to read) or a column of other text. The one reader
 * of the table, for validation and for git's reading of old revisions alike.
 */
export function readHistoryTable(table: MarkdownTable): { rows: VersionRow[]; problems: Problem[]; columns: Array<keyof HistoryRow | null>; complete: boolean } {
  const columns = table.header.map((cell) => columnField(cell.text));
  const problems: Problem[] = [];
  for (const [name, accepted] of Object.entries(COLUMN_NAMES) as Array<[keyof HistoryRow, string[]]>) {
    if (!columns.includes(name))
      problems.push({ message: `version history table has no "${accepted[0]}" column (expected Version | Date | Author(s) | Details)`, at: table.header[0]?.at ?? table.at });
  }
  if (problems.length > 0) return { rows: [], problems, columns, complete: false };
  // Git reads the table of every revision: the columns are looked up once, not per row.
  const [v, d, a, t] = [columns.indexOf('version'), columns.indexOf('date'), columns.indexOf('author'), columns.indexOf('details')];
  const rows = table.rows.map(({ cells, at }) => {
    const [version, date, author, details] = [cells[v], cells[d], cells[a], cells[t]];
    return {
      version: version?.text ?? '',
      date: date?.text ?? '',
      author: author?.text ?? '',
      details: details?.text ?? '',
      at,
      cells: { version: version?.at ?? at, date: date?.at ?? at, author: author?.at ?? at, details: details?.at ?? at },
    };
  });
  // Rows are administration, outside the content fingerprint: a column of other text would be too.
  table.header.forEach((cell, index) => {
    if (columns[index] === null)
      problems.push({
        message: `version history column "${cell.text}" is not Version, Date, Author(s) or Details: the table holds administration only; put other text in the body, where it is content`,
        at: cell.at,
      });
  });
  return { rows, problems, columns, complete: true };
}

export function markdownHistory(model: MarkdownModel, fallback: Range): VersionHistory {
  // The history-section reader chose the heading and the table; here they get positions and cells.
  const section = model.history;
  const heading = section && model.headings.find((h) => h.at.line === section.heading.start + 1);
  if (!section || !heading) {
    return {
      found: false,
      rows: [],
      at: fallback,
      problems: [{ message: 'no version history: add a "Version history" heading with a table Version | Date | Author(s) | Details', at: fallback }],
    };
  }
  const tableLine = section.table && section.table.start + 1;
  const tableBlock = model.blocks.find((b) => b.kind === 'table' && b.table.at.line === tableLine);
  const table = tableBlock?.kind === 'table' ? tableBlock.table : undefined;
  if (!table) {
    return {
      found: false,
      rows: [],
      at: heading.at,
      problems: [{ message: `"${heading.text}" has no table: add Version | Date | Author(s) | Details`, at: heading.at }],
    };
  }
  const read = readHistoryTable(table);
  if (!read.complete) return { found: true, rows: [], at: heading.at, problems: read.problems };
  return { found: true, rows: read.rows, at: heading.at, problems: read.problems, table: { at: table.at, columns: read.columns } };
}

/** `versions: [{version, date, author, details}]` of a YAML document. */
export function yamlHistory(data: unknown, map: SourceMap): VersionHistory {
  const versions = isRecord(data) ? data['versions'] : undefined;
  const at = map.keyAt('/versions');
  if (versions === undefined || versions === null) {
    return {
      found: false,
      rows: [],
      at: map.fallback,
      problems: [{ message: 'no version history: add "versions" with items {version, date, author, details}', at: map.fallback }],
    };
  }
  if (!Array.isArray(versions)) {
    return { found: false, rows: [], at, problems: [{ message: '"versions" must be a list of {version, date, author, details}', at: map.valueAt('/versions') }] };
  }
  const problems: Problem[] = [];
  const rows: VersionRow[] = [];
  versions.forEach((item, index) => {
    const itemPointer = childPointer('/versions', index);
    if (!isRecord(item)) {
      problems.push({ message: `versions[${index}] must be a map with version, date, author and details`, at: map.valueAt(itemPointer) });
      return;
    }
    const field = (name: keyof HistoryRow) => {
      const value = item[name];
      const fieldPointer = childPointer(itemPointer, name);
      // Missing values stay empty for the rule to report; other types are reported here, once,
      // and checked further as written (an unquoted 1.10 is the number 1.1 but was meant as "1.10").
      if (value === undefined || value === null) return '';
      if (typeof value !== 'string') {
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a parsed YAML scalar (an object never gets here without its raw text)
        const raw = map.get(fieldPointer)?.raw ?? String(value);
        problems.push({ message: `versions[${index}].${name} must be text: quote it ("${raw}")`, at: map.valueAt(fieldPointer) });
        return raw;
      }
      return value;
    };
    const cellAt = (name: string) => map.valueAt(childPointer(itemPointer, name));
    rows.push({
      version: field('version'),
      date: field('date'),
      author: field('author'),
      details: field('details'),
      at: map.valueAt(itemPointer),
      cells: { version: cellAt('version'), date: cellAt('date'), author: cellAt('author'), details: cellAt('details') },
    });
  });
  return { found: true, rows, at, problems };
}
