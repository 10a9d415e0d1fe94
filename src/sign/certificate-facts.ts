import type { X509Certificate } from 'node:crypto';

/** When a certificate is valid: notBefore and notAfter as dates (an Invalid Date when a hostile certificate's cannot be read). */
export function validityOf(certificate: X509Certificate): { from: Date; to: Date } {
  return { from: new Date(certificate.validFrom), to: new Date(certificate.validTo) };
}

/** A date for reports: ISO 8601, or the certificate's own text when it is no date. */
export function dateText(date: Date, raw: string): string {
  return Number.isNaN(date.getTime()) ? raw : date.toISOString();
}

/** A distinguished name as one line (`CN=..., O=...`), most specific first, as pdfsig and OpenSSL print it. */
export function nameLine(name: string): string {
  return name.split('\n').reverse().join(', ');
}

/** The certificate's common name, or its whole subject on one line when it has none. */
export function commonName(certificate: X509Certificate): string {
  const cn = certificate.subject.split('\n').find((line) => line.startsWith('CN='));
  return cn ? cn.slice(3) : nameLine(certificate.subject);
}
