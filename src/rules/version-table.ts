import { isIsoDate, isoDateHint } from '../text/dates.js';
import { parseVersion } from '../text/version.js';
import { misspelt } from './misspelt.js';
import type { Rule } from './rule.js';

export const versionTable: Rule = {
  id: 'version-table',
  description: 'missing or malformed version history, bad dates, non-ISO dates',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of context.documents) {
      const history = doc.history;
      if (!history || doc.data === undefined) continue;
      if (!history.found && doc.format === 'yaml' && misspelt(context, doc, '/versions')) continue;
      for (const problem of history.problems) context.report(doc, problem.at, problem.message);
      if (history.found && history.problems.length === 0 && history.rows.length === 0) {
        context.report(doc, history.at, 'the version history has no rows');
      }
      for (const row of history.rows) {
        const label = row.version ? `version ${row.version}` : `the row at line ${row.at.line}`;
        if (row.version === '') context.report(doc, row.cells.version, 'a version history row has no version');
        else if (!parseVersion(row.version)) context.report(doc, row.cells.version, `version "${row.version}" must be MAJOR.MINOR, like 1.0`);
        if (row.date === '') context.report(doc, row.cells.date, `${label} has no date`);
        else if (!isIsoDate(row.date)) context.report(doc, row.cells.date, `${label} is dated "${row.date}", not an ISO date: ${isoDateHint(row.date)}`);
        if (row.author === '') context.report(doc, row.cells.author, `${label} has no author`);
        if (row.details === '') context.report(doc, row.cells.details, `${label} has no details`);
      }
    }
  },
};
