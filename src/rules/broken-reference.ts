import type { Rule } from './rule.js';
import { referencesOf } from './references.js';

export const brokenReference: Rule = {
  id: 'broken-reference',
  description: 'a relative link to a missing document, file or heading; a `DOC X` mention of a missing id; a link or document path leaving the repository (symlinks included)',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of context.documents) {
      if (doc.escapesRoot !== undefined) {
        context.report(doc, { line: 1, column: 1, endLine: 1, endColumn: 1 }, `this file is a symlink to ${doc.escapesRoot}, outside the documents folder; it is not read`);
        continue;
      }
      for (const reference of referencesOf(doc, context)) {
        if (reference.problem) context.report(doc, reference.at, reference.problem);
      }
    }
  },
};
