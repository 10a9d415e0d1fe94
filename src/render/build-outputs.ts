import { slug } from '../scaffold/documents.js';
import { MANIFEST_FILE, manifestFor } from './manifest.js';
import type { Publication } from './publication.js';
import { documentDefinition, manualDefinition } from './pdf/pdf-documents.js';
import { renderPdf } from './pdf/render-pdf.js';
import { renderSite } from './site/render-site.js';
import type { SiteTemplates } from './site/templates.js';

export interface BuildOptions {
  html: boolean;
  pdf: boolean;
  toolVersion: string;
  asOf: string;
  templates: SiteTemplates;
  /** Called before each output is made (progress). */
  onProgress?: (file: string, index: number, total: number) => void;
}

/** The distributable manual's file name: the publication title as a slug. */
export function manualFileName(publication: Publication): string {
  return `${slug(publication.title)}.pdf`;
}

/**
 * Every output file of a build, by path relative to the output folder, plus manifest.json (sha256 of
 * each file, the commit, the build time). Nothing is written here: the caller writes the whole set.
 */
export async function buildOutputs(publication: Publication, order: readonly string[], options: BuildOptions): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const created = new Date(publication.buildTime);
  const manualDocuments = order.length > 0 ? order.flatMap((id) => publication.documents.filter((d) => d.id === id)) : publication.documents;
  const manual = options.pdf && manualDocuments.length > 0 ? manualFileName(publication) : undefined;
  const pdfJobs = options.pdf ? [...publication.documents.map((doc) => ({ file: doc.pdf, make: () => renderPdf(documentDefinition(publication, doc, created)) })), ...(manual ? [{ file: manual, make: () => renderPdf(manualDefinition(publication, manualDocuments, created)) }] : [])] : [];
  const total = (options.html ? 1 : 0) + pdfJobs.length;
  let done = 0;
  if (options.html) {
    options.onProgress?.('site', ++done, total);
    const pages = renderSite(publication, options.templates, { toolVersion: options.toolVersion, pdf: options.pdf, ...(manual ? { manualPdf: manual } : {}), asOf: options.asOf });
    for (const [file, html] of pages) files.set(file, Buffer.from(html, 'utf8'));
  }
  for (const job of pdfJobs) {
    options.onProgress?.(job.file, ++done, total);
    files.set(job.file, await job.make());
  }
  files.set(MANIFEST_FILE, manifestFor(files, { toolVersion: options.toolVersion, commit: publication.commit, buildTime: publication.buildTime }));
  return files;
}
