import { describeCommit } from '../git/log-parser.js';
import { approversFor } from '../config/config.js';
import { approvalProof, contentChangesBefore, judgeSignOff, ownChange, retirementProof, signOffDateProblem } from '../git/model.js';
import { forEachEvidence } from './git-evidence-helpers.js';
import type { Rule } from './rule.js';

export const gitApproval: Rule = {
  id: 'git-approval',
  description: 'approval (or retirement) not made by a commit of a member of the approving role; self-approval; unsigned when signatures are required',
  defaultSeverity: 'error',
  check(context) {
    forEachEvidence(context, (doc, evidence, git) => {
      const type = doc.meta.type;
      if (doc.meta.status === 'retired' && type) {
        // Withdrawing a document takes the same authority as approving it.
        const retired = retirementProof(evidence);
        if (retired && !retired.revision.imported) {
          const signOff = judgeSignOff(git, retired.revision.commit, (config) => approversFor(config, type), 'the retirement');
          if (!signOff.ok) context.report(doc, doc.map.valueAt('/status'), signOff.message);
        }
        return;
      }
      const approval = evidence.working.approval;
      if (doc.meta.status !== 'approved' || !approval?.by) return;
      const at = doc.map.keyAt('/approval');
      const proof = approvalProof(evidence);
      if (!proof) {
        // The loader reads an approval that git's reading of the same text does not: never trust it.
        context.report(doc, at, 'this approval cannot be proven: git does not read the document as approved; write status and approval as plain keys of the metadata');
        return;
      }
      if (proof.kind === 'uncommitted') {
        context.report(doc, at, `this approval is not committed yet: the approver records it with isms approve ${doc.meta.id ?? doc.file}, so that git proves who approved`);
        return;
      }
      const { revision, index } = proof;
      if (revision.imported) return; // part of the history imported with the baseline, and trusted
      const { commit } = revision;
      const byRole = approval.by;
      // Whether the role may approve the type is approval-missing's to say (judged by the same configuration).
      const signOff = judgeSignOff(git, commit, () => [byRole], 'the approval');
      if (!signOff.ok) {
        context.report(doc, at, signOff.message);
        return;
      }
      const { member, config } = signOff;
      if (approval.name !== undefined && approval.name !== member.name) {
        context.report(doc, doc.map.valueAt('/approval/name'), `the approval names ${approval.name} but was committed by ${member.name} in ${describeCommit(commit)}`);
      }
      if (approval.date !== undefined) {
        const problem = signOffDateProblem(approval.date, commit, config.git.maxBackdateDays);
        if (problem) context.report(doc, doc.map.valueAt('/approval/date'), `the approval ${problem}`);
      }
      if (!config.git.allowSelfApproval) {
        const own = ownChange(contentChangesBefore(evidence, index, git.graph), commit.authorEmail);
        if (own) {
          context.report(doc, at, `${member.name} approved content they made (${describeCommit(own.commit)}): another member of an approving role must approve, or set git.allow_self_approval`);
        }
      }
    });
  },
};
