import { judgeReview } from '../git/model.js';
import { forEachEvidence } from './git-evidence-helpers.js';
import type { Rule } from './rule.js';

export const gitReview: Rule = {
  id: 'git-review',
  description: '`review.last` changed by someone neither in the owner role nor an approver of the type',
  defaultSeverity: 'error',
  check(context) {
    forEachEvidence(context, (doc, evidence, git) => {
      const problem = judgeReview(git, evidence, doc, context.asOf)?.problem;
      if (!problem) return;
      context.report(doc, problem.at === '/review' ? doc.map.keyAt('/review') : doc.map.valueAt(problem.at), problem.message);
    });
  },
};
