import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { commonName } from './certificate-facts.js';
import { signDetached } from './cms.js';
import type { SigningKey } from './signing-key.js';

/** What a PDF signature says besides the signature: shown by PDF readers in the signature panel. */
export interface PdfSignatureFields {
  reason: string;
  location: string;
  /** The claimed signing time, the signature dictionary's /M (PAdES puts it there, not in the CMS). */
  signingTime: Date;
}

/** The signer for @signpdf: the CMS of this module over the bytes the byte range covers. */
class CmsSigner extends Signer {
  constructor(private readonly key: SigningKey) {
    super();
  }

  override async sign(pdf: Buffer): Promise<Buffer> {
    return signDetached(pdf, this.key);
  }
}

/**
 * The placeholder writes its strings as UTF-8 where it means bytes, which garbles any text beyond
 * ASCII in the signature panel: accents are taken off and anything else becomes "?". What the
 * signature proves is in the certificate and the signed document, not in these fields.
 */
export function panelText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** Room for the CMS in the placeholder: measured once per key (RSA signatures have one size; ECDSA's vary by a few bytes). */
const measured = new WeakMap<SigningKey, number>();
function signatureLength(key: SigningKey): number {
  let length = measured.get(key);
  if (length === undefined) {
    length = signDetached(Buffer.alloc(0), key).length + 64;
    measured.set(key, length);
  }
  return length;
}

/**
 * Signs a rendered PDF: an incremental update adds an invisible signature field whose value is an
 * `ETSI.CAdES.detached` signature (PAdES baseline B) over every byte but the signature itself, so
 * the rendered bytes stay as they were and the signature ends the file.
 */
export async function signPdf(pdf: Buffer, key: SigningKey, fields: PdfSignatureFields): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: panelText(fields.reason),
    contactInfo: '',
    name: panelText(commonName(key.certificate)),
    location: panelText(fields.location),
    signingTime: fields.signingTime,
    signatureLength: signatureLength(key),
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'isms',
  });
  return new SignPdf().sign(withPlaceholder, new CmsSigner(key), fields.signingTime);
}
