import { judgeApproval } from '../git/model.js';
import { forEachEvidence } from './git-evidence-helpers.js';
import type { Rule } from './rule.js';

export const gitApprovalStale: Rule = {
  id: 'git-approval-stale',
  description: 'content changed after the approval commit',
  defaultSeverity: 'error',
  check(context) {
    forEachEvidence(context, (doc, evidence, git) => {
      for (const problem of judgeApproval(git, evidence, doc, context.config, context.asOf)?.problems ?? []) {
        if (problem.kind === 'stale') context.report(doc, doc.map.valueAt(problem.at), problem.message);
      }
    });
  },
};
