import type { PublicationSigner } from '../render/build-outputs.js';
import type { Publication, PublishedDocument } from '../render/publication.js';
import { signDetached } from './cms.js';
import { signPdf } from './pdf-sign.js';
import type { SigningKey } from './signing-key.js';

/**
 * A signer for one build: every signature made with one key, at one time (the build time, which
 * under --release is the commit's, so that signing keeps a release reproducible with an RSA key),
 * with the organisation as the location.
 */
export function publicationSigner(key: SigningKey, build: { location: string; time: Date }): PublicationSigner {
  const sign = (pdf: Buffer, reason: string) => signPdf(pdf, key, { reason, location: build.location, signingTime: build.time });
  return {
    async pdfs(files, publication, manual) {
      for (const doc of publication.documents) {
        const pdf = files.get(doc.pdf);
        if (pdf) files.set(doc.pdf, await sign(pdf, documentReason(doc)));
      }
      const manualPdf = manual ? files.get(manual) : undefined;
      if (manual && manualPdf) files.set(manual, await sign(manualPdf, manualReason(publication)));
    },
    manifest: (manifest) => signDetached(manifest, key, { signingTime: build.time }),
  };
}

/** What a document's signature says it is signed as: approved, retired, or a draft. */
export function documentReason(doc: PublishedDocument): string {
  if (doc.status === 'retired') return `Retired ${doc.id} ${doc.version}, obsolete`;
  if (doc.validlyApproved) return `Approved ${doc.id} ${doc.version}`;
  return `Draft ${doc.id} ${doc.version}, not approved`;
}

/** What the manual's signature says: its title and the commit it was built from. */
export function manualReason(publication: Publication): string {
  return `${publication.title}, built from ${publication.commit ? publication.commit.slice(0, 7) : 'files not in git'}`;
}
