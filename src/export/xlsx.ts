import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';
import JSZip from 'jszip';
import { isIsoDate } from '../text/dates.js';
import { cellText, type CellValue, type ExportColumn, type ExportTable } from './export-table.js';
import { writeZip } from './zip.js';

export interface WorkbookOptions {
  /** The workbook's creation and modification time, and every file's time in the zip: the source commit's time, so that the same input gives the same bytes. */
  time: Date;
  toolVersion: string;
}

// exceljs's workbook alone (its "bare" entry), without the streaming reader and writer the main entry
// loads too: half the start-up of a workbook export.
const ExcelJS = createRequire(import.meta.url)('exceljs/lib/exceljs.bare.js') as typeof ExcelJSModule;

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
  const width = Math.min(max, Math.max(min, longest + 2));
  // exceljs takes a width of 9 for its default and leaves such a column's width out of the sheet.
  return width === 9 ? 10 : width;
}

/** A cell's value in the workbook: dates as dates (midnight UTC), numbers as numbers, the rest as text (never a formula). */
function workbookValue(value: CellValue, column: ExportColumn): ExcelJSModule.CellValue {
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

/**
 * One style object per kind of column, shared by its cells: exceljs recognises a style object it has
 * seen (and would otherwise serialise each cell's copy to compare it).
 */
const STYLES: Record<ExportColumn['kind'] | 'header', Partial<ExcelJSModule.Style>> = {
  header: { font: { bold: true }, alignment: { vertical: 'top' } },
  id: { alignment: { vertical: 'top' } },
  number: { alignment: { vertical: 'top' } },
  date: { alignment: { vertical: 'top' }, numFmt: 'yyyy-mm-dd' },
  text: { alignment: { vertical: 'top', wrapText: true } },
  list: { alignment: { vertical: 'top', wrapText: true } },
  lines: { alignment: { vertical: 'top', wrapText: true } },
};

function tableSheet(workbook: ExcelJSModule.Workbook, table: ExportTable): void {
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1, activeCell: 'B2' }] });
  sheet.columns = table.columns.map((column) => ({ key: column.key, header: column.header, width: widthOf(column, table.rows) }));
  const styles = table.columns.map((column) => STYLES[column.kind]);
  sheet.getRow(1).eachCell((cell) => (cell.style = STYLES.header));
  for (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((column) => workbookValue(row[column.key] ?? null, column)));
    added.eachCell({ includeEmpty: true }, (cell, index) => (cell.style = styles[index - 1]!));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
}

function summarySheet(workbook: ExcelJSModule.Workbook, table: ExportTable): void {
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
 * The workbook's files zipped again, each dated `time` and deflated by Node's zlib: exceljs dates
 * every file with the time it writes it, so two exports of the same input would differ by those bytes
 * alone; it is asked to store them uncompressed, and the one compression is this one.
 */
async function withFixedTimes(stored: Buffer, time: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(stored);
  const entries = await Promise.all(
    Object.values(source.files)
      .filter((entry) => !entry.dir)
      .map(async (entry) => ({ name: entry.name, data: await entry.async('uint8array') })),
  );
  return writeZip(entries, time);
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
  const written = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
  return withFixedTimes(written, options.time);
}
