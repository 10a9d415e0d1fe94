import type { Rule } from './rule.js';

export const parseError: Rule = {
  id: 'parse-error',
  description: 'unreadable file, malformed YAML or front matter, non-YAML front matter',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of context.documents) {
      for (const problem of doc.parseProblems) context.report(doc, problem.at, problem.message);
    }
  },
};
