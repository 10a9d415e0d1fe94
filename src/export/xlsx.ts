import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isIsoDate } from '../text/dates.js';
import { cellText, type CellValue, type ExportColumn, type ExportTable } from './export-table.js';

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
    for (const line of cellText(row[column.key] ?? null, column.kind).split('\n')) longest = Math.max(longest, line.length);
  }
  return Math.min(max, Math.max(min, longest + 2));
}

/** A cell's value in the workbook: dates as dates (midnight UTC), numbers as numbers, the rest as text (never a formula). */
function workbookValue(value: CellValue, column: ExportColumn): ExcelJS.CellValue {
  if (value === null) return null;
  if (column.kind === 'date' && typeof value === 'string' && isIsoDate(value)) {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(year, month - 1, day));
  }
  if (typeof value === 'number') return value;
  // A text cell is never evaluated: text that starts with "=" stays text in a workbook (a formula is another type of cell).
  return cellText(value, column.kind);
}

/** The sheet's name as a spreadsheet allows it: at most 31 characters, none of []:*?/\. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

function tableSheet(workbook: ExcelJS.Workbook, table: ExportTable): void {
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1, activeCell: 'B2' }] });
  sheet.columns = table.columns.map((column) => ({ key: column.key, header: column.header, width: widthOf(column, table.rows) }));
  for (const row of table.rows) sheet.addRow(Object.fromEntries(table.columns.map((column) => [column.key, workbookValue(row[column.key] ?? null, column)])));
  sheet.getRow(1).font = { bold: true };
  table.columns.forEach((column, index) => {
    const cells = sheet.getColumn(index + 1);
    cells.alignment = { vertical: 'top', wrapText: column.kind === 'text' || column.kind === 'list' || column.kind === 'lines' };
    if (column.kind === 'date') cells.numFmt = 'yyyy-mm-dd';
  });
  sheet.getRow(1).alignment = { vertical: 'top', wrapText: false };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
}

function summarySheet(workbook: ExcelJS.Workbook, table: ExportTable): void {
  const sheet = workbook.addWorksheet('Summary');
  const widest = Math.max(2, ...table.summary.map((s) => s.header.length));
  sheet.columns = Array.from({ length: widest }, (_, i) => ({ width: i === 0 ? 24 : i === 1 ? 16 : 14 }));
  for (const [label, value] of table.facts) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    sheet.mergeCells(row.number, 2, row.number, widest);
    row.getCell(2).alignment = { vertical: 'top', wrapText: true };
    row.height = Math.max(15, 15 * Math.ceil(value.length / (14 * (widest - 1) + 2)));
  }
  for (const part of table.summary) {
    sheet.addRow([]);
    sheet.addRow([part.title]).font = { bold: true };
    sheet.addRow(part.header).font = { bold: true };
    for (const cells of part.rows) sheet.addRow(cells);
  }
}

/**
 * Rewrites a zip with every entry dated `time`: exceljs dates each file of the workbook with the
 * time it is written, so two exports of the same input would differ by those bytes alone.
 */
async function withFixedTimes(bytes: Buffer, time: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const [name, entry] of Object.entries(source.files)) {
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date: time, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
}

/**
 * The export as an Excel workbook (exceljs): the table on its first sheet (header row frozen and
 * filtered, columns sized to their text, long text wrapped, dates as dates), then a Summary sheet.
 * The same table and time give the same bytes.
 */
export async function toXlsx(table: ExportTable, options: WorkbookOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `isms ${options.toolVersion}`;
  workbook.lastModifiedBy = `isms ${options.toolVersion}`;
  workbook.created = options.time;
  workbook.modified = options.time;
  workbook.title = `${table.organization}: ${table.title}`;
  workbook.company = table.organization;
  tableSheet(workbook, table);
  summarySheet(workbook, table);
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  return withFixedTimes(written, options.time);
}
