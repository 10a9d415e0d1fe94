import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** A private key and its certificate, read from a PKCS#12 file: what every signature of a build is made with. */
export interface SigningKey {
  privateKey: KeyObject;
  certificate: X509Certificate;
  /** The other certificates of the file (the chain up to the CA), DER. */
  chain: Buffer[];
  /** The digest that goes with the key: SHA-384 for P-384, SHA-256 otherwise. */
  hash: 'sha256' | 'sha384';
}

export type SigningKeyResult = { ok: true; key: SigningKey } | { ok: false; problem: 'not-pkcs12' | 'passphrase' | 'no-key' | 'no-certificate' | 'unsupported-key'; detail?: string };

const binary = (bytes: Buffer) => forge.util.createBuffer(bytes.toString('binary'));
const derOf = (asn1: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');

/** The digest for a key node:crypto can sign with, or why it cannot be used. */
function hashFor(key: KeyObject): { hash: SigningKey['hash'] } | { unsupported: string } {
  if (key.asymmetricKeyType === 'rsa') return { hash: 'sha256' };
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return { hash: 'sha256' };
    if (curve === 'secp384r1') return { hash: 'sha384' };
    return { unsupported: `an EC key on curve ${curve ?? 'unknown'}` };
  }
  return { unsupported: `a key of type ${key.asymmetricKeyType ?? 'unknown'}` };
}

/**
 * Reads a PKCS#12 file with node-forge (its only use here): the private key, the certificate whose
 * public key it is, and the other certificates as the chain. Keys and certificates that forge cannot
 * turn into its own objects (EC keys) are taken as DER and given to node:crypto, which signs.
 */
export function readSigningKey(p12: Buffer, passphrase: string): SigningKeyResult {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(binary(p12));
  } catch {
    return { ok: false, problem: 'not-pkcs12' };
  }
  let store: forge.pkcs12.Pkcs12Pfx;
  try {
    store = forge.pkcs12.pkcs12FromAsn1(asn1, true, passphrase);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    return /MAC could not be verified|Invalid password|decrypt/i.test(message) ? { ok: false, problem: 'passphrase' } : { ok: false, problem: 'not-pkcs12' };
  }
  const bags = [forge.pki.oids['pkcs8ShroudedKeyBag']!, forge.pki.oids['keyBag']!].flatMap((type) => store.getBags({ bagType: type })[type] ?? []);
  const keys: KeyObject[] = [];
  for (const bag of bags) {
    try {
      const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
      if (info) keys.push(createPrivateKey({ key: derOf(info), format: 'der', type: 'pkcs8' }));
    } catch {
      // A bag node:crypto cannot read is no key we can sign with.
    }
  }
  if (keys.length === 0) return { ok: false, problem: bags.length === 0 ? 'no-key' : 'unsupported-key' };
  const certificateType = forge.pki.oids['certBag']!;
  const certificates: X509Certificate[] = [];
  for (const bag of store.getBags({ bagType: certificateType })[certificateType] ?? []) {
    try {
      const der = bag.cert ? derOf(forge.pki.certificateToAsn1(bag.cert)) : bag.asn1 ? derOf(bag.asn1) : undefined;
      if (der) certificates.push(new X509Certificate(der));
    } catch {
      // Not an X.509 certificate: not part of the chain.
    }
  }
  const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });
  for (const privateKey of keys) {
    const publicKey = spki(createPublicKey(privateKey));
    const certificate = certificates.find((c) => spki(c.publicKey).equals(publicKey));
    if (!certificate) continue;
    const hash = hashFor(privateKey);
    if ('unsupported' in hash) return { ok: false, problem: 'unsupported-key', detail: hash.unsupported };
    return { ok: true, key: { privateKey, certificate, chain: certificates.filter((c) => c !== certificate).map((c) => c.raw), hash: hash.hash } };
  }
  return { ok: false, problem: 'no-certificate' };
}
