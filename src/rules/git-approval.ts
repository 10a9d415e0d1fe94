import { approvalProblemsOf, judgeApproval, judgeRetirement } from '../git/model.js';
import { forEachEvidence } from './git-evidence-helpers.js';
import type { Rule } from './rule.js';

/** The problems of an approval this rule reports (approval-missing and git-approval-stale report the others). */
const OWN = approvalProblemsOf('git-approval');

export const gitApproval: Rule = {
  id: 'git-approval',
  description: 'approval (or retirement) not made by a commit of a member of the approving role; self-approval; unsigned when signatures are required',
  defaultSeverity: 'error',
  check(context) {
    forEachEvidence(context, (doc, evidence, git) => {
      const type = doc.meta.type;
      if (doc.meta.status === 'retired' && type) {
        const signOff = judgeRetirement(git, evidence, type)?.signOff;
        if (signOff && !signOff.ok) context.report(doc, doc.map.valueAt('/status'), signOff.message);
        return;
      }
      for (const problem of judgeApproval(git, evidence, doc, context.config, context.asOf)?.problems ?? []) {
        if (!OWN.has(problem.kind)) continue;
        context.report(doc, problem.at === '/approval' ? doc.map.keyAt(problem.at) : doc.map.valueAt(problem.at), problem.message);
      }
    });
  },
};
