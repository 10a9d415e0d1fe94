import { daysBetween, isIsoDate } from '../text/dates.js';
import { label, registerDocuments, riskEntries, text } from './entries.js';
import type { Rule } from './rule.js';

export const riskReviewOverdue: Rule = {
  id: 'risk-review-overdue',
  description: '`next_review` passed',
  defaultSeverity: 'warn',
  check(context) {
    for (const doc of registerDocuments(context)) {
      if (doc.meta.status === 'retired') continue;
      for (const entry of riskEntries(doc)) {
        const next = text(entry, 'next_review');
        if (!next || !isIsoDate(next) || next >= context.asOf) continue;
        context.report(doc, doc.map.valueAt(`${entry.pointer}/next_review`), `${label(entry, 'risk')} was due for review on ${next}, ${daysBetween(next, context.asOf)} days ago`);
      }
    }
  },
};
