import { approvalProblemsOf, judgeApproval } from '../git/model.js';
import { forEachEvidence } from './git-evidence-helpers.js';
import type { Rule } from './rule.js';

/** The problems of an approval this rule reports: content changed after it. */
const OWN = approvalProblemsOf('git-approval-stale');

export const gitApprovalStale: Rule = {
  id: 'git-approval-stale',
  description: 'content changed after the approval commit',
  defaultSeverity: 'error',
  check(context) {
    forEachEvidence(context, (doc, evidence, git) => {
      for (const problem of judgeApproval(git, evidence, doc, context.config, context.asOf)?.problems ?? []) {
        if (OWN.has(problem.kind)) context.report(doc, doc.map.valueAt(problem.at), problem.message);
      }
    });
  },
};
