import { unknownRole } from '../../src/rules/unknown-role.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

ruleTester(unknownRole, {
  valid: [{ name: 'accepts configured roles', files: { 'policy.md': markdown() } }],
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
  ],
});
