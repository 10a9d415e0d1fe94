import { DOCUMENT_TYPES } from '../config/config.js';
import { approvalDateProblems, approvalProblemsOf, approverProblems, judgeApproval, type ApprovalProblemKind } from '../git/model.js';
import { misspelt } from './misspelt.js';
import { readable, type Rule } from './rule.js';

/** The approval problems this rule reports (one defect, one diagnostic: the others are the git rules'). */
const OWN = approvalProblemsOf('approval-missing');

/** The problems of who approved, as opposed to when. */
const APPROVER = new Set<ApprovalProblemKind>(['role', 'member']);

export const approvalMissing: Rule = {
  id: 'approval-missing',
  description: '`approved` without approval, approver role not allowed for the type, approval older than the newest version',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of readable(context)) {
      if (doc.meta.status !== 'approved') continue;
      const approval = doc.meta.approval;
      if (!approval) {
        if (!misspelt(context, doc, '/approval')) context.report(doc, doc.map.valueAt('/status'), 'status is "approved" but there is no approval: add approval {by, name, date}');
        continue;
      }
      // With git, the role and its members are judged by the configuration of the time (the one before
      // the approval commit, or the baseline's); without a commit that proves it, by the current one.
      const evidence = context.git?.document(doc);
      const judged = context.git && evidence ? judgeApproval(context.git, evidence, doc, context.config, context.asOf) : undefined;
      // The dates are judged the same way with git or without; they too make an approval not valid.
      const problems = judged?.proof ? judged.problems : [...approverProblems(context.config, doc.meta.type, approval, true), ...approvalDateProblems(doc, context.asOf)];
      // Who approves a type that is not one (`type: Policy`) is unknown: the schema reports the type, with the one it may mean.
      const knownType = (DOCUMENT_TYPES as readonly string[]).includes(doc.meta.type ?? '');
      for (const problem of problems) {
        if (!OWN.has(problem.kind)) continue;
        if (!knownType && APPROVER.has(problem.kind)) continue;
        context.report(doc, doc.map.valueAt(problem.at), problem.message);
      }
    }
  },
};
