import { configurationSentence, eventSentence, rangeSentence } from '../../changes/change-sentences.js';
import type { ChangeReport } from '../../changes/changes.js';
import type { SiteTemplates } from './templates.js';

interface Row {
  date: string;
  commit: string;
  author: string;
  sentence: string;
  notValid: boolean;
}

/** What the Changes template shows: the range, then per document its events as rows, then the configuration's. */
export function changesView(report: ChangeReport, options: { pageOf?: (id: string) => string | undefined; window?: string } = {}) {
  const row = (commit: ChangeReport['configuration'][number]['commit'], sentence: string, notValid: boolean): Row => ({
    date: commit.date,
    commit: commit.hash.slice(0, 7),
    author: commit.author,
    sentence,
    notValid,
  });
  return {
    range: rangeSentence(report),
    window: options.window,
    documents: report.documents.map((doc) => ({
      id: doc.id,
      title: doc.title,
      page: options.pageOf?.(doc.id),
      events: doc.events.map((event) => row(event.commit, eventSentence(event), event.kind === 'approval' && !event.valid)),
    })),
    configuration: report.configuration.map((change) => row(change.commit, configurationSentence(change), !change.valid)),
  };
}

/** `isms changes --format html`: the Changes page alone (no site around it), self-contained as every page is. */
export function changesHtml(report: ChangeReport, templates: SiteTemplates, toolVersion: string): string {
  const content = templates.pages.changes(changesView(report));
  return templates.pages.layout({
    standalone: true,
    organization: report.organization,
    publicationTitle: `Changes to the ${report.organization} ISMS`,
    pageTitle: 'Changes',
    buildTime: report.to.date,
    commit: report.to.commit.slice(0, 7),
    toolVersion,
    css: templates.css,
    content,
    nav: [],
  });
}
