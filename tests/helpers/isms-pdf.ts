import { readFileSync } from 'node:fs';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { signPdf } from '../../src/sign/pdf-sign.js';
import { readSigningKey } from '../../src/sign/signing-key.js';

/**
 * A PDF as a build makes it, carrying the isms metadata of DESIGN section 5 in its Info dictionary
 * (IsmsDocument, IsmsVersion, IsmsStatus, IsmsFingerprint, IsmsApprovalCommit, IsmsContents: pdfmake
 * `info` keys), rendered by pdfmake and signed by isms's own signer: what `isms verify` reads.
 */
export async function signedIsmsPdf(info: Record<string, string>, key: { file: string; passphrase: string }, time = new Date('2026-01-10T10:00:00Z')): Promise<Buffer> {
  const pdf = await renderPdf({ content: [{ text: info['IsmsDocument'] ?? 'Manual', font: 'DejaVu' }], defaultStyle: { font: 'DejaVu' }, info: { title: 'Test', ...info, creationDate: time, modDate: time } });
  const opened = readSigningKey(readFileSync(key.file), key.passphrase);
  if (!opened.ok) throw new Error(`test key: ${opened.problem}`);
  return signPdf(pdf, opened.key, { reason: 'test', location: 'Test Org', signingTime: time });
}
