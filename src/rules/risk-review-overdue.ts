import { daysBetween } from '../text/dates.js';
import { label, nextReviews } from './entries.js';
import type { Rule } from './rule.js';

export const riskReviewOverdue: Rule = {
  id: 'risk-review-overdue',
  description: '`next_review` passed',
  defaultSeverity: 'warn',
  check(context) {
    for (const { entry, next } of nextReviews(context)) {
      if (next < context.asOf)
        context.report(entry.doc, entry.doc.map.valueAt(`${entry.pointer}/next_review`), `${label(entry, 'risk')} was due for review on ${next}, ${daysBetween(next, context.asOf)} days ago`);
    }
  },
};
