import { commitDays, describeCommit } from '../git/log-parser.js';
import { revisionAddingRow } from '../git/model.js';
import { daysBetween, isIsoDate } from '../text/dates.js';
import { forEachEvidence, rowRange } from './git-evidence-helpers.js';
import type { Rule } from './rule.js';

export const gitVersionDate: Rule = {
  id: 'git-version-date',
  description: 'a row dated after the commit that added it, or backdated beyond `max_backdate_days`',
  defaultSeverity: 'error',
  check(context) {
    const maxDays = context.config.git.maxBackdateDays;
    forEachEvidence(context, (doc, evidence) => {
      for (const row of evidence.working.rows) {
        if (!isIsoDate(row.date)) continue;
        const added = revisionAddingRow(evidence, row.version);
        if (!added || added.imported) continue; // not committed yet, or imported with the baseline
        const { authored, committed, latest } = commitDays(added.commit);
        const at = rowRange(doc, row.version, 'date');
        if (row.date > committed) {
          context.report(doc, at, `version ${row.version} is dated ${row.date}, after the commit that added it: ${describeCommit(added.commit)}, committed ${committed}`);
        } else if (daysBetween(row.date, latest) > maxDays) {
          context.report(
            doc,
            at,
            `version ${row.version} is dated ${row.date} but was added ${daysBetween(row.date, latest)} days later in ${describeCommit(added.commit)}${latest !== authored ? ` (committed ${committed})` : ''}; rows may be backdated by ${maxDays} days at most (git.max_backdate_days)`,
          );
        }
      }
    });
  },
};
