import { classificationRank } from '../config/config.js';
import type { Rule } from './rule.js';
import { referencesOf } from './references.js';

export const classificationLeak: Rule = {
  id: 'classification-leak',
  description: 'a document links to one of a stricter classification',
  defaultSeverity: 'warn',
  check(context) {
    const rank = (classification: string | undefined) => classificationRank(context.config, classification);
    for (const doc of context.documents) {
      const own = rank(doc.meta.classification);
      if (own === -1) continue;
      for (const reference of referencesOf(doc, context)) {
        const target = reference.target;
        if (!target || target === doc) continue;
        const theirs = rank(target.meta.classification);
        if (theirs > own) {
          context.report(
            doc,
            reference.at,
            `${doc.meta.classification} document refers to ${target.meta.id ?? target.path}, classified ${target.meta.classification}: readers of this one may not be cleared for it`,
          );
        }
      }
    }
  },
};
