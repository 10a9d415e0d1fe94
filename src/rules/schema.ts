import { RECORD_KINDS } from '../config/config.js';
import { START_OF_FILE, type Range } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../documents/document.js';
import { documentSchemaFindings } from '../documents/document-schema.js';
import { closest } from '../text/suggest.js';
import type { Rule } from './rule.js';

/** What the metadata schema cannot say without losing its other findings: a record names its kind, and only a record does. */
function recordProblems(doc: SourceDocument): Array<{ at: Range; message: string }> {
  const kinds = RECORD_KINDS.join(', ');
  if (doc.meta.type === 'record') {
    if (doc.format === 'markdown') {
      return [
        {
          at: doc.map.valueAt('/type'),
          message: `a record is kept as a YAML document (a .yaml file) holding the fields of its kind (record: ${kinds}), which schemas/record-<kind>.schema.json describe`,
        },
      ];
    }
    if (doc.data?.['record'] === undefined) return [{ at: doc.map.valueAt('/type'), message: `a record needs "record": what it records (${kinds})` }];
  } else if (doc.data?.['record'] !== undefined && doc.meta.type !== undefined) {
    return [{ at: doc.map.keyAt('/record'), message: `"record" names what a record records, so it is only for type: record (this is a ${doc.meta.type})` }];
  }
  return [];
}

export const schema: Rule = {
  id: 'schema',
  description: 'metadata and data against the JSON schemas; `review.interval_months` above `max_review_interval_months`',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of context.documents) {
      if (doc.parseProblems.length > 0 || doc.escapesRoot !== undefined || doc.text === undefined) continue;
      if (doc.data === undefined) {
        context.report(doc, START_OF_FILE, 'no front matter: a controlled document starts with a "---" block holding id, title, type, owner, classification, status and version');
        continue;
      }
      const problems = [...documentSchemaFindings(doc).problems, ...recordProblems(doc)];
      for (const problem of problems) context.report(doc, problem.at, problem.message);
      // The configuration's limits cannot live in the static schema either.
      const interval = doc.meta.review?.intervalMonths;
      const maxInterval = context.config.maxReviewIntervalMonths;
      if (interval !== undefined && maxInterval !== undefined && interval > maxInterval) {
        context.report(
          doc,
          doc.map.valueAt('/review/interval_months'),
          `"review.interval_months" is ${interval}, above the ${maxInterval} months the configuration allows (max_review_interval_months)`,
        );
      }
      // The allowed classifications come from the configuration, so they cannot live in the static schema.
      const classification = doc.meta.classification;
      const allowed = context.config.classifications;
      if (classification !== undefined && classification !== '' && !allowed.includes(classification)) {
        const suggestion = closest(classification, allowed);
        context.report(
          doc,
          doc.map.valueAt('/classification'),
          `"classification" must be one of ${allowed.join(', ')}, found "${classification}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        );
      }
    }
  },
};
