import { readFileSync } from 'node:fs';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { signDetached } from '../../src/sign/cms.js';
import { signPdf } from '../../src/sign/pdf-sign.js';
import { readSigningKey, type SigningKey } from '../../src/sign/signing-key.js';

/** The signer @signpdf calls: isms's own CMS over the bytes the byte range covers. */
class TestSigner extends Signer {
  constructor(private readonly key: SigningKey) {
    super();
  }

  override async sign(pdf: Buffer): Promise<Buffer> {
    return signDetached(pdf, this.key);
  }
}

/**
 * A PDF as a build makes it, carrying the isms metadata of DESIGN section 5 in its Info dictionary
 * (IsmsDocument, IsmsVersion, IsmsStatus, IsmsFingerprint, IsmsApprovalCommit, IsmsSourceCommit,
 * IsmsSourceBlob, IsmsContents: pdfmake `info` keys), rendered by pdfmake and signed by isms's own
 * signer: what `isms verify` reads. The signer is used directly, without the checks `isms build`
 * makes of the key (an expired certificate signs here). With `withoutSigningTime`, the signature
 * dictionary's /M is blanked before signing, so the signature claims no time at all.
 */
export async function signedIsmsPdf(
  info: Record<string, string>,
  key: { file: string; passphrase: string },
  time = new Date('2026-01-10T10:00:00Z'),
  options: { withoutSigningTime?: boolean } = {},
): Promise<Buffer> {
  const pdf = await renderPdf({
    content: [{ text: info['IsmsDocument'] ?? 'Manual', font: 'DejaVu' }],
    defaultStyle: { font: 'DejaVu' },
    info: { title: 'Test', ...info, creationDate: time, modDate: time },
  });
  const opened = readSigningKey(readFileSync(key.file), key.passphrase);
  if (!opened.ok) throw new Error(`test key: ${opened.problem}`);
  if (!options.withoutSigningTime) return signPdf(pdf, opened.key, { reason: 'test', location: 'Test Org', signingTime: time });
  let prepared = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: 'test',
    contactInfo: '',
    name: 'test',
    location: 'Test Org',
    signingTime: time,
    signatureLength: 8000,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'isms',
  });
  const claimed = /\/M \(D:[^)]*\)/.exec(prepared.toString('latin1'))!;
  prepared = Buffer.concat([prepared.subarray(0, claimed.index), Buffer.from(' '.repeat(claimed[0].length)), prepared.subarray(claimed.index + claimed[0].length)]);
  return new SignPdf().sign(prepared, new TestSigner(opened.key), time);
}
