import path from 'node:path';
import { documentLinks } from '../document-links.js';
import type { PublishedDocument } from '../publication.js';
import { bodyOf } from '../site/render-site.js';
import { anchorsOf } from './markdown-to-pdf.js';
import type { PdfLink } from './pdf-content.js';

const EXTERNAL = /^(https?:|mailto:)/i;

/** The destination of a document's title in a PDF that holds it (the manual's contents lead there too). */
export const titleDestination = (doc: PublishedDocument): string => doc.id;
/** The destination of a heading of a document, by the id the site gives it (`DOC-A5:scope`). */
export const headingDestination = (doc: PublishedDocument, slug: string): string => `${doc.id}:${slug}`;

const anchorCache = new WeakMap<PublishedDocument, ReadonlySet<string>>();

/** The anchors a link to a document may name: the ids of its headings (none for a YAML document, or one that cannot be parsed). */
function anchors(doc: PublishedDocument): ReadonlySet<string> {
  let found = anchorCache.get(doc);
  if (!found) {
    try {
      found = doc.source.text && doc.source.format === 'markdown' ? anchorsOf(bodyOf(doc.source.text)) : new Set();
    } catch {
      // That document's own rendering reports why; a link to it still leads to its title.
      found = new Set();
    }
    anchorCache.set(doc, found);
  }
  return found;
}

/** The heading an anchor names (as GitHub and the site match them, case aside), if the document has it. */
function headingOf(doc: PublishedDocument, anchor: string | undefined): string | undefined {
  if (!anchor) return undefined;
  let slug: string;
  try {
    slug = decodeURIComponent(anchor).toLowerCase();
  } catch {
    return undefined;
  }
  return anchors(doc).has(slug) ? slug : undefined;
}

export interface PdfLinks {
  /** Where a link written in `from` leads in this PDF. */
  href(from: PublishedDocument, href: string): PdfLink | undefined;
  /** Where a document named by its id (an SoA's documents) leads in this PDF. */
  id(id: string): PdfLink | undefined;
}

/**
 * Links of one PDF, resolved as the site resolves them:
 * - web and mail links as they are (no other scheme is ever a link);
 * - to a document laid out in this PDF: to the heading the anchor names, else to its title;
 * - to another published document: in a document's own PDF, to that document's PDF next to it
 *   (`DOC-X.pdf`, relative, as the site publishes them side by side); in the manual (handed out as
 *   one file), plain text;
 * - to anything not published (a file, a document left out of the publication): plain text.
 */
export function pdfLinks(documents: readonly PublishedDocument[], here: { holds: readonly PublishedDocument[]; file?: string }): PdfLinks {
  const resolve = documentLinks(documents);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const holds = new Set(here.holds);
  const document = (target: PublishedDocument, anchor?: string): PdfLink | undefined => {
    if (holds.has(target)) {
      const heading = headingOf(target, anchor);
      return { linkToDestination: heading ? headingDestination(target, heading) : titleDestination(target) };
    }
    return here.file ? { link: path.posix.relative(path.posix.dirname(here.file), target.pdf) } : undefined;
  };
  return {
    href(from, href) {
      const link = resolve(from, href);
      if (link.kind === 'external') return EXTERNAL.test(href) ? { link: href } : undefined;
      return link.kind === 'document' ? document(link.target, link.anchor) : undefined;
    },
    id(id) {
      const target = byId.get(id);
      return target ? document(target) : undefined;
    },
  };
}
