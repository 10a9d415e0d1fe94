import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { readPdf } from '../helpers/pdf.js';
import { bundledRepo, publishedRepo } from '../helpers/published-repo.js';
import { hasCommand, TestPki, type TestCa } from '../helpers/signing-keys.js';

const PASSPHRASE = 'correct horse battery staple';
const PDFSIG = hasCommand('pdfsig');

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

/** pdfsig's report of one PDF (poppler, the reader of most Linux desktops). */
const pdfsig = (file: string) => spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;

describe('a signed build of the bundled documents', () => {
  const pki = new TestPki();
  let ca: TestCa;
  let repo: TestRepo;
  let out: string;
  let build: CliRun;

  beforeAll(async () => {
    ca = pki.ca('Test Org Root CA');
    const key = pki.signer(ca, 'Test Org ISMS publishing', PASSPHRASE);
    repo = bundledRepo();
    out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-signed-')), 'site');
    build = await runCli(['build', '--release', '--sign-key', key, '--out', out], repo.dir, { ISMS_SIGN_PASSPHRASE: PASSPHRASE });
  }, 120_000);
  afterAll(() => {
    pki.remove();
    repo.remove();
    rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('signs every PDF and the manifest, and says who signed', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/; signed by CN=Test Org ISMS publishing, O=Test Org\n$/);
    const files = listFiles(out);
    expect(files).toContain('manifest.json.sig');
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files)).not.toContain('manifest.json.sig');
    expect(files.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(2);
  });

  it('verifies with isms verify: the manifest, each PDF and who signed it', async () => {
    const run = await runCli(['verify', out, '--ca', ca.cert], repo.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = listFiles(out);
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toContain('wacky-widget-isms-manual.pdf');
    expect(run.stdout).toContain(
      `verified  manifest.json: signed by CN=Test Org ISMS publishing, O=Test Org, at 2026-11-30T10:00:00.000Z; ${files.length - 2} files listed, each present and unchanged, nothing else\n`,
    );
    for (const pdf of pdfs) {
      expect(run.stdout).toMatch(new RegExp(`^verified {2}${pdf.replace(/[.]/g, '\\.')}: .*signed by CN=Test Org ISMS publishing, O=Test Org, at 2026-11-30T10:00:00\\.000Z$`, 'm'));
    }
    expect(run.stdout).toContain(`${pdfs.length} of ${pdfs.length} PDFs verified; the build in`);
    expect(run.stdout).toMatch(/is verified\n$/);
  });

  (PDFSIG ? it : it.skip)(
    `verifies in pdfsig: every PDF a valid ETSI.CAdES.detached signature over the whole document${PDFSIG ? '' : ' (skipped: pdfsig is not installed; apt-get install poppler-utils)'}`,
    () => {
      for (const pdf of listFiles(out).filter((f) => f.endsWith('.pdf'))) {
        const report = pdfsig(path.join(out, pdf));
        expect(report, pdf).toContain('Signature Validation: Signature is Valid.');
        expect(report, pdf).toContain('Signature Type: ETSI.CAdES.detached');
        expect(report, pdf).toContain('Total document signed');
        expect(report, pdf).toContain('Signer Certificate Common Name: Test Org ISMS publishing');
      }
    },
  );

  it('verifies in openssl cms: the manifest signature, against the CA', () => {
    const run = spawnSync(
      'openssl',
      ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'manifest.json.sig', '-content', 'manifest.json', '-CAfile', ca.cert, '-purpose', 'any', '-out', '/dev/null'],
      { cwd: out, encoding: 'utf8' },
    );
    expect(run.stderr).toContain('CMS Verification successful');
    expect(run.status).toBe(0);
  });
});

describe('signing keys and reproducibility', () => {
  const pki = new TestPki();
  const cleanup: string[] = [pki.dir];
  let ca: TestCa;
  let rsa: string;
  let ecdsa: string;
  let repo: TestRepo;
  const outDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-sign-'));
    cleanup.push(dir);
    return path.join(dir, 'site');
  };

  beforeAll(() => {
    ca = pki.ca('Test Org Root CA');
    rsa = pki.signer(ca, 'RSA publisher', PASSPHRASE);
    ecdsa = pki.signer(ca, 'ECDSA publisher', PASSPHRASE, { key: 'p384' });
    repo = publishedRepo().repo;
    cleanup.push(repo.dir);
  }, 60_000);
  afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('gives byte-identical signed output for one commit with an RSA key', async () => {
    const [a, b] = [outDir(), outDir()];
    expect((await runCli(['build', '--release', '--sign-key', rsa, '--out', a], repo.dir, { ISMS_SIGN_PASSPHRASE: PASSPHRASE })).code).toBe(0);
    expect((await runCli(['build', '--release', '--sign-key', rsa, '--out', b], repo.dir, { ISMS_SIGN_PASSPHRASE: PASSPHRASE })).code).toBe(0);
    const files = listFiles(a);
    expect(files).toContain('manifest.json.sig');
    expect(listFiles(b)).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(b, file)).equals(readFileSync(path.join(a, file))), file).toBe(true);
  }, 60_000);

  it('leaves the rendered bytes of an unsigned build at the start of each signed PDF', async () => {
    const [unsigned, signed] = [outDir(), outDir()];
    expect((await runCli(['build', '--release', '--pdf', '--out', unsigned], repo.dir)).code).toBe(0);
    expect((await runCli(['build', '--release', '--pdf', '--sign-key', rsa, '--out', signed], repo.dir, { ISMS_SIGN_PASSPHRASE: PASSPHRASE })).code).toBe(0);
    const pdfs = listFiles(unsigned).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toContain('pdf/DOC-A5.pdf');
    for (const pdf of pdfs) {
      const plain = readFileSync(path.join(unsigned, pdf));
      const body = plain.subarray(0, plain.length - 1); // the signer drops the final line break before its update
      expect(readFileSync(path.join(signed, pdf)).subarray(0, body.length).equals(body), pdf).toBe(true);
    }
  }, 60_000);

  it('signs with an ECDSA P-384 key, verified by isms, pdfsig and openssl', async () => {
    const out = outDir();
    const build = await runCli(['build', '--release', '--sign-key', ecdsa, '--out', out], repo.dir, { ISMS_SIGN_PASSPHRASE: PASSPHRASE });
    expect(build.code).toBe(0);
    const verify = await runCli(['verify', out, '--ca', ca.cert], repo.dir);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^verified {2}pdf\/DOC-A5\.pdf: DOC-A5 1\.0 as approved in [0-9a-f]{7}, signed by CN=ECDSA publisher, O=Test Org, at 2026-01-10T10:00:00\.000Z$/m);
    expect(verify.stdout).toContain('git: 2 documents checked against the history of the documents repository');
    if (PDFSIG) {
      const report = pdfsig(path.join(out, 'pdf/DOC-A5.pdf'));
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Signing Hash Algorithm: SHA-384');
    }
    execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'manifest.json.sig', '-content', 'manifest.json', '-CAfile', ca.cert, '-out', '/dev/null'], {
      cwd: out,
      stdio: 'pipe',
    });
  }, 60_000);

  it('refuses to sign a build that is not a release, and writes nothing', async () => {
    const out = outDir();
    const run = await runCli(['build', '--sign-key', rsa, '--out', out], repo.dir, { ISMS_SIGN_PASSPHRASE: PASSPHRASE });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'isms: --sign-key signs release builds only: add --release, which refuses a dirty tree, validation errors and drafts, so that a signature never vouches for what git does not prove; nothing was written\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('names in each signed PDF the commit it was built from and the git blob of the document there, as the manifest does', async () => {
    const out = outDir();
    expect((await runCli(['build', '--release', '--sign-key', rsa, '--out', out], repo.dir, { ISMS_SIGN_PASSPHRASE: PASSPHRASE })).code).toBe(0);
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const blob = repo.git(['rev-parse', 'HEAD:policy.md']).trim();
    const custom = (await readPdf(path.join(out, 'pdf/DOC-A5.pdf'))).info['Custom'] as Record<string, string>;
    expect(custom).toMatchObject({ IsmsDocument: 'DOC-A5', IsmsSourceCommit: head, IsmsSourceBlob: blob });
    const manual = (await readPdf(path.join(out, 'test-org-isms-manual.pdf'))).info['Custom'] as Record<string, string>;
    expect(JSON.parse(manual['IsmsContents']!)).toEqual([expect.objectContaining({ id: 'DOC-A5', sourceCommit: head, sourceBlob: blob })]);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.commit).toBe(head);
    expect(manifest.documents).toEqual([expect.objectContaining({ id: 'DOC-A5', sourceBlob: blob })]);
  }, 60_000);

  it('gives each signature a reason: approved, or the manual and its commit; the organisation as location', async () => {
    const out = outDir();
    expect((await runCli(['build', '--release', '--pdf', '--sign-key', rsa, '--out', out], repo.dir, { ISMS_SIGN_PASSPHRASE: PASSPHRASE })).code).toBe(0);
    const verify = await runCli(['verify', out, '--ca', ca.cert, '--format', 'json'], repo.dir);
    const report = JSON.parse(verify.stdout);
    const reasons = Object.fromEntries(
      report.pdfs.map((p: { file: string; signatures: Array<{ reason: string; location: string }> }) => [p.file, [p.signatures[0]!.reason, p.signatures[0]!.location]]),
    );
    const head = repo.git(['rev-parse', '--short=7', 'HEAD']).trim();
    expect(reasons).toEqual({
      'pdf/DOC-A5.pdf': ['Approved DOC-A5 1.0', 'Test Org'],
      'test-org-isms-manual.pdf': [`Test Org ISMS Manual, built from ${head}`, 'Test Org'],
    });
  }, 60_000);
});
