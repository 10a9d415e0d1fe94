import type { X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { BasicConstraints, Certificate, ExtendedKeyUsage, id_ce_basicConstraints, id_ce_extKeyUsage, id_ce_keyUsage, id_kp_emailProtection, KeyUsage, KeyUsageFlags } from '@peculiar/asn1-x509';

/** Key usages that let a key sign documents (X.509 keyUsage bits). */
const SIGNING_USAGES = KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation;

/**
 * Why a certificate may not sign documents, or undefined when it may: it must not be a CA (a CA key
 * signs certificates, and a signature by it could pass for any of them); its keyUsage, when it has
 * one, must allow digitalSignature or nonRepudiation; its extendedKeyUsage, when it has one, must
 * include emailProtection. That is what pdfsig (poppler with NSS, which checks a PDF signer as an
 * e-mail signer) accepts: it refuses codeSigning, documentSigning (1.3.6.1.5.5.7.3.36),
 * anyExtendedKeyUsage and Adobe's 1.2.840.113583.1.1.5 without emailProtection, so isms does too.
 */
export function signerUsageProblem(certificate: X509Certificate): string | undefined {
  let extensions;
  try {
    extensions = AsnConvert.parse(certificate.raw, Certificate).tbsCertificate.extensions ?? [];
  } catch {
    return 'its extensions cannot be read';
  }
  const value = <T>(id: string, type: new () => T): T | undefined | 'unreadable' => {
    const found = extensions.find((extension) => extension.extnID === id);
    if (!found) return undefined;
    try {
      return AsnConvert.parse(found.extnValue.buffer, type);
    } catch {
      return 'unreadable';
    }
  };
  const basic = value(id_ce_basicConstraints, BasicConstraints);
  if (basic === 'unreadable') return 'its basicConstraints cannot be read';
  if (basic?.cA) return 'it is a CA certificate (basicConstraints cA): a CA key signs certificates, not documents; issue a signing certificate with it';
  const usage = value(id_ce_keyUsage, KeyUsage);
  if (usage === 'unreadable') return 'its keyUsage cannot be read';
  if (usage && (usage.toNumber() & SIGNING_USAGES) === 0)
    return `its keyUsage (${usage.toJSON().join(', ') || 'none'}) allows neither digitalSignature nor nonRepudiation: it is not a key for signing`;
  const purposes = value(id_ce_extKeyUsage, ExtendedKeyUsage);
  if (purposes === 'unreadable') return 'its extendedKeyUsage cannot be read';
  if (purposes && !purposes.includes(id_kp_emailProtection)) {
    return `its extendedKeyUsage (${[...purposes].join(', ')}) does not include emailProtection (1.3.6.1.5.5.7.3.4), which PDF readers such as pdfsig require of a document signer`;
  }
  return undefined;
}
