import type { CellStyle } from './model.js';
import { XML_DECLARATION } from './xml.js';

/** Each style's index among the cell formats (`cellXfs`) of styles.xml: the `s` of a cell. */
export const STYLE_INDEX: Record<CellStyle, number> = { plain: 0, top: 1, wrap: 2, date: 3, header: 4, bold: 5 };

/** The date format, a custom number format (ids from 164 on are the workbook's own). */
const DATE_FORMAT = 164;

/**
 * xl/styles.xml: two fonts (regular and bold Calibri 11), the two fills and one border every workbook
 * declares, and one cell format per style, in the order of STYLE_INDEX.
 */
export function stylesXml(): string {
  const top = '<alignment vertical="top"/>';
  const xf = (font: number, format: number, alignment: string) =>
    `<xf numFmtId="${format}" fontId="${font}" fillId="0" borderId="0" xfId="0"${font ? ' applyFont="1"' : ''}${format ? ' applyNumberFormat="1"' : ''}${alignment ? ` applyAlignment="1">${alignment}</xf>` : '/>'}`;
  const formats: Record<CellStyle, string> = {
    plain: xf(0, 0, ''),
    top: xf(0, 0, top),
    wrap: xf(0, 0, '<alignment vertical="top" wrapText="1"/>'),
    date: xf(0, DATE_FORMAT, top),
    header: xf(1, 0, top),
    bold: xf(1, 0, ''),
  };
  const ordered = (Object.keys(STYLE_INDEX) as CellStyle[]).sort((a, b) => STYLE_INDEX[a] - STYLE_INDEX[b]).map((style) => formats[style]);
  return (
    `${XML_DECLARATION}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<numFmts count="1"><numFmt numFmtId="${DATE_FORMAT}" formatCode="yyyy-mm-dd"/></numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${ordered.length}">${ordered.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}
