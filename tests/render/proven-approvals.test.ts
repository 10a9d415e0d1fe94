import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CEO, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';
import { readPdf } from '../helpers/pdf.js';

const ROWS = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];
const CONFIG = `${REPO_CONFIG}publish:\n  title: Test Org ISMS Manual\n`;
const APPROVED = policy({ status: 'approved', version: '1.0', rows: ROWS, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' });

/** The policy drafted by the writer, then approved in a commit of `approver` (the CEO, or the writer forging the CEO's name). */
function repoApprovedBy(approver: typeof CEO, config = CONFIG): { repo: TestRepo; approval: string } {
  const repo = new TestRepo();
  repo
    .write('.gitignore', '_site/\n')
    .write('isms.config.yaml', config)
    .write('policy.md', policy({ status: 'in-review', version: '1.0', rows: ROWS }))
    .commit('Drafts', WRITER, '2026-01-05');
  const approval = repo.write('policy.md', APPROVED).commit('Approve', approver, '2026-01-10');
  return { repo, approval };
}

describe('a document is published as approved only when git proves its approval', () => {
  const cleanup: string[] = [];
  afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const outDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-proof-'));
    cleanup.push(dir);
    return path.join(dir, 'site');
  };
  const custom = async (file: string) => ((await readPdf(file)).info['Custom'] ?? {}) as Record<string, string>;
  const manifestEntry = (out: string) => (JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).documents as Array<Record<string, unknown>>).find((d) => d['id'] === 'DOC-A5');

  /** What a reader of the build sees of DOC-A5: the watermark, the approval block, the metadata, the manifest. */
  async function shown(out: string) {
    const pdf = await readPdf(path.join(out, 'pdf/DOC-A5.pdf'));
    return {
      draftOnEveryPage: pdf.pages.every((text) => text.includes('DRAFT')),
      pdfText: pdf.pages.join(' '),
      page: readFileSync(path.join(out, 'DOC-A5.html'), 'utf8'),
      metadata: await custom(path.join(out, 'pdf/DOC-A5.pdf')),
      manualContents: JSON.parse((await custom(path.join(out, 'test-org-isms-manual.pdf')))['IsmsContents'] ?? '[]') as Array<Record<string, unknown>>,
      manifest: manifestEntry(out),
    };
  }

  it('publishes an approval the writer committed in the CEO name as a DRAFT that names no approval commit', async () => {
    const { repo } = repoApprovedBy(WRITER);
    cleanup.push(repo.dir);
    const out = outDir();
    const run = await runCli(['build', '--out', out], repo.dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('isms: published as DRAFT (not validly approved): DOC-A5\n');
    const seen = await shown(out);
    expect(seen.draftOnEveryPage).toBe(true);
    expect(seen.pdfText).toContain('This approval is not valid (see isms validate): the document is published as a DRAFT.');
    expect(seen.page).toContain('This approval is not valid (see isms validate): the document is published as a DRAFT.');
    expect(seen.page).not.toContain('Proven by commit');
    // Wherever the status is shown (footer, subtitle, metadata), it says the approval is not valid.
    expect(seen.pdfText).toContain('Version 1.0 · approved (not valid: DRAFT) · INTERNAL');
    expect(seen.pdfText).not.toMatch(/· approved ·/);
    expect(seen.page).toContain('approved (not valid: DRAFT)');
    expect(seen.metadata).not.toHaveProperty('IsmsApprovalCommit');
    expect(seen.manualContents[0]).toMatchObject({ id: 'DOC-A5', approvalCommit: null });
    expect(seen.manifest).toMatchObject({ status: 'approved', validlyApproved: false, approvalCommit: null, proof: null });
  }, 60_000);

  it.each(['warn', 'off'])(
    'keeps that forged approval a DRAFT with git-approval lowered to %s, and a release leaves it out',
    async (severity) => {
      const { repo } = repoApprovedBy(WRITER, `${CONFIG}rules:\n  git-approval: ${severity}\n`);
      cleanup.push(repo.dir);
      const out = outDir();
      expect((await runCli(['build', '--pdf', '--out', out], repo.dir)).code).toBe(0);
      expect((await readPdf(path.join(out, 'pdf/DOC-A5.pdf'))).pages.every((text) => text.includes('DRAFT'))).toBe(true);
      expect(await custom(path.join(out, 'pdf/DOC-A5.pdf'))).not.toHaveProperty('IsmsApprovalCommit');
      const release = outDir();
      const run = await runCli(['build', '--release', '--out', release], repo.dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('DOC-A5');
      expect(existsSync(release)).toBe(false);
    },
    60_000,
  );

  it('publishes the same approval committed by the CEO as approved, naming the commit', async () => {
    const { repo, approval } = repoApprovedBy(CEO);
    cleanup.push(repo.dir);
    const out = outDir();
    const run = await runCli(['build', '--out', out], repo.dir);
    expect(run.stderr).toBe('');
    const seen = await shown(out);
    expect(seen.pdfText).not.toContain('DRAFT');
    expect(seen.metadata['IsmsApprovalCommit']).toBe(approval);
    expect(seen.manifest).toMatchObject({ validlyApproved: true, approvalCommit: approval, proof: 'commit' });
  }, 60_000);

  it.each([
    { what: 'dated before the version it claims to approve', date: '2026-01-09', committed: '2026-01-10', says: 'approval dated 2026-01-09 predates version 1.0 (2026-01-10' },
    { what: 'dated in the future, in a commit dated in the future too', date: '2099-06-01', committed: '2099-06-01', says: 'approval is dated 2099-06-01, in the future' },
  ])(
    'publishes a CEO approval $what as a DRAFT, even with approval-missing off',
    async ({ date, committed, says }) => {
      const repo = new TestRepo();
      cleanup.push(repo.dir);
      repo
        .write('.gitignore', '_site/\n')
        .write('isms.config.yaml', `${CONFIG}rules:\n  approval-missing: off\n`)
        .write('policy.md', policy({ status: 'in-review', version: '1.0', rows: ROWS }))
        .commit('Drafts', WRITER, '2026-01-05');
      repo.write('policy.md', APPROVED.replace('date: 2026-01-10 }', `date: ${date} }`)).commit('Approve', CEO, committed);
      // The rule that says why is off: what makes it a DRAFT is the judgement, not a severity.
      const validate = await runCli(['validate'], repo.dir);
      expect(validate.code).toBe(0);
      expect(validate.stdout).not.toContain(says);
      const out = outDir();
      const run = await runCli(['build', '--out', out], repo.dir);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('isms: published as DRAFT (not validly approved): DOC-A5\n');
      const seen = await shown(out);
      expect(seen.draftOnEveryPage).toBe(true);
      expect(seen.manifest).toMatchObject({ status: 'approved', validlyApproved: false, approvalCommit: null });
    },
    60_000,
  );

  it('publishes approved documents outside a git repository as DRAFT, saying git could not prove the approval', async () => {
    const { repo } = repoApprovedBy(CEO);
    cleanup.push(repo.dir);
    const copy = mkdtempSync(path.join(tmpdir(), 'isms-nogit-'));
    cleanup.push(copy);
    cpSync(repo.dir, copy, { recursive: true, filter: (source) => path.basename(source) !== '.git' });
    const out = outDir();
    const run = await runCli(['build', '--out', out], copy);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('isms: published as DRAFT (not validly approved): DOC-A5\n');
    const seen = await shown(out);
    const sentence = 'This approval could not be proven from git: the documents folder is not in a git repository. The document is published as a DRAFT.';
    expect(seen.draftOnEveryPage).toBe(true);
    expect(seen.pdfText).toContain(sentence);
    expect(seen.page).toContain(sentence);
    expect(seen.metadata).not.toHaveProperty('IsmsApprovalCommit');
    expect(seen.manifest).toMatchObject({ approvalCommit: null });
  }, 60_000);

  it('publishes approved documents of a shallow clone as DRAFT, saying the history is cut off', async () => {
    const { repo } = repoApprovedBy(CEO);
    cleanup.push(repo.dir);
    const clone = path.join(mkdtempSync(path.join(tmpdir(), 'isms-shallow-')), 'clone');
    cleanup.push(path.dirname(clone));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    const out = outDir();
    expect((await runCli(['build', '--out', out], clone)).code).toBe(0);
    const seen = await shown(out);
    expect(seen.draftOnEveryPage).toBe(true);
    expect(seen.pdfText).toContain('This approval could not be proven from git: a shallow clone cuts the history off (fetch it all: fetch-depth: 0). The document is published as a DRAFT.');
    expect(seen.metadata).not.toHaveProperty('IsmsApprovalCommit');
  }, 60_000);
});

describe('the file a PDF names as its source', () => {
  it('is named only when the file rendered is the one the build commit holds', async () => {
    const { repo } = repoApprovedBy(CEO);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-source-')), 'site');
    try {
      repo.write('policy.md', APPROVED.replace('| First published |', '| First published, uncommitted note |'));
      expect((await runCli(['build', '--pdf', '--out', out], repo.dir)).code).toBe(0);
      const custom = (await readPdf(path.join(out, 'pdf/DOC-A5.pdf'))).info['Custom'] as Record<string, string>;
      expect(custom).toMatchObject({ IsmsDocument: 'DOC-A5' });
      expect(custom).not.toHaveProperty('IsmsSourceCommit');
      expect(custom).not.toHaveProperty('IsmsSourceBlob');
      const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
      expect(manifest.documents[0]).toMatchObject({ id: 'DOC-A5', sourceBlob: null });
    } finally {
      repo.remove();
      rmSync(path.dirname(out), { recursive: true, force: true });
    }
  }, 60_000);
});
