import { isIsoDate } from '../text/dates.js';
import { cellText, type CellValue, type ExportColumn, type ExportTable } from './export-table.js';
import type { Cell, CellStyle, Row, Sheet } from './workbook/model.js';
import { writeWorkbook } from './workbook/write-workbook.js';

export interface WorkbookOptions {
  /** The workbook's creation and modification time, and every file's time in the zip: the source commit's time, so that the same input gives the same bytes. */
  time: Date;
  toolVersion: string;
}

/** Widths in characters: enough for the longest line of a column, within bounds that keep a sheet readable. */
const WIDTH = { id: [6, 44], date: [12, 12], number: [8, 12], text: [10, 60], list: [10, 40], lines: [12, 60] } as const;

/** A column's width: its header and its longest line, within its kind's bounds. */
function widthOf(column: ExportColumn, rows: ExportTable['rows']): number {
  const [min, max] = WIDTH[column.kind];
  let longest = column.header.length;
  for (const row of rows) {
    const text = cellText(row[column.key] ?? null, column.kind);
    if (text.length <= longest) continue;
    for (const line of text.includes('\n') ? text.split('\n') : [text]) longest = Math.max(longest, line.length);
  }
  return Math.min(max, Math.max(min, longest + 2));
}

/** How each kind of column's cells look: long text wrapped, dates shown yyyy-mm-dd, everything aligned to the top. */
const STYLES: Record<ExportColumn['kind'], CellStyle> = { id: 'top', number: 'top', date: 'date', text: 'wrap', list: 'wrap', lines: 'wrap' };

/** A cell's value in the workbook: dates as dates (midnight UTC), numbers as numbers, the rest as text (never a formula); an empty list is an empty cell. */
function workbookValue(value: CellValue, column: ExportColumn): Cell['value'] {
  if (value === null) return null;
  if (column.kind === 'date' && typeof value === 'string' && isIsoDate(value)) {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(year, month - 1, day));
  }
  if (typeof value === 'number') return value;
  const text = cellText(value, column.kind);
  return text === '' ? null : text;
}

/** The sheet's name as a spreadsheet allows it: at most 31 characters, none of []:*?/\. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

/** The table: header row frozen (with the first column) and filtered, columns sized to their text. */
function tableSheet(table: ExportTable): Sheet {
  const styles = table.columns.map((column) => STYLES[column.kind]);
  const header: Row = { cells: table.columns.map((column) => ({ value: column.header, style: 'header' })) };
  const rows = table.rows.map((row): Row => ({ cells: table.columns.map((column, i) => ({ value: workbookValue(row[column.key] ?? null, column), style: styles[i]! })) }));
  return {
    name: sheetName(table.title),
    widths: table.columns.map((column) => widthOf(column, table.rows)),
    rows: [header, ...rows],
    frozen: { rows: 1, columns: 1 },
    autoFilter: true,
  };
}

/** The facts (label and value, the value merged across the sheet's columns and wrapped), then each summary table under its title. */
function summarySheet(table: ExportTable): Sheet {
  const widest = Math.max(2, ...table.summary.map((s) => s.header.length));
  const widths = Array.from({ length: widest }, (_, i) => (i === 0 ? 24 : i === 1 ? 16 : 14));
  const rows: Sheet['rows'] = [];
  const merges: NonNullable<Sheet['merges']> = [];
  const bold = (value: string | number): Cell => ({ value, style: 'bold' });
  const plain = (value: string | number): Cell => ({ value, style: 'plain' });
  for (const [label, value] of table.facts) {
    const wrapped = Array.from({ length: widest - 1 }, (_, i): Cell => ({ value: i === 0 ? value : null, style: 'wrap' }));
    // The row is as high as the value's lines at the merged width (about one character a unit of width).
    rows.push({ cells: [bold(label), ...wrapped], height: Math.max(15, 15 * Math.ceil(value.length / (14 * (widest - 1) + 2))) });
    merges.push({ row: rows.length, firstColumn: 2, lastColumn: widest });
  }
  for (const part of table.summary) {
    rows.push(null, { cells: [bold(part.title)] }, { cells: part.header.map(bold) });
    for (const cells of part.rows) rows.push({ cells: cells.map(plain) });
  }
  return { name: 'Summary', widths, rows, merges };
}

/**
 * The export as an Excel workbook: the table on its first sheet (header row frozen and filtered,
 * columns sized to their text, long text wrapped, dates as dates), then a Summary sheet. The same
 * table and time give the same bytes.
 */
export function toXlsx(table: ExportTable, options: WorkbookOptions): Buffer {
  return writeWorkbook({
    sheets: [tableSheet(table), summarySheet(table)],
    title: `${table.organization}: ${table.title}`,
    creator: `isms ${options.toolVersion}`,
    company: table.organization,
    time: options.time,
  });
}
