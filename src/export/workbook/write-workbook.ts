import { writeZip, type ZipEntry } from '../zip.js';
import type { Workbook } from './model.js';
import { appXml, contentTypesXml, coreXml, rootRelsXml, sheetPath, workbookRelsXml, workbookXml } from './package-parts.js';
import { SharedStrings } from './shared-strings.js';
import { sheetXml, usedRange } from './sheet-part.js';
import { stylesXml } from './styles-part.js';

/**
 * The workbook as an .xlsx file (Office Open XML SpreadsheetML): its parts written as text, zipped
 * with every file dated `workbook.time`, so the same workbook gives the same bytes.
 */
export function writeWorkbook(workbook: Workbook): Buffer {
  const strings = new SharedStrings();
  const sheets = workbook.sheets.map((sheet, i) => sheetXml(sheet, strings, i === 0));
  const filterRanges = workbook.sheets.map((sheet) => (sheet.autoFilter ? usedRange(sheet).range : undefined));
  const part = (name: string, text: string): ZipEntry => ({ name, data: Buffer.from(text, 'utf8') });
  return writeZip(
    [
      part('[Content_Types].xml', contentTypesXml(sheets.length)),
      part('_rels/.rels', rootRelsXml()),
      part('docProps/core.xml', coreXml(workbook)),
      part('docProps/app.xml', appXml(workbook)),
      part('xl/workbook.xml', workbookXml(workbook, filterRanges)),
      part('xl/_rels/workbook.xml.rels', workbookRelsXml(sheets.length)),
      part('xl/styles.xml', stylesXml()),
      part('xl/sharedStrings.xml', strings.xml()),
      ...sheets.map((xml, i) => part(sheetPath(i), xml)),
    ],
    workbook.time,
  );
}
