import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readValueAt, textOf } from '../../src/sign/pdf-objects.js';
import { verifyPdf, type PdfReport } from '../../src/sign/verify.js';
import { signedIsmsPdf } from '../helpers/isms-pdf.js';
import { TestPki } from '../helpers/signing-keys.js';
import { seededRandom } from '../helpers/random.js';


describe('verify reads PDFs from anyone', () => {
  const pki = new TestPki();
  let pdf: Buffer;
  let anchors: X509Certificate[];
  const verify = (bytes: Buffer): Promise<PdfReport> => verifyPdf('x.pdf', bytes, { anchors });

  beforeAll(async () => {
    const ca = pki.ca('Test Org Root CA');
    pdf = await signedIsmsPdf({ IsmsDocument: 'DOC-A5', IsmsVersion: '1.0', IsmsFingerprint: `sha256-v2:${'0'.repeat(64)}` }, { file: pki.signer(ca, 'Publisher', 'pw'), passphrase: 'pw' });
    anchors = [new X509Certificate(readFileSync(ca.cert))];
  }, 60_000);
  afterAll(() => rmSync(pki.dir, { recursive: true, force: true }));

  it('verifies the PDF it starts from', async () => {
    expect((await verify(pdf)).problems).toEqual([]);
  });

  it('reports, never throws, on the PDF cut at every 199th byte and with 200 bytes flipped one at a time', async () => {
    const next = seededRandom(9);
    const cases: Buffer[] = [];
    for (let at = 0; at < pdf.length; at += 199) cases.push(pdf.subarray(0, at));
    for (let i = 0; i < 200; i++) {
      const copy = Buffer.from(pdf);
      copy[Math.floor(next() * copy.length)] ^= 1 << Math.floor(next() * 8);
      cases.push(copy);
    }
    const started = performance.now();
    for (const bytes of cases) {
      const report = await verify(bytes);
      if (!report.verified) expect(report.problems.length).toBeGreaterThan(0);
    }
    // A hang guard, not a benchmark: about 250 files of 10 KB.
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it('names byte ranges that point anywhere, and signatures that are not CMS', async () => {
    const text = pdf.toString('latin1');
    const range = /\/ByteRange \[[^\]]*\]/.exec(text)![0];
    const swap = (replacement: string) => Buffer.from(text.replace(range, replacement.padEnd(range.length, ' ')), 'latin1');
    expect((await verify(swap('/ByteRange [0 99999999999 5 5]'))).problems).toContain('the signed bytes do not leave out exactly the signature: something else is unsigned');
    expect((await verify(swap('/ByteRange [10 10 20 20]'))).problems).toContain('the signed bytes do not start at the beginning of the file');
    expect((await verify(swap('/ByteRange [0 1 2]'))).problems).toContain('its /ByteRange is not four whole numbers');
    const contents = /\/Contents <([0-9a-f]+)>/.exec(text)![1]!;
    const garbage = Buffer.from(text.replace(contents, 'ff'.repeat(contents.length / 2)), 'latin1');
    expect((await verify(garbage)).problems).toContain('the signature is not a CMS SignedData that can be read');
  });

  it('stops at 16 signature fields, and at nesting 32 deep', async () => {
    const many = Buffer.concat([pdf, Buffer.from('\n9 0 obj\n<< /ByteRange [0 0 0 0] >>\nendobj\n'.repeat(40))]);
    const report = await verify(many);
    expect(report.signatures).toHaveLength(17);
    expect(report.problems).toContain('signature 17: it has more than 16 signature fields; the rest were not read');
    const deep = Buffer.from(`${'['.repeat(100000)}${']'.repeat(100000)}`);
    expect(readValueAt(deep, 0)).toBeUndefined();
  });

  it('reads PDF strings with escapes, octal codes and UTF-16', () => {
    const literal = readValueAt(Buffer.from('(a\\(b\\)\\\\c\\101\\\nd (nested))'), 0)!.value;
    expect(textOf(literal)).toBe('a(b)\\cAd (nested)');
    const utf16 = readValueAt(Buffer.from('<FEFF00E9 0041>'), 0)!.value;
    expect(textOf(utf16)).toBe('éA');
  });
});
