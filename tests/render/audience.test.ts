import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionFacts } from '../../src/git/revision-facts.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { CEO, CISO, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';
import { soaYaml } from '../helpers/domain.js';
import { linksByText, readPdf, readPdfLayout } from '../helpers/pdf.js';

const PUBLISH = `publish:
  title: Test Org ISMS Manual
  order: [DOC-A5]
  audiences:
    staff: { max_classification: internal }
    auditors: {}
  default_audience: staff
`;
const CONFIG = REPO_CONFIG + PUBLISH;
const ROWS = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];
const POLICY_BODY = 'We protect information. Incidents: see [how we handle incidents](playbook.md).';

/** A Markdown document of the test organisation: front matter from `fields`, a body, a version history. */
function document(fields: Record<string, string>, body: string): string {
  const front = Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${front}\n---\n\n# ${fields['title']}\n\n${body}\n\n## Version history\n\n| Version | Date | Author(s) | Details |\n|---|---|---|---|\n${ROWS.join('\n')}\n`;
}

const PLAYBOOK = document(
  {
    id: 'DOC-PB',
    title: 'Incident Playbook',
    type: 'procedure',
    owner: 'ciso',
    classification: 'confidential',
    status: 'approved',
    version: '"1.0"',
    approval: '{ by: ciso, name: M. Woolard, date: 2026-01-10 }',
  },
  'Call the hotline on 555-0100 and isolate the host.',
);
const RETIRED = document(
  { id: 'DOC-OLD', title: 'Fax Procedure', type: 'procedure', owner: 'ciso', classification: 'internal', status: 'retired', version: '"1.0"' },
  'Send the form by fax to head office.',
);
const DRAFT = document({ id: 'DOC-P1', title: 'Access Procedure', type: 'procedure', owner: 'ciso', classification: 'internal', status: 'draft', version: '"1.0"' }, 'Grant access on request.');

/**
 * The baseline (first commit: imported and trusted) holds a confidential approved playbook, a retired
 * procedure and a draft procedure; the CEO then approves the policy, and a writer adds a procedure
 * with `isms new` that no configuration names.
 */
async function organisation(): Promise<{ repo: TestRepo; approval: string }> {
  const repo = new TestRepo();
  repo
    .write('.gitignore', '_site/\n')
    .write('isms.config.yaml', CONFIG)
    .write('policy.md', policy({ status: 'in-review', version: '1.0', rows: ROWS, body: POLICY_BODY }));
  repo.write('playbook.md', PLAYBOOK).write('old.md', RETIRED).write('procedure.md', DRAFT).commit('Import the ISMS', WRITER, '2026-01-10');
  const approval = repo
    .write('policy.md', policy({ status: 'approved', version: '1.0', rows: ROWS, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', body: POLICY_BODY }))
    .commit('Approve', CEO, '2026-01-10');
  const created = await runCli(['new', 'procedure', 'DOC-P2', '--title', 'Backup Procedure'], repo.dir);
  if (created.code !== 0) throw new Error(created.stderr);
  // isms new dates its first row today: commit it that day.
  const dated = /\| 0\.1 \| (\d{4}-\d{2}-\d{2}) \|/.exec(readFileSync(path.join(repo.dir, 'procedures/backup-procedure.md'), 'utf8'))?.[1];
  repo.commit('New backup procedure', WRITER, dated ?? '');
  return { repo, approval };
}

describe('isms build for an audience', () => {
  let repo: TestRepo;
  let approval: string;
  const folders: string[] = [];
  const outDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-audience-'));
    folders.push(dir);
    return path.join(dir, 'site');
  };
  let staff: { out: string; run: CliRun };
  let auditors: { out: string; run: CliRun };
  const read = (out: string, file: string) => readFileSync(path.join(out, file), 'utf8');
  const manifest = (out: string) => JSON.parse(read(out, 'manifest.json'));
  const manualText = async (out: string) => (await readPdf(path.join(out, 'test-org-isms-manual.pdf'))).pages.join('\n');

  beforeAll(async () => {
    ({ repo, approval } = await organisation());
    const env = { SOURCE_DATE_EPOCH: '1768039200' };
    const staffOut = outDir();
    staff = { out: staffOut, run: await runCli(['build', '--out', staffOut], repo.dir, env) };
    const auditorsOut = outDir();
    auditors = { out: auditorsOut, run: await runCli(['build', '--audience', 'auditors', '--out', auditorsOut], repo.dir, env) };
  }, 120_000);
  afterAll(() => {
    repo.remove();
    folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it('publishes for the default audience, staff, and says what it left out', () => {
    expect(staff.run.code).toBe(0);
    expect(staff.run.stdout).toMatch(/^Built 6 pages, 5 PDFs \(manual: test-org-isms-manual\.pdf\) and 2 exports for staff into /);
    expect(staff.run.stderr).toContain('isms: left out for staff (classified above internal): DOC-PB\n');
  });

  it('leaves a confidential document out of a staff build: no page, no PDF, not in the register, the navigation or the manual', async () => {
    expect(existsSync(path.join(staff.out, 'DOC-PB.html'))).toBe(false);
    expect(existsSync(path.join(staff.out, 'pdf/DOC-PB.pdf'))).toBe(false);
    const register = read(staff.out, 'index.html');
    expect(register).not.toContain('DOC-PB');
    expect(register).not.toContain('Incident Playbook');
    expect(register).toContain('1 document is not published for staff.');
    expect(read(staff.out, 'DOC-A5.html')).not.toContain('DOC-PB');
    const manual = await manualText(staff.out);
    expect(manual).toContain('We protect information.');
    expect(manual).not.toContain('Incident Playbook');
    expect(manual).not.toContain('hotline');
  });

  it('turns a link to a left-out document into plain text', () => {
    const page = read(staff.out, 'DOC-A5.html');
    expect(page).toContain('how we handle incidents');
    expect(page).not.toMatch(/<a [^>]*>how we handle incidents<\/a>/);
    expect(read(auditors.out, 'DOC-A5.html')).toContain('<a href="DOC-PB.html">how we handle incidents</a>');
  });

  it('turns a link to a left-out document into plain text in the PDFs too, and follows it where the document is published', async () => {
    const linkOf = async (file: string) => {
      const { pages } = await readPdfLayout(file);
      return pages.map((page) => linksByText(page).get('how we handle incidents')).find(Boolean);
    };
    const staffPage = (await readPdf(path.join(staff.out, 'pdf/DOC-A5.pdf'))).pages.join(' ');
    expect(staffPage).toContain('how we handle incidents');
    expect(await linkOf(path.join(staff.out, 'pdf/DOC-A5.pdf'))).toBeUndefined();
    expect(await linkOf(path.join(staff.out, 'test-org-isms-manual.pdf'))).toBeUndefined();
    expect(await linkOf(path.join(auditors.out, 'pdf/DOC-A5.pdf'))).toEqual(expect.objectContaining({ uri: 'DOC-PB.pdf' }));
    expect(await linkOf(path.join(auditors.out, 'test-org-isms-manual.pdf'))).toEqual(expect.objectContaining({ destination: 'DOC-PB' }));
  });

  it('publishes everything for auditors', async () => {
    expect(auditors.run.code).toBe(0);
    expect(auditors.run.stderr).not.toContain('left out');
    expect(existsSync(path.join(auditors.out, 'DOC-PB.html'))).toBe(true);
    expect((await readPdf(path.join(auditors.out, 'pdf/DOC-PB.pdf'))).pages.join(' ')).toContain('Call the hotline on 555-0100');
    expect(read(auditors.out, 'index.html')).toContain('Incident Playbook');
    expect(await manualText(auditors.out)).toContain('Incident Playbook');
  });

  it('lists the audience, the documents and what was left out in the manifest', () => {
    const staffManifest = manifest(staff.out);
    expect(staffManifest.audience).toBe('staff');
    expect(staffManifest.leftOut).toEqual([{ id: 'DOC-PB', reason: 'audience' }]);
    expect(staffManifest.documents.map((d: { id: string }) => d.id)).toEqual(['DOC-A5', 'DOC-OLD', 'DOC-P1', 'DOC-P2']);
    expect(staffManifest.documents[0]).toEqual({
      id: 'DOC-A5',
      title: 'Information Security Policy',
      version: '1.0',
      status: 'approved',
      validlyApproved: true,
      approvalCommit: approval,
      proof: 'commit',
      fingerprint: revisionFacts(read(repo.dir, 'policy.md'), 'markdown').fingerprint,
      sourceBlob: repo.git(['rev-parse', 'HEAD:policy.md']).trim(),
      page: 'DOC-A5.html',
      pdf: 'pdf/DOC-A5.pdf',
    });
    expect(Object.keys(staffManifest)).toEqual(['tool', 'commit', 'buildTime', 'audience', 'documents', 'leftOut', 'files']);
    const auditorsManifest = manifest(auditors.out);
    expect(auditorsManifest.audience).toBe('auditors');
    expect(auditorsManifest.leftOut).toEqual([]);
    expect(auditorsManifest.documents.find((d: { id: string }) => d.id === 'DOC-PB')).toMatchObject({
      status: 'approved',
      approvalCommit: repo.git(['rev-list', '--max-parents=0', 'HEAD']).trim(),
      proof: 'baseline',
    });
  });

  it('puts a document made with isms new in the manual, after those of publish.order, by type and id', async () => {
    const { pages } = await readPdf(path.join(staff.out, 'test-org-isms-manual.pdf'));
    expect(pages[1]).toMatch(/^Contents Information Security Policy 3 Access Procedure \d+ Backup Procedure \d+ Page 2 of \d+$/);
  });

  it('refuses an audience the configuration does not define, naming those it does', async () => {
    const run = await runCli(['build', '--audience', 'board', '--out', outDir()], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('isms: unknown audience "board": publish.audiences defines staff, auditors\n');
  });
});

describe('retired documents', () => {
  let repo: TestRepo;
  let out: string;
  let run: CliRun;
  const folders: string[] = [];

  beforeAll(async () => {
    ({ repo } = await organisation());
    out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-retired-')), 'site');
    folders.push(path.dirname(out));
    run = await runCli(['build', '--out', out], repo.dir);
  }, 120_000);
  afterAll(() => {
    repo.remove();
    folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it('publishes a retired document with an OBSOLETE watermark on every page of its PDF, not DRAFT', async () => {
    expect(run.code).toBe(0);
    const { pages } = await readPdf(path.join(out, 'pdf/DOC-OLD.pdf'));
    expect(pages.length).toBeGreaterThan(1);
    for (const text of pages) {
      expect(text).toContain('OBSOLETE');
      expect(text).not.toContain('DRAFT');
    }
    expect(pages[0]).toContain('OBSOLETE: this document is retired and no longer in force');
    expect(pages.at(-1)).toContain('Approval Retired: this document was withdrawn and is published as OBSOLETE.');
    expect(pages.join(' ')).not.toContain('Not approved.');
    expect(run.stderr).toContain('isms: published as OBSOLETE (retired, not in the manual): DOC-OLD\n');
    expect(run.stderr).toContain('isms: published as DRAFT (not validly approved): DOC-P1, DOC-P2\n');
  });

  it('shows it as retired in the register and with an OBSOLETE banner on its page', () => {
    const register = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(register).toMatch(/<tr class="retired">\s*<td class="id"><a href="DOC-OLD.html">DOC-OLD<\/a><\/td>[\s\S]*?<span class="status status-retired">retired<\/span> \(obsolete\)/);
    const page = readFileSync(path.join(out, 'DOC-OLD.html'), 'utf8');
    expect(page).toContain('<p class="obsolete-banner">OBSOLETE: this document is retired and no longer in force.</p>');
    expect(page).not.toContain('<p class="draft-banner">');
  });

  it('keeps it out of the manual', async () => {
    const manual = (await readPdf(path.join(out, 'test-org-isms-manual.pdf'))).pages.join('\n');
    expect(manual).not.toContain('Fax Procedure');
    expect(manual).not.toContain('Send the form by fax');
    expect(manual).toContain('Backup Procedure');
  });

  it('makes a live document that links to it a broken-reference error naming it', async () => {
    repo.write('policy.md', readFileSync(path.join(repo.dir, 'policy.md'), 'utf8').replace('We protect information.', 'We protect information. Faxes: [the procedure](old.md).'));
    const validate = await runCli(['validate', '--format', 'json'], repo.dir);
    expect(validate.code).toBe(1);
    const found = JSON.parse(validate.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'broken-reference');
    expect(found).toEqual([
      expect.objectContaining({ file: 'policy.md', severity: 'error', message: '"old.md" refers to DOC-OLD, which is retired: refer to what replaces it, or remove the reference' }),
    ]);
  });
});

describe('publish.exclude', () => {
  it('leaves a document out of the manual only: it keeps its page and its PDF', async () => {
    const { repo } = await organisation();
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-exclude-')), 'site');
    try {
      repo.write('isms.config.yaml', CONFIG.replace('  order: [DOC-A5]\n', '  order: [DOC-A5]\n  exclude: [DOC-P1]\n'));
      expect((await runCli(['build', '--out', out], repo.dir)).code).toBe(0);
      const { pages } = await readPdf(path.join(out, 'test-org-isms-manual.pdf'));
      expect(pages[1]).toMatch(/^Contents Information Security Policy 3 Backup Procedure \d+ Page 2 of \d+$/);
      expect(pages.join('\n')).not.toContain('Grant access on request.');
      expect(existsSync(path.join(out, 'DOC-P1.html'))).toBe(true);
      expect((await readPdf(path.join(out, 'pdf/DOC-P1.pdf'))).pages.join(' ')).toContain('Grant access on request.');
    } finally {
      repo.remove();
      rmSync(path.dirname(out), { recursive: true, force: true });
    }
  }, 120_000);
});

describe('isms build --release', () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const outDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-release-'));
    folders.push(dir);
    return path.join(dir, 'site');
  };

  it('publishes approved documents only, lists the drafts it left out, and still publishes retired ones as OBSOLETE', async () => {
    const { repo } = await organisation();
    folders.push(repo.dir);
    const out = outDir();
    const run = await runCli(['build', '--release', '--out', out], repo.dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      ['isms: left out for staff (classified above internal): DOC-PB', 'isms: left out (not approved): DOC-P1, DOC-P2', 'isms: published as OBSOLETE (retired, not in the manual): DOC-OLD', ''].join(
        '\n',
      ),
    );
    expect(existsSync(path.join(out, 'DOC-P1.html'))).toBe(false);
    expect(existsSync(path.join(out, 'pdf/DOC-P2.pdf'))).toBe(false);
    expect(existsSync(path.join(out, 'pdf/DOC-OLD.pdf'))).toBe(true);
    const register = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(register).not.toContain('Access Procedure');
    expect(register).toContain('2 documents are not approved, so not in this release.');
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.leftOut).toEqual([
      { id: 'DOC-P1', reason: 'not-approved' },
      { id: 'DOC-P2', reason: 'not-approved' },
      { id: 'DOC-PB', reason: 'audience' },
    ]);
    expect(manifest.documents.map((d: { id: string; status: string }) => `${d.id} ${d.status}`)).toEqual(['DOC-A5 approved', 'DOC-OLD retired']);
    const { pages } = await readPdf(path.join(out, 'test-org-isms-manual.pdf'));
    expect(pages[1]).toMatch(/^Contents Information Security Policy 3 Page 2 of \d+$/);
  }, 120_000);

  it('refuses a release without any approved document, and writes nothing', async () => {
    const repo = new TestRepo();
    folders.push(repo.dir);
    repo.write('.gitignore', '_site/\n').write('isms.config.yaml', CONFIG).write('policy.md', policy()).write('old.md', RETIRED).commit('Drafts', WRITER, '2026-01-10');
    const out = outDir();
    const run = await runCli(['build', '--release', '--out', out], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'isms: release refused: nothing was written.\n  no approved document to publish for staff: a release publishes approved documents only (isms approve)\n  left out (not approved): DOC-A5\n',
    );
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('what a staff build shows of a document it leaves out', () => {
  let repo: TestRepo;
  let out: string;
  const files: Array<{ file: string; text: string }> = [];

  beforeAll(async () => {
    ({ repo } = await organisation());
    // The SoA (internal) names the confidential playbook among a control's documents.
    repo.write(
      'soa.yaml',
      soaYaml({
        replace: { '5.24': '  - { control: "5.24", applicable: true, reasons: [risk], justification: Incidents happen, implementation: implemented, owner: ciso, documents: [DOC-A5, DOC-PB] }' },
      }),
    );
    repo.commit('SoA', CISO, '2026-01-10');
    out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-leak-')), 'site');
    expect((await runCli(['build', '--out', out], repo.dir, { SOURCE_DATE_EPOCH: '1768039200' })).code).toBe(0);
    const walk = (dir: string, prefix = ''): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
    for (const file of walk(out)) {
      const pdf = file.endsWith('.pdf') ? await readPdf(path.join(out, file)) : undefined;
      // A workbook is a zip of XML files: its text is theirs, read whole.
      const zip = file.endsWith('.xlsx') ? await JSZip.loadAsync(readFileSync(path.join(out, file))) : undefined;
      const workbook = zip ? (await Promise.all(Object.values(zip.files).map((entry) => entry.async('string')))).join('\n') : undefined;
      files.push({ file, text: pdf ? `${pdf.pages.join('\n')}\n${JSON.stringify(pdf.info)}` : (workbook ?? readFileSync(path.join(out, file), 'utf8')) });
    }
  }, 120_000);
  afterAll(() => {
    repo.remove();
    rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('never its title or its content, in any file of the build', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const { file, text } of files) {
      expect(text, file).not.toContain('Incident Playbook');
      expect(text, file).not.toContain('hotline');
      expect(text, file).not.toContain('555-0100');
    }
  });

  it('its id only where a published document names it (the SoA), and in the manifest with the reason, never as a link', () => {
    const naming = files.filter(({ text }) => text.includes('DOC-PB')).map(({ file }) => file);
    // The SoA's page and its exports name it; its PDF and the manual may too, where they show the SoA's documents.
    expect(naming).toEqual(expect.arrayContaining(['DOC-SOA.html', 'exports/soa.csv', 'exports/soa.xlsx', 'manifest.json']));
    for (const file of naming) expect(['DOC-SOA.html', 'exports/soa.csv', 'exports/soa.xlsx', 'manifest.json', 'pdf/DOC-SOA.pdf', 'test-org-isms-manual.pdf']).toContain(file);
    for (const { text } of files) expect(text).not.toMatch(/href="[^"]*DOC-PB/);
    const manifest = JSON.parse(files.find((f) => f.file === 'manifest.json')!.text);
    expect(manifest.leftOut).toEqual([{ id: 'DOC-PB', reason: 'audience' }]);
    expect(JSON.stringify(manifest).match(/DOC-PB/g)).toHaveLength(1);
  });
});

describe('PDF metadata', () => {
  let repo: TestRepo;
  let approval: string;
  let out: string;

  beforeAll(async () => {
    ({ repo, approval } = await organisation());
    out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-meta-')), 'site');
    expect((await runCli(['build', '--pdf', '--audience', 'auditors', '--out', out], repo.dir)).code).toBe(0);
  }, 120_000);
  afterAll(() => {
    repo.remove();
    rmSync(path.dirname(out), { recursive: true, force: true });
  });

  const custom = async (file: string) => ((await readPdf(path.join(out, file))).info['Custom'] ?? {}) as Record<string, string>;
  const fingerprintOf = (file: string) => revisionFacts(readFileSync(path.join(repo.dir, file), 'utf8'), 'markdown').fingerprint;
  /** The build commit and the blob of a file there: what binds a PDF to the file it was made from. */
  const sourceOf = (file: string) => ({ commit: repo.git(['rev-parse', 'HEAD']).trim(), blob: repo.git(['rev-parse', `HEAD:${file}`]).trim() });

  it('names the document, its version, status, content fingerprint, the commit that proves its approval and the file it was built from', async () => {
    const source = sourceOf('policy.md');
    expect(await custom('pdf/DOC-A5.pdf')).toEqual({
      IsmsDocument: 'DOC-A5',
      IsmsVersion: '1.0',
      IsmsStatus: 'approved',
      IsmsFingerprint: fingerprintOf('policy.md'),
      IsmsApprovalCommit: approval,
      IsmsSourceCommit: source.commit,
      IsmsSourceBlob: source.blob,
    });
    expect(approval).toMatch(/^[0-9a-f]{40}$/);
  });

  it('names no approval commit for a draft', async () => {
    const source = sourceOf('procedure.md');
    expect(await custom('pdf/DOC-P1.pdf')).toEqual({
      IsmsDocument: 'DOC-P1',
      IsmsVersion: '1.0',
      IsmsStatus: 'draft',
      IsmsFingerprint: fingerprintOf('procedure.md'),
      IsmsSourceCommit: source.commit,
      IsmsSourceBlob: source.blob,
    });
  });

  it("lists the manual's documents in IsmsContents, with the same fingerprints and commits as the manifest", async () => {
    const contents = JSON.parse((await custom('test-org-isms-manual.pdf'))['IsmsContents'] ?? 'null');
    const listed = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).documents as Array<{
      id: string;
      version: string;
      approvalCommit: string | null;
      fingerprint: string;
      page: string | null;
    }>;
    expect(contents.map((d: { id: string }) => d.id)).toEqual(['DOC-A5', 'DOC-P1', 'DOC-P2', 'DOC-PB']);
    const [policySource, procedureSource] = [sourceOf('policy.md'), sourceOf('procedure.md')];
    expect(contents[0]).toEqual({ id: 'DOC-A5', version: '1.0', approvalCommit: approval, fingerprint: fingerprintOf('policy.md'), sourceCommit: policySource.commit, sourceBlob: policySource.blob });
    expect(contents[1]).toEqual({
      id: 'DOC-P1',
      version: '1.0',
      approvalCommit: null,
      fingerprint: fingerprintOf('procedure.md'),
      sourceCommit: procedureSource.commit,
      sourceBlob: procedureSource.blob,
    });
    for (const { sourceCommit, ...entry } of contents) {
      expect(sourceCommit).toBe(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).commit);
      expect(listed.find((d) => d.id === entry.id)).toMatchObject(entry);
    }
    expect(listed.every((d) => d.page === null)).toBe(true);
  });

  it('gives a document the same fingerprint outside git, where no approval commit is known', async () => {
    const copy = new TestRepo();
    const target = path.join(copy.dir, 'site');
    try {
      for (const file of ['isms.config.yaml', 'policy.md', 'procedure.md', 'playbook.md', 'old.md', 'procedures/backup-procedure.md'])
        copy.write(file, readFileSync(path.join(repo.dir, file), 'utf8'));
      rmSync(path.join(copy.dir, '.git'), { recursive: true, force: true });
      expect((await runCli(['build', '--pdf', '--out', target], copy.dir)).code).toBe(0);
      expect(JSON.parse(readFileSync(path.join(target, 'manifest.json'), 'utf8')).commit).toBeNull();
      expect((await readPdf(path.join(target, 'pdf/DOC-A5.pdf'))).info['Custom']).toEqual({
        IsmsDocument: 'DOC-A5',
        IsmsVersion: '1.0',
        IsmsStatus: 'approved',
        IsmsFingerprint: fingerprintOf('policy.md'),
      });
    } finally {
      copy.remove();
    }
  });
});

describe('audiences in the configuration', () => {
  const configError = async (publish: string) => {
    const repo = new TestRepo();
    try {
      repo.write('isms.config.yaml', `${REPO_CONFIG}${publish}`).write('policy.md', policy());
      return await runCli(['validate', '--no-git'], repo.dir);
    } finally {
      repo.remove();
    }
  };

  it('reports a max_classification that is not a configured classification, at its line and column', async () => {
    const run = await configError('publish:\n  audiences:\n    staff: { max_classification: internl }\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'isms.config.yaml:11:34: publish.audiences.staff.max_classification "internl" is not one of the classifications (public, internal, confidential, restricted); did you mean "internal"?',
    );
  });

  it('reports a default_audience that names no audience, at its line and column', async () => {
    const run = await configError('publish:\n  audiences:\n    staff: { max_classification: internal }\n    auditors: {}\n  default_audience: auditor\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('isms.config.yaml:13:21: publish.default_audience "auditor" is not one of publish.audiences (staff, auditors); did you mean "auditors"?');
  });

  it('reports audiences without a default_audience at their line and column: a build without --audience would publish everything', async () => {
    const run = await configError('publish:\n  audiences:\n    staff: { max_classification: internal }\n    auditors: {}\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'isms.config.yaml:10:3: publish.audiences is set but publish.default_audience is not: name the audience a build without --audience publishes for (one of staff, auditors), so that no build publishes everything by accident',
    );
  });

  it('reports an unknown key of an audience through the schema, at its line', async () => {
    const run = await configError('publish:\n  audiences:\n    staff: { max_level: internal }\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/isms\.config\.yaml:11:14: unknown key "publish\.audiences\.staff\.max_level"/);
  });
});
