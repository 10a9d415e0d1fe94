import { DOCUMENT_TYPES } from '../config/config.js';
import { approverProblems, judgeApproval } from '../git/model.js';
import { isFutureDate, isIsoDate } from '../text/dates.js';
import { misspelt } from './misspelt.js';
import { readable, type Rule } from './rule.js';

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
      const { date } = approval;
      // With git, the role and its members are judged by the configuration of the time (the one before
      // the approval commit, or the baseline's); without a commit that proves it, by the current one.
      const evidence = context.git?.document(doc);
      const judged = context.git && evidence ? judgeApproval(context.git, evidence, doc, context.config) : undefined;
      const problems = judged?.proof ? judged.problems : approverProblems(context.config, doc.meta.type, approval, true);
      // Who approves a type that is not one (`type: Policy`) is unknown: the schema reports the type, with the one it may mean.
      const knownType = (DOCUMENT_TYPES as readonly string[]).includes(doc.meta.type ?? '');
      for (const problem of problems) {
        if (knownType && (problem.kind === 'role' || problem.kind === 'member')) context.report(doc, doc.map.valueAt(problem.at), problem.message);
      }
      if (date && isIsoDate(date)) {
        const newest = doc.history?.rows.at(-1);
        if (newest && isIsoDate(newest.date) && date < newest.date) {
          context.report(doc, doc.map.valueAt('/approval/date'), `approval dated ${date} predates version ${newest.version} (${newest.date}, line ${newest.at.line}): approve the current version`);
        }
        if (isFutureDate(date, context.asOf)) {
          context.report(doc, doc.map.valueAt('/approval/date'), `approval is dated ${date}, in the future (today is ${context.asOf})`);
        }
      }
    }
  },
};
