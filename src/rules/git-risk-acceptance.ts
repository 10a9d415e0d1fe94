import { describeCommit } from '../git/log-parser.js';
import { judgeAcceptance } from '../git/model.js';
import { registerDocuments, riskEntries, text } from './entries.js';
import type { Rule } from './rule.js';

export const gitRiskAcceptance: Rule = {
  id: 'git-risk-acceptance',
  description: 'a risk acceptance added or changed by someone outside its `by` role',
  defaultSeverity: 'error',
  check(context) {
    const git = context.git;
    if (!git) return;
    for (const doc of registerDocuments(context)) {
      const evidence = git.document(doc);
      if (!evidence) continue;
      for (const entry of riskEntries(doc)) {
        const id = text(entry, 'id');
        if (id === undefined) continue;
        const judged = judgeAcceptance(git, evidence, id);
        if (!judged) continue;
        const at = doc.map.keyAt(`${entry.pointer}/acceptance`);
        if (judged.kind === 'uncommitted') {
          context.report(doc, at, `the acceptance of risk ${id} is not committed yet: the risk owner records it with isms accept ${id}, so that git proves who accepted`);
          continue;
        }
        const { revision, staleIn, signOff, dateProblem } = judged;
        if (signOff && !signOff.ok) {
          context.report(doc, at, signOff.message);
          continue;
        }
        if (dateProblem) context.report(doc, doc.map.valueAt(`${entry.pointer}/acceptance/date`), `the acceptance of risk ${id} ${dateProblem}`);
        if (staleIn !== undefined) {
          const where = staleIn === 'working' ? 'in uncommitted changes' : `in commit ${describeCommit(staleIn.commit)}`;
          context.report(
            doc,
            at,
            `risk ${id} changed ${where} (its ratings, treatment, controls or residual) after it was accepted in ${describeCommit(revision.commit)}: the acceptance does not cover it; the risk owner accepts it again with isms accept ${id}`,
          );
        }
      }
    }
  },
};
