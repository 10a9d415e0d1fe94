import { addMonths, daysBetween, isIsoDate } from '../text/dates.js';
import { readable, type Rule } from './rule.js';

export const reviewOverdue: Rule = {
  id: 'review-overdue',
  description: 'last review (or approval) older than the interval at `--as-of`',
  defaultSeverity: 'warn',
  check(context) {
    for (const doc of readable(context)) {
      if (doc.meta.status === 'retired') continue;
      const review = doc.meta.review;
      const approvedOn = doc.meta.status === 'approved' ? doc.meta.approval?.date : undefined;
      const last = review?.last ?? approvedOn;
      if (!last || !isIsoDate(last)) continue;
      const interval = review?.intervalMonths ?? context.config.reviewIntervalMonths;
      const due = addMonths(last, interval);
      if (due >= context.asOf) continue;
      const basis = review?.last ? `last review ${last}` : `approved ${last}, never reviewed since`;
      const at = review?.last ? doc.map.valueAt('/review/last') : doc.map.valueAt('/approval/date');
      context.report(doc, at, `review overdue by ${daysBetween(due, context.asOf)} days: due ${due} (${basis}; ${interval === 1 ? 'every month' : `every ${interval} months`})`);
    }
  },
};
