import { approvalMissing } from '../../src/rules/approval-missing.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

ruleTester(approvalMissing, {
  valid: [
    { name: 'accepts an approval by an allowed role member on the newest version date', files: { 'policy.md': markdown() } },
    { name: 'ignores an old approval block on a document back in draft', files: { 'policy.md': markdown({ status: 'draft', approval: 'approval: { by: ciso, name: Nobody, date: 2020-01-01 }' }) } },
    { name: 'uses the "*" fallback for types without their own approvers', files: { 'p.md': markdown({ type: 'procedure', approval: 'approval: { by: ciso, name: M. Woolard, date: 2026-01-10 }' }) } },
  ],
  invalid: [
    {
      name: 'reports an approved document without approval',
      files: { 'policy.md': markdown({ approval: null }) },
      errors: [{ message: 'status is "approved" but there is no approval: add approval {by, name, date}', line: 7, column: 9 }],
    },
    {
      name: 'reports a role that may not approve the type',
      files: { 'policy.md': markdown({ approval: 'approval: { by: ciso, name: M. Woolard, date: 2026-01-10 }' }) },
      errors: [{ message: 'role "ciso" may not approve a policy (approvers for a policy: ceo)', line: 9, column: 17 }],
    },
    {
      name: 'reports an approver who is not a member of the role',
      files: { 'policy.md': markdown({ approval: 'approval: { by: ceo, name: M. Woolard, date: 2026-01-10 }' }) },
      errors: [{ message: '"M. Woolard" is not a member of role "ceo" (members: R. Adeyemi)', line: 9, column: 28 }],
    },
    {
      name: 'reports an approval older than the newest version',
      files: { 'policy.md': markdown({ approval: 'approval: { by: ceo, name: R. Adeyemi, date: 2026-01-01 }' }) },
      errors: [{ message: 'approval dated 2026-01-01 predates version 1.0 (2026-01-10, line 21): approve the current version', line: 9 }],
    },
  ],
});
