import { createHash, sign } from 'node:crypto';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  CMSVersion,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
  SigningTime,
  id_contentType,
  id_data,
  id_messageDigest,
  id_signedData,
  id_signingTime,
} from '@peculiar/asn1-cms';
import { AsnArray, AsnConvert, AsnType, AsnTypeTypes, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Certificate, GeneralName, GeneralNames } from '@peculiar/asn1-x509';
import { IssuerSerial } from '@peculiar/asn1-x509-attr';
import { Null, ObjectIdentifier } from 'asn1js';
import { EssCertIdV2, EssCertIdV2List, SigningCertificateV2, id_signingCertificateV2 } from './ess.js';
import type { SigningKey } from './signing-key.js';

/** Algorithm identifiers a signature of isms uses, and those a verifier meets in signatures of others. */
export const OID = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
} as const;

/** SET OF Attribute, for the bytes that are signed (RFC 5652 5.4: the signed attributes with a SET tag). */
export class AttributeSet extends AsnArray<Attribute> {
  constructor(items?: Attribute[]) {
    super(items);
    Object.setPrototypeOf(this, AttributeSet.prototype);
  }
}
AsnType({ type: AsnTypeTypes.Set, itemType: Attribute })(AttributeSet);

const der = (value: unknown) => Buffer.from(AsnConvert.serialize(value));

/**
 * Orders the members of a SET OF as DER requires (X.690 11.6): by their encodings, the shorter
 * padded with zero octets. The signed attributes must be DER (RFC 5652 5.3), and a verifier that
 * re-encodes them before checking the signature gets these bytes only in this order.
 */
function derSetOrder<T>(items: readonly T[]): T[] {
  const encoded = items.map((item) => ({ item, bytes: der(item) }));
  encoded.sort((a, b) => {
    const length = Math.max(a.bytes.length, b.bytes.length);
    return Buffer.compare(Buffer.concat([a.bytes, Buffer.alloc(length - a.bytes.length)]), Buffer.concat([b.bytes, Buffer.alloc(length - b.bytes.length)]));
  });
  return encoded.map((entry) => entry.item);
}

const attribute = (type: string, value: ArrayBuffer) => new Attribute({ attrType: type, attrValues: [value] });

export interface SignOptions {
  /**
   * The signing-time attribute. CAdES signatures of files (the manifest) carry it; PAdES signatures
   * of PDFs must not (ETSI EN 319 142-1: the time is the signature dictionary's /M).
   */
  signingTime?: Date;
}

/**
 * A detached CMS SignedData (RFC 5652) over `content`, as CAdES-BES needs it: signed attributes
 * contentType, messageDigest, (signingTime) and ESS signingCertificateV2 (RFC 5035, binding the
 * signer's certificate), the certificate and the chain of the key, signed with node:crypto (RSA
 * PKCS#1 v1.5, or ECDSA). RSA signatures are deterministic, so the same input gives the same bytes;
 * ECDSA signatures are not (node:crypto draws a random nonce).
 */
export function signDetached(content: Buffer, key: SigningKey, options: SignOptions = {}): Buffer {
  const certificate = AsnConvert.parse(key.certificate.raw, Certificate);
  const chain = key.chain.map((raw) => AsnConvert.parse(raw, Certificate));
  const digestAlgorithm = new AlgorithmIdentifier({ algorithm: OID[key.hash] });
  const { issuer, serialNumber } = certificate.tbsCertificate;
  const essCertId = new EssCertIdV2({
    certHash: new OctetString(createHash('sha256').update(key.certificate.raw).digest()),
    issuerSerial: new IssuerSerial({ issuer: new GeneralNames([new GeneralName({ directoryName: issuer })]), serial: serialNumber }),
  });
  const attributes = derSetOrder([
    attribute(id_contentType, new ObjectIdentifier({ value: id_data }).toBER()),
    attribute(id_messageDigest, AsnConvert.serialize(new OctetString(createHash(key.hash).update(content).digest()))),
    ...(options.signingTime ? [attribute(id_signingTime, AsnConvert.serialize(new SigningTime(options.signingTime)))] : []),
    attribute(id_signingCertificateV2, AsnConvert.serialize(new SigningCertificateV2({ certs: new EssCertIdV2List([essCertId]) }))),
  ]);
  const signature = sign(key.hash, der(new AttributeSet(attributes)), { key: key.privateKey, dsaEncoding: 'der' });
  const ec = key.privateKey.asymmetricKeyType === 'ec';
  const signatureAlgorithm = ec
    ? new AlgorithmIdentifier({ algorithm: key.hash === 'sha384' ? OID.ecdsaWithSha384 : OID.ecdsaWithSha256 })
    : new AlgorithmIdentifier({ algorithm: OID.rsaEncryption, parameters: new Null().toBER() });
  const signerInfo = new SignerInfo({
    version: CMSVersion.v1,
    sid: new SignerIdentifier({ issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer, serialNumber }) }),
    digestAlgorithm,
    signedAttrs: attributes,
    signatureAlgorithm,
    signature: new OctetString(signature),
  });
  const signedData = new SignedData({
    version: CMSVersion.v1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([digestAlgorithm]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_data }),
    certificates: new CertificateSet(derSetOrder([certificate, ...chain].map((c) => new CertificateChoices({ certificate: c })))),
    signerInfos: new SignerInfos([signerInfo]),
  });
  return der(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) }));
}
