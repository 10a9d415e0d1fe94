import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { soaYaml } from '../helpers/domain.js';
import { policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';
import { linksByText, readPdfLayout, struckThrough, type PdfLayout, type PdfPage, type PdfWord } from '../helpers/pdf.js';

/** A role whose title is one long word, as German has them: its column must be at least that wide. */
const CONFIG =
  REPO_CONFIG.replace('approvers:', '  isb: { title: Informationssicherheitsbeauftragter, members: [{ name: I. Beauftragt, email: isb@example.com }] }\napprovers:') +
  'publish:\n  title: Test Org ISMS Manual\n  order: [DOC-A5, DOC-P1, DOC-SOA]\n';

const POLICY_BODY = `Plain **bold** _italic_ ***both*** ~~struck~~ \`code\` text.

See [the web](https://example.com/a?b=1), write to [the CISO](mailto:ciso@example.com), follow [the procedure](procedure.md), its [granting step](procedure.md#granting-access), [a missing heading](procedure.md#no-such-heading), [this policy's statement](#policy-statement), [the notes](notes.md) and [the drawing](annex/drawing.svg).`;

/** The procedure: its heading "Granting access" pages after its title. */
const PROCEDURE = policy({
  body: `${Array.from({ length: 70 }, (_, i) => `Paragraph ${i + 1} of the access procedure, long enough to take a line.`).join('\n\n')}\n\n## Granting access\n\nIT grants access on request.`,
})
  .replace('id: DOC-A5', 'id: DOC-P1')
  .replace('title: Information Security Policy', 'title: Access Procedure')
  .replace('type: policy', 'type: procedure')
  .replace('# Information Security Policy', '# Access Procedure');

const SOA = soaYaml({
  replace: {
    '5.1':
      '  - { control: "5.1", applicable: true, reasons: [business, contractual, legal, risk], justification: "Top management sets the information security policy, as required by the manual.", implementation: implemented, owner: ceo, documents: [DOC-A5, DOC-P1], risks: [R-001, R-002] }',
    '5.9':
      '  - { control: "5.9", applicable: true, reasons: [risk], justification: "An inventory of information, systems and devices with owners is kept.", implementation: not-implemented, owner: writer }',
    '5.10': '  - { control: "5.10", applicable: true, reasons: [risk], justification: "Acceptable use rules are part of onboarding.", implementation: partial, owner: isb }',
    '7.11': '  - { control: "7.11", applicable: false, justification: "Not applicable: no server rooms; supporting utilities belong to the landlords." }',
  },
}).replace('title: Test', 'title: Statement of Applicability');

const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A committed repository with the policy, the procedure, the SoA, notes without an id (not published) and a drawing; built into `out`. */
async function built(): Promise<{ repo: TestRepo; out: string }> {
  const repo = new TestRepo();
  cleanup.push(repo.dir);
  repo
    .write('.gitignore', '_site/\n')
    .write('isms.config.yaml', CONFIG)
    .write('policy.md', policy({ body: POLICY_BODY }));
  repo.write('procedure.md', PROCEDURE).write('statement-of-applicability.yaml', SOA).write('notes.md', '# Notes\n\nScratch.\n').write('annex/drawing.svg', '<svg/>\n');
  repo.commit('Documents', WRITER, '2026-01-05');
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-fidelity-')), 'site');
  cleanup.push(path.dirname(out));
  const run = await runCli(['build', '--out', out], repo.dir, { SOURCE_DATE_EPOCH: '1768039200' });
  expect(run.stderr).not.toMatch(/could not be rendered/);
  return { repo, out };
}

const word = (page: PdfPage, text: string): PdfWord => {
  const found = page.words.find((w) => w.text === text);
  if (!found) throw new Error(`no word "${text}" on the page: ${page.words.map((w) => w.text).join(' ')}`);
  return found;
};
const pageWith = (layout: PdfLayout, text: string) => layout.pages.findIndex((page) => page.words.some((w) => w.text === text)) + 1;

describe('PDF inline formatting and links', () => {
  let out: string;
  let policyPdf: PdfLayout;
  let manual: PdfLayout;

  beforeAll(async () => {
    ({ out } = await built());
    policyPdf = await readPdfLayout(path.join(out, 'pdf/DOC-A5.pdf'));
    manual = await readPdfLayout(path.join(out, 'test-org-isms-manual.pdf'));
  }, 60_000);

  it('sets bold, italics, bold italics and code in their DejaVu faces, and strikes through struck text only', () => {
    const [first] = policyPdf.pages as [PdfPage];
    expect(word(first, 'Plain').font).toBe('DejaVuSans');
    expect(word(first, 'bold').font).toBe('DejaVuSans-Bold');
    expect(word(first, 'italic').font).toBe('DejaVuSans-Oblique');
    expect(word(first, 'both').font).toBe('DejaVuSans-BoldOblique');
    expect(word(first, 'code').font).toBe('DejaVuSansMono');
    expect(word(first, 'struck').font).toBe('DejaVuSans');
    expect(struckThrough(first, word(first, 'struck'))).toBe(true);
    expect(struckThrough(first, word(first, 'Plain'))).toBe(false);
    expect(struckThrough(first, word(first, 'bold'))).toBe(false);
  });

  it('makes web and mail links clickable, with their addresses', () => {
    const links = linksByText(policyPdf.pages[0]!);
    expect(links.get('the web')?.uri).toBe('https://example.com/a?b=1');
    expect(links.get('the CISO')?.uri).toBe('mailto:ciso@example.com');
  });

  it("links another document from a document's own PDF to that document's PDF next to it", () => {
    const links = linksByText(policyPdf.pages[0]!);
    expect(links.get('the procedure')).toEqual(expect.objectContaining({ uri: 'DOC-P1.pdf' }));
    expect(links.get('granting step')).toEqual(expect.objectContaining({ uri: 'DOC-P1.pdf' }));
  });

  it('links a heading of the same document to that heading, in its own PDF and in the manual', () => {
    for (const layout of [policyPdf, manual]) {
      const page = layout.pages.find((p) => p.words.some((w) => w.text === 'statement' && p.links.length > 0))!;
      const link = linksByText(page).get("this policy's statement");
      expect(link?.destination).toBe('DOC-A5:policy-statement');
      expect(layout.destinations.get('DOC-A5:policy-statement')).toBe(layout.pages.indexOf(page) + 1);
    }
  });

  it('in the manual, links another document to its title, and to its heading where the link names one', () => {
    const page = manual.pages.find((p) => p.words.some((w) => w.text === 'granting'))!;
    const links = linksByText(page);
    const titlePage = manual.destinations.get(links.get('the procedure')!.destination!);
    const headingPage = manual.destinations.get(links.get('granting step')!.destination!);
    expect(links.get('the procedure')?.uri).toBeUndefined();
    expect(titlePage).toBe(pageWith(manual, 'Paragraph'));
    expect(manual.pages[titlePage! - 1]!.words.map((w) => w.text).join(' ')).toContain('Access Procedure DOC-P1 · version 0.1 · draft');
    expect(headingPage).toBeGreaterThan(titlePage!);
    expect(manual.pages[headingPage! - 1]!.words.map((w) => w.text).join(' ')).toContain('Granting access IT grants access on request.');
    // An anchor the procedure does not have leads to its title.
    expect(links.get('a missing heading')?.destination).toBe('DOC-P1');
  });

  it('leaves a link to a file that is not a published document as plain text, in the PDFs and on the site', () => {
    for (const page of [policyPdf.pages[0]!, manual.pages.find((p) => p.words.some((w) => w.text === 'granting'))!]) {
      const covered = [...linksByText(page).keys()];
      expect(covered).not.toContain('the notes');
      expect(covered).not.toContain('the drawing');
      expect(page.words.map((w) => w.text).join(' ')).toContain('the notes and the drawing.');
    }
    const site = readFileSync(path.join(out, 'DOC-A5.html'), 'utf8');
    expect(site).toContain('<a>the notes</a>');
    expect(site).toContain('<a>the drawing</a>');
    expect(site).toContain('<a href="DOC-P1.html#granting-access">granting step</a>');
  });

  it('gives every link of the manual a destination the manual has', () => {
    const destinations = manual.pages.flatMap((page) => page.links.filter((link) => link.destination).map((link) => link.destination!));
    expect(destinations.length).toBeGreaterThan(0);
    for (const destination of destinations) expect(manual.destinations.has(destination), destination).toBe(true);
  });
});

describe('the SoA PDF', () => {
  const HEADERS = ['Control', 'Title', 'Applicable', 'Implementation', 'Owner', 'Justification', 'Documents', 'Risks'];
  let out: string;
  let soa: PdfLayout;

  beforeAll(async () => {
    ({ out } = await built());
    soa = await readPdfLayout(path.join(out, 'pdf/DOC-SOA.pdf'));
  }, 60_000);

  it("lays out the site's columns, in the site's order, on landscape pages", () => {
    const site = readFileSync(path.join(out, 'DOC-SOA.html'), 'utf8');
    expect([...site.matchAll(/<th>([^<]+)<\/th>/g)].slice(0, 8).map((m) => m[1])).toEqual(HEADERS);
    for (const page of soa.pages) expect(page.width).toBeGreaterThan(page.height);
    const tables = soa.pages.filter((page) => page.words.some((w) => w.text === 'Justification'));
    expect(tables.length).toBeGreaterThan(2);
    for (const page of tables) {
      const baseline = page.words.find((w) => w.text === 'Justification')!.y;
      const header = page.words.filter((w) => w.y === baseline);
      expect(header.map((w) => w.text)).toEqual(HEADERS);
      expect(header.every((w) => w.font === 'DejaVuSans-Bold')).toBe(true);
    }
  });

  it('shows the owner, documents and risks of a control', () => {
    const text = soa.pages.map((page) => page.words.map((w) => w.text).join(' ')).join(' ');
    expect(text).toContain(
      '5.1 Policies for information security yes (business, contractual, legal, risk) implemented Chief Executive Officer Top management sets the information security policy, as required by the manual. DOC-A5, DOC-P1 R-001, R-002',
    );
  });

  it('splits no header and no cell inside a word: every word of the PDF is a word of the site', () => {
    const html = readFileSync(path.join(out, 'DOC-SOA.html'), 'utf8').replace(/<style>[\s\S]*?<\/style>/, '');
    const words = (text: string) =>
      text
        .split(/\s+/)
        .map((w) => w.replace(/^[(]+|[),.;:]+$/g, ''))
        .filter((w) => w !== '');
    const site = new Set(
      words(
        html
          .replace(/<[^>]+>/g, ' ')
          .replaceAll('&amp;', '&')
          .replaceAll('&#x27;', "'"),
      ),
    );
    // Page furniture the site has no words for: page numbers, the watermark, the subtitle, the approval heading.
    for (const furniture of ['Page', 'of', 'DRAFT', 'version', 'Approval', 'Not', 'approved', '·', 'INTERNAL']) site.add(furniture);
    // A line may end after a word's own hyphen ("non-" / "disclosure"), as in a browser: that is no split.
    const pdf = soa.pages
      .flatMap((page) => page.words.flatMap((w) => words(w.text)))
      .reduce<string[]>((all, w) => {
        const last = all.at(-1);
        if (last?.endsWith('-') && !site.has(last) && site.has(last + w)) all[all.length - 1] = last + w;
        else all.push(w);
        return all;
      }, []);
    expect(pdf.filter((w) => !site.has(w) && !/^\d+$/.test(w))).toEqual([]);
  });

  it('links the documents a control names to their PDFs', () => {
    const page = soa.pages.find((p) => p.words.some((w) => w.text === 'DOC-P1'))!;
    const links = linksByText(page);
    expect(links.get('DOC-A5')?.uri).toBe('DOC-A5.pdf');
    expect(links.get('DOC-P1')?.uri).toBe('DOC-P1.pdf');
  });

  it('shows the SoA landscape inside the manual, and the documents around it portrait', async () => {
    const manual = await readPdfLayout(path.join(out, 'test-org-isms-manual.pdf'));
    const orientation = (page: PdfPage) => (page.width > page.height ? 'landscape' : 'portrait');
    const header = (page: PdfPage) =>
      page.words
        .filter((w) => w.y > page.height - 40)
        .map((w) => w.text)
        .join(' ');
    for (const page of manual.pages.slice(2)) {
      expect(orientation(page), header(page)).toBe(header(page).includes('DOC-SOA') ? 'landscape' : 'portrait');
    }
    expect(manual.pages.some((page) => orientation(page) === 'landscape')).toBe(true);
  });
});

describe('the approval on the document-control page', () => {
  it("names the approver from the document's approval block, and the git identity only as who recorded an approval imported with the baseline", async () => {
    const repo = new TestRepo();
    cleanup.push(repo.dir);
    const rows = ['| 0.1 | 2026-01-02 | P. Writer | First draft |', '| 1.0 | 2026-01-04 | P. Writer | First published |'];
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy({ status: 'approved', version: '1.0', rows, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-04 }' }));
    // The root commit is the baseline: the approval it holds is imported, recorded by the writer.
    const baseline = repo.commit('Import the ISMS', WRITER, '2026-01-05').slice(0, 7);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-fidelity-')), 'site');
    cleanup.push(path.dirname(out));
    expect((await runCli(['build', '--out', out], repo.dir)).code).toBe(0);
    const sentences = [
      'Approved by R. Adeyemi, Chief Executive Officer, on 2026-01-04.',
      `Imported with the baseline (commit ${baseline}): approved as the document records it, before approvals were proven from git; recorded by P. Writer <writer@example.com> on 2026-01-05.`,
    ];
    const { pages } = await readPdfLayout(path.join(out, 'pdf/DOC-A5.pdf'));
    const control = pages.find((page) => page.words.some((w) => w.text === 'Document' && page.words.some((v) => v.text === 'history')))!;
    const text = control.words.map((w) => w.text).join(' ');
    expect(text).toContain(`Approval ${sentences.join(' ')}`);
    const site = readFileSync(path.join(out, 'DOC-A5.html'), 'utf8');
    expect(site).toContain('<h3 id="isms-approval">Approval</h3>');
    for (const sentence of sentences) expect(site).toContain(sentence.replace('<', '&lt;').replace('>', '&gt;'));
  }, 60_000);
});
