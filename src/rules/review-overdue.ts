import { reviewSchedule } from '../documents/review.js';
import { daysBetween, isIsoDate } from '../text/dates.js';
import { misspelt } from './misspelt.js';
import { readable, type Rule } from './rule.js';

export const reviewOverdue: Rule = {
  id: 'review-overdue',
  description: 'last review (or approval) older than the interval at `--as-of` (a record only when it has `review:`)',
  defaultSeverity: 'warn',
  check(context) {
    for (const doc of readable(context)) {
      // A review block misspelt, or whose date cannot be read, is the schema's finding: when the
      // document was last reviewed is then unknown, and so is when it is due.
      const review = doc.data?.['review'];
      if (misspelt(context, doc, '/review') || (review !== undefined && !isIsoDate(doc.meta.review?.last ?? ''))) continue;
      const schedule = reviewSchedule(doc.meta, context.config);
      if (!schedule || schedule.due >= context.asOf) continue;
      const { last, fromReview, intervalMonths: interval, due } = schedule;
      const basis = fromReview ? `last review ${last}` : `approved ${last}, never reviewed since`;
      const at = fromReview ? doc.map.valueAt('/review/last') : doc.map.valueAt('/approval/date');
      context.report(doc, at, `review overdue by ${daysBetween(due, context.asOf)} days: due ${due} (${basis}; ${interval === 1 ? 'every month' : `every ${interval} months`})`);
    }
  },
};
