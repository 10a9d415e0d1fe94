import { describeCommit } from '../git/log-parser.js';
import { approvalRevision, firstContentChangeAfter } from '../git/model.js';
import { forEachEvidence } from './git-evidence-helpers.js';
import type { Rule } from './rule.js';

export const gitApprovalStale: Rule = {
  id: 'git-approval-stale',
  description: 'content changed after the approval commit',
  defaultSeverity: 'error',
  check(context) {
    forEachEvidence(context, (doc, evidence) => {
      if (doc.meta.status !== 'approved') return;
      const revision = approvalRevision(evidence, evidence.working.approval);
      if (!revision || revision.facts.fingerprint === evidence.working.fingerprint) return;
      const changed = firstContentChangeAfter(evidence, evidence.revisions.indexOf(revision), revision.facts.fingerprint);
      const where = changed ? `in commit ${describeCommit(changed.commit)}` : 'in uncommitted changes';
      context.report(doc, doc.map.valueAt('/status'), `content changed ${where} after it was approved in ${describeCommit(revision.commit)}: the approval does not cover it; set status: in-review and approve again`);
    });
  },
};
