import { unknownRole } from '../../src/rules/unknown-role.js';
import { APPROVED_HEAD_LINES, managementReview, nonconformityLog } from '../helpers/records.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

ruleTester(unknownRole, {
  valid: [
    { name: 'accepts configured roles', files: { 'policy.md': markdown() } },
    { name: 'accepts the roles a record names', files: { 'review.yaml': managementReview({ id: 'DOC-MR', date: '2026-02-20' }) } },
  ],
  invalid: [
    {
      name: 'reports an owner that is not a role, with a suggestion',
      files: { 'policy.md': markdown({ owner: 'cisco' }) },
      errors: [{ message: 'owner "cisco" is not a role of isms.config.yaml (ceo, ciso, executive); did you mean "ciso"?', line: 5, column: 8 }],
    },
    {
      name: 'reports an approver role that does not exist',
      files: { 'policy.md': markdown({ approval: 'approval: { by: board, name: X, date: 2026-01-10 }' }) },
      errors: [{ message: 'approval.by "board" is not a role of isms.config.yaml (ceo, ciso, executive)', line: 9, column: 17 }],
    },
    {
      name: 'reports risk owners and acceptors that are not roles',
      files: {
        'register.yaml': 'id: DOC-RR\nrisks:\n  - id: R-001\n    owner: cto\n    acceptance: { by: cfo, date: 2026-01-01 }\n',
      },
      errors: [
        { message: 'risks[0].owner "cto" is not a role of isms.config.yaml (ceo, ciso, executive); did you mean "ceo"?', line: 4, column: 12 },
        { message: 'risks[0].acceptance.by "cfo" is not a role of isms.config.yaml (ceo, ciso, executive); did you mean "ceo"?', line: 5, column: 23 },
      ],
    },
    {
      name: 'reports the owner of a nonconformity and of a review decision that are not roles',
      files: {
        'log.yaml': nonconformityLog({ id: 'DOC-NC', entries: ['  - { id: NC-001, raised: 2026-02-01, description: x, owner: hr, due: 2026-03-01 }'] }),
        'review.yaml': managementReview({ id: 'DOC-MR', date: '2026-02-20' }).replace('owner: ciso, due: 2026-12-01', 'owner: it, due: 2026-12-01'),
      },
      errors: [
        { file: 'log.yaml', message: 'entries[0].owner "hr" is not a role of isms.config.yaml (ceo, ciso, executive)', line: APPROVED_HEAD_LINES + 2 },
        { file: 'review.yaml', message: 'decisions[0].owner "it" is not a role of isms.config.yaml (ceo, ciso, executive)', line: APPROVED_HEAD_LINES + 12 },
      ],
    },
  ],
});
