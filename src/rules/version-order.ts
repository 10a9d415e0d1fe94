import type { VersionRow } from '../documents/version-history.js';
import { isFutureDate, isIsoDate } from '../text/dates.js';
import { compareVersions, parseVersion } from '../text/version.js';
import type { Rule } from './rule.js';

export const versionOrder: Rule = {
  id: 'version-order',
  description: 'versions not increasing, dates going backwards, dates in the future',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of context.documents) {
      if (!doc.history || doc.data === undefined) continue;
      let previous: VersionRow | undefined;
      let previousDated: VersionRow | undefined;
      for (const row of doc.history.rows) {
        const version = parseVersion(row.version);
        const before = previous && parseVersion(previous.version);
        if (version && before && previous && compareVersions(version, before) <= 0) {
          context.report(doc, row.cells.version, `version ${row.version} does not follow ${previous.version} (line ${previous.at.line}): rows go oldest first and each version is higher`);
        }
        if (version) previous = row;
        if (!isIsoDate(row.date)) continue;
        if (isFutureDate(row.date, context.asOf)) {
          context.report(doc, row.cells.date, `version ${row.version} is dated ${row.date}, in the future (today is ${context.asOf})`);
        }
        if (previousDated && row.date < previousDated.date) {
          context.report(doc, row.cells.date, `version ${row.version} is dated ${row.date}, before version ${previousDated.version} (${previousDated.date}, line ${previousDated.at.line})`);
        }
        previousDated = row;
      }
    }
  },
};
