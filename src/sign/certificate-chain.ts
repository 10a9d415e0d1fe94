import { X509Certificate } from 'node:crypto';
import { dateText, nameLine, validityOf } from './certificate-facts.js';
import { signerUsageProblem } from './certificate-usage.js';

/** How a signer's certificate stands: who, valid when it signed, and whether it leads to a trusted CA. */
export interface CertificateCheck {
  subject: string;
  issuer: string;
  serial: string;
  validFrom: string;
  validTo: string;
  /** Valid at the claimed signing time; undefined when no time is claimed. */
  validAtSigningTime?: boolean;
  /** Valid at the time of verifying: without a trusted timestamp, the claimed signing time proves nothing. */
  validNow: boolean;
  /** `not-checked`: no --ca was given, so whose key it is was not checked at all. */
  chain: 'trusted' | 'untrusted' | 'not-checked';
  /** The certificates from the signer to the trust anchor, as one-line subjects. */
  path: string[];
  problems: string[];
}

const MAX_CHAIN = 8;

const issuedBy = (child: X509Certificate, parent: X509Certificate) => {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
};

/** Valid at that time; never when a date cannot be read (NaN compares false). */
const validAt = (certificate: X509Certificate, at: Date) => {
  const { from, to } = validityOf(certificate);
  return from.getTime() <= at.getTime() && at.getTime() <= to.getTime();
};

/**
 * Judges a signer's certificate: that it may sign documents (signerUsageProblem), its validity now and at the signing time, and a chain from it
 * through the certificates the signature carries (each a CA, each signed by the next) to one of
 * `anchors` (the --ca file). Without anchors the chain is not checked: a certificate anyone can make
 * proves nothing. The signing time is the signer's claim (there is no trusted timestamp), so a
 * certificate that is not valid now fails whatever time the signature claims: otherwise a key
 * stolen after its certificate expired could sign with a date inside its life.
 */
export function checkCertificate(
  signer: X509Certificate,
  carried: readonly X509Certificate[],
  anchors: readonly X509Certificate[] | undefined,
  at: Date | undefined,
  now: Date = new Date(),
): CertificateCheck {
  const check: CertificateCheck = {
    subject: nameLine(signer.subject),
    issuer: nameLine(signer.issuer),
    serial: signer.serialNumber,
    validFrom: dateText(validityOf(signer).from, signer.validFrom),
    validTo: dateText(validityOf(signer).to, signer.validTo),
    validNow: validAt(signer, now),
    chain: 'not-checked',
    path: [nameLine(signer.subject)],
    problems: [],
  };
  const usage = signerUsageProblem(signer);
  if (usage) check.problems.push(`the certificate may not sign documents: ${usage}`);
  if (!check.validNow) {
    check.problems.push(
      `the certificate is not valid now (${now.toISOString()}; valid ${check.validFrom} to ${check.validTo}): without a trusted timestamp, the time a signature claims proves nothing, so an expired or not yet valid certificate verifies nothing`,
    );
  }
  if (at) {
    check.validAtSigningTime = validAt(signer, at);
    if (!check.validAtSigningTime) check.problems.push(`the certificate was not valid when it signed (${at.toISOString()}; valid ${check.validFrom} to ${check.validTo})`);
  }
  if (!anchors) return check;
  const path = [signer];
  for (let current = signer; path.length <= MAX_CHAIN;) {
    const anchor = anchors.find((a) => a.fingerprint256 === current.fingerprint256) ?? anchors.find((a) => issuedBy(current, a));
    if (anchor) {
      if (anchor.fingerprint256 !== current.fingerprint256) path.push(anchor);
      check.chain = 'trusted';
      break;
    }
    const next = carried.find((c) => !path.some((p) => p.fingerprint256 === c.fingerprint256) && c.ca && issuedBy(current, c));
    if (!next) break;
    path.push(next);
    current = next;
  }
  check.path = path.map((c) => nameLine(c.subject));
  if (check.chain !== 'trusted') {
    check.chain = 'untrusted';
    check.problems.push('the certificate does not lead to a CA of --ca: whoever signed, it was not a key that CA vouches for');
    return check;
  }
  for (const certificate of path.slice(1)) {
    if (!validAt(certificate, now)) check.problems.push(`${nameLine(certificate.subject)}, on the way to the CA, is not valid now (${now.toISOString()})`);
    if (at && !validAt(certificate, at)) check.problems.push(`${nameLine(certificate.subject)}, on the way to the CA, was not valid when it signed (${at.toISOString()})`);
  }
  return check;
}

/** The certificates of a PEM file (one or a bundle); none when it holds none that can be read. */
export function readPemCertificates(text: string): X509Certificate[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const certificates: X509Certificate[] = [];
  for (const block of blocks) {
    try {
      certificates.push(new X509Certificate(block));
    } catch {
      // Skipped: a block that is no certificate makes the file unusable only when none is left.
    }
  }
  return certificates.length === blocks.length ? certificates : [];
}
