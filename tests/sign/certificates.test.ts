import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../../src/sign/verify.js';
import { signedIsmsPdf } from '../helpers/isms-pdf.js';
import { hasCommand, TestPki, type TestCa } from '../helpers/signing-keys.js';

const INFO = { IsmsDocument: 'DOC-A5', IsmsVersion: '1.0', IsmsFingerprint: `sha256-v2:${'0'.repeat(64)}` };
const certificate = (file: string) => new X509Certificate(readFileSync(file));
/** pdfsig checks a certificate only against an NSS database, made with certutil (libnss3-tools). */
const PDFSIG_NSS = hasCommand('pdfsig') && hasCommand('certutil');

describe('the signer certificate and its chain', () => {
  const pki = new TestPki();
  let root: TestCa;
  let intermediate: TestCa;
  let key: { file: string; passphrase: string };

  beforeAll(() => {
    root = pki.ca('Test Org Root CA');
    intermediate = pki.ca('Test Org Issuing CA', { parent: root });
    // The .p12 carries the issuing CA (openssl pkcs12 -certfile), so the signature does too; not the root.
    key = { file: pki.signer(intermediate, 'Test Org publishing', 'pw'), passphrase: 'pw' };
  }, 60_000);
  afterAll(() => rmSync(pki.dir, { recursive: true, force: true }));

  it('leads through the intermediate CA the signature carries to the root given as --ca', async () => {
    const report = await verifyPdf('x.pdf', await signedIsmsPdf(INFO, key), { anchors: [certificate(root.cert)] });
    expect(report.problems).toEqual([]);
    expect(report.signatures[0]!.certificate).toMatchObject({
      chain: 'trusted',
      path: ['CN=Test Org publishing, O=Test Org', 'CN=Test Org Issuing CA, O=Test Org', 'CN=Test Org Root CA, O=Test Org'],
      validAtSigningTime: true,
    });
  });

  it('trusts the intermediate alone when it is the --ca, and no unrelated CA', async () => {
    const pdf = await signedIsmsPdf(INFO, key);
    expect((await verifyPdf('x.pdf', pdf, { anchors: [certificate(intermediate.cert)] })).verified).toBe(true);
    const stranger = pki.ca('Stranger CA');
    const report = await verifyPdf('x.pdf', pdf, { anchors: [certificate(stranger.cert)] });
    expect(report.signatures[0]!.certificate!.chain).toBe('untrusted');
    expect(report.verified).toBe(false);
  });

  it('names a signature made when the certificate was not valid', async () => {
    const report = await verifyPdf('x.pdf', await signedIsmsPdf(INFO, key, new Date('2024-06-01T00:00:00Z')), { anchors: [certificate(root.cert)] });
    expect(report.verified).toBe(false);
    expect(report.problems).toContain('the certificate was not valid when it signed (2024-06-01T00:00:00.000Z; valid 2025-01-01T00:00:00.000Z to 2035-12-31T23:59:59.000Z)');
    expect(report.problems).toContain('CN=Test Org Issuing CA, O=Test Org, on the way to the CA, was not valid when it signed (2024-06-01T00:00:00.000Z)');
  });

  it('fails a certificate that has expired by now, whatever signing time the signature claims', async () => {
    const expired = { file: pki.signer(root, 'Expired publishing', 'pw', { validity: { start: '20240101000000Z', end: '20250101000000Z' } }), passphrase: 'pw' };
    const report = await verifyPdf('x.pdf', await signedIsmsPdf(INFO, expired, new Date('2024-06-01T00:00:00Z')), { anchors: [certificate(root.cert)] });
    expect(report.verified).toBe(false);
    expect(report.signatures[0]!.certificate).toMatchObject({ validAtSigningTime: true, validNow: false, chain: 'trusted' });
    expect(report.problems[0]).toMatch(
      /^the certificate is not valid now \(\d{4}-\d\d-\d\dT[\d:.]+Z; valid 2024-01-01T00:00:00\.000Z to 2025-01-01T00:00:00\.000Z\): without a trusted timestamp, the time a signature claims proves nothing/,
    );
  });

  it('fails a certificate that is not valid yet, even for a signature that claims a time inside its life', async () => {
    const later = { file: pki.signer(root, 'Later publishing', 'pw', { validity: { start: '20990101000000Z', end: '20991231000000Z' } }), passphrase: 'pw' };
    const report = await verifyPdf('x.pdf', await signedIsmsPdf(INFO, later, new Date('2099-06-01T00:00:00Z')), { anchors: [certificate(root.cert)] });
    expect(report.verified).toBe(false);
    expect(report.signatures[0]!.certificate).toMatchObject({ validAtSigningTime: true, validNow: false });
    expect(report.problems.some((p) => p.startsWith('the certificate is not valid now'))).toBe(true);
  });

  it('fails a signature that claims no signing time', async () => {
    const pdf = await signedIsmsPdf(INFO, key, undefined, { withoutSigningTime: true });
    const report = await verifyPdf('x.pdf', pdf, { anchors: [certificate(root.cert)] });
    expect(report.signatures[0]!.signingTime).toBeNull();
    expect(report.verified).toBe(false);
    expect(report.problems).toEqual(['it claims no signing time (no signing-time attribute, no /M): nothing says when it was signed, so the certificate cannot be judged at that time']);
  });

  describe('what the certificate may be used for (what pdfsig accepts of a document signer)', () => {
    const usage = (name: string, extensions: string[]) => ({ file: pki.signer(root, name, 'pw', { extensions }), passphrase: 'pw' });
    const verify = async (signer: { file: string; passphrase: string }) => verifyPdf('x.pdf', await signedIsmsPdf(INFO, signer), { anchors: [certificate(root.cert)] });

    it.each([
      ['keyUsage nonRepudiation alone', ['basicConstraints = CA:FALSE', 'keyUsage = critical,nonRepudiation']],
      ['no keyUsage and no extendedKeyUsage', ['basicConstraints = CA:FALSE']],
      ['extendedKeyUsage emailProtection', ['basicConstraints = CA:FALSE', 'keyUsage = critical,digitalSignature', 'extendedKeyUsage = emailProtection,codeSigning']],
    ])('accepts a signing certificate with %s', async (name, extensions) => {
      expect((await verify(usage(name, extensions))).problems).toEqual([]);
    });

    it.each([
      [
        'a CA certificate',
        ['basicConstraints = critical,CA:TRUE', 'keyUsage = critical,digitalSignature,keyCertSign'],
        'it is a CA certificate (basicConstraints cA): a CA key signs certificates, not documents',
      ],
      [
        'a TLS server certificate',
        ['basicConstraints = CA:FALSE', 'keyUsage = critical,keyEncipherment', 'extendedKeyUsage = serverAuth'],
        'its keyUsage (keyEncipherment) allows neither digitalSignature nor nonRepudiation',
      ],
      [
        'a code-signing certificate',
        ['basicConstraints = CA:FALSE', 'keyUsage = critical,digitalSignature', 'extendedKeyUsage = codeSigning'],
        'its extendedKeyUsage (1.3.6.1.5.5.7.3.3) does not include emailProtection (1.3.6.1.5.5.7.3.4)',
      ],
      [
        'a documentSigning certificate',
        ['basicConstraints = CA:FALSE', 'keyUsage = critical,digitalSignature', 'extendedKeyUsage = 1.3.6.1.5.5.7.3.36'],
        'its extendedKeyUsage (1.3.6.1.5.5.7.3.36) does not include emailProtection',
      ],
      [
        'an anyExtendedKeyUsage certificate',
        ['basicConstraints = CA:FALSE', 'keyUsage = critical,digitalSignature', 'extendedKeyUsage = anyExtendedKeyUsage'],
        'its extendedKeyUsage (2.5.29.37.0) does not include emailProtection',
      ],
    ])('fails %s as a signer', async (name, extensions, why) => {
      const report = await verify(usage(name, extensions));
      expect(report.verified).toBe(false);
      expect(report.problems.join('\n')).toContain(`the certificate may not sign documents: ${why}`);
    });

    (PDFSIG_NSS ? it : it.skip)(`agrees with pdfsig, which trusts an emailProtection signer and not a codeSigning one${PDFSIG_NSS ? '' : ' (skipped: needs pdfsig and certutil)'}`, async () => {
      const nss = path.join(pki.dir, 'nssdb');
      mkdirSync(nss);
      execFileSync('certutil', ['-d', `sql:${nss}`, '-N', '--empty-password']);
      execFileSync('certutil', ['-d', `sql:${nss}`, '-A', '-n', 'root', '-t', 'C,C,C', '-i', root.cert]);
      const cases = [
        { name: 'pdfsig email', extensions: ['basicConstraints = CA:FALSE', 'keyUsage = critical,digitalSignature', 'extendedKeyUsage = emailProtection'] },
        { name: 'pdfsig code', extensions: ['basicConstraints = CA:FALSE', 'keyUsage = critical,digitalSignature', 'extendedKeyUsage = codeSigning'] },
      ];
      for (const { name, extensions } of cases) {
        const signer = usage(name, extensions);
        const file = path.join(pki.dir, `${name.replace(/\W+/g, '-')}.pdf`);
        writeFileSync(file, await signedIsmsPdf(INFO, signer));
        const trusted = spawnSync('pdfsig', ['-nssdir', `sql:${nss}`, file], { encoding: 'utf8' }).stdout.includes('Certificate is Trusted.');
        expect(trusted, name).toBe((await verify(signer)).verified);
      }
    });
  });
});
