import { addMonths } from '../text/dates.js';
import { label, nextReviews } from './entries.js';
import type { Rule } from './rule.js';

/**
 * The method's limit on how far ahead a risk's review may be planned. A rule of its own, not a case
 * of risk-review-overdue: an overdue review is a warning that time brings, a review set beyond the
 * method's limit is an error its author made, and severity belongs to a rule, never to a finding.
 */
export const riskReviewLimit: Rule = {
  id: 'risk-review-limit',
  description: '`next_review` further away than `risk.max_review_months`',
  defaultSeverity: 'error',
  check(context) {
    const limit = context.config.risk?.maxReviewMonths;
    if (limit === undefined) return;
    const furthest = addMonths(context.asOf, limit);
    for (const { entry, next } of nextReviews(context)) {
      if (next <= furthest) continue;
      context.report(
        entry.doc,
        entry.doc.map.valueAt(`${entry.pointer}/next_review`),
        `${label(entry, 'risk')} is next reviewed on ${next}, further ahead than the method allows: ${limit} ${limit === 1 ? 'month' : 'months'} at most (risk.max_review_months), so by ${furthest}`,
      );
    }
  },
};
