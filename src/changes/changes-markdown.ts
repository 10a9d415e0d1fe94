import { escapeControls } from '../text/controls.js';
import { commitWords, configurationSentence, eventSentence, rangeSentence } from './change-sentences.js';
import type { ChangeReport } from './changes.js';

/** Document text as Markdown shows it: one line, nothing a terminal acts on, no markup of its own. */
function text(value: string): string {
  return escapeControls(value.replace(/\s*\n\s*/g, ' ')).replace(/[\\`*_[\]<]/g, (char) => `\\${char}`);
}

/** `isms changes --format md`: a heading, the range, then per document its events in order, then the configuration's. Pure. */
export function changesMarkdown(report: ChangeReport): string {
  const out = [`# Changes to the ${text(report.organization)} ISMS`, '', rangeSentence(report), ''];
  if (report.documents.length === 0 && report.configuration.length === 0) out.push('Nothing changed.', '');
  for (const doc of report.documents) {
    out.push(`## ${text(doc.id)} ${text(doc.title)}`, '');
    for (const event of doc.events) out.push(`- ${text(commitWords(event.commit))}: ${text(eventSentence(event))}`);
    out.push('');
  }
  if (report.configuration.length > 0) {
    out.push('## Configuration', '');
    for (const change of report.configuration) out.push(`- ${text(commitWords(change.commit))}: ${text(configurationSentence(change))}`);
    out.push('');
  }
  return out.join('\n');
}
