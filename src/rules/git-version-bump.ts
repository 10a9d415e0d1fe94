import { describeCommit } from '../git/log-parser.js';
import { firstContentChangeAfter, revisionAddingRow } from '../git/model.js';
import { compareVersions, parseVersion } from '../text/version.js';
import { forEachEvidence, rowRange } from './git-evidence-helpers.js';
import type { Rule } from './rule.js';

export const gitVersionBump: Rule = {
  id: 'git-version-bump',
  description: 'content changed since the newest version row was committed, without a new row',
  defaultSeverity: 'error',
  check(context) {
    forEachEvidence(context, (doc, evidence, git) => {
      const { working } = evidence;
      if (git.baseRef !== undefined && evidence.base && evidence.base.fingerprint !== working.fingerprint) {
        const now = working.version ? parseVersion(working.version) : undefined;
        const then = evidence.base.version ? parseVersion(evidence.base.version) : undefined;
        if (now && then && compareVersions(now, then) <= 0) {
          context.report(
            doc,
            doc.map.valueAt('/version'),
            `content differs from ${git.baseRef}, where it is version ${evidence.base.version}, but the version is still ${working.version}: record a version with isms version ${doc.meta.id ?? doc.file} --details "..."`,
          );
        }
      }
      const newest = working.rows.at(-1);
      if (!newest) return;
      const added = revisionAddingRow(evidence, newest.version);
      if (!added || added.facts.fingerprint === working.fingerprint) return;
      const changed = firstContentChangeAfter(evidence, evidence.revisions.indexOf(added), added.facts.fingerprint);
      const where = changed ? `in commit ${describeCommit(changed.commit)}` : 'in uncommitted changes';
      context.report(
        doc,
        rowRange(doc, newest.version),
        `content changed ${where} after version ${newest.version} was recorded in ${describeCommit(added.commit)}, without a new version history row: record one with isms version ${doc.meta.id ?? doc.file} --details "..."`,
      );
    });
  },
};
