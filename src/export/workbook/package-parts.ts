import type { Workbook } from './model.js';
import { XML_DECLARATION, xmlText } from './xml.js';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SPREADSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** A sheet's part name inside the package. */
export const sheetPath = (index: number): string => `xl/worksheets/sheet${index + 1}.xml`;

/** [Content_Types].xml: the type of every part. */
export function contentTypesXml(sheets: number): string {
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    override('xl/workbook.xml', `${SPREADSHEET}.sheet.main+xml`) +
    Array.from({ length: sheets }, (_, i) => override(sheetPath(i), `${SPREADSHEET}.worksheet+xml`)).join('') +
    override('xl/styles.xml', `${SPREADSHEET}.styles+xml`) +
    override('xl/sharedStrings.xml', `${SPREADSHEET}.sharedStrings+xml`) +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

/** _rels/.rels: the package's workbook and its two property parts. */
export function rootRelsXml(): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">` +
    `<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="${RELATIONSHIPS}/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${OFFICE_RELATIONSHIPS}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>'
  );
}

/** xl/_rels/workbook.xml.rels: sheet N is rIdN; styles and shared strings follow. */
export function workbookRelsXml(sheets: number): string {
  const relation = (id: number, type: string, target: string) => `<Relationship Id="rId${id}" Type="${OFFICE_RELATIONSHIPS}/${type}" Target="${target}"/>`;
  return (
    `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">` +
    Array.from({ length: sheets }, (_, i) => relation(i + 1, 'worksheet', sheetPath(i).slice('xl/'.length))).join('') +
    relation(sheets + 1, 'styles', 'styles.xml') +
    relation(sheets + 2, 'sharedStrings', 'sharedStrings.xml') +
    '</Relationships>'
  );
}

/** A sheet name in a formula: quoted, quotes doubled. */
const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * xl/workbook.xml: the sheets in order, and for each filtered sheet the hidden name
 * `_xlnm._FilterDatabase` that spreadsheets keep an auto-filter's range in.
 */
export function workbookXml(workbook: Workbook, filterRanges: Array<string | undefined>): string {
  const sheets = workbook.sheets.map((sheet, i) => `<sheet name="${xmlText(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const names = filterRanges.flatMap((range, i) => {
    if (range === undefined) return [];
    const absolute = range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    return [`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quotedSheet(workbook.sheets[i]!.name)}!${absolute}`)}</definedName>`];
  });
  return (
    `${XML_DECLARATION}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${OFFICE_RELATIONSHIPS}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets>` +
    (names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : '') +
    '</workbook>'
  );
}

/** A time as the core properties hold it (W3CDTF, whole seconds, UTC). */
const w3cdtf = (time: Date) => time.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** docProps/core.xml: title, creator and the fixed creation and modification time. */
export function coreXml(workbook: Workbook): string {
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${xmlText(workbook.title)}</dc:title><dc:creator>${xmlText(workbook.creator)}</dc:creator><cp:lastModifiedBy>${xmlText(workbook.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(workbook.time)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(workbook.time)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** docProps/app.xml: the application that wrote the workbook, the company, the sheets' names. */
export function appXml(workbook: Workbook): string {
  const names = workbook.sheets.map((sheet) => `<vt:lpstr>${xmlText(sheet.name)}</vt:lpstr>`).join('');
  const count = workbook.sheets.length;
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>${xmlText(workbook.creator)}</Application>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${count}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${count}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
    `<Company>${xmlText(workbook.company)}</Company>` +
    '</Properties>'
  );
}
