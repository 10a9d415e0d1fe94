import type { Cell, Sheet } from './model.js';
import type { SharedStrings } from './shared-strings.js';
import { STYLE_INDEX } from './styles-part.js';
import { cellRef, columnName, XML_DECLARATION } from './xml.js';

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 date system is 1899-12-30 (so that 1900-03-01 is 61, as in Excel); 25569 is 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
/** The first day whose serial number every spreadsheet reads the same way (Excel counts a 29 February 1900 that was not). */
const FIRST_SERIAL_DAY = Date.UTC(1900, 2, 1);

/** A date as its serial day number in the 1900 date system, or undefined for a day it cannot hold. */
function dateSerial(date: Date): number | undefined {
  const ms = date.getTime();
  if (!Number.isFinite(ms) || ms < FIRST_SERIAL_DAY || date.getUTCFullYear() > 9999) return undefined;
  return ms / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** One cell's XML: `t="s"` names shared text, a number or date serial is the bare `<v>`; never `<f>` (a formula). */
function cellXml(cell: Cell, ref: string, strings: SharedStrings): string {
  const style = STYLE_INDEX[cell.style] ? ` s="${STYLE_INDEX[cell.style]}"` : '';
  const { value } = cell;
  if (value === null) return `<c r="${ref}"${style}/>`;
  const number = value instanceof Date ? dateSerial(value) : typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  if (number !== undefined) return `<c r="${ref}"${style}><v>${number}</v></c>`;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return `<c r="${ref}"${style} t="s"><v>${strings.index(text)}</v></c>`;
}

/** The range from A1 to the last row and column the sheet uses (its auto-filter's range). */
export function usedRange(sheet: Sheet): { range: string; lastColumn: number } {
  const lastRow = Math.max(1, sheet.rows.length);
  const lastColumn = sheet.rows.reduce((last, row) => Math.max(last, row?.cells.length ?? 0), Math.max(1, sheet.widths.length));
  return { range: `A1:${cellRef(lastRow, lastColumn)}`, lastColumn };
}

/**
 * xl/worksheets/sheetN.xml. Elements in the order the schema requires: dimension, sheetViews,
 * sheetFormatPr, cols, sheetData, autoFilter, mergeCells, pageMargins.
 */
export function sheetXml(sheet: Sheet, strings: SharedStrings, selected: boolean): string {
  const { range, lastColumn } = usedRange(sheet);
  const parts: string[] = [
    `${XML_DECLARATION}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`,
    `<dimension ref="${range}"/>`,
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>${paneXml(sheet.frozen)}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
  ];
  if (sheet.widths.length > 0) parts.push(`<cols>${sheet.widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`);
  parts.push('<sheetData>');
  const names = Array.from({ length: lastColumn }, (_, i) => columnName(i + 1));
  sheet.rows.forEach((row, index) => {
    if (row === null) return;
    const number = index + 1;
    const height = row.height === undefined ? '' : ` ht="${row.height}" customHeight="1"`;
    let cells = '';
    row.cells.forEach((cell, column) => {
      if (cell !== null) cells += cellXml(cell, `${names[column]!}${number}`, strings);
    });
    parts.push(`<row r="${number}"${height}>${cells}</row>`);
  });
  parts.push('</sheetData>');
  if (sheet.autoFilter) parts.push(`<autoFilter ref="${range}"/>`);
  // A merge of one cell is no merge (Excel repairs the file to remove it).
  const merges = (sheet.merges ?? []).filter((m) => m.lastColumn > m.firstColumn);
  if (merges.length > 0)
    parts.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${cellRef(m.row, m.firstColumn)}:${cellRef(m.row, m.lastColumn)}"/>`).join('')}</mergeCells>`);
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return parts.join('');
}

/** The frozen pane: rows above and columns left of the first scrolling cell stay in view. */
function paneXml(frozen: Sheet['frozen']): string {
  if (!frozen || (frozen.rows === 0 && frozen.columns === 0)) return '';
  const topLeft = cellRef(frozen.rows + 1, frozen.columns + 1);
  const pane = frozen.rows > 0 && frozen.columns > 0 ? 'bottomRight' : frozen.rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${frozen.columns > 0 ? ` xSplit="${frozen.columns}"` : ''}${frozen.rows > 0 ? ` ySplit="${frozen.rows}"` : ''}`;
  return `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}
