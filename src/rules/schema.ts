import type { SourceDocument } from '../documents/document.js';
import { schemaProblems } from '../schema/schema-problems.js';
import { validate, type SchemaName } from '../schema/validator.js';
import { closest } from '../text/suggest.js';
import type { Rule } from './rule.js';

function schemaFor(doc: SourceDocument): SchemaName {
  if (doc.format === 'markdown') return 'markdown';
  if (doc.meta.type === 'soa') return 'soa';
  if (doc.meta.type === 'risk-register') return 'riskRegister';
  return 'yaml';
}

export const schema: Rule = {
  id: 'schema',
  description: 'metadata and data against the JSON schemas; `review.interval_months` above `max_review_interval_months`',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of context.documents) {
      if (doc.parseProblems.length > 0 || doc.escapesRoot !== undefined || doc.text === undefined) continue;
      if (doc.data === undefined) {
        context.report(doc, { line: 1, column: 1, endLine: 1, endColumn: 1 }, 'no front matter: a controlled document starts with a "---" block holding id, title, type, owner, classification, status and version');
        continue;
      }
      const problems = schemaProblems(validate(schemaFor(doc), doc.data), doc.map);
      for (const problem of problems) context.report(doc, problem.at, problem.message);
      // The configuration's limits cannot live in the static schema either.
      const interval = doc.meta.review?.intervalMonths;
      const maxInterval = context.config.maxReviewIntervalMonths;
      if (interval !== undefined && maxInterval !== undefined && interval > maxInterval) {
        context.report(doc, doc.map.valueAt('/review/interval_months'), `"review.interval_months" is ${interval}, above the ${maxInterval} months the configuration allows (max_review_interval_months)`);
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
