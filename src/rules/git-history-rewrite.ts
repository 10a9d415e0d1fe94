import { describeCommit } from '../git/log-parser.js';
import { revisionAddingRow, rewrittenRows } from '../git/model.js';
import { forEachEvidence, rowRange } from './git-evidence-helpers.js';
import type { Rule } from './rule.js';

export const gitHistoryRewrite: Rule = {
  id: 'git-history-rewrite',
  description: 'a committed version-history row edited or removed later',
  defaultSeverity: 'error',
  check(context) {
    forEachEvidence(context, (doc, evidence) => {
      for (const { row, now, changedIn } of rewrittenRows(evidence)) {
        const first = revisionAddingRow(evidence, row.version);
        const where = changedIn ? `in commit ${describeCommit(changedIn.commit)}` : 'in uncommitted changes';
        const was = `"${row.version} | ${row.date} | ${row.author} | ${row.details}" as committed in ${first ? describeCommit(first.commit) : 'history'}`;
        if (now) context.report(doc, rowRange(doc, row.version), `the version history row of ${row.version} was edited ${where}; it read ${was}`);
        else context.report(doc, doc.history?.at ?? doc.map.fallback, `the version history row of ${row.version} was removed ${where}; it read ${was}`);
      }
    });
  },
};
