import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../../src/sign/verify.js';
import { signedIsmsPdf } from '../helpers/isms-pdf.js';
import { TestPki, type TestCa } from '../helpers/signing-keys.js';

const INFO = { IsmsDocument: 'DOC-A5', IsmsVersion: '1.0', IsmsFingerprint: `sha256-v2:${'0'.repeat(64)}` };
const certificate = (file: string) => new X509Certificate(readFileSync(file));

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
});
