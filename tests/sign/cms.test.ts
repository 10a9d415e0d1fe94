import { readFileSync, rmSync } from 'node:fs';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { afterAll, describe, expect, it } from 'vitest';
import { AttributeSet, signDetached } from '../../src/sign/cms.js';
import { readSigningKey } from '../../src/sign/signing-key.js';
import { verifyDetached } from '../../src/sign/verify-cms.js';
import { TestPki } from '../helpers/signing-keys.js';

describe('CMS signatures', () => {
  const pki = new TestPki();
  afterAll(() => rmSync(pki.dir, { recursive: true, force: true }));

  it('encodes the signed attributes in DER order, with the ESS signing certificate among them', () => {
    const ca = pki.ca('Test Org Root CA');
    const opened = readSigningKey(readFileSync(pki.signer(ca, 'Publisher', 'pw')), 'pw');
    if (!opened.ok) throw new Error(opened.problem);
    const cms = signDetached(Buffer.from('manifest'), opened.key, { signingTime: new Date('2026-01-10T10:00:00Z') });
    const signed = AsnConvert.parse(AsnConvert.parse(cms, ContentInfo).content, SignedData);
    const attributes = signed.signerInfos[0]!.signedAttrs!;
    expect(attributes.map((a) => a.attrType).sort()).toEqual(['1.2.840.113549.1.9.16.2.47', '1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4', '1.2.840.113549.1.9.5']);
    const encodings = attributes.map((a) => Buffer.from(AsnConvert.serialize(new AttributeSet([a]))).subarray(2));
    const sorted = [...encodings].sort((a, b) =>
      Buffer.compare(Buffer.concat([a, Buffer.alloc(Math.max(0, b.length - a.length))]), Buffer.concat([b, Buffer.alloc(Math.max(0, a.length - b.length))])),
    );
    expect(encodings).toEqual(sorted);
    expect(verifyDetached(cms, Buffer.from('manifest'))).toMatchObject({ problems: [], signingTime: new Date('2026-01-10T10:00:00Z') });
    expect(verifyDetached(cms, Buffer.from('manifesto')).problems).toEqual(['the signed bytes were changed: their digest is not the one that was signed']);
  });
});
