import { memberWithEmail, sameEmail } from '../config/config.js';
import { describeCommit } from '../git/log-parser.js';
import { approvalRevision, baselineOf, contentAuthorsBefore } from '../git/model.js';
import { forEachEvidence } from './git-evidence-helpers.js';
import type { Rule } from './rule.js';

const SIGNATURE_WORDS: Record<string, string> = {
  B: 'a bad signature',
  U: 'a signature by a key it does not trust (not in git.allowed_signers, or an untrusted GPG key)',
  X: 'a good signature that has expired',
  Y: 'a good signature by an expired key',
  R: 'a good signature by a revoked key',
  E: 'a signature that cannot be checked (key not in allowed_signers or the keyring)',
  N: 'no signature',
};

export const gitApproval: Rule = {
  id: 'git-approval',
  description: 'approval not made by a commit of a member of the approving role; self-approval; unsigned when signatures are required',
  defaultSeverity: 'error',
  check(context) {
    const { config } = context;
    forEachEvidence(context, (doc, evidence, git) => {
      const approval = evidence.working.approval;
      if (doc.meta.status !== 'approved' || !approval?.by) return;
      const at = doc.map.keyAt('/approval');
      const revision = approvalRevision(evidence, approval);
      if (!revision) {
        context.report(doc, at, 'this approval is not committed yet: the approver commits it (isms approve), so that git proves who approved');
        return;
      }
      if (revision === baselineOf(evidence)) return; // imported with the document's first commit and trusted
      const { commit } = revision;
      const role = config.roles[approval.by];
      const member = memberWithEmail(config, approval.by, commit.authorEmail);
      if (!member) {
        const members = role?.members.map((m) => `${m.name} <${m.email}>`).join(', ') || 'none listed';
        context.report(doc, at, `the approval was committed in ${describeCommit(commit)}, by someone who is not a member of role "${approval.by}" (members: ${members})`);
        return;
      }
      if (approval.name !== undefined && approval.name !== member.name) {
        context.report(doc, doc.map.valueAt('/approval/name'), `the approval names ${approval.name} but was committed by ${member.name} in ${describeCommit(commit)}`);
      }
      if (!config.git.allowSelfApproval) {
        const own = contentAuthorsBefore(evidence, evidence.revisions.indexOf(revision)).find((r) => sameEmail(r.commit.authorEmail, commit.authorEmail));
        if (own) {
          context.report(doc, at, `${member.name} approved content they wrote (${describeCommit(own.commit)}): another member of an approving role must approve, or set git.allow_self_approval`);
        }
      }
      if (config.git.signedApprovals) {
        const signature = git.signature(commit.hash);
        if (!signature || signature.status !== 'G') {
          context.report(doc, at, `the approval commit ${describeCommit(commit)} has ${SIGNATURE_WORDS[signature?.status ?? 'N'] ?? `signature status ${signature?.status}`}; git.signed_approvals requires a good signature by the approver`);
        } else if (signature.signer !== '' && !sameEmail(signature.signer, commit.authorEmail)) {
          context.report(doc, at, `the approval commit ${describeCommit(commit)} is signed by ${signature.signer}, not by its author`);
        }
      }
    });
  },
};
