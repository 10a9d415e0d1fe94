import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import readExcelFile from 'read-excel-file/node';

/**
 * Three ways to read a workbook back, none of them isms's writer: exceljs, read-excel-file (a
 * second, independent reader), and the parts themselves, unzipped and parsed as XML.
 */

/** The workbook as exceljs reads it. */
export async function readWithExcelJs(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // exceljs declares its own Buffer (an ArrayBuffer): hand it the file's bytes as one.
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

/** A sheet's rows as exceljs gives their values (row 1 is the header). */
export function excelJsRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** A cell as read-excel-file gives it (its own declaration says `typeof Date`, the constructor, where it means a date). */
export type ReadCell = string | number | boolean | Date | null;

/** Every sheet as read-excel-file reads it: its name and its rows of strings (untrimmed), numbers, dates and nulls. */
export async function readWithSecondReader(bytes: Buffer): Promise<Array<{ sheet: string; data: ReadCell[][] }>> {
  return (await readExcelFile(bytes, { trim: false })) as unknown as Array<{ sheet: string; data: ReadCell[][] }>;
}

/** Elements that may repeat, always read as lists. */
const LISTS = new Set(['row', 'c', 'col', 'xf', 'font', 'numFmt', 'si', 'Override', 'Default', 'Relationship', 'mergeCell', 'definedName', 'sheet', 'selection']);

/** The workbook's parts by name: their text, and a parser that gives attributes with an `@` and lists where elements repeat. */
export async function workbookParts(bytes: Buffer): Promise<{ names: string[]; text: (name: string) => Promise<string>; xml: (name: string) => Promise<Record<string, any>> }> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseAttributeValue: false, trimValues: false, isArray: (name) => LISTS.has(name) });
  const text = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`no part ${name} in the workbook`);
    return file.async('string');
  };
  return { names: Object.keys(zip.files).filter((name) => !zip.files[name]!.dir), text, xml: async (name) => parser.parse(await text(name)) as Record<string, any> };
}
