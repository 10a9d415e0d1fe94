import { createHash, verify, X509Certificate } from 'node:crypto';
import { ContentInfo, SignedData, id_contentType, id_data, id_messageDigest, id_signedData, id_signingTime, SigningTime, type SignerInfo } from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { type Certificate, SubjectKeyIdentifier, id_ce_subjectKeyIdentifier } from '@peculiar/asn1-x509';
import { fromBER, ObjectIdentifier } from 'asn1js';
import { OID } from './cms.js';
import { SigningCertificateV2, id_signingCertificateV2 } from './ess.js';

/** What a detached CMS signature says of some bytes: who signed, when they say, and what is wrong. */
export interface CmsCheck {
  /** The signer's certificate, when the signature carries it. */
  signer?: X509Certificate;
  /** Every certificate the signature carries (intermediates for the chain). */
  certificates: X509Certificate[];
  /** The signing-time attribute, when there is one (PAdES signatures have none: the PDF's /M says it). */
  signingTime?: Date;
  /** The digest algorithm, as node:crypto names it. */
  digest?: string;
  /** What fails: unreadable structure, a digest that does not match the content, a bad signature. Empty: the bytes are as signed. */
  problems: string[];
}

const DIGESTS: Record<string, string> = { [OID.sha1]: 'sha1', [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };
/** Signature algorithms and the digest they name (undefined: the SignerInfo's digest algorithm). */
const SIGNATURES: Record<string, string | undefined> = {
  [OID.rsaEncryption]: undefined,
  [OID.ecPublicKey]: undefined,
  [OID.sha256WithRSA]: 'sha256',
  [OID.sha384WithRSA]: 'sha384',
  [OID.sha512WithRSA]: 'sha512',
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
};

/** Bytes of what the schema parser gives: an ArrayBuffer, a view, or an OctetString (which only looks like a view). */
const bytes = (value: ArrayBuffer | ArrayBufferView | OctetString) =>
  value instanceof OctetString ? Buffer.from(value.buffer) : ArrayBuffer.isView(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : Buffer.from(value);
const der = (value: unknown) => Buffer.from(AsnConvert.serialize(value));

/** A DER value followed by padding (a PDF's /Contents is zero-filled): the value alone. */
function firstValue(data: Buffer): Buffer | undefined {
  const parsed = fromBER(new Uint8Array(data));
  return parsed.offset > 0 ? data.subarray(0, parsed.offset) : undefined;
}

/**
 * The signed attributes of the first SignerInfo exactly as encoded (the schema parser keeps no raw
 * bytes of a repeated field): SignedData's last field is the SignerInfos, whose [0] is the attributes.
 */
function rawSignedAttributes(signedData: ArrayBuffer): Buffer | undefined {
  const fields = (value: unknown) => ((value as { valueBlock?: { value?: unknown } })?.valueBlock?.value as unknown[] | undefined) ?? [];
  const signerInfo = fields(fields(fromBER(signedData).result).at(-1))[0];
  const attributes = fields(signerInfo).find((field) => {
    const id = (field as { idBlock?: { tagClass?: number; tagNumber?: number } }).idBlock;
    return id?.tagClass === 3 && id.tagNumber === 0;
  }) as { valueBeforeDecodeView?: Uint8Array } | undefined;
  return attributes?.valueBeforeDecodeView ? Buffer.from(attributes.valueBeforeDecodeView) : undefined;
}

function attributeValue(info: SignerInfo, type: string): ArrayBuffer | undefined {
  const found = info.signedAttrs?.filter((a) => a.attrType === type) ?? [];
  return found.length === 1 && found[0]!.attrValues.length === 1 ? found[0]!.attrValues[0] : undefined;
}

/** The carried certificate the SignerInfo names, by issuer and serial number or by subject key identifier. */
function signerCertificate(info: SignerInfo, carried: ReadonlyArray<{ x509: X509Certificate; asn: Certificate }>): X509Certificate | undefined {
  const byIssuer = info.sid.issuerAndSerialNumber;
  if (byIssuer) {
    const issuer = der(byIssuer.issuer);
    const serial = bytes(byIssuer.serialNumber);
    return carried.find((c) => der(c.asn.tbsCertificate.issuer).equals(issuer) && bytes(c.asn.tbsCertificate.serialNumber).equals(serial))?.x509;
  }
  const keyId = info.sid.subjectKeyIdentifier;
  if (!keyId) return undefined;
  return carried.find((c) => {
    const extension = c.asn.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_subjectKeyIdentifier);
    if (!extension) return false;
    try {
      return bytes(AsnConvert.parse(extension.extnValue.buffer, SubjectKeyIdentifier)).equals(bytes(keyId));
    } catch {
      return false;
    }
  })?.x509;
}

/** The ESS signingCertificateV2 check: the signed attribute names the certificate that signed. */
function essProblem(info: SignerInfo, signer: X509Certificate): string | undefined {
  const value = attributeValue(info, id_signingCertificateV2);
  if (!value) return undefined;
  try {
    const first = AsnConvert.parse(value, SigningCertificateV2).certs[0];
    if (!first) return 'its signing-certificate attribute is empty';
    const algorithm = first.hashAlgorithm ? DIGESTS[first.hashAlgorithm.algorithm] : 'sha256';
    if (!algorithm) return 'its signing-certificate attribute uses a digest isms does not know';
    return createHash(algorithm).update(signer.raw).digest().equals(bytes(first.certHash)) ? undefined : 'its signing-certificate attribute names another certificate than the one that signed';
  } catch {
    return 'its signing-certificate attribute cannot be read';
  }
}

/**
 * Checks a detached CMS SignedData against the bytes it claims to sign: one signer, the digest of
 * the content equal to the signed messageDigest, the contentType attribute, the signature over the
 * signed attributes (as the SET the signer signed) with the signer certificate's key, and the ESS
 * signing-certificate attribute when present. The certificate's trust is judged elsewhere.
 */
export function verifyDetached(signature: Buffer, content: Buffer): CmsCheck {
  const check: CmsCheck = { certificates: [], problems: [] };
  let signed: SignedData;
  let signedAttributes: Buffer | undefined;
  try {
    const value = firstValue(signature);
    if (!value) throw new Error('empty');
    const info = AsnConvert.parse(value, ContentInfo);
    if (info.contentType !== id_signedData) throw new Error('not signed data');
    signed = AsnConvert.parse(info.content, SignedData);
    signedAttributes = rawSignedAttributes(info.content);
  } catch {
    check.problems.push('the signature is not a CMS SignedData that can be read');
    return check;
  }
  const carried: Array<{ x509: X509Certificate; asn: Certificate }> = [];
  for (const choice of signed.certificates ?? []) {
    if (!choice.certificate) continue;
    try {
      const raw = der(choice.certificate);
      carried.push({ x509: new X509Certificate(raw), asn: choice.certificate });
    } catch {
      check.problems.push('it carries a certificate that cannot be read');
    }
  }
  check.certificates = carried.map((c) => c.x509);
  if (signed.signerInfos.length !== 1) {
    check.problems.push(`it has ${signed.signerInfos.length} signers; isms reads signatures of exactly one`);
    return check;
  }
  const info = signed.signerInfos[0]!;
  if (signed.encapContentInfo.eContent) check.problems.push('it is not detached: it carries content of its own');
  const digest = DIGESTS[info.digestAlgorithm.algorithm];
  if (!digest) {
    check.problems.push(`its digest algorithm ${info.digestAlgorithm.algorithm} is not one isms checks`);
    return check;
  }
  check.digest = digest;
  const signer = signerCertificate(info, carried);
  if (!signer) {
    check.problems.push("it does not carry the signer's certificate");
    return check;
  }
  check.signer = signer;
  let data = content;
  if (info.signedAttrs) {
    const messageDigest = attributeValue(info, id_messageDigest);
    const contentType = attributeValue(info, id_contentType);
    const time = attributeValue(info, id_signingTime);
    try {
      if (!messageDigest || !bytes(AsnConvert.parse(messageDigest, OctetString)).equals(createHash(digest).update(content).digest())) {
        check.problems.push('the signed bytes were changed: their digest is not the one that was signed');
      }
    } catch {
      check.problems.push('its message digest cannot be read');
    }
    const type = contentType ? fromBER(contentType).result : undefined;
    if (!(type instanceof ObjectIdentifier) || type.getValue() !== (signed.encapContentInfo.eContentType || id_data)) check.problems.push('its content-type attribute is missing or wrong');
    if (time) {
      try {
        const date = AsnConvert.parse(time, SigningTime).getTime();
        if (Number.isNaN(date.getTime())) throw new Error('not a date');
        check.signingTime = date;
      } catch {
        check.problems.push('its signing time cannot be read');
      }
    }
    const ess = essProblem(info, signer);
    if (ess) check.problems.push(ess);
    // RFC 5652 5.4: the signature covers the attributes with the SET OF tag, not the [0] they are stored under.
    if (!signedAttributes) {
      check.problems.push('its signed attributes cannot be read');
      return check;
    }
    data = signedAttributes;
    data[0] = 0x31;
  }
  const algorithm = info.signatureAlgorithm.algorithm;
  if (!(algorithm in SIGNATURES)) {
    check.problems.push(`its signature algorithm ${algorithm} is not one isms checks`);
    return check;
  }
  let valid = false;
  try {
    valid = verify(SIGNATURES[algorithm] ?? digest, data, { key: signer.publicKey, dsaEncoding: 'der' }, bytes(info.signature));
  } catch {
    valid = false;
  }
  if (!valid) check.problems.push("the signature does not match the signer's certificate");
  return check;
}
