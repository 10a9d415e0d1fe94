import { START_OF_FILE } from '../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

export const parseError: Rule = {
  id: 'parse-error',
  description: 'unreadable file, path not UTF-8, malformed YAML or front matter, non-YAML front matter',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of context.documents) {
      // Its content is still checked; but git, links and the site name files in UTF-8, so nothing could prove it.
      if (doc.bytes) context.report(doc, START_OF_FILE, 'the path of the file is not valid UTF-8 (its other bytes are shown as \\xNN): rename it, so that git history, links and the site can name it');
      for (const problem of doc.parseProblems) context.report(doc, problem.at, problem.message);
    }
  },
};
