import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readValueAt, textOf } from '../../src/sign/pdf-objects.js';
import { verifyPdf, type PdfReport } from '../../src/sign/verify.js';
import { signedIsmsPdf } from '../helpers/isms-pdf.js';
import { hasCommand, TestPki, type TestCa } from '../helpers/signing-keys.js';
import { seededRandom } from '../helpers/random.js';

/**
 * An incremental update as PDF writers append one: `bodies` as new objects (numbered from the
 * trailer's /Size), a cross-reference section for them, and a trailer that chains to the last one.
 */
function withUpdate(pdf: Buffer, bodies: string[]): Buffer {
  const text = pdf.toString('latin1');
  const previous = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)![1];
  const size = Number(/\/Size (\d+)/.exec(trailer)![1]);
  let update = '';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(pdf.length + update.length + 1);
    update += `\n${size + i} 0 obj\n${body}\nendobj`;
  });
  const xref = pdf.length + update.length + 1;
  update += `\nxref\n${size} ${bodies.length}\n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${size + bodies.length} /Root ${root} /Prev ${previous} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

describe('verify reads PDFs from anyone', () => {
  const pki = new TestPki();
  let ca: TestCa;
  let pdf: Buffer;
  let anchors: X509Certificate[];
  const verify = (bytes: Buffer): Promise<PdfReport> => verifyPdf('x.pdf', bytes, { anchors });

  beforeAll(async () => {
    ca = pki.ca('Test Org Root CA');
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
      copy[Math.floor(next() * copy.length)]! ^= 1 << Math.floor(next() * 8);
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
    const many = withUpdate(
      pdf,
      Array.from({ length: 40 }, () => '<< /Type /Sig /ByteRange [0 0 0 0] >>'),
    );
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

  it('finds signatures through the structure of the file, never in text: a title that reads like a signature stays a title', async () => {
    const key = { file: pki.signer(ca, 'Title publisher', 'pw'), passphrase: 'pw' };
    const titles = ['Policy /ByteRange [0 1 2 3]', 'Policy 99 0 obj << /Type /Sig /ByteRange [0 1 2 3] /Contents <00> >> endobj'];
    for (const title of titles) {
      const signed = await signedIsmsPdf({ title, IsmsDocument: 'DOC-A5', IsmsVersion: '1.0', IsmsFingerprint: `sha256-v2:${'0'.repeat(64)}` }, key);
      expect(signed.toString('latin1')).toContain('/ByteRange [0 1 2 3]');
      const report = await verify(signed);
      expect(report.problems, title).toEqual([]);
      expect(report.signatures).toHaveLength(1);
      if (hasCommand('pdfsig')) {
        const file = path.join(pki.dir, 'title.pdf');
        writeFileSync(file, signed);
        expect(spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout).toContain('Signature is Valid.');
      }
    }
  });

  it('reads the metadata through the structure too: an Info dictionary written into the title is not the Info dictionary', async () => {
    const key = { file: pki.signer(ca, 'Info publisher', 'pw'), passphrase: 'pw' };
    const claim = { IsmsDocument: 'DOC-P1', IsmsVersion: '0.1', IsmsFingerprint: `sha256-v2:${'0'.repeat(64)}` };
    const plain = await signedIsmsPdf(claim, key);
    const info = /\/Info (\d+) 0 R/.exec(plain.toString('latin1'))![1];
    const hex = (text: string) => `<${Buffer.from(text).toString('hex')}>`;
    const title = `x ${info} 0 obj << /IsmsDocument ${hex('DOC-A5')} /IsmsVersion ${hex('9.9')} /IsmsFingerprint ${hex(`sha256-v2:${'1'.repeat(64)}`)} >> endobj`;
    const report = await verify(await signedIsmsPdf({ ...claim, title }, key));
    expect(report.problems).toEqual([]);
    expect(report.document).toMatchObject({ id: 'DOC-P1', version: '0.1' });
  });
});
