import { splitFrontMatter } from '../../documents/front-matter.js';
import { findHistorySection } from '../../documents/history-section.js';
import { escapeHtml } from '../html/escape.js';
import { markdownToHtml, type LinkResolver } from '../html/markdown-to-html.js';
import { documentLinks, type ResolveDocumentLink } from '../document-links.js';
import { heatMapSvg, levelColour } from '../html/heat-map.js';
import type { Publication, PublishedDocument } from '../publication.js';
import { failureSentence, renderFailure, type RenderFailure } from '../render-failure.js';
import type { SiteTemplates } from './templates.js';
import type { ChangeReport } from '../../changes/changes.js';
import { changesView } from './changes-page.js';

export interface SiteOptions {
  toolVersion: string;
  /** Whether PDFs are built too (pages then link to them). */
  pdf: boolean;
  /** The distributable manual's file name, when built. */
  manualPdf?: string;
  /** "Today", for overdue reviews in the register. */
  asOf: string;
  /** What changed in the window before the build (for this audience): the Changes page; none without git. */
  changes?: { report: ChangeReport; window: string };
  /** The exports this audience may read, linked from the register (files made by the build). */
  exports?: Array<{ title: string; files: Array<{ format: string; file: string }> }>;
}

/** Where links from a document lead on the site: other documents to their pages; a file that is not published nowhere. */
function linkResolver(doc: PublishedDocument, resolve: ResolveDocumentLink): LinkResolver {
  return (href) => {
    const link = resolve(doc, href);
    if (link.kind === 'external') return undefined; // the sanitiser decides
    // A file that is not a published document is not on the site: the link is dropped (its text stays).
    if (link.kind === 'unpublished') return '';
    if (link.target === doc && link.anchor !== undefined) return `#${link.anchor}`;
    return link.anchor !== undefined ? `${link.target.page}#${link.anchor}` : link.target.page;
  };
}

/**
 * The pages of the site, by file name, and the documents whose content could not be rendered (each
 * still has a page, which says so). Pure: the caller writes them.
 */
export function renderSite(publication: Publication, templates: SiteTemplates, options: SiteOptions): { pages: Map<string, string>; failures: RenderFailure[] } {
  const files = new Map<string, string>();
  const failures: RenderFailure[] = [];
  const links = documentLinks(publication.documents);
  const byId = new Map(publication.documents.map((d) => [d.id, d]));
  const common = {
    organization: publication.organization,
    publicationTitle: publication.title,
    buildTime: publication.buildTime,
    commit: publication.commit?.slice(0, 7),
    toolVersion: options.toolVersion,
    css: templates.css,
    changesPage: options.changes ? CHANGES_PAGE : undefined,
  };
  const nav = (current?: string) => publication.documents.map((d) => ({ id: d.id, title: d.title, page: d.page, current: d.id === current }));
  const withPdf = (d: PublishedDocument) => ({ ...d, pdfLink: options.pdf, reviewOverdue: d.nextReview !== undefined && d.nextReview < options.asOf });
  const page = (pageTitle: string, content: string, current?: string) =>
    templates.pages.layout({ ...common, pageTitle, content, nav: nav(current), isRegister: current === undefined, isChanges: current === CHANGES_PAGE });

  const register = {
    ...common,
    documents: publication.documents.map(withPdf),
    manualPdf: options.manualPdf,
    audience: publication.audience,
    leftOutNote: leftOutNote(publication),
    coverage: publication.coverage,
    exports: options.exports ?? [],
  };
  files.set('index.html', page('Document register', templates.pages.register(register)));
  if (options.changes) {
    const view = changesView(options.changes.report, { pageOf: (id) => byId.get(id)?.page, window: options.changes.window });
    files.set(CHANGES_PAGE, page('Changes', templates.pages.changes(view), CHANGES_PAGE));
  }
  for (const doc of publication.documents) {
    try {
      files.set(doc.page, page(doc.title, templates.pages.document({ doc: withPdf(doc), body: documentBody(doc, templates, links, byId) }), doc.id));
    } catch (error) {
      const failure = renderFailure(doc, doc.page, error);
      failures.push(failure);
      files.set(doc.page, page(doc.title, templates.pages.document({ doc: withPdf(doc), body: `<p class="draft-banner">${escapeHtml(failureSentence(failure))}</p>` }), doc.id));
    }
  }
  return { pages: files, failures };
}

/** The site's page of what changed in the months before the build. */
export const CHANGES_PAGE = 'changes.html';

/** How many documents this publication leaves out, and why, without naming them (they are not for these readers). */
function leftOutNote(publication: Publication): string | undefined {
  const count = (reason: string) => publication.leftOut.filter((d) => d.reason === reason).length;
  const documents = (n: number) => (n === 1 ? '1 document is' : `${n} documents are`);
  const notes = [
    count('audience') > 0 ? `${documents(count('audience'))} not published for ${publication.audience ?? 'this audience'}.` : '',
    count('not-approved') > 0 ? `${documents(count('not-approved'))} not approved, so not in this release.` : '',
  ].filter(Boolean);
  return notes.length > 0 ? notes.join(' ') : undefined;
}

function documentBody(doc: PublishedDocument, templates: SiteTemplates, links: ResolveDocumentLink, byId: Map<string, PublishedDocument>): string {
  if (doc.soa) {
    const themes = doc.soa.themes.map((theme) => ({
      ...theme,
      controls: theme.controls.map((c) => ({ ...c, documentLinks: c.documents.map((id) => ({ id, page: byId.get(id)?.page })) })),
    }));
    return templates.pages.soa({ soa: { ...doc.soa, themes } });
  }
  if (doc.risks) {
    const view = doc.risks;
    const map = (title: string, counts: number[][]) => heatMapSvg({ title, likelihood: view.likelihood, impact: view.impact, levels: view.levels, counts, cellLevels: view.cellLevels });
    return templates.pages.risks({
      risks: { ...view, risks: view.risks.map((r) => ({ ...r, inherentColour: r.inherent ? levelColour(r.inherent.level) : '', residualColour: r.residual ? levelColour(r.residual.level) : '' })) },
      inherentMap: map('Inherent risk', view.inherent),
      residualMap: map('Residual risk', view.residual),
    });
  }
  if (doc.record) return templates.pages.record({ record: doc.record });
  return doc.source.text && doc.source.format === 'markdown' ? markdownToHtml(bodyOf(doc.source.text), linkResolver(doc, links)) : '';
}

/**
 * The Markdown body as readers see it: without front matter (shown as the metadata panel), its first
 * heading (the page title), or the version history heading and table (shown under document control).
 * Any other text of the history section stays. Left-out lines become blank lines, so what surrounds
 * them reads as it did (no lazy continuation into a quote or a list).
 */
export function bodyOf(text: string): string {
  const split = splitFrontMatter(text);
  const lines = (split.kind === 'yaml' ? split.bodyText : text).split('\n');
  const left = new Set<number>();
  const firstContent = lines.findIndex((line) => line.trim() !== '');
  if (firstContent !== -1 && /^#\s/.test(lines[firstContent] ?? '')) left.add(firstContent);
  const history = findHistorySection(lines);
  for (const span of [history?.heading, history?.table]) {
    for (let i = span?.start ?? 0; i < (span?.end ?? 0); i++) left.add(i);
  }
  return lines.map((line, i) => (left.has(i) ? '' : line)).join('\n');
}
