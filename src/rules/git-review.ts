import { isFutureDate, isIsoDate } from '../text/dates.js';
import { reviewersFor } from '../config/config.js';
import { judgeSignOff, reviewProof, signOffDateProblem } from '../git/model.js';
import { forEachEvidence } from './git-evidence-helpers.js';
import type { Rule } from './rule.js';

export const gitReview: Rule = {
  id: 'git-review',
  description: '`review.last` changed by someone neither in the owner role nor an approver of the type',
  defaultSeverity: 'error',
  check(context) {
    forEachEvidence(context, (doc, evidence, git) => {
      const last = doc.meta.review?.last;
      const proof = reviewProof(evidence);
      if (!proof) return;
      const at = doc.map.keyAt('/review');
      const name = doc.meta.id ?? doc.file;
      if (last !== undefined && isIsoDate(last) && isFutureDate(last, context.asOf)) {
        context.report(doc, doc.map.valueAt('/review/last'), `the review is dated ${last}, in the future (today is ${context.asOf}): a review is recorded when it happens, with isms review ${name}`);
        return;
      }
      if (proof.kind === 'uncommitted') {
        context.report(doc, at, `this review is not committed yet: the reviewer records it with isms review ${name}, so that git proves who reviewed`);
        return;
      }
      const { revision } = proof;
      if (revision.imported) return;
      // The owner and type the document had when it was reviewed: a later change of owner does not
      // make an earlier review someone else's.
      const owner = revision.facts.owner ?? doc.meta.owner;
      const type = revision.facts.type ?? doc.meta.type;
      const signOff = judgeSignOff(git, revision.commit, (config) => reviewersFor(config, owner, type), 'the review');
      if (!signOff.ok) {
        context.report(doc, at, signOff.message);
        return;
      }
      if (last !== undefined) {
        const problem = signOffDateProblem(last, revision.commit, signOff.config.git.maxBackdateDays);
        if (problem) context.report(doc, doc.map.valueAt('/review/last'), `the review ${problem}`);
      }
    });
  },
};
