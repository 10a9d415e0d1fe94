import { START_OF_FILE } from '../diagnostics/diagnostic.js';
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
  description: 'metadata and data against the JSON schemas',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of context.documents) {
      if (doc.parseProblems.length > 0 || doc.escapesRoot !== undefined || doc.text === undefined) continue;
      if (doc.data === undefined) {
        context.report(doc, START_OF_FILE, 'no front matter: a controlled document starts with a "---" block holding id, title, type, owner, classification, status and version');
        continue;
      }
      const problems = schemaProblems(validate(schemaFor(doc), doc.data), doc.map);
      for (const problem of problems) context.report(doc, problem.at, problem.message);
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
