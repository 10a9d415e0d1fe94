import { approversFor, roleOf } from '../config/config.js';
import { describeCommit } from '../git/log-parser.js';
import { approvalProof, firstContentChangeAfter } from '../git/model.js';
import { forEachEvidence } from './git-evidence-helpers.js';
import type { Rule } from './rule.js';

export const gitApprovalStale: Rule = {
  id: 'git-approval-stale',
  description: 'content changed after the approval commit',
  defaultSeverity: 'error',
  check(context) {
    forEachEvidence(context, (doc, evidence) => {
      const proof = approvalProof(evidence);
      if (proof?.kind !== 'committed' || proof.revision.facts.fingerprint === evidence.working.fingerprint) return;
      const changed = firstContentChangeAfter(evidence, proof.index, proof.revision.facts.fingerprint);
      const where = changed ? `in commit ${describeCommit(changed.commit)}` : 'in uncommitted changes';
      const name = doc.meta.id ?? doc.file;
      const roles = doc.meta.type ? approversFor(context.config, doc.meta.type) : [];
      const members = roles.flatMap((role) => roleOf(context.config, role)?.members.map((m) => m.name) ?? []);
      const by = members.length > 0 ? ` by ${members.join(' or ')} (${roles.join(', ')})` : roles.length > 0 ? ` by a member of ${roles.join(', ')}` : '';
      context.report(
        doc,
        doc.map.valueAt('/status'),
        `content changed ${where} after it was approved in ${describeCommit(proof.revision.commit)}: the approval does not cover it. Record a version (isms version ${name} --details "..."), commit it, and have it approved again: isms approve ${name}${by}`,
      );
    });
  },
};
