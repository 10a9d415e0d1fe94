import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionFacts } from '../../src/git/revision-facts.js';
import { runCli } from '../helpers/cli.js';
import { policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';
import { signedIsmsPdf } from '../helpers/isms-pdf.js';
import { APPROVED_POLICY, POLICY_ROWS, publishedRepo } from '../helpers/published-repo.js';
import { TestPki, type TestCa } from '../helpers/signing-keys.js';

const PASSPHRASE = 'verify-git passphrase';

describe('isms verify checks what a PDF claims against git', () => {
  const pki = new TestPki();
  const cleanup: string[] = [pki.dir];
  let ca: TestCa;
  let key: { file: string; passphrase: string };
  let repo: TestRepo;
  let approval: string;
  let drafts: string;
  let folder: string;
  const policyFingerprint = revisionFacts(APPROVED_POLICY, 'markdown').fingerprint;
  let procedureFingerprint: string;
  /** The commit a build would be made from (HEAD), and the blobs of the documents' files there. */
  let head: string;
  let policyBlob: string;
  let procedureBlob: string;

  /** Signs a PDF with these Info keys, and runs isms verify on it inside the repository (or in `cwd`). */
  async function verifyClaim(info: Record<string, string>, options: { cwd?: string; format?: string; time?: Date } = {}) {
    const file = path.join(folder, `${Object.keys(info).length}-${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, await signedIsmsPdf(info, key, options.time));
    return runCli(['verify', file, '--ca', ca.cert, ...(options.format ? ['--format', options.format] : [])], options.cwd ?? repo.dir);
  }
  const policyClaim = (changes: Record<string, string> = {}) => ({
    IsmsDocument: 'DOC-A5',
    IsmsVersion: '1.0',
    IsmsStatus: 'approved',
    IsmsFingerprint: policyFingerprint,
    IsmsApprovalCommit: approval,
    IsmsSourceCommit: head,
    IsmsSourceBlob: policyBlob,
    ...changes,
  });
  const procedureClaim = (changes: Record<string, string> = {}) => ({
    IsmsDocument: 'DOC-P1',
    IsmsVersion: '0.1',
    IsmsStatus: 'draft',
    IsmsFingerprint: procedureFingerprint,
    IsmsSourceCommit: head,
    IsmsSourceBlob: procedureBlob,
    ...changes,
  });

  beforeAll(() => {
    ca = pki.ca('Test Org Root CA');
    key = { file: pki.signer(ca, 'Test Org publishing', PASSPHRASE), passphrase: PASSPHRASE };
    ({ repo, approval } = publishedRepo());
    cleanup.push(repo.dir);
    drafts = repo.git(['rev-parse', 'HEAD~1']).trim();
    head = repo.git(['rev-parse', 'HEAD']).trim();
    policyBlob = repo.git(['rev-parse', 'HEAD:policy.md']).trim();
    procedureBlob = repo.git(['rev-parse', 'HEAD:procedure.md']).trim();
    procedureFingerprint = revisionFacts(readFileSync(path.join(repo.dir, 'procedure.md'), 'utf8'), 'markdown').fingerprint;
    folder = mkdtempSync(path.join(tmpdir(), 'isms-claims-'));
    cleanup.push(folder);
  }, 60_000);
  afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('verifies a PDF of an approved document: "DOC-A5 1.0 as approved in <commit>"', async () => {
    const run = await verifyClaim(policyClaim());
    expect(run.stdout).toMatch(
      new RegExp(`^verified {2}.*\\.pdf: DOC-A5 1\\.0 as approved in ${approval.slice(0, 7)}, signed by CN=Test Org publishing, O=Test Org, at 2026-01-10T10:00:00\\.000Z$`, 'm'),
    );
    expect(run.stdout).toContain('git: 1 document checked against the history of the documents repository');
    expect(run.code).toBe(0);
  });

  it('names an approval commit that does not exist', async () => {
    const run = await verifyClaim(policyClaim({ IsmsApprovalCommit: '0123456789abcdef0123456789abcdef01234567' }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('- DOC-A5 1.0: its approval commit 0123456 does not exist in this repository');
  });

  it('names content that is not what the approval commit approved', async () => {
    const other = revisionFacts(APPROVED_POLICY.replace('We protect information.', 'We protect some information.'), 'markdown').fingerprint;
    const run = await verifyClaim(policyClaim({ IsmsFingerprint: other }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`- DOC-A5 1.0: its content is not what commit ${approval.slice(0, 7)} approved (the fingerprints differ)`);
  });

  it('names a commit that did not approve the document, and a version it did not approve', async () => {
    const notApproval = await verifyClaim(policyClaim({ IsmsApprovalCommit: drafts }));
    expect(notApproval.stdout).toContain(`- DOC-A5 1.0: commit ${drafts.slice(0, 7)} did not approve DOC-A5`);
    const version = await verifyClaim(policyClaim({ IsmsVersion: '2.0' }));
    expect(version.stdout).toContain(`- DOC-A5 2.0: commit ${approval.slice(0, 7)} approved DOC-A5 1.0, not 2.0`);
  });

  it('names an approval commit by someone the configuration did not allow: a forged approval is not verified', async () => {
    const forged = new TestRepo();
    cleanup.push(forged.dir);
    forged
      .write('isms.config.yaml', REPO_CONFIG)
      .write('policy.md', policy({ status: 'in-review', version: '1.0', rows: POLICY_ROWS }))
      .commit('Drafts', WRITER, '2026-01-05');
    const commit = forged.write('policy.md', APPROVED_POLICY).commit('Approve', WRITER, '2026-01-10');
    const file = path.join(folder, 'forged.pdf');
    writeFileSync(file, await signedIsmsPdf(policyClaim({ IsmsApprovalCommit: commit, IsmsSourceCommit: commit, IsmsSourceBlob: forged.git(['rev-parse', 'HEAD:policy.md']).trim() }), key));
    const run = await runCli(['verify', file, '--ca', ca.cert], forged.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `- DOC-A5 1.0: commit ${commit.slice(0, 7)} did not validly approve DOC-A5: the approval was committed in ${commit.slice(0, 7)} (P. Writer <writer@example.com>, 2026-01-10), by someone who was not allowed to`,
    );
    expect(run.stdout).not.toContain('as approved in');
  });

  it('says an approval imported with the baseline is imported, not approved in that commit', async () => {
    const adopted = new TestRepo();
    cleanup.push(adopted.dir);
    const baseline = adopted.write('isms.config.yaml', REPO_CONFIG).write('policy.md', APPROVED_POLICY).commit('Adopt isms', WRITER, '2026-11-30');
    const file = path.join(folder, 'baseline.pdf');
    writeFileSync(
      file,
      await signedIsmsPdf(
        policyClaim({ IsmsApprovalCommit: baseline, IsmsSourceCommit: baseline, IsmsSourceBlob: adopted.git(['rev-parse', 'HEAD:policy.md']).trim() }),
        key,
        new Date('2026-11-30T10:00:00Z'),
      ),
    );
    const run = await runCli(['verify', file, '--ca', ca.cert], adopted.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^verified {2}.*baseline\\.pdf: DOC-A5 1\\.0 as imported with the baseline in ${baseline.slice(0, 7)}, signed by`, 'm'));
    expect(run.stdout).not.toContain('as approved in');
  });

  it('names an approval commit outside the history of HEAD', async () => {
    repo.git(['checkout', '-q', '-b', 'elsewhere']);
    const side = repo.write('notes.txt', 'x\n').commit('Elsewhere', WRITER, '2026-01-11');
    repo.git(['checkout', '-q', 'main']);
    const run = await verifyClaim(policyClaim({ IsmsApprovalCommit: side }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`- DOC-A5 1.0: its approval commit ${side.slice(0, 7)} is not in the history of HEAD`);
  });

  it('names a fingerprint of a version isms never wrote as a problem, not a note: its content check cannot be skipped', async () => {
    for (const fingerprint of [`sha256-v1:${'ab'.repeat(32)}`, `sha256-v9:${'ab'.repeat(32)}`, '-', `sha256-v2:${'ab'.repeat(31)}`]) {
      const run = await verifyClaim(policyClaim({ IsmsFingerprint: fingerprint }));
      expect(run.code, fingerprint).toBe(1);
      expect(run.stdout).toContain(`- DOC-A5 1.0: its fingerprint "${fingerprint}" is not one isms makes (sha256-v2: and 64 hex digits), so its content cannot be checked`);
      expect(run.stdout).not.toContain('cannot be compared');
    }
  });

  it('verifies a draft by the commit that holds its content, and names a draft git does not know', async () => {
    const known = await verifyClaim(procedureClaim());
    expect(known.code).toBe(0);
    expect(known.stdout).toContain(`DOC-P1 0.1 not approved, content as committed in ${drafts.slice(0, 7)}, signed by`);
    const unknown = await verifyClaim(procedureClaim({ IsmsFingerprint: policyFingerprint }));
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('- DOC-P1 0.1: git knows no revision of it with this content');
  });

  it('names a PDF that does not say which commit and file it was built from', async () => {
    const claim: Record<string, string> = policyClaim();
    delete claim['IsmsSourceBlob'];
    const run = await verifyClaim(claim);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '- DOC-A5 1.0: it does not name the commit and file it was built from (IsmsSourceCommit, IsmsSourceBlob), so its history, review and approval block cannot be checked against git',
    );
  });

  it('names a file that is not the one its source commit holds: administration changed outside the fingerprint', async () => {
    // The approved text with another history row: the same content fingerprint, another file.
    const rewritten = APPROVED_POLICY.replace('| First published |', '| Approved by the Board and the external auditor |');
    expect(revisionFacts(rewritten, 'markdown').fingerprint).toBe(policyFingerprint);
    const rewrittenFile = path.join(folder, 'rewritten-policy.md');
    writeFileSync(rewrittenFile, rewritten);
    const otherBlob = repo.git(['hash-object', rewrittenFile]).trim();
    const run = await verifyClaim(policyClaim({ IsmsSourceBlob: otherBlob }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`- DOC-A5 1.0: its file is not the one commit ${head.slice(0, 7)} holds (the blob ids differ): it was not built from that commit as it says`);
  });

  it('names a source commit that is not in the history of HEAD, or that does not exist', async () => {
    const unknown = await verifyClaim(policyClaim({ IsmsSourceCommit: 'fedcba9876543210fedcba9876543210fedcba98' }));
    expect(unknown.stdout).toContain('- DOC-A5 1.0: its source commit fedcba9 does not exist in this repository');
    const drafted = await verifyClaim(procedureClaim({ IsmsSourceCommit: drafts }));
    expect(drafted.code).toBe(0);
    const before = await verifyClaim(policyClaim({ IsmsSourceCommit: drafts }));
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(`- DOC-A5 1.0: its file is not the one commit ${drafts.slice(0, 7)} holds`);
  });

  it('names a signing time earlier than the approval commit: nothing was signed as approved before it was', async () => {
    const run = await verifyClaim(policyClaim(), { time: new Date('2026-01-09T10:00:00Z') });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('- DOC-A5 1.0: it claims to be signed at 2026-01-09T10:00:00.000Z, before its approval commit was made (2026-01-10T10:00:00.000Z): that signing time is not true');
  });

  it('names a document the repository does not have', async () => {
    const run = await verifyClaim(policyClaim({ IsmsDocument: 'DOC-X9' }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('- DOC-X9 1.0: the repository has no document DOC-X9');
  });

  it('checks every document a manual lists', async () => {
    const contents = [
      { id: 'DOC-A5', version: '1.0', approvalCommit: approval, fingerprint: policyFingerprint, sourceCommit: head, sourceBlob: policyBlob },
      { id: 'DOC-P1', version: '0.1', approvalCommit: null, fingerprint: procedureFingerprint, sourceCommit: head, sourceBlob: procedureBlob },
    ];
    const good = await verifyClaim({ IsmsContents: JSON.stringify(contents) });
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(`a manual of 2 documents (DOC-A5 1.0 as approved in ${approval.slice(0, 7)}; DOC-P1 0.1 not approved, content as committed in ${drafts.slice(0, 7)}), signed by`);
    expect(good.stdout).toContain('git: 2 documents checked');
    const bad = await verifyClaim({ IsmsContents: JSON.stringify([contents[0], { ...contents[1], fingerprint: policyFingerprint }]) });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('- DOC-P1 0.1: git knows no revision of it with this content');
    expect(bad.stdout).toContain('    DOC-P1 0.1: NOT as git has it: git knows no revision of it with this content');
  });

  it('says the git check was not done outside a documents repository, and verifies the signature alone', async () => {
    const run = await verifyClaim(policyClaim(), { cwd: folder });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`DOC-A5 1.0 (claims approval in ${approval.slice(0, 7)}; not checked against git), signed by`);
    expect(run.stdout).not.toMatch(/approved in|\(approved/);
    const manual = await verifyClaim(
      { IsmsContents: JSON.stringify([{ id: 'DOC-P1', version: '0.1', approvalCommit: null, fingerprint: procedureFingerprint, sourceCommit: head, sourceBlob: procedureBlob }]) },
      { cwd: folder },
    );
    expect(manual.stdout).toContain('a manual of 1 document (DOC-P1 0.1 (claims no approval; not checked against git)), signed by');
    expect(manual.stdout).toContain('    DOC-P1 0.1: claims no approval; not checked against git\n');
    expect(run.stdout).toContain('git: not checked (no isms.config.yaml here, in a folder above, or in isms-docs/: run isms verify in the documents repository, or give --config)');
  });

  it('prints one JSON object with the document, its git verdict and the signature', async () => {
    const run = await verifyClaim(policyClaim(), { format: 'json' });
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      tool: { name: 'isms' },
      kind: 'pdf',
      ca: true,
      git: { checked: true },
      manifest: null,
      verified: true,
      pdfs: [
        {
          verified: true,
          document: { id: 'DOC-A5', version: '1.0', status: 'approved', approvalCommit: approval, fingerprint: policyFingerprint, git: { ok: true, proof: `as approved in ${approval.slice(0, 7)}` } },
          signatures: [
            {
              subFilter: 'ETSI.CAdES.detached',
              reason: 'test',
              location: 'Test Org',
              signingTime: '2026-01-10T10:00:00.000Z',
              certificate: {
                subject: 'CN=Test Org publishing, O=Test Org',
                chain: 'trusted',
                validAtSigningTime: true,
                path: ['CN=Test Org publishing, O=Test Org', 'CN=Test Org Root CA, O=Test Org'],
              },
              problems: [],
            },
          ],
          problems: [],
        },
      ],
    });
  });
});

describe('isms verify usage', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'isms-verify-usage-'));
    writeFileSync(path.join(dir, 'not-a-cert.pem'), 'hello\n');
    writeFileSync(path.join(dir, 'a.pdf'), '%PDF-1.3\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [['verify', 'missing.pdf'], 'isms: missing.pdf does not exist: give a PDF, or a build folder that holds manifest.json\n'],
    [
      ['verify', 'a.pdf', '--ca', 'not-a-cert.pem'],
      'isms: --ca not-a-cert.pem: it holds no PEM certificate that can be read; give the PEM file of the CA certificate(s) that issued the signing key\n',
    ],
    [['verify', 'a.pdf', '--ca', 'nothing.pem'], 'isms: --ca nothing.pem: cannot be read (ENOENT); give the PEM file of the CA certificate(s) that issued the signing key\n'],
    [['verify', 'a.pdf', '--format', 'xml'], 'isms: unknown format "xml": use one of table, json\n'],
  ])('exits 2 with a message for %j', async (args, message) => {
    const run = await runCli(args, dir);
    expect(run.stderr).toBe(message);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });
});
