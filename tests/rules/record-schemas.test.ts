import { schema } from '../../src/rules/schema.js';
import { APPROVED_HEAD_LINES, internalAudit, managementReview, nonconformityLog, objectives } from '../helpers/records.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

const BODY = APPROVED_HEAD_LINES + 1;
const review = managementReview({ id: 'DOC-MR', date: '2026-02-20' });
const NC_OPEN = '  - { id: NC-001, raised: 2026-02-01, description: Leavers kept access, owner: ciso, due: 2026-03-01 }';
const NC_CLOSED_BARE = '  - { id: NC-002, raised: 2026-02-01, description: Leavers kept access, owner: ciso, due: 2026-03-01, closed: 2026-02-20 }';

ruleTester(schema, {
  valid: [
    { name: 'accepts a management review with the inputs a to g and its decisions', files: { 'review.yaml': review } },
    { name: 'accepts an internal audit that found nothing', files: { 'audit.yaml': internalAudit({ id: 'DOC-IA', date: '2026-03-10', findings: [] }) } },
    {
      name: 'accepts an audit nonconformity with its follow-up',
      files: {
        'audit.yaml': internalAudit({
          id: 'DOC-IA',
          date: '2026-03-10',
          findings: ['  - { id: F-1, kind: nonconformity, clause: "9.1", description: No measurements of 8.7, follow_up: NC-003 in the log }'],
        }),
      },
    },
    {
      name: 'accepts an empty nonconformity log, and one with an open entry',
      files: { 'empty.yaml': nonconformityLog({ id: 'DOC-NC1', entries: [] }), 'log.yaml': nonconformityLog({ id: 'DOC-NC2', entries: [NC_OPEN] }) },
    },
    { name: 'accepts objectives with measure, target, owner, due and results', files: { 'objectives.yaml': objectives({ id: 'DOC-OBJ', results: ['{ date: 2026-01-31, value: 15 days for 90% }'] }) } },
  ],
  invalid: [
    {
      name: 'reports a management review that leaves out an input of 9.3.2',
      files: { 'review.yaml': review.replace('  changes_in_interested_parties: Clients now ask for ISO/IEC 27001 certification.\n', '') },
      errors: [{ message: '"inputs" is missing "changes_in_interested_parties"', line: BODY + 2 }],
    },
    {
      name: 'reports a management review without decisions',
      files: { 'review.yaml': review.replace(/decisions:\n.*\n/, 'decisions: []\n') },
      errors: [{ message: '"decisions" needs at least 1 item(s)', line: BODY + 10 }],
    },
    {
      name: 'reports an audit nonconformity without follow-up',
      files: { 'audit.yaml': internalAudit({ id: 'DOC-IA', date: '2026-03-10', findings: ['  - { id: F-1, kind: nonconformity, description: No measurements of 8.7 }'] }) },
      errors: [{ message: '"findings[0]" is missing "follow_up"', line: BODY + 4 }],
    },
    {
      name: 'reports a closed nonconformity without its correction, cause and corrective action',
      files: { 'log.yaml': nonconformityLog({ id: 'DOC-NC', entries: [NC_CLOSED_BARE] }) },
      errors: [
        { message: '"entries[0]" is missing "correction"', line: BODY + 1 },
        { message: '"entries[0]" is missing "cause"', line: BODY + 1 },
        { message: '"entries[0]" is missing "corrective_action"', line: BODY + 1 },
      ].sort((a, b) => (a.message < b.message ? -1 : 1)),
    },
    {
      name: 'reports an objective without a target',
      files: { 'objectives.yaml': objectives({ id: 'DOC-OBJ' }).replace('    target: 14 days at most for 95% of advisories\n', '') },
      errors: [{ message: '"objectives[0]" is missing "target"', line: BODY + 1 }],
    },
    {
      name: 'reports a record that does not say what it records',
      files: { 'record.yaml': review.replace('record: management-review\n', '') },
      errors: [{ message: 'a record needs "record": what it records (internal-audit, management-review, nonconformity, objective, competence, monitoring)', line: 3, column: 7 }],
    },
    {
      name: 'reports a record kept as Markdown: records are YAML data',
      files: { 'minutes.md': markdown({ type: 'record', extra: 'record: management-review' }) },
      errors: [
        {
          message:
            'a record is kept as a YAML document (a .yaml file) holding the fields of its kind (record: internal-audit, management-review, nonconformity, objective, competence, monitoring), which schemas/record-<kind>.schema.json describe',
          line: 4,
          column: 7,
        },
      ],
    },
  ],
});
