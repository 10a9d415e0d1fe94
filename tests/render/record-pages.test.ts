import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';
import { activeContent } from '../helpers/html-safety.js';
import { readPdf, readPdfLayout } from '../helpers/pdf.js';

const CONFIG = `${REPO_CONFIG}publish:\n  title: Test Org ISMS Manual\n`;

function head(id: string, kind: string, title: string): string {
  return `id: ${id}
title: ${title}
type: record
record: ${kind}
owner: ciso
classification: internal
status: draft
version: "0.1"
versions:
  - { version: "0.1", date: 2026-01-05, author: P. Writer, details: First draft }
`;
}

// The inputs are written g to a: the page shows them in the order of 9.3.2 (the schema's).
const REVIEW = `${head('DOC-MR', 'management-review', 'Management Review')}date: 2026-01-04
attendees: [R. Adeyemi, M. Woolard]
inputs:
  improvement: Automate the access reviews.
  risk_assessment: Reassessed in March; the treatment plan is on schedule.
  interested_parties_feedback: No complaints from clients.
  performance: One minor nonconformity, closed; objectives on track.
  changes_in_interested_parties: Clients now ask for certification.
  changes_in_issues: A new office opened in Lisbon.
  previous_actions: The two actions of the last review are done.
decisions:
  - { decision: Automate the access reviews by the summer, owner: ciso, due: 2026-06-30 }
  - { decision: Rewrite the onboarding guide, owner: writer }
`;

const HOSTILE = '<script>alert("owned")</script> **not bold** [a link](javascript:alert(1)) <img src=x onerror=alert(2)>';

const AUDIT = `${head('DOC-IA', 'internal-audit', 'Internal Audit')}date: 2026-01-03
scope: Clauses 4 to 10
auditors: [J. Auditor]
findings:
  - { id: F-1, kind: nonconformity, description: Access reviews were skipped in the third quarter, follow_up: NC-1 in the log }
  - { id: F-2, kind: observation, description: Backups are tested by hand }
conclusion: '${HOSTILE}'
`;

const LOG = `${head('DOC-NC', 'nonconformity', 'Nonconformity Log')}entries:
  - id: NC-1
    raised: 2025-01-03
    description: Access reviews were skipped
    owner: ciso
    due: 2025-01-31
  - id: NC-2
    raised: 2025-01-03
    description: The supplier list is out of date
    owner: writer
    due: 2099-12-31
  - id: NC-3
    raised: 2025-01-02
    description: A leaver kept a badge
    correction: The badge was revoked
    cause: HR did not tell facilities
    corrective_action: Leavers are sent to facilities by the HR system
    owner: ciso
    due: 2025-02-28
    closed: 2025-02-10
`;

const OBJECTIVES = `${head('DOC-OBJ', 'objective', 'Objectives')}objectives:
  - id: O-1
    objective: Patch critical vulnerabilities quickly
    measure: Days from a critical advisory to the patch in production
    target: 14 days at most for 95% of advisories
    owner: ciso
    due: 2026-12-31
    results:
      - { date: 2026-03-31, value: 12 days for 97% of advisories, note: One advisory took 30 days because the vendor withdrew its first patch }
      - { date: 2026-06-30, value: 9 days for 100% of advisories }
`;

// A draft with a key its schema does not know: shown after the known ones, by its key.
const MONITORING = `${head('DOC-MON', 'monitoring', 'Monitoring')}measurements:
  - { what: Staff trained, date: 2026-01-02, result: 96% }
remarks: Measured by hand this once.
`;

// A plan kept as YAML has no schema of its own: its keys are its labels, in its order.
const PLAN = `id: DOC-PLAN
title: Awareness Plan
type: plan
owner: ciso
classification: internal
status: draft
version: "0.1"
versions:
  - { version: "0.1", date: 2026-01-05, author: P. Writer, details: First draft }
audience: Every member of staff
sessions:
  - { month: March, topic: Phishing }
  - { month: September, topic: Travelling with laptops }
`;

interface Element {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Element[];
  value?: string;
}

const textOf = (node: Element): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join(''));
const classOf = (node: Element) => node.attrs?.find((a) => a.name === 'class')?.value ?? '';

function all(node: Element, test: (node: Element) => boolean, into: Element[] = []): Element[] {
  if (test(node)) into.push(node);
  for (const child of node.childNodes ?? []) all(child, test, into);
  return into;
}

/** The record's content on a page as a reader sees it: each section's heading and the element under it. */
function sections(html: string): Map<string, Element> {
  const root = parse(html) as unknown as Element;
  const record = all(root, (n) => n.tagName === 'div' && classOf(n) === 'record')[0];
  const found = new Map<string, Element>();
  for (const section of all(record!, (n) => n.tagName === 'section')) {
    const [heading, ...rest] = (section.childNodes ?? []).filter((n) => n.tagName !== undefined);
    found.set(textOf(heading!), { nodeName: 'section', childNodes: rest });
  }
  return found;
}

/** The first table's header cells and its rows' cells, as text (whitespace folded; a table in a cell is its cell's text). */
function table(node: Element): { header: string[]; rows: string[][] } {
  const fold = (n: Element) => textOf(n).replace(/\s+/g, ' ').trim();
  const outer = all(node, (n) => n.tagName === 'table')[0]!;
  const children = (n: Element, tags: string[]) => (n.childNodes ?? []).filter((c) => tags.includes(c.tagName ?? ''));
  const cells = (part: string) =>
    children(outer, [part])
      .flatMap((section) => children(section, ['tr']))
      .map((tr) => children(tr, ['th', 'td']).map(fold));
  return { header: cells('thead')[0] ?? [], rows: cells('tbody') };
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const pageSize = (file: string) =>
  /Page size:\s+([\d.]+) x ([\d.]+)/
    .exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!
    .slice(1)
    .map(Number);

describe('the pages and PDFs of records', () => {
  let repo: TestRepo;
  let out: string;
  let code: number;
  let stderr: string;
  const page = (id: string) => readFileSync(path.join(out, `${id}.html`), 'utf8');
  const pdf = (id: string) => path.join(out, 'pdf', `${id}.pdf`);

  beforeAll(async () => {
    repo = new TestRepo();
    repo
      .write('.gitignore', '_site/\n')
      .write('isms.config.yaml', CONFIG)
      .write('records/management-review.yaml', REVIEW)
      .write('records/internal-audit.yaml', AUDIT)
      .write('records/nonconformity-log.yaml', LOG)
      .write('records/monitoring.yaml', MONITORING)
      .write('records/objectives.yaml', OBJECTIVES)
      .write('plans/awareness.yaml', PLAN)
      .commit('Records', WRITER, '2026-01-05');
    out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-records-')), 'site');
    ({ code, stderr } = await runCli(['build', '--out', out], repo.dir));
  }, 120_000);
  afterAll(() => {
    repo.remove();
    rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('builds them', () => {
    expect(code, stderr).toBe(0);
  });

  it("shows a management review's date, attendees, the seven inputs of 9.3.2 by their labels in order, and its decisions with the owners' role titles", () => {
    const shown = sections(page('DOC-MR'));
    expect([...shown.keys()]).toEqual(['Date', 'Attendees', 'Inputs (9.3.2)', 'Decisions (9.3.3)']);
    expect(textOf(shown.get('Date')!).trim()).toBe('2026-01-04');
    expect(all(shown.get('Attendees')!, (n) => n.tagName === 'li').map((li) => textOf(li).trim())).toEqual(['R. Adeyemi', 'M. Woolard']);
    expect(table(shown.get('Inputs (9.3.2)')!).rows).toEqual([
      ['a) Status of actions from previous management reviews', 'The two actions of the last review are done.'],
      ['b) Changes in external and internal issues relevant to the ISMS', 'A new office opened in Lisbon.'],
      ['c) Changes in needs and expectations of interested parties relevant to the ISMS', 'Clients now ask for certification.'],
      ['d) Feedback on information security performance', 'One minor nonconformity, closed; objectives on track.'],
      ['e) Feedback from interested parties', 'No complaints from clients.'],
      ['f) Results of risk assessment and status of the risk treatment plan', 'Reassessed in March; the treatment plan is on schedule.'],
      ['g) Opportunities for continual improvement', 'Automate the access reviews.'],
    ]);
    expect(table(shown.get('Decisions (9.3.3)')!)).toEqual({
      header: ['Decision', 'Owner', 'Due'],
      rows: [
        ['Automate the access reviews by the summer', 'Chief Information Security Officer', '2026-06-30'],
        ['Rewrite the onboarding guide', 'Policy writer', ''],
      ],
    });
  });

  it("shows an internal audit's findings as a table of the columns its findings use", () => {
    const shown = sections(page('DOC-IA'));
    expect([...shown.keys()]).toEqual(['Date', 'Scope', 'Auditors', 'Findings', 'Conclusion']);
    // No finding names a clause: no empty "Clause or control" column.
    expect(table(shown.get('Findings')!)).toEqual({
      header: ['ID', 'Kind', 'Description', 'Follow-up'],
      rows: [
        ['F-1', 'nonconformity', 'Access reviews were skipped in the third quarter', 'NC-1 in the log'],
        ['F-2', 'observation', 'Backups are tested by hand', ''],
      ],
    });
  });

  it('shows the nonconformity log, and marks the open nonconformity past its due date (not the closed one, nor the one still in time)', () => {
    const log = table(sections(page('DOC-NC')).get('Nonconformities')!);
    expect(log.header).toEqual(['ID', 'Raised', 'Description', 'Correction', 'Cause', 'Corrective action', 'Owner', 'Due', 'Closed']);
    expect(log.rows.map((row) => row[0])).toEqual(['NC-1', 'NC-2', 'NC-3']);
    expect(log.rows[0]![6]).toBe('Chief Information Security Officer');
    expect(log.rows[0]![7]).toMatch(/^2025-01-31 open, \d+ days past its due date$/);
    expect(log.rows[1]![7]).toBe('2099-12-31');
    expect(log.rows[2]![7]).toBe('2025-02-28');
    expect(log.rows[2]!.slice(3, 6)).toEqual(['The badge was revoked', 'HR did not tell facilities', 'Leavers are sent to facilities by the HR system']);
  });

  it('shows a key the schema does not know after the ones it knows, by the key itself', () => {
    expect([...sections(page('DOC-MON')).keys()]).toEqual(['Measurements', 'remarks']);
    expect(textOf(sections(page('DOC-MON')).get('remarks')!).trim()).toBe('Measured by hand this once.');
  });

  it('shows the content of a YAML plan too, by its keys in its order', () => {
    const shown = sections(page('DOC-PLAN'));
    expect([...shown.keys()]).toEqual(['audience', 'sessions']);
    expect(table(shown.get('sessions')!)).toEqual({
      header: ['month', 'topic'],
      rows: [
        ['March', 'Phishing'],
        ['September', 'Travelling with laptops'],
      ],
    });
  });

  it('keeps markup in a record as literal text: no script, no link, no image, no bold', () => {
    const html = page('DOC-IA');
    expect(activeContent(html)).toEqual([]);
    expect(textOf(sections(html).get('Conclusion')!).trim()).toBe(HOSTILE);
    const root = parse(html) as unknown as Element;
    expect(all(root, (n) => ['a', 'img', 'strong'].includes(n.tagName ?? '') && textOf(n).includes('link'))).toEqual([]);
    expect(all(root, (n) => n.tagName === 'img')).toEqual([]);
  });

  it("puts the record's content in its PDF, in the page's order, markup as literal text", async () => {
    const review = pdfText(pdf('DOC-MR'));
    for (const text of [
      'Inputs (9.3.2)',
      'a) Status of actions from previous management reviews',
      'The two actions of the last review are done.',
      'g) Opportunities for continual improvement',
      'Automate the access reviews by the summer',
      'Chief Information Security Officer',
      'Policy writer',
    ])
      expect(review).toContain(text);
    // pdftotext reorders table cells around the DRAFT watermark; pdf.js reads them as they were laid out.
    const inOrder = (await readPdf(pdf('DOC-MR'))).pages.join(' ');
    const labels = ['Date', 'Attendees', 'Inputs (9.3.2)', 'a) Status', 'b) Changes', 'c) Changes', 'd) Feedback', 'e) Feedback', 'f) Results', 'g) Opportunities', 'Decisions (9.3.3)'];
    // After the metadata table (which ends with the classification).
    const start = inOrder.indexOf('Classification internal');
    const at = labels.map((label) => inOrder.indexOf(label, start));
    expect(start).toBeGreaterThan(0);
    expect(
      at.every((n, i) => n > start && (i === 0 || n > at[i - 1]!)),
      `${labels.join(', ')} at ${at.join(', ')}`,
    ).toBe(true);
    const audit = pdfText(pdf('DOC-IA'));
    expect(audit).toContain('Access reviews were skipped in the third quarter');
    expect(audit).toContain('<script>alert("owned")</script> **not bold** [a link](javascript:alert(1))');
    expect(pdfText(pdf('DOC-NC'))).toMatch(/2025-01-31 \(open, \d+ days past its due date\)/);
    expect(
      pdfText(
        path.join(
          out,
          readdirSync(out).find((f) => f.endsWith('-manual.pdf'))!,
        ),
      ),
    ).toContain('The two actions of the last review are done.');
  });

  it("shows an objective's results as a table in its row, on the page and inside the row's cell in the PDF", async () => {
    const objectives = table(sections(page('DOC-OBJ')).get('Objectives')!);
    expect(objectives.header).toEqual(['ID', 'Objective', 'Measure', 'Target', 'Owner', 'Due', 'Results']);
    const root = parse(page('DOC-OBJ')) as unknown as Element;
    const nested = all(root, (n) => n.tagName === 'td').flatMap((td) => all(td, (n) => n.tagName === 'table'));
    expect(table({ nodeName: 'div', childNodes: nested })).toEqual({
      header: ['Date', 'Value', 'Note'],
      rows: [
        ['2026-03-31', '12 days for 97% of advisories', 'One advisory took 30 days because the vendor withdrew its first patch'],
        ['2026-06-30', '9 days for 100% of advisories', ''],
      ],
    });
    const { pages } = await readPdfLayout(pdf('DOC-OBJ'));
    const results = pages.flatMap((p) => p.words.filter((w) => w.text === 'Results').map((w) => ({ page: p, x: w.x })))[0]!;
    const inside = (text: string) => results.page.words.filter((w) => w.text === text);
    for (const word of ['Date', 'Value', 'Note', '2026-03-31', '2026-06-30', '97%', 'vendor', 'withdrew']) {
      expect(inside(word).length, word).toBeGreaterThan(0);
      for (const w of inside(word).filter((w) => w.y < results.page.words.find((h) => h.text === 'Results')!.y))
        expect(w.x >= results.x && w.x + w.width <= results.page.width - 40 + 1, `${word} at ${w.x}-${w.x + w.width}`).toBe(true);
    }
  });

  it('lays out on landscape pages a record whose table is too wide for portrait ones, and the others on portrait pages', () => {
    const [width, height] = pageSize(pdf('DOC-NC'));
    expect(width).toBeGreaterThan(height!);
    const [reviewWidth, reviewHeight] = pageSize(pdf('DOC-MR'));
    expect(reviewWidth).toBeLessThan(reviewHeight!);
  });
});

describe('the record schemas', () => {
  it('give every key of a record a title to show it by', () => {
    const dir = path.resolve('schemas');
    const untitled: string[] = [];
    const walk = (node: Record<string, unknown>, at: string) => {
      const properties = (node['properties'] ?? {}) as Record<string, Record<string, unknown>>;
      for (const [key, schema] of Object.entries(properties)) {
        if (typeof schema !== 'object') continue;
        if (typeof schema['title'] !== 'string') untitled.push(`${at}/${key}`);
        walk(schema, `${at}/${key}`);
        if (typeof schema['items'] === 'object') walk(schema['items'] as Record<string, unknown>, `${at}/${key}[]`);
      }
    };
    const files = readdirSync(dir).filter((file) => file.startsWith('record-'));
    expect(files).toHaveLength(6);
    for (const file of files) {
      const schema = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
      const { versions: _history, record: _kind, ...content } = schema['properties'] as Record<string, unknown>;
      walk({ properties: content }, file);
    }
    expect(untitled).toEqual([]);
  });
});
