import { cellText, type ExportTable } from './export-table.js';

/**
 * Text a spreadsheet would run as a formula when the file is opened: it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return (SAFETY.md, "Spreadsheets").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as a spreadsheet must show it, never run it: formula-like text gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break, quotes doubled. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV (RFC 4180): a header row, one record per row, fields separated by commas, records
 * by CRLF; UTF-8 with a byte order mark, so that spreadsheets read it as UTF-8. Lists are joined with
 * ", " (one item a line for `lines` columns, inside the quoted field). Pure.
 */
export function toCsv(table: ExportTable): string {
  const record = (cells: string[]) => cells.map((cell) => field(neutraliseFormula(cell))).join(',');
  const lines = [record(table.columns.map((c) => c.header)), ...table.rows.map((row) => record(table.columns.map((c) => cellText(row[c.key] ?? null, c.kind))))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
