import { approversFor, roleOf, type Config } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { approvalProof } from '../git/model.js';
import { isFutureDate, isIsoDate } from '../text/dates.js';
import { readable, type Rule, type RuleContext } from './rule.js';

/**
 * The configuration an approval is judged by: with git, the one in the parent of the approval commit
 * (or, for an approval imported with the baseline, the one in that commit), so that later changes to
 * roles neither void past approvals nor make new ones; without git or proof, the current one.
 * `proven`: a commit after the baseline made it, so whether its approver was a member is git-approval's
 * to say (one defect, one diagnostic).
 */
function judging(context: RuleContext, doc: SourceDocument): { config: Config; proven: boolean } {
  const evidence = context.git?.document(doc);
  const proof = evidence ? approvalProof(evidence) : undefined;
  if (!context.git || proof?.kind !== 'committed') return { config: context.config, proven: false };
  const hash = proof.revision.commit.hash;
  const state = proof.revision.imported ? context.git.configAt(hash) : context.git.configBefore(hash);
  return { config: state.kind === 'ok' ? state.config : context.config, proven: !proof.revision.imported };
}

export const approvalMissing: Rule = {
  id: 'approval-missing',
  description: '`approved` without approval, approver role not allowed for the type, approval older than the newest version',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of readable(context)) {
      if (doc.meta.status !== 'approved') continue;
      const approval = doc.meta.approval;
      if (!approval) {
        context.report(doc, doc.map.valueAt('/status'), 'status is "approved" but there is no approval: add approval {by, name, date}');
        continue;
      }
      const { by, name, date } = approval;
      const type = doc.meta.type;
      const { config, proven } = judging(context, doc);
      const role = by ? roleOf(config, by) : undefined;
      if (by && type && role) {
        const allowed = approversFor(config, type);
        if (!allowed.includes(by)) {
          const who = allowed.length > 0 ? `approvers for a ${type}: ${allowed.join(', ')}` : `no role approves a ${type}: add it to "approvers" in isms.config.yaml`;
          context.report(doc, doc.map.valueAt('/approval/by'), `role "${by}" may not approve a ${type} (${who})`);
        } else if (name && !proven) {
          const members = role.members;
          if (!members.some((member) => member.name === name)) {
            const list = members.length > 0 ? members.map((m) => m.name).join(', ') : 'none listed';
            context.report(doc, doc.map.valueAt('/approval/name'), `"${name}" is not a member of role "${by}" (members: ${list})`);
          }
        }
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
