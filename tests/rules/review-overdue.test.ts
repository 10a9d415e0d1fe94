import { reviewOverdue } from '../../src/rules/review-overdue.js';
import { managementReview } from '../helpers/records.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

ruleTester(reviewOverdue, {
  valid: [
    { name: 'accepts a document approved within the interval', asOf: '2026-12-01', files: { 'policy.md': markdown() } },
    { name: 'accepts a recent review of an old approval', asOf: '2026-12-01', files: { 'policy.md': markdown({ review: 'review: { last: 2026-03-01 }' }) } },
    { name: 'ignores retired documents', asOf: '2030-01-01', files: { 'policy.md': markdown({ status: 'retired' }) } },
    {
      name: 'gives a record no review of its own: it is evidence of what was done, and record-due says when the next is due',
      asOf: '2030-01-01',
      files: { 'review.yaml': managementReview({ id: 'DOC-MR-1', date: '2025-01-10' }) },
    },
  ],
  invalid: [
    {
      name: 'reports an approval older than the configured interval at --as-of',
      asOf: '2027-02-10',
      files: { 'policy.md': markdown() },
      errors: [{ message: 'review overdue by 31 days: due 2027-01-10 (approved 2026-01-10, never reviewed since; every 12 months)', line: 9 }],
    },
    {
      name: 'uses the document interval over the configured one',
      asOf: '2026-08-01',
      files: { 'policy.md': markdown({ review: 'review: { last: 2026-01-15, interval_months: 6 }' }) },
      errors: [{ message: 'review overdue by 17 days: due 2026-07-15 (last review 2026-01-15; every 6 months)', line: 10, column: 17 }],
    },
    {
      name: 'reviews a record that asks for it with review:',
      asOf: '2026-02-10',
      files: { 'review.yaml': managementReview({ id: 'DOC-MR-1', date: '2025-01-10' }).replace('versions:', 'review: { last: 2025-01-20, interval_months: 12 }\nversions:') },
      errors: [{ message: 'review overdue by 21 days: due 2026-01-20 (last review 2025-01-20; every 12 months)', line: 10, column: 17 }],
    },
  ],
});
