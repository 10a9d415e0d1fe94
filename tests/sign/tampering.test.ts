import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { publishedRepo } from '../helpers/published-repo.js';
import { hasCommand, TestPki, type TestCa } from '../helpers/signing-keys.js';

const PASSPHRASE = 'tamper-test passphrase';

/**
 * A realistic change after signing: an incremental update (what a PDF editor appends) that
 * redefines the Info dictionary, so a reader that follows the newest revision shows another title.
 */
function appendIncrementalUpdate(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const previous = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)![1];
  const size = Number(/\/Size (\d+)/.exec(trailer)![1]);
  const body = `\n${size} 0 obj\n<< /Title (Forged title) /IsmsVersion (9.9) >>\nendobj\n`;
  const xref = pdf.length + body.length;
  const update = `${body}xref\n${size} 1\n${String(pdf.length + 1).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${previous} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

describe('isms verify catches tampering', () => {
  const pki = new TestPki();
  const cleanup: string[] = [pki.dir];
  let ca: TestCa;
  let other: TestCa;
  let repo: TestRepo;
  let signed: string;
  let foreign: string;

  /** A copy of the signed build, to change. */
  const copy = () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'isms-tamper-')), 'site');
    cleanup.push(path.dirname(dir));
    cpSync(signed, dir, { recursive: true });
    return dir;
  };
  const verify = (target: string, ca: string) => runCli(['verify', target, '--ca', ca], repo.dir);

  beforeAll(async () => {
    ca = pki.ca('Test Org Root CA');
    other = pki.ca('Someone Else CA');
    repo = publishedRepo().repo;
    cleanup.push(repo.dir);
    signed = path.join(mkdtempSync(path.join(tmpdir(), 'isms-signed-')), 'site');
    foreign = path.join(mkdtempSync(path.join(tmpdir(), 'isms-foreign-')), 'site');
    cleanup.push(path.dirname(signed), path.dirname(foreign));
    // A fresh environment each time: a build takes the passphrase out of the one it is given.
    const env = () => ({ ISMS_SIGN_PASSPHRASE: PASSPHRASE });
    expect((await runCli(['build', '--release', '--sign-key', pki.signer(ca, 'Test Org publishing', PASSPHRASE), '--out', signed], repo.dir, env())).code).toBe(0);
    expect((await runCli(['build', '--release', '--sign-key', pki.signer(other, 'Mallory publishing', PASSPHRASE), '--out', foreign], repo.dir, env())).code).toBe(0);
  }, 60_000);
  afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('verifies the untouched build', async () => {
    const run = await verify(signed, ca.cert);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 of 2 PDFs verified');
  });

  it('names a byte flipped inside the signed range of a PDF', async () => {
    const site = copy();
    const file = path.join(site, 'pdf/DOC-A5.pdf');
    const pdf = readFileSync(file);
    const at = pdf.indexOf('/Producer');
    pdf[at + 1] = 'p'.charCodeAt(0);
    writeFileSync(file, pdf);
    const one = await verify(file, ca.cert);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('NOT VERIFIED  ');
    expect(one.stdout).toContain('- the signed bytes were changed: their digest is not the one that was signed');
    const folder = await verify(site, ca.cert);
    expect(folder.code).toBe(1);
    expect(folder.stdout).toContain('- pdf/DOC-A5.pdf was changed: its sha256 is not the one the manifest lists');
    expect(folder.stdout).toContain('1 of 2 PDFs verified; the build in');
  });

  it('names an incremental update appended after the signature, and reads what the PDF is from the signed bytes only', async () => {
    const site = copy();
    const file = path.join(site, 'pdf/DOC-A5.pdf');
    writeFileSync(file, appendIncrementalUpdate(readFileSync(file)));
    const run = await verify(file, ca.cert);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/- \d+ bytes were added after the signed bytes \(an incremental update: the document was changed after it was signed\)/);
    expect(run.stdout).not.toContain('9.9');
    if (hasCommand('pdfsig')) expect(spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout).not.toContain('Total document signed');
  });

  it('names a PDF signed again with a key of another CA, which --ca does not trust', async () => {
    const site = copy();
    cpSync(path.join(foreign, 'pdf/DOC-A5.pdf'), path.join(site, 'pdf/DOC-A5.pdf'));
    const run = await verify(path.join(site, 'pdf/DOC-A5.pdf'), ca.cert);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('- the certificate does not lead to a CA of --ca: whoever signed, it was not a key that CA vouches for');
    const folder = await verify(site, ca.cert);
    expect(folder.stdout).toContain('- pdf/DOC-A5.pdf was changed: its sha256 is not the one the manifest lists');
    // The same file is verified against the CA that did issue its key: the chain, not the file, was the problem.
    expect((await verify(path.join(site, 'pdf/DOC-A5.pdf'), other.cert)).code).toBe(0);
  });

  it('names a manifest signed by another CA', async () => {
    const site = copy();
    cpSync(path.join(foreign, 'manifest.json.sig'), path.join(site, 'manifest.json.sig'));
    const run = await verify(site, ca.cert);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^NOT VERIFIED {2}manifest\.json: signed by CN=Mallory publishing/m);
    expect(run.stdout).toContain('- manifest.json.sig: the certificate does not lead to a CA of --ca');
  });

  it('names an edited manifest, whose signature no longer matches', async () => {
    const site = copy();
    const file = path.join(site, 'manifest.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('"buildTime"', '"buildTime" ')
        .replace(/"commit": "[0-9a-f]+"/, '"commit": null'),
    );
    const run = await verify(site, ca.cert);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('- manifest.json.sig: the signed bytes were changed: their digest is not the one that was signed');
  });

  it('names a file listed in the manifest that was edited', async () => {
    const site = copy();
    writeFileSync(path.join(site, 'DOC-A5.html'), readFileSync(path.join(site, 'DOC-A5.html'), 'utf8').replace('We protect information.', 'We protect nothing.'));
    const run = await verify(site, ca.cert);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('- DOC-A5.html was changed: its sha256 is not the one the manifest lists');
    expect(run.stdout).toContain('2 of 2 PDFs verified; the build in');
  });

  it('names a file listed in the manifest that was removed', async () => {
    const site = copy();
    rmSync(path.join(site, 'pdf/DOC-A5.pdf'));
    const run = await verify(site, ca.cert);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('- pdf/DOC-A5.pdf is missing: the manifest lists it');
  });

  it('names a file added to the build, and a link, with control characters shown escaped', async () => {
    const site = copy();
    writeFileSync(path.join(site, 'pdf/extra\u001b[2J.pdf'), readFileSync(path.join(site, 'pdf/DOC-A5.pdf')));
    symlinkSync('/etc/passwd', path.join(site, 'passwords.html'));
    const run = await verify(site, ca.cert);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('- pdf/extra\\x1b[2J.pdf is not listed in the manifest');
    expect(run.stdout).toContain('- passwords.html is not listed in the manifest');
    expect(run.stdout).not.toContain('\u001b');
  });

  it('names a missing manifest signature', async () => {
    const site = copy();
    rmSync(path.join(site, 'manifest.json.sig'));
    const run = await verify(site, ca.cert);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('- there is no manifest.json.sig: the manifest is not signed');
  });

  it('trusts no signer without --ca, and says how to give one', async () => {
    const run = await runCli(['verify', signed], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('- the signer was not checked: give --ca FILE.pem');
    expect(run.stdout).toMatch(/is NOT verified \(no --ca: signers not checked\)\n$/);
  });

  it('names a PDF cut short, and one that was never signed', async () => {
    const site = copy();
    const file = path.join(site, 'pdf/DOC-A5.pdf');
    const pdf = readFileSync(file);
    writeFileSync(file, pdf.subarray(0, pdf.length - 100));
    const cut = await verify(file, ca.cert);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/- the signed bytes run past the end of the file \(\d+ of \d+ bytes\): it was cut short/);
    writeFileSync(file, Buffer.from('%PDF-1.3\n%%EOF\n'));
    const unsigned = await verify(file, ca.cert);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stdout).toContain('- it is not signed');
  });
});
