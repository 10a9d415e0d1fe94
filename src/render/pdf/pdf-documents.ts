import { bodyOf } from '../site/render-site.js';
import { levelColour } from '../html/heat-map.js';
import type { Publication, PublishedDocument, RiskView } from '../publication.js';
import { failureSentence, type RenderFailure } from '../render-failure.js';
import { boundText } from './bounded-text.js';
import { LINK_COLOR, markdownToPdf } from './markdown-to-pdf.js';
import type { PdfContent, PdfLink } from './pdf-content.js';
import { headingDestination, pdfLinks, titleDestination, type PdfLinks } from './pdf-links.js';
import { H2_STYLE, pdfTable, pdfTables, TABLE_STYLE, type TextArea } from './pdf-table.js';
import { recordBody, recordFits } from './record-to-pdf.js';

export const STYLES: Record<string, Record<string, unknown>> = {
  coverOrg: { fontSize: 16, color: '#5b6478', margin: [0, 180, 0, 8] },
  coverTitle: { fontSize: 28, bold: true, margin: [0, 0, 0, 16] },
  coverLine: { fontSize: 12, margin: [0, 0, 0, 4] },
  title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 10, color: '#5b6478', margin: [0, 0, 0, 12] },
  h1: { fontSize: 16, bold: true, margin: [0, 14, 0, 6] },
  h2: H2_STYLE,
  h3: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
  h4: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
  p: { margin: [0, 0, 0, 6] },
  list: { margin: [0, 0, 0, 6] },
  table: TABLE_STYLE,
  th: { bold: true, fillColor: '#eef1f6' },
  td: {},
  small: { fontSize: 8, color: '#5b6478' },
  draft: { fontSize: 10, bold: true, color: '#b23a48', margin: [0, 0, 0, 8] },
  running: { fontSize: 8, color: '#5b6478' },
};

const DRAFT_WATERMARK = { text: 'DRAFT', color: '#b23a48', opacity: 0.12, bold: true, fontSize: 110, angle: -45 };
const OBSOLETE_WATERMARK = { text: 'OBSOLETE', color: '#5b6478', opacity: 0.14, bold: true, fontSize: 90, angle: -45 };

/** A4 in points, and the page margins (left, top, right, bottom). */
const A4 = { width: 595.28, height: 841.89 };
const PAGE_MARGINS = [40, 50, 40, 45] as const;

type Orientation = 'portrait' | 'landscape';

const orientations = new WeakMap<PublishedDocument, Orientation>();

/**
 * The SoA and the risk register are laid out across landscape pages: their tables have the site's
 * many columns. So is a record with a table too wide for a portrait page (the nonconformity log).
 */
function orientationOf(doc: PublishedDocument): Orientation {
  let orientation = orientations.get(doc);
  if (!orientation) {
    orientation = doc.soa || doc.risks || (doc.record && !recordFits(doc.record, textArea('portrait'))) ? 'landscape' : 'portrait';
    orientations.set(doc, orientation);
  }
  return orientation;
}

function textArea(orientation: Orientation): TextArea {
  const [width, height] = orientation === 'portrait' ? [A4.width, A4.height] : [A4.height, A4.width];
  return { width: width - PAGE_MARGINS[0] - PAGE_MARGINS[2], height: height - PAGE_MARGINS[1] - PAGE_MARGINS[3] };
}

/** What a document's content needs to know about the PDF it is laid out in. */
export interface Layout {
  links: PdfLinks;
  area: TextArea;
}

/** The running header: organisation, document id and title (the manual's sections each carry their own). */
export function runningHeader(organization: string, doc: PublishedDocument) {
  return () => ({
    columns: [
      { text: organization, style: 'running' },
      { text: `${doc.id} ${doc.title}`, style: 'running', alignment: 'right' },
    ],
    margin: [40, 20, 40, 0],
  });
}

/** The footer: version, classification, and "Page X of Y". */
export function footer(doc: PublishedDocument) {
  return (page: number, pages: number) => ({
    columns: [
      { text: `Version ${doc.version} · ${doc.statusShown} · ${doc.classification.toUpperCase()}`, style: 'running' },
      { text: `Page ${page} of ${pages}`, style: 'running', alignment: 'right' },
    ],
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

/** Text that never wraps: ids, dates, versions, fixed words. */
const whole = (text: string): PdfContent => ({ text, noWrap: true });

/** Ids joined by commas, each whole, each linked where it leads somewhere in this PDF or next to it. */
function ids(list: readonly string[], link: (id: string) => PdfLink | undefined = () => undefined): PdfContent {
  return {
    text: list.flatMap((id, i) => {
      const target = link(id);
      return [...(i > 0 ? [', '] : []), { text: id, noWrap: true, ...(target ? { ...target, color: LINK_COLOR, decoration: 'underline' } : {}) }];
    }),
  };
}

function metadataTable(doc: PublishedDocument): PdfContent {
  const rows: string[][] = [
    ['Document', doc.id],
    ['Version', doc.version],
    ['Status', doc.statusShown],
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
      {
        table: {
          widths: [110, ...view.impact.map(() => 62)],
          body: [[{ text: 'Likelihood / impact', style: 'th' }, ...view.impact.map((name, i) => ({ text: `${i + 1} ${name}`, style: 'th', alignment: 'center' }))], ...rows],
        },
        layout: 'grid',
        style: 'table',
      },
    ],
  };
}

function soaBody(soa: NonNullable<PublishedDocument['soa']>, layout: Layout): PdfContent[] {
  return [
    { text: soa.summary, style: 'p' },
    ...pdfTables(
      ['Control', 'Title', 'Applicable', 'Implementation', 'Owner', 'Justification', 'Documents', 'Risks'],
      soa.themes.map((theme) => ({
        title: `${theme.title} (${theme.applicable} applicable, ${theme.excluded} excluded)`,
        rows: theme.controls.map((c) =>
          [
            whole(c.control),
            c.source ? `${c.title} (source: ${c.source})` : c.title,
            c.applicable ? `yes (${c.reasons.join(', ')})` : 'no',
            whole(c.implementation),
            c.owner,
            c.justification,
            ids(c.documents, (id) => layout.links.id(id)),
            ids(c.risks),
          ].map((cell) => (c.applicable ? cell : { text: [cell], color: '#5b6478' })),
        ),
      })),
      layout.area,
    ),
  ];
}

function risksBody(view: RiskView, layout: Layout): PdfContent[] {
  const rating = (r: RiskView['risks'][number]['inherent']) => (r ? { text: `${r.levelName} ${r.score}`, noWrap: true, fillColor: levelColour(r.level) } : '');
  return [
    heatMapTable('Inherent risk', view, view.inherent),
    heatMapTable('Residual risk', view, view.residual),
    pdfTable(
      ['Risk', 'Title', 'Owner', 'CIA', 'Inherent', 'Treatment', 'Controls', 'Residual', 'Accepted by', 'Next review'],
      view.risks.map((r) => [whole(r.id), r.title, r.owner, r.cia.join(', '), rating(r.inherent), whole(r.treatment), ids(r.controls), rating(r.residual), r.acceptance, whole(r.nextReview)]),
      layout.area,
      'Risks',
    ),
  ];
}

function bodyOfDocument(doc: PublishedDocument, layout: Layout): PdfContent[] {
  if (doc.soa) return soaBody(doc.soa, layout);
  if (doc.risks) return risksBody(doc.risks, layout);
  if (doc.record) return recordBody(doc.record, layout.area);
  if (!doc.source.text || doc.source.format !== 'markdown') return [];
  return markdownToPdf(bodyOf(doc.source.text), { link: (href) => layout.links.href(doc, href), headingId: (slug) => headingDestination(doc, slug), area: layout.area });
}

/** The document-control page: version history, approval, distribution. */
function controlPage(doc: PublishedDocument, area: TextArea): PdfContent[] {
  return [
    { text: 'Document control', style: 'h1', pageBreak: 'before' },
    pdfTable(
      ['Version', 'Date', 'Author(s)', 'Details'],
      doc.history.map((r) => [whole(r.version), whole(r.date), r.author, r.details]),
      area,
      'Version history',
    ),
    { stack: [{ text: 'Approval', style: 'h2' }, approvalText(doc)], unbreakable: true },
    ...(doc.distribution.length > 0
      ? [
          pdfTable(
            ['To', 'Audience'],
            doc.distribution.map((d) => [d.to, d.audience]),
            area,
            'Distribution',
          ),
        ]
      : []),
  ];
}

/** One document's content: title, status, metadata, body, document control. */
export function documentContent(doc: PublishedDocument, layout: Layout, options: { tocItem?: boolean } = {}): PdfContent[] {
  return boundText([
    { text: doc.title, style: 'title', id: titleDestination(doc), ...(options.tocItem ? { tocItem: true, tocStyle: { bold: true } } : {}) },
    { text: `${doc.id} · version ${doc.version} · ${doc.statusShown}`, style: 'subtitle' },
    ...statusBanner(doc),
    metadataTable(doc),
    ...bodyOfDocument(doc, layout),
    ...controlPage(doc, layout.area),
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

const BASE = { pageSize: 'A4', pageMargins: [...PAGE_MARGINS], defaultStyle: { font: 'DejaVu', fontSize: 9.5, lineHeight: 1.2 }, styles: STYLES };

/** What a PDF shows in place of a document whose content could not be rendered: its title and why. */
function failureContent(failure: RenderFailure, options: { tocItem?: boolean } = {}): PdfContent[] {
  const { doc } = failure;
  return boundText([
    { text: doc.title, style: 'title', id: titleDestination(doc), ...(options.tocItem ? { tocItem: true, tocStyle: { bold: true } } : {}) },
    { text: `${doc.id} · version ${doc.version} · ${doc.statusShown}`, style: 'subtitle' },
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
    pageOrientation: orientationOf(doc),
    content: failure ? failureContent(failure) : documentContent(doc, { links: pdfLinks(publication.documents, { holds: [doc], file: doc.pdf }), area: textArea(orientationOf(doc)) }),
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
  const links = pdfLinks(publication.documents, { holds: documents });
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
        section: failed.has(doc.id) ? failureContent(failed.get(doc.id)!, { tocItem: true }) : documentContent(doc, { links, area: textArea(orientationOf(doc)) }, { tocItem: true }),
        pageOrientation: orientationOf(doc),
        header: runningHeader(publication.organization, doc),
        footer: footer(doc),
        watermark: watermarkOf(doc) ?? null,
      })),
    ],
  };
}
