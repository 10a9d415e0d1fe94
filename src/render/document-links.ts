import path from 'node:path';
import type { PublishedDocument } from './publication.js';

/**
 * Where a link written in a published document leads: somewhere outside (a URL with a scheme, which
 * each output vets on its own), a published document (possibly the same one) and a heading of it, or
 * a file that is not a published document (its text stays, unlinked).
 */
export type DocumentLink = { kind: 'external' } | { kind: 'document'; target: PublishedDocument; anchor?: string } | { kind: 'unpublished' };

export type ResolveDocumentLink = (from: PublishedDocument, href: string) => DocumentLink;

/**
 * The resolver of links between the published documents, shared by the site and the PDFs: a path
 * relative to the linking document (`other.md`, `../manual.md#scope`, `#scope`), matched against the
 * documents of the publication only, so a link to a document left out of it is never followed.
 * The anchor is as written (percent-encoding kept).
 */
export function documentLinks(documents: readonly PublishedDocument[]): ResolveDocumentLink {
  const byPath = new Map(documents.map((d) => [d.source.path, d]));
  return (from, href) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return { kind: 'external' };
    const hashAt = href.indexOf('#');
    const rawPath = hashAt === -1 ? href : href.slice(0, hashAt);
    const anchor = hashAt === -1 ? undefined : href.slice(hashAt + 1);
    if (rawPath === '') return { kind: 'document', target: from, ...(anchor !== undefined ? { anchor } : {}) };
    let target: PublishedDocument | undefined;
    try {
      target = byPath.get(path.posix.normalize(path.posix.join(path.posix.dirname(from.source.path), decodeURIComponent(rawPath.replace(/\?.*$/, '')))));
    } catch {
      target = undefined;
    }
    if (!target) return { kind: 'unpublished' };
    return { kind: 'document', target, ...(anchor !== undefined ? { anchor } : {}) };
  };
}
