import { addMonths, daysBetween, isIsoDate } from '../text/dates.js';
import { label, registerDocuments, riskEntries, text } from './entries.js';
import type { Rule } from './rule.js';

export const riskReviewOverdue: Rule = {
  id: 'risk-review-overdue',
  description: '`next_review` passed, or further away than `risk.max_review_months`',
  defaultSeverity: 'warn',
  check(context) {
    const limit = context.config.risk?.maxReviewMonths;
    const furthest = limit === undefined ? undefined : addMonths(context.asOf, limit);
    for (const doc of registerDocuments(context)) {
      if (doc.meta.status === 'retired') continue;
      for (const entry of riskEntries(doc)) {
        const next = text(entry, 'next_review');
        if (!next || !isIsoDate(next)) continue;
        const at = doc.map.valueAt(`${entry.pointer}/next_review`);
        if (next < context.asOf) {
          context.report(doc, at, `${label(entry, 'risk')} was due for review on ${next}, ${daysBetween(next, context.asOf)} days ago`);
        } else if (furthest !== undefined && next > furthest) {
          context.report(
            doc,
            at,
            `${label(entry, 'risk')} is next reviewed on ${next}, further ahead than the method allows: ${limit} ${limit === 1 ? 'month' : 'months'} at most (risk.max_review_months), so by ${furthest}`,
          );
        }
      }
    }
  },
};
