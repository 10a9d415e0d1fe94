import { bodyOf } from '../site/render-site.js';
import { levelColour } from '../html/heat-map.js';
import type { Publication, PublishedDocument, RiskView } from '../publication.js';
import { failureSentence, type RenderFailure } from '../render-failure.js';
import { boundText } from './bounded-text.js';
import { markdownToPdf, type PdfContent } from './markdown-to-pdf.js';

export const STYLES: Record<string, Record<string, unknown>> = {
  coverOrg: { fontSize: 16, color: '#5b6478', margin: [0, 180, 0, 8] },
  coverTitle: { fontSize: 28, bold: true, margin: [0, 0, 0, 16] },
  coverLine: { fontSize: 12, margin: [0, 0, 0, 4] },
  title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 10, color: '#5b6478', margin: [0, 0, 0, 12] },
  h1: { fontSize: 16, bold: true, margin: [0, 14, 0, 6] },
  h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
  h3: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
  h4: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
  p: { margin: [0, 0, 0, 6] },
  list: { margin: [0, 0, 0, 6] },
  table: { margin: [0, 2, 0, 10], fontSize: 8.5 },
  th: { bold: true, fillColor: '#eef1f6' },
  td: {},
  small: { fontSize: 8, color: '#5b6478' },
  draft: { fontSize: 10, bold: true, color: '#b23a48', margin: [0, 0, 0, 8] },
  running: { fontSize: 8, color: '#5b6478' },
};

const DRAFT_WATERMARK = { text: 'DRAFT', color: '#b23a48', opacity: 0.12, bold: true, fontSize: 110, angle: -45 };
const OBSOLETE_WATERMARK = { text: 'OBSOLETE', color: '#5b6478', opacity: 0.14, bold: true, fontSize: 90, angle: -45 };

/** The running header: organisation, document id and title (the manual's sections each carry their own). */
export function runningHeader(organization: string, doc: PublishedDocument) {
  return () => ({ columns: [{ text: organization, style: 'running' }, { text: `${doc.id} ${doc.title}`, style: 'running', alignment: 'right' }], margin: [40, 20, 40, 0] });
}

/** The footer: version, classification, and "Page X of Y". */
export function footer(doc: PublishedDocument) {
  return (page: number, pages: number) => ({
    columns: [{ text: `Version ${doc.version} · ${doc.status} · ${doc.classification.toUpperCase()}`, style: 'running' }, { text: `Page ${page} of ${pages}`, style: 'running', alignment: 'right' }],
    margin: [40, 10, 40, 0],
  });
}

/** OBSOLETE across a retired document, DRAFT across one that is not validly approved, nothing on the rest. */
export function watermarkOf(doc: PublishedDocument) {
  if (doc.retired) return OBSOLETE_WATERMARK;
  return doc.validlyApproved ? undefined : DRAFT_WATERMARK;
}

/** The line under a document's title that says it is not in force, if it is not. */
function statusBanner(doc: PublishedDocument): PdfContent[] {
  if (doc.retired) return [{ text: 'OBSOLETE: this document is retired and no longer in force', style: 'draft' }];
  return doc.validlyApproved ? [] : [{ text: 'DRAFT: not validly approved', style: 'draft' }];
}

function table(header: string[], rows: PdfContent[][], widths?: Array<string | number>): PdfContent {
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: widths ?? header.map(() => '*'), body: [header.map((text) => ({ text, style: 'th' })), ...rows] },
    layout: 'grid',
    style: 'table',
  };
}

function metadataTable(doc: PublishedDocument): PdfContent {
  const rows: string[][] = [
    ['Document', doc.id],
    ['Version', doc.version],
    ['Status', doc.status],
    ['Owner', doc.ownerTitle],
    ['Classification', doc.classification],
  ];
  if (doc.nextReview) rows.push(['Next review', doc.nextReview]);
  return { table: { widths: [90, '*'], body: rows.map(([k, v]) => [{ text: k!, style: 'th' }, v!]) }, layout: 'grid', style: 'table' };
}

function approvalText(doc: PublishedDocument): PdfContent {
  const retired: PdfContent[] = doc.retired ? [{ text: 'Retired: this document was withdrawn and is published as OBSOLETE.', style: 'draft' }] : [];
  if (!doc.approval) return doc.retired ? { stack: retired } : { text: 'Not approved.', style: 'p' };
  const { approval } = doc;
  const parts: PdfContent[] = [{ text: `Approved by ${approval.name}, ${approval.roleTitle}, on ${approval.date}.`, style: 'p' }];
  if (approval.commit) parts.push({ text: approval.commit.sentence, style: 'small' });
  if (doc.retired) parts.push(...retired);
  else if (approval.problem) parts.push({ text: approval.problem, style: 'draft' });
  return { stack: parts };
}

function heatMapTable(title: string, view: RiskView, counts: number[][]): PdfContent {
  const rows = view.likelihood.map((_, r) => {
    const likelihood = view.likelihood.length - r;
    return [
      { text: `${likelihood} ${view.likelihood[likelihood - 1]}`, style: 'th' },
      ...view.impact.map((__, c) => ({ text: String(counts[likelihood - 1]?.[c] || ''), alignment: 'center', bold: true, fillColor: levelColour(view.cellLevels[likelihood - 1]?.[c] ?? 0) })),
    ];
  });
  return {
    unbreakable: true,
    stack: [
      { text: title, style: 'h3' },
      { table: { widths: [110, ...view.impact.map(() => 62)], body: [[{ text: 'Likelihood / impact', style: 'th' }, ...view.impact.map((name, i) => ({ text: `${i + 1} ${name}`, style: 'th', alignment: 'center' }))], ...rows] }, layout: 'grid', style: 'table' },
    ],
  };
}

function bodyOfDocument(doc: PublishedDocument): PdfContent[] {
  if (doc.soa) {
    return [
      { text: `${doc.soa.standard} Annex A: ${doc.soa.applicable} controls applicable, ${doc.soa.excluded} excluded.`, style: 'p' },
      ...doc.soa.themes.flatMap((theme): PdfContent[] => [
        { text: `${theme.title} (${theme.applicable} applicable, ${theme.excluded} excluded)`, style: 'h2' },
        table(
          ['Control', 'Title', 'Applicable', 'Implementation', 'Justification'],
          theme.controls.map((c) => [c.control, c.title, c.applicable ? `yes (${c.reasons.join(', ')})` : 'no', c.implementation, c.justification]),
          [32, 90, 58, 62, '*'],
        ),
      ]),
    ];
  }
  if (doc.risks) {
    const view = doc.risks;
    return [
      heatMapTable('Inherent risk', view, view.inherent),
      heatMapTable('Residual risk', view, view.residual),
      { text: 'Risks', style: 'h2' },
      table(
        ['Risk', 'Title', 'Owner', 'Inherent', 'Treatment', 'Controls', 'Residual', 'Accepted'],
        view.risks.map((r) => [
          r.id,
          r.title,
          r.owner,
          r.inherent ? { text: `${r.inherent.levelName} ${r.inherent.score}`, fillColor: levelColour(r.inherent.level) } : '',
          r.treatment,
          r.controls.join(', '),
          r.residual ? { text: `${r.residual.levelName} ${r.residual.score}`, fillColor: levelColour(r.residual.level) } : '',
          r.acceptance,
        ]),
        [34, '*', 56, 46, 56, 52, 46, 70],
      ),
    ];
  }
  return doc.source.text && doc.source.format === 'markdown' ? markdownToPdf(bodyOf(doc.source.text)) : [];
}

/** The document-control page: version history, approval, distribution. */
function controlPage(doc: PublishedDocument): PdfContent[] {
  return [
    { text: 'Document control', style: 'h1', pageBreak: 'before' },
    { text: 'Version history', style: 'h2' },
    table(['Version', 'Date', 'Author(s)', 'Details'], doc.history.map((r) => [r.version, r.date, r.author, r.details]), [45, 60, 90, '*']),
    { text: 'Approval', style: 'h2' },
    approvalText(doc),
    ...(doc.distribution.length > 0 ? [{ text: 'Distribution', style: 'h2' }, table(['To', 'Audience'], doc.distribution.map((d) => [d.to, d.audience]))] : []),
  ];
}

/** One document's content: title, status, metadata, body, document control. */
export function documentContent(doc: PublishedDocument, options: { tocItem?: boolean } = {}): PdfContent[] {
  return boundText([
    { text: doc.title, style: 'title', ...(options.tocItem ? { tocItem: true, tocStyle: { bold: true } } : {}) },
    { text: `${doc.id} · version ${doc.version} · ${doc.status}`, style: 'subtitle' },
    ...statusBanner(doc),
    metadataTable(doc),
    ...bodyOfDocument(doc),
    ...controlPage(doc),
  ]);
}

function info(publication: Publication, title: string, subject: string, created: Date) {
  return { title, author: publication.organization, subject, creator: 'isms', producer: 'isms', creationDate: created, modDate: created };
}

/** The approval commit a PDF names: the one that proves the approval, when there is one. */
const approvalCommitOf = (doc: PublishedDocument): string | undefined => doc.approval?.commit?.hash;

/**
 * What a document's PDF says of itself in its Info dictionary, for `isms verify` and any reader:
 * IsmsDocument, IsmsVersion, IsmsStatus, IsmsFingerprint; when git proves the approval valid,
 * IsmsApprovalCommit; when the file rendered is the one the build commit holds, IsmsSourceCommit and
 * IsmsSourceBlob (its git blob id there). These names are a contract.
 */
export function documentInfo(doc: PublishedDocument): Record<string, string> {
  const commit = approvalCommitOf(doc);
  return {
    IsmsDocument: doc.id,
    IsmsVersion: doc.version,
    IsmsStatus: doc.status,
    IsmsFingerprint: doc.fingerprint,
    ...(commit ? { IsmsApprovalCommit: commit } : {}),
    ...(doc.committed ? { IsmsSourceCommit: doc.committed.commit, IsmsSourceBlob: doc.committed.blob } : {}),
  };
}

/** IsmsContents of the manual: a JSON array naming each document in it, with what identifies its content and its file. */
export function manualContents(documents: readonly PublishedDocument[]): string {
  return JSON.stringify(
    documents.map((doc) => ({
      id: doc.id,
      version: doc.version,
      approvalCommit: approvalCommitOf(doc) ?? null,
      fingerprint: doc.fingerprint,
      sourceCommit: doc.committed?.commit ?? null,
      sourceBlob: doc.committed?.blob ?? null,
    })),
  );
}

const BASE = { pageSize: 'A4', pageMargins: [40, 50, 40, 45], defaultStyle: { font: 'DejaVu', fontSize: 9.5, lineHeight: 1.2 }, styles: STYLES };

/** What a PDF shows in place of a document whose content could not be rendered: its title and why. */
function failureContent(failure: RenderFailure, options: { tocItem?: boolean } = {}): PdfContent[] {
  const { doc } = failure;
  return boundText([
    { text: doc.title, style: 'title', ...(options.tocItem ? { tocItem: true, tocStyle: { bold: true } } : {}) },
    { text: `${doc.id} · version ${doc.version} · ${doc.status}`, style: 'subtitle' },
    { text: failureSentence(failure), style: 'draft' },
  ]);
}

/** The PDF of one document; with a failure, the PDF that says it could not be rendered. */
export function documentDefinition(publication: Publication, doc: PublishedDocument, created: Date, failure?: RenderFailure): Record<string, unknown> {
  return {
    ...BASE,
    info: { ...info(publication, `${doc.id} ${doc.title}`, `${doc.id} version ${doc.version}`, created), ...documentInfo(doc) },
    header: runningHeader(publication.organization, doc),
    footer: footer(doc),
    ...(watermarkOf(doc) ? { watermark: watermarkOf(doc) } : {}),
    content: failure ? failureContent(failure) : documentContent(doc),
  };
}

/**
 * The distributable manual: a cover, a linked table of contents with page numbers, then each of
 * `documents` (the publication's manual) as its own section (its running header, footer and, when it
 * is not validly approved, a DRAFT watermark on each of its pages). A document in `failed` (by id)
 * is a section that says it could not be rendered. IsmsContents in its Info dictionary names them.
 */
export function manualDefinition(publication: Publication, documents: readonly PublishedDocument[], created: Date, failed: ReadonlyMap<string, RenderFailure> = new Map()): Record<string, unknown> {
  const first = documents[0];
  const coverDate = publication.buildTime.slice(0, 10);
  return {
    ...BASE,
    info: { ...info(publication, publication.title, `${publication.organization} ISMS`, created), IsmsContents: manualContents(documents) },
    footer: (page: number, pages: number) => (page === 1 ? null : { text: `Page ${page} of ${pages}`, style: 'running', alignment: 'right', margin: [40, 10, 40, 0] }),
    content: [
      { text: publication.organization, style: 'coverOrg' },
      { text: publication.title, style: 'coverTitle' },
      ...(first ? [{ text: `Version ${first.version} (${first.id})`, style: 'coverLine' }] : []),
      { text: `Date ${coverDate}`, style: 'coverLine' },
      ...(publication.commit ? [{ text: `Built from commit ${publication.commit.slice(0, 7)}`, style: 'small' }] : []),
      { text: `${documents.length} documents`, style: 'coverLine', margin: [0, 24, 0, 0] },
      { toc: { title: { text: 'Contents', style: 'h1' } }, pageBreak: 'before' },
      ...documents.map((doc) => ({
        section: failed.has(doc.id) ? failureContent(failed.get(doc.id)!, { tocItem: true }) : documentContent(doc, { tocItem: true }),
        header: runningHeader(publication.organization, doc),
        footer: footer(doc),
        watermark: watermarkOf(doc) ?? null,
      })),
    ],
  };
}
