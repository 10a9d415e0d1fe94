import { parseVersion } from '../text/version.js';
import { readable, type Rule } from './rule.js';

export const versionMismatch: Rule = {
  id: 'version-mismatch',
  description: '`version` differs from the newest history row',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of readable(context)) {
      const newest = doc.history?.rows.at(-1);
      const version = doc.meta.version;
      if (!newest || version === undefined || !parseVersion(version) || !parseVersion(newest.version)) continue;
      if (version !== newest.version) {
        context.report(doc, doc.map.valueAt('/version'), `version is "${version}" but the newest version history row (line ${newest.at.line}) is "${newest.version}"`);
      }
    }
  },
};
