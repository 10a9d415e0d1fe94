import { recordDue } from '../../src/rules/record-due.js';
import { APPROVED_HEAD_LINES, internalAudit, managementReview, nonconformityLog, objectives } from '../helpers/records.js';
import { CISO } from '../helpers/git-repo.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { BASE_CONFIG } from '../helpers/workspace.js';

/** Management reviews and internal audits every 12 months: `records:` on line 10, one kind a line. */
const RECORDS = `${BASE_CONFIG}records:\n  management-review: { every_months: 12 }\n  internal-audit: { every_months: 12 }\n`;
const REVIEW_LINE = 11;
/** The date line of an approved audit or review: the first line after the head. */
const DATE_LINE = APPROVED_HEAD_LINES + 1;
const audit2025 = internalAudit({ id: 'DOC-IA-2025', date: '2025-09-15' });
const review2025 = managementReview({ id: 'DOC-MR-2025', date: '2025-10-01' });
const ENTRY = (fields: string) => `  - { id: NC-001, raised: 2026-02-01, description: Leavers kept access for weeks, owner: ciso, ${fields} }`;
const CLOSED = 'due: 2026-03-01, closed: 2026-02-20, correction: Accounts removed, cause: No leaver checklist, corrective_action: Leaver checklist in HR system';

ruleTester(recordDue, {
  valid: [
    {
      name: 'says nothing without records: in the configuration, however old the records',
      files: {
        'review.yaml': managementReview({ id: 'DOC-MR-2019', date: '2019-01-10', versionDate: '2019-01-10' }),
        'log.yaml': nonconformityLog({ id: 'DOC-NC', entries: [ENTRY('due: 2019-02-01')] }),
      },
    },
    { name: 'accepts a review and an audit held within twelve months', config: RECORDS, files: { 'audit.yaml': audit2025, 'review.yaml': review2025 } },
    {
      name: 'does not hold a fresh ISMS overdue: the schedule starts with it',
      config: RECORDS,
      files: {
        'log.yaml': nonconformityLog({ id: 'DOC-NC', status: 'draft', versionDate: '2026-01-10', entries: [] }),
        'review.yaml': managementReview({ id: 'DOC-MR', status: 'draft', date: '2026-01-10', versionDate: '2026-01-10' }),
      },
    },
    {
      name: 'starts the schedule at the baseline commit, however old the imported version histories are',
      config: RECORDS,
      commits: [{ files: { 'review.yaml': managementReview({ id: 'DOC-MR', status: 'draft', date: '2019-01-10', versionDate: '2019-01-10' }) }, by: CISO, date: '2026-01-05', message: 'Adopt isms' }],
      files: {},
    },
    {
      name: 'accepts a closed nonconformity past its due date, and an open one not yet due',
      config: `${BASE_CONFIG}records: {}\n`,
      files: { 'log.yaml': nonconformityLog({ id: 'DOC-NC', entries: [ENTRY(CLOSED), ENTRY('due: 2026-07-01').replace('NC-001', 'NC-002')] }) },
    },
  ],
  invalid: [
    {
      name: 'reports a management review due twelve months after the newest approved one, at its date',
      config: RECORDS,
      files: { 'review.yaml': managementReview({ id: 'DOC-MR-2025', date: '2025-03-01' }), 'audit.yaml': audit2025 },
      errors: [
        {
          file: 'review.yaml',
          line: DATE_LINE,
          column: 7,
          message:
            'the next management review is overdue by 92 days: it was due 2026-03-01, 12 months after the newest approved one, DOC-MR-2025 of 2025-03-01 (records.management-review: every 12 months)',
        },
      ],
    },
    {
      name: 'does not count a draft as done, and says so at the configuration when no review is approved',
      config: RECORDS,
      files: { 'audit.yaml': audit2025, 'review.yaml': managementReview({ id: 'DOC-MR-2026', status: 'draft', date: '2026-05-20' }) },
      errors: [
        {
          file: 'isms.config.yaml',
          line: REVIEW_LINE,
          column: 3,
          message:
            'no approved management review record, and one is overdue by 142 days: it was due 2026-01-10, 12 months after the oldest version history row (DOC-IA-2025, 2025-01-10) (records.management-review: every 12 months) (DOC-MR-2026 is draft: only approved records count)',
        },
      ],
    },
    {
      name: 'names the record awaiting approval beside the overdue one',
      config: RECORDS,
      files: {
        'audit.yaml': internalAudit({ id: 'DOC-IA-2024', date: '2024-11-30', versionDate: '2024-11-30' }),
        'audit-2026.yaml': internalAudit({ id: 'DOC-IA-2026', status: 'in-review', date: '2026-05-01' }),
        'review.yaml': review2025,
      },
      errors: [
        {
          file: 'audit.yaml',
          line: DATE_LINE,
          message:
            'the next internal audit is overdue by 183 days: it was due 2025-11-30, 12 months after the newest approved one, DOC-IA-2024 of 2024-11-30 (records.internal-audit: every 12 months) (DOC-IA-2026 is in-review: only approved records count)',
        },
      ],
    },
    {
      name: 'counts from the baseline commit when no review is approved, and names it',
      config: RECORDS,
      commits: [{ files: { 'audit.yaml': audit2025 }, by: CISO, date: '2025-01-05', message: 'Adopt isms' }],
      files: {},
      errors: [
        {
          file: 'isms.config.yaml',
          line: REVIEW_LINE,
          message:
            /^no approved management review record, and one is overdue by 147 days: it was due 2026-01-05, 12 months after the baseline commit [0-9a-f]{7} of 2025-01-05 \(records\.management-review: every 12 months\)$/,
        },
      ],
    },
    {
      name: 'reports an open nonconformity past its due date, at the due date',
      config: RECORDS,
      files: { 'log.yaml': nonconformityLog({ id: 'DOC-NC', entries: [ENTRY('due: 2026-05-01')] }), 'audit.yaml': audit2025, 'review.yaml': review2025 },
      errors: [
        {
          file: 'log.yaml',
          line: DATE_LINE + 1,
          column: ENTRY('due: 2026-05-01').indexOf('2026-05-01') + 1,
          message: 'nonconformity NC-001 is open 31 days past its due date 2026-05-01 (owner: ciso): close it (closed, with its correction, cause and corrective action) or agree a new due date',
        },
      ],
    },
    {
      name: 'measures objectives by their newest result when objective has an interval',
      config: `${BASE_CONFIG}records:\n  objective: { every_months: 3 }\n`,
      files: { 'objectives.yaml': objectives({ id: 'DOC-OBJ', results: ['{ date: 2025-12-31, value: 12 days for 96% }', '{ date: 2026-01-31, value: 15 days for 90% }'] }) },
      errors: [
        {
          file: 'objectives.yaml',
          line: DATE_LINE + 9,
          message:
            'the next measurement of the objectives is overdue by 32 days: it was due 2026-04-30, 3 months after the newest approved one, DOC-OBJ of 2026-01-31 (records.objective: every 3 months)',
        },
      ],
    },
  ],
});
