import { recordDue } from '../../src/rules/record-due.js';
import { APPROVED_HEAD_LINES, internalAudit, managementReview, nonconformityLog, objectives } from '../helpers/records.js';
import { CEO, CISO, OUTSIDER } from '../helpers/git-repo.js';
import { ruleTester, type CaseCommit } from '../helpers/rule-tester.js';
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
/** The line of the first line of `text` that holds `fragment`, and the column where it starts. */
const at = (text: string, fragment: string) => {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes(fragment));
  return { line: index + 1, column: lines[index]!.indexOf(fragment) + 1 };
};

/** Only the nonconformity log is checked (records: {}). */
const LOG_ONLY = `${BASE_CONFIG}records: {}\n`;
/** NC-001, due 2026-03-01, as the approved log 1.0 holds it. */
const OPEN = ENTRY('due: 2026-03-01');
const log = (status: string, version: string, entries: string[], approvalDate?: string) =>
  nonconformityLog({ id: 'DOC-NC', status, version, versionDate: '2026-02-01', ...(approvalDate ? { approvalDate } : {}), entries });
/**
 * The log as its approving role approved it: the CEO writes 1.0 with NC-001 open (after the baseline,
 * where the CISO adopted isms), and the CISO approves it.
 */
const APPROVED_LOG: CaseCommit[] = [
  { files: { 'audit.yaml': audit2025 }, by: CISO, date: '2026-01-05', message: 'Adopt isms' },
  { files: { 'log.yaml': log('in-review', '1.0', [OPEN]) }, by: CEO, date: '2026-02-01', message: 'DOC-NC 1.0' },
  { files: { 'log.yaml': log('approved', '1.0', [OPEN], '2026-02-02') }, by: CISO, date: '2026-02-02', message: 'Approve DOC-NC 1.0' },
];
/** NC-001 closed, as a new version of the log says. */
const CLOSING = ENTRY(CLOSED.replace('closed: 2026-02-20', 'closed: 2026-03-15'));
const closedBy = (who: typeof CEO, status = 'in-review'): CaseCommit => ({
  files: { 'log.yaml': log(status, '1.1', [CLOSING], status === 'approved' ? '2026-03-15' : undefined) },
  by: who,
  date: '2026-03-15',
  message: 'DOC-NC 1.1: NC-001 closed',
});

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
    {
      name: 'accepts a closure once a member of the approving role approves it',
      config: LOG_ONLY,
      commits: [...APPROVED_LOG, closedBy(CEO), { files: { 'log.yaml': log('approved', '1.1', [CLOSING], '2026-03-16') }, by: CISO, date: '2026-03-16', message: 'Approve DOC-NC 1.1' }],
      files: {},
    },
    {
      name: 'accepts a log deleted after the approving role retired it',
      config: LOG_ONLY,
      commits: [
        ...APPROVED_LOG,
        { files: { 'log.yaml': log('approved', '1.0', [OPEN], '2026-02-02').replace('status: approved', 'status: retired') }, by: CISO, date: '2026-03-15', message: 'Retire DOC-NC' },
        { files: { 'log.yaml': null }, by: CISO, date: '2026-03-16', message: 'Remove the retired log' },
      ],
      files: {},
    },
    {
      name: 'accepts a management review whose approval the chain of trust proves',
      config: RECORDS,
      commits: [
        { files: { 'audit.yaml': audit2025 }, by: CISO, date: '2025-03-01', message: 'Adopt isms' },
        { files: { 'review.yaml': managementReview({ id: 'DOC-MR-2026', status: 'in-review', date: '2026-05-01', versionDate: '2026-05-01' }) }, by: CEO, date: '2026-05-01' },
        { files: { 'review.yaml': managementReview({ id: 'DOC-MR-2026', date: '2026-05-01', versionDate: '2026-05-01', approvalDate: '2026-05-02' }) }, by: CISO, date: '2026-05-02' },
      ],
      files: {},
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
            'no approved management review record, and one is overdue by 142 days: it was due 2026-01-10, 12 months after the oldest version history row (DOC-IA-2025, 2025-01-10) (records.management-review: every 12 months) (not counted: DOC-MR-2026 is draft)',
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
            'the next internal audit is overdue by 183 days: it was due 2025-11-30, 12 months after the newest approved one, DOC-IA-2024 of 2024-11-30 (records.internal-audit: every 12 months) (not counted: DOC-IA-2026 is in-review)',
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
      name: 'keeps a nonconformity open while its closure is not approved: someone outside the approving role closes it in a version in review',
      config: LOG_ONLY,
      commits: [...APPROVED_LOG, closedBy(OUTSIDER)],
      files: {},
      errors: [
        {
          file: 'log.yaml',
          ...at(log('in-review', '1.1', [CLOSING]), '2026-03-15'),
          message: 'nonconformity NC-001 is open 92 days past its due date 2026-03-01: its closure in DOC-NC 1.1 is not approved',
        },
      ],
    },
    {
      name: 'does not count a closure approved by someone outside the approving role',
      config: LOG_ONLY,
      commits: [...APPROVED_LOG, closedBy(OUTSIDER, 'approved')],
      files: {},
      errors: [
        {
          file: 'log.yaml',
          line: at(log('approved', '1.1', [CLOSING], '2026-03-15'), 'closed: 2026-03-15').line,
          column: at(CLOSING, '2026-03-15').column,
          message: 'nonconformity NC-001 is open 92 days past its due date 2026-03-01: its closure in DOC-NC 1.1 is not approved',
        },
      ],
    },
    {
      name: 'does not count a closure dated after the approval that covers it, even once its day has passed',
      config: LOG_ONLY,
      commits: [
        ...APPROVED_LOG,
        { files: { 'log.yaml': log('in-review', '1.1', [CLOSING]) }, by: CEO, date: '2026-03-10', message: 'DOC-NC 1.1: NC-001 to be closed on 2026-03-15' },
        { files: { 'log.yaml': log('approved', '1.1', [CLOSING], '2026-03-10') }, by: CISO, date: '2026-03-10', message: 'Approve DOC-NC 1.1 in advance' },
      ],
      files: {},
      errors: [
        {
          file: 'log.yaml',
          line: at(log('approved', '1.1', [CLOSING], '2026-03-10'), 'due: 2026-03-01').line,
          column: at(CLOSING, '2026-03-01').column,
          message: 'nonconformity NC-001 is open 92 days past its due date 2026-03-01 (owner: ciso): close it (closed, with its correction, cause and corrective action) or agree a new due date',
        },
        {
          file: 'log.yaml',
          line: at(log('approved', '1.1', [CLOSING], '2026-03-10'), 'closed: 2026-03-15').line,
          column: at(CLOSING, '2026-03-15').column,
          message:
            'DOC-NC records nonconformity NC-001 closed on 2026-03-15, after its approval (2026-03-10): a record is dated when what it records happened, and an approval covers only what had happened by then, so this date counts for nothing',
        },
      ],
    },
    {
      name: 'keeps open, from git, a closure an earlier version approved before its date, while a later version is in review',
      config: LOG_ONLY,
      commits: [
        ...APPROVED_LOG,
        { files: { 'log.yaml': log('in-review', '1.1', [CLOSING]) }, by: CEO, date: '2026-03-10', message: 'DOC-NC 1.1: NC-001 to be closed on 2026-03-15' },
        { files: { 'log.yaml': log('approved', '1.1', [CLOSING], '2026-03-10') }, by: CISO, date: '2026-03-10', message: 'Approve DOC-NC 1.1 in advance' },
        { files: { 'log.yaml': log('in-review', '1.2', [CLOSING]) }, by: CEO, date: '2026-03-20', message: 'DOC-NC 1.2 for review' },
      ],
      files: {},
      errors: [
        {
          file: 'log.yaml',
          line: at(log('in-review', '1.2', [CLOSING]), 'closed: 2026-03-15').line,
          column: at(CLOSING, '2026-03-15').column,
          message: 'nonconformity NC-001 is open 92 days past its due date 2026-03-01: its closure in DOC-NC 1.2 is not approved',
        },
      ],
    },
    {
      name: 'keeps the approved due date while a later one is not approved',
      config: LOG_ONLY,
      commits: APPROVED_LOG,
      files: { 'log.yaml': log('in-review', '1.1', [ENTRY('due: 2026-09-01')]) },
      errors: [
        {
          file: 'log.yaml',
          ...at(log('in-review', '1.1', [ENTRY('due: 2026-09-01')]), '2026-09-01'),
          message: 'nonconformity NC-001 is open 92 days past its due date 2026-03-01: its new due date 2026-09-01 in DOC-NC 1.1 is not approved',
        },
      ],
    },
    {
      name: 'keeps a nonconformity removed from the log open until a version without it is approved',
      config: LOG_ONLY,
      commits: APPROVED_LOG,
      files: { 'log.yaml': log('in-review', '1.1', []) },
      errors: [{ file: 'log.yaml', ...at(log('in-review', '1.1', []), '[]'), message: 'nonconformity NC-001 is open 92 days past its due date 2026-03-01: its removal in DOC-NC 1.1 is not approved' }],
    },
    {
      name: 'keeps reporting the nonconformities of a log retired by someone not allowed to retire it',
      config: LOG_ONLY,
      commits: [...APPROVED_LOG, { files: { 'log.yaml': log('approved', '1.0', [OPEN], '2026-02-02').replace('status: approved', 'status: retired') }, by: OUTSIDER, date: '2026-03-15' }],
      files: {},
      errors: [
        {
          file: 'log.yaml',
          ...at(log('approved', '1.0', [OPEN]), '2026-03-01'),
          message: 'nonconformity NC-001 is open 92 days past its due date 2026-03-01 (owner: ciso): close it (closed, with its correction, cause and corrective action) or agree a new due date',
        },
      ],
    },
    {
      name: 'keeps the nonconformities of a deleted log open, on the deleted file',
      config: LOG_ONLY,
      commits: [...APPROVED_LOG, { files: { 'log.yaml': null }, by: OUTSIDER, date: '2026-03-15', message: 'Remove the log' }],
      files: {},
      errors: [
        {
          file: 'log.yaml',
          line: 1,
          column: 1,
          message:
            /^nonconformity NC-001 is open 92 days past its due date 2026-03-01: its removal with DOC-NC, deleted in [0-9a-f]{7}, is not approved \(restore the log, and close the nonconformity in a version the approving role approves\)$/,
        },
      ],
    },
    {
      name: 'keeps the nonconformities of a log renamed to a path isms does not check open, on its old path',
      config: LOG_ONLY,
      commits: [...APPROVED_LOG, { files: { 'log.yaml': null, 'log.yaml.bak': log('approved', '1.0', [OPEN], '2026-02-02') }, by: OUTSIDER, date: '2026-03-15', message: 'Keep the log aside' }],
      files: { 'log.yaml.bak': log('approved', '1.0', [OPEN], '2026-02-02') },
      errors: [
        {
          file: 'log.yaml',
          line: 1,
          column: 1,
          message:
            /^nonconformity NC-001 is open 92 days past its due date 2026-03-01: its removal with DOC-NC, deleted in [0-9a-f]{7}, is not approved \(restore the log, and close the nonconformity in a version the approving role approves\)$/,
        },
      ],
    },
    {
      name: 'does not count a management review whose approval is not valid, and says which rule tells why',
      config: RECORDS,
      commits: [
        { files: { 'audit.yaml': audit2025 }, by: CISO, date: '2025-03-01', message: 'Adopt isms' },
        { files: { 'review.yaml': managementReview({ id: 'DOC-MR-2026', date: '2026-05-01', versionDate: '2026-05-01' }) }, by: OUTSIDER, date: '2026-05-01' },
      ],
      files: {},
      errors: [
        {
          file: 'isms.config.yaml',
          line: REVIEW_LINE,
          message:
            /^no approved management review record, and one is overdue by 92 days: it was due 2026-03-01, 12 months after the baseline commit [0-9a-f]{7} of 2025-03-01 \(records\.management-review: every 12 months\) \(not counted: DOC-MR-2026 claims approval but it is not valid \(see git-approval\)\)$/,
        },
      ],
    },
    {
      name: 'does not count a management review changed since its approval, and names the rule that reports it',
      config: RECORDS,
      commits: [
        { files: { 'audit.yaml': audit2025 }, by: CISO, date: '2025-03-01', message: 'Adopt isms' },
        { files: { 'review.yaml': managementReview({ id: 'DOC-MR-2026', status: 'in-review', date: '2026-05-01', versionDate: '2026-05-01' }) }, by: CEO, date: '2026-05-01' },
        { files: { 'review.yaml': managementReview({ id: 'DOC-MR-2026', date: '2026-05-01', versionDate: '2026-05-01', approvalDate: '2026-05-02' }) }, by: CISO, date: '2026-05-02' },
      ],
      files: { 'review.yaml': managementReview({ id: 'DOC-MR-2026', date: '2026-05-01', versionDate: '2026-05-01', approvalDate: '2026-05-02' }).replace('No complaints.', 'Two complaints.') },
      errors: [
        {
          file: 'isms.config.yaml',
          line: REVIEW_LINE,
          message: /\(not counted: DOC-MR-2026 claims approval but it is not valid \(see git-approval-stale\)\)$/,
        },
      ],
    },
    {
      name: 'counts from the newest approved record even when it is older than the baseline commit',
      config: RECORDS,
      commits: [{ files: { 'audit.yaml': audit2025, 'review.yaml': managementReview({ id: 'DOC-MR-2025', date: '2025-03-01' }) }, by: CISO, date: '2026-01-05', message: 'Adopt isms' }],
      files: {},
      errors: [
        {
          file: 'review.yaml',
          line: DATE_LINE,
          message:
            'the next management review is overdue by 92 days: it was due 2026-03-01, 12 months after the newest approved one, DOC-MR-2025 of 2025-03-01 (records.management-review: every 12 months)',
        },
      ],
    },
    {
      name: 'reports a management review dated in the future, at its date, and does not count it as held',
      config: RECORDS,
      files: { 'audit.yaml': audit2025, 'review.yaml': managementReview({ id: 'DOC-MR-2030', date: '2030-06-01', approvalDate: '2026-05-20' }) },
      errors: [
        {
          file: 'isms.config.yaml',
          line: REVIEW_LINE,
          message:
            'no approved management review record, and one is overdue by 142 days: it was due 2026-01-10, 12 months after the oldest version history row (DOC-IA-2025, 2025-01-10) (records.management-review: every 12 months) (not counted: DOC-MR-2030 is dated after today)',
        },
        {
          file: 'review.yaml',
          line: DATE_LINE,
          column: 7,
          message: 'DOC-MR-2030 records a management review held on 2030-06-01, after today (2026-06-01): a record is dated when what it records happened, and this date counts for nothing until then',
        },
      ],
    },
    {
      name: 'reports a management review dated after its approval, once that date has come, and does not count it as held',
      config: `${BASE_CONFIG}records:\n  management-review: { every_months: 12 }\n`,
      asOf: '2031-05-01',
      files: { 'review.yaml': managementReview({ id: 'DOC-MR-2030', date: '2030-06-01', versionDate: '2026-12-01', approvalDate: '2026-12-01' }) },
      errors: [
        {
          file: 'isms.config.yaml',
          line: REVIEW_LINE,
          message:
            /^no approved management review record, and one is overdue by \d+ days: it was due 2027-12-01, 12 months after the oldest version history row \(DOC-MR-2030, 2026-12-01\) \(records\.management-review: every 12 months\) \(not counted: DOC-MR-2030 is dated after its approval\)$/,
        },
        {
          file: 'review.yaml',
          line: DATE_LINE,
          message:
            'DOC-MR-2030 records a management review held on 2030-06-01, after its approval (2026-12-01): a record is dated when what it records happened, and an approval covers only what had happened by then, so this date counts for nothing',
        },
      ],
    },
    {
      name: 'measures objectives by their newest result that is not in the future, and reports the one that is',
      config: `${BASE_CONFIG}records:\n  objective: { every_months: 3 }\n`,
      files: { 'objectives.yaml': objectives({ id: 'DOC-OBJ', results: ['{ date: 2025-12-31, value: 12 days for 96% }', '{ date: 2026-09-30, value: 15 days for 90% }'] }) },
      errors: [
        {
          file: 'objectives.yaml',
          line: DATE_LINE + 8,
          message:
            'the next measurement of the objectives is overdue by 62 days: it was due 2026-03-31, 3 months after the newest approved one, DOC-OBJ of 2025-12-31 (records.objective: every 3 months)',
        },
        {
          file: 'objectives.yaml',
          line: DATE_LINE + 9,
          message:
            'DOC-OBJ records a result of objective O-1 measured on 2026-09-30, after today (2026-06-01): a record is dated when what it records happened, and this date counts for nothing until then',
        },
      ],
    },
    {
      name: 'does not take closed: null, a closure that is no date or one still to come for a closure, and reports the date to come',
      config: LOG_ONLY,
      files: {
        'log.yaml': nonconformityLog({
          id: 'DOC-NC',
          entries: [
            ENTRY('due: 2026-03-01, closed: null'),
            ENTRY('due: 2026-03-01, closed: soon').replace('NC-001', 'NC-002'),
            ENTRY('due: 2026-03-01, closed: 2026-07-01').replace('NC-001', 'NC-003'),
          ],
        }),
      },
      errors: [
        { file: 'log.yaml', line: DATE_LINE + 1, message: /^nonconformity NC-001 is open 92 days past its due date 2026-03-01 \(owner: ciso\)/ },
        { file: 'log.yaml', line: DATE_LINE + 2, message: /^nonconformity NC-002 is open 92 days past its due date 2026-03-01 \(owner: ciso\)/ },
        { file: 'log.yaml', line: DATE_LINE + 3, message: /^nonconformity NC-003 is open 92 days past its due date 2026-03-01 \(owner: ciso\)/ },
        {
          file: 'log.yaml',
          line: DATE_LINE + 3,
          message: 'DOC-NC records nonconformity NC-003 closed on 2026-07-01, after today (2026-06-01): a record is dated when what it records happened, and this date counts for nothing until then',
        },
      ],
    },
    {
      name: 'reports a closure or a due date before the nonconformity was raised, and an id used twice',
      config: LOG_ONLY,
      files: {
        'log.yaml': nonconformityLog({
          id: 'DOC-NC',
          entries: [
            ENTRY(CLOSED.replace('closed: 2026-02-20', 'closed: 2026-01-20')),
            ENTRY('due: 2026-01-15, closed: 2026-02-20, correction: Accounts removed, cause: No checklist, corrective_action: Checklist').replace('NC-001', 'NC-002'),
            ENTRY(CLOSED).replace('NC-001', 'NC-002'),
          ],
        }),
      },
      errors: [
        { file: 'log.yaml', line: DATE_LINE + 1, message: 'nonconformity NC-001 is closed 2026-01-20, before it was raised (2026-02-01)' },
        { file: 'log.yaml', line: DATE_LINE + 2, message: 'nonconformity NC-002 is due 2026-01-15, before it was raised (2026-02-01)' },
        { file: 'log.yaml', line: DATE_LINE + 3, column: 11, message: 'nonconformity NC-002 is listed twice (entries 2 and 3): give each nonconformity its own id' },
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
