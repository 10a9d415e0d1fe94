import { slug } from '../scaffold/documents.js';
import { MANIFEST_FILE, MANIFEST_SIGNATURE, manifestFor } from './manifest.js';
import type { Publication } from './publication.js';
import { documentDefinition, manualDefinition } from './pdf/pdf-documents.js';
import { renderPdf } from './pdf/render-pdf.js';
import { renderFailure, type RenderFailure } from './render-failure.js';
import { renderSite, type SiteOptions } from './site/render-site.js';
import type { ChangeReport } from '../changes/changes.js';
import { toCsv } from '../export/csv.js';
import type { ExportTable } from '../export/export-table.js';
import { toXlsx } from '../export/xlsx.js';
import type { SiteTemplates } from './site/templates.js';

/**
 * Signs what a build made: the PDFs, each with a reason of its own, then the manifest. Rendering
 * names what it needs here; src/sign/sign-publication.ts provides it.
 */
export interface PublicationSigner {
  /** Signs, in place, each document's PDF among `files` and the manual. */
  pdfs(files: Map<string, Buffer>, publication: Publication, manual: string | undefined): Promise<void>;
  /** manifest.json.sig: a detached DER CMS (CAdES-BES) of the manifest's exact bytes. */
  manifest(manifest: Buffer): Buffer;
}

export interface BuildOptions {
  html: boolean;
  pdf: boolean;
  toolVersion: string;
  asOf: string;
  templates: SiteTemplates;
  /** Called before each output is made (progress). */
  onProgress?: (file: string, index: number, total: number) => void;
  /** Signs the PDFs once rendered, then the manifest (which lists the signed PDFs). */
  signer?: PublicationSigner;
  /** With html: the Changes page (what changed in the window before the build, for this audience). */
  changes?: { report: ChangeReport; window: string };
  /** With html: the exports this audience may read, written to exports/ as xlsx and CSV and linked from the register. */
  exports?: ExportTable[];
}

/** Where a build writes the exports, relative to the output folder. */
export const EXPORTS_FOLDER = 'exports';

const EXPORT_LABELS: Record<ExportTable['kind'], string> = { soa: 'Statement of Applicability', register: 'Master list of documented information', risks: 'Risk register' };

/** The exports' files (xlsx dated with the build time, so a release gives the same bytes) and the register's links to them. */
function exportFiles(tables: readonly ExportTable[], created: Date, toolVersion: string): { files: Map<string, Buffer>; links: NonNullable<SiteOptions['exports']> } {
  const files = new Map<string, Buffer>();
  const links: NonNullable<SiteOptions['exports']> = [];
  for (const table of tables) {
    const xlsx = `${EXPORTS_FOLDER}/${table.kind}.xlsx`;
    const csv = `${EXPORTS_FOLDER}/${table.kind}.csv`;
    files.set(xlsx, toXlsx(table, { time: created, toolVersion }));
    files.set(csv, Buffer.from(toCsv(table), 'utf8'));
    links.push({
      title: EXPORT_LABELS[table.kind],
      files: [
        { format: 'xlsx', file: xlsx },
        { format: 'csv', file: csv },
      ],
    });
  }
  return { files, links };
}

export interface BuildResult {
  /** Every output file by path relative to the output folder, manifest.json included. */
  files: Map<string, Buffer>;
  /**
   * Documents that could not be rendered into an output. Each is rendered alone, so one failure
   * leaves the others as they are: that document's page and PDF say it could not be rendered, and
   * the manual has a section saying so in its place.
   */
  failures: RenderFailure[];
}

/** The distributable manual's file name: the publication title as a slug. */
export function manualFileName(publication: Publication): string {
  return `${slug(publication.title)}.pdf`;
}

/**
 * Every output file of a build, plus manifest.json (sha256 of each file, the commit, the build
 * time, the audience, the documents published and those left out), and the documents that could
 * not be rendered. With a signer, the PDFs are signed after they are all rendered (so unsigned
 * output stays as it was), the manifest is made of the signed files, and manifest.json.sig signs
 * it. Nothing is written here: the caller writes the whole set, or nothing.
 */
export async function buildOutputs(publication: Publication, options: BuildOptions): Promise<BuildResult> {
  const files = new Map<string, Buffer>();
  const failures: RenderFailure[] = [];
  const created = new Date(publication.buildTime);
  const manualDocuments = publication.manual;
  const manual = options.pdf && manualDocuments.length > 0 ? manualFileName(publication) : undefined;
  const total = (options.html ? 1 : 0) + (options.pdf ? publication.documents.length : 0) + (manual ? 1 : 0);
  let done = 0;
  if (options.html) {
    options.onProgress?.('site', ++done, total);
    const exported = exportFiles(options.exports ?? [], created, options.toolVersion);
    for (const [file, bytes] of exported.files) files.set(file, bytes);
    const site = renderSite(publication, options.templates, {
      toolVersion: options.toolVersion,
      pdf: options.pdf,
      ...(manual ? { manualPdf: manual } : {}),
      asOf: options.asOf,
      ...(options.changes ? { changes: options.changes } : {}),
      exports: exported.links,
    });
    for (const [file, html] of site.pages) files.set(file, Buffer.from(html, 'utf8'));
    failures.push(...site.failures);
  }
  const failedPdfs = new Map<string, RenderFailure>();
  if (options.pdf) {
    for (const doc of publication.documents) {
      options.onProgress?.(doc.pdf, ++done, total);
      try {
        files.set(doc.pdf, await renderPdf(documentDefinition(publication, doc, created)));
      } catch (error) {
        const failure = renderFailure(doc, doc.pdf, error);
        failures.push(failure);
        failedPdfs.set(doc.id, failure);
        files.set(doc.pdf, await renderPdf(documentDefinition(publication, doc, created, failure)));
      }
    }
  }
  if (manual) {
    options.onProgress?.(manual, ++done, total);
    files.set(manual, await renderPdf(manualDefinition(publication, manualDocuments, created, failedPdfs)));
  }
  if (options.signer) await options.signer.pdfs(files, publication, manual);
  const manifest = manifestFor(files, publication, { toolVersion: options.toolVersion, html: options.html, pdf: options.pdf });
  files.set(MANIFEST_FILE, manifest);
  if (options.signer) files.set(MANIFEST_SIGNATURE, options.signer.manifest(manifest));
  return { files, failures };
}
