import { gitApproval } from '../../src/rules/git-approval.js';
import { gitApprovalStale } from '../../src/rules/git-approval-stale.js';
import { gitHistory } from '../../src/rules/git-history.js';
import { gitHistoryRewrite } from '../../src/rules/git-history-rewrite.js';
import { gitUncommitted } from '../../src/rules/git-uncommitted.js';
import { gitVersionBump } from '../../src/rules/git-version-bump.js';
import { gitVersionDate } from '../../src/rules/git-version-date.js';
import { CEO, CISO, policy, WRITER } from '../helpers/git-repo.js';
import { ruleTester } from '../helpers/rule-tester.js';

// Rule tables over fake git evidence (tests/helpers/fake-git.ts): each document's history is the
// texts its commits held; commit n is named 000000n. tests/git/ runs the same rules on real repositories.

const ROW_01 = '| 0.1 | 2026-01-05 | P. Writer | First draft |';
const ROW_10 = '| 1.0 | 2026-01-10 | P. Writer | First published |';
const DRAFT = policy();
const IN_REVIEW = policy({ status: 'in-review', version: '1.0', rows: [ROW_01, ROW_10] });
const APPROVED = policy({ status: 'approved', version: '1.0', rows: [ROW_01, ROW_10], approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-12 }' });
const edited = (text: string) => text.replace('We protect information.', 'We protect some information.');

ruleTester(gitVersionBump, {
  valid: [
    {
      name: 'accepts content changed together with a new row',
      files: { 'policy.md': edited(IN_REVIEW) },
      git: {
        history: {
          'policy.md': [
            { by: WRITER, date: '2026-01-05', text: DRAFT },
            { by: WRITER, date: '2026-01-10', text: edited(IN_REVIEW) },
          ],
        },
      },
    },
    { name: 'says nothing without git evidence', files: { 'policy.md': edited(DRAFT) } },
  ],
  invalid: [
    {
      name: 'reports content committed after the newest row, naming the commit',
      files: { 'policy.md': edited(DRAFT) },
      git: {
        history: {
          'policy.md': [
            { by: WRITER, date: '2026-01-05', text: DRAFT },
            { by: CISO, date: '2026-01-07', text: edited(DRAFT) },
          ],
        },
      },
      errors: [
        {
          message:
            'content changed in commit 0000002 (M. Woolard <ciso@example.com>, 2026-01-07) after version 0.1 was recorded in 0000001 (P. Writer <writer@example.com>, 2026-01-05), without a new version history row: record one with isms version DOC-A5 --details "..."',
          line: 21,
          column: 1,
          endLine: 21,
          endColumn: 47,
          severity: 'error',
        },
      ],
    },
    {
      name: 'reports uncommitted content changes',
      files: { 'policy.md': edited(DRAFT) },
      git: { history: { 'policy.md': [{ by: WRITER, date: '2026-01-05', text: DRAFT }] } },
      errors: [{ message: /^content changed in uncommitted changes after version 0\.1 was recorded in 0000001 /, line: 21 }],
    },
  ],
});

ruleTester(gitHistoryRewrite, {
  valid: [
    {
      name: 'accepts rows added after the committed ones',
      files: { 'policy.md': IN_REVIEW },
      git: {
        history: {
          'policy.md': [
            { by: WRITER, date: '2026-01-05', text: DRAFT },
            { by: WRITER, date: '2026-01-10', text: IN_REVIEW },
          ],
        },
      },
    },
  ],
  invalid: [
    {
      name: 'reports a committed row edited later',
      files: { 'policy.md': DRAFT.replace('First draft', 'Second thoughts') },
      git: {
        history: {
          'policy.md': [
            { by: WRITER, date: '2026-01-05', text: DRAFT },
            { by: CEO, date: '2026-01-06', text: DRAFT.replace('First draft', 'Second thoughts') },
          ],
        },
      },
      errors: [
        {
          message:
            'the version history row of 0.1 was edited in commit 0000002 (R. Adeyemi <ceo@example.com>, 2026-01-06); it read "0.1 | 2026-01-05 | P. Writer | First draft" as committed in 0000001 (P. Writer <writer@example.com>, 2026-01-05)',
          line: 21,
          column: 1,
        },
      ],
    },
  ],
});

ruleTester(gitVersionDate, {
  valid: [{ name: 'accepts a row dated on the day of its commit', files: { 'policy.md': DRAFT }, git: { history: { 'policy.md': [{ by: WRITER, date: '2026-01-05', text: DRAFT }] } } }],
  invalid: [
    {
      name: 'reports a row dated after the commit that added it',
      files: { 'policy.md': DRAFT },
      git: { history: { 'policy.md': [{ by: WRITER, date: '2026-01-02', text: DRAFT }] } },
      errors: [
        { message: 'version 0.1 is dated 2026-01-05, after the commit that added it: 0000001 (P. Writer <writer@example.com>, 2026-01-02), committed 2026-01-02', line: 21, column: 9, endColumn: 19 },
      ],
    },
  ],
});

ruleTester(gitApproval, {
  valid: [
    {
      name: 'accepts an approval committed by the approver',
      files: { 'policy.md': APPROVED },
      git: {
        history: {
          'policy.md': [
            { by: WRITER, date: '2026-01-10', text: IN_REVIEW },
            { by: CEO, date: '2026-01-12', text: APPROVED },
          ],
        },
      },
    },
  ],
  invalid: [
    {
      name: 'reports an approval committed by someone else than the approver',
      files: { 'policy.md': APPROVED },
      git: {
        history: {
          'policy.md': [
            { by: WRITER, date: '2026-01-10', text: IN_REVIEW },
            { by: WRITER, date: '2026-01-12', text: APPROVED },
          ],
        },
      },
      errors: [
        {
          message:
            /^the approval was committed in 0000002 \(P\. Writer <writer@example\.com>, 2026-01-12\), by someone who was not allowed to: it needs a member of "ceo" \(R\. Adeyemi <ceo@example\.com>\)/,
          line: 9,
          column: 1,
        },
      ],
    },
    {
      name: 'reports an approval nobody committed',
      files: { 'policy.md': APPROVED },
      git: { history: { 'policy.md': [{ by: WRITER, date: '2026-01-10', text: IN_REVIEW }] } },
      errors: [{ message: 'this approval is not committed yet: the approver records it with isms approve DOC-A5, so that git proves who approved', line: 9 }],
    },
  ],
});

ruleTester(gitApprovalStale, {
  valid: [
    {
      name: 'accepts an approval of the content as it is',
      files: { 'policy.md': APPROVED },
      git: {
        history: {
          'policy.md': [
            { by: WRITER, date: '2026-01-10', text: IN_REVIEW },
            { by: CEO, date: '2026-01-12', text: APPROVED },
          ],
        },
      },
    },
  ],
  invalid: [
    {
      name: 'reports content changed after the approval commit',
      files: { 'policy.md': edited(APPROVED) },
      git: {
        history: {
          'policy.md': [
            { by: WRITER, date: '2026-01-10', text: IN_REVIEW },
            { by: CEO, date: '2026-01-12', text: APPROVED },
            { by: WRITER, date: '2026-01-14', text: edited(APPROVED) },
          ],
        },
      },
      errors: [
        {
          message:
            'content changed in commit 0000003 (P. Writer <writer@example.com>, 2026-01-14) after it was approved in 0000002 (R. Adeyemi <ceo@example.com>, 2026-01-12): the approval does not cover it. Record a version (isms version DOC-A5 --details "..."), commit it, and have it approved again: isms approve DOC-A5 by R. Adeyemi (ceo)',
          line: 7,
          column: 9,
        },
      ],
    },
  ],
});

ruleTester(gitUncommitted, {
  valid: [{ name: 'accepts a document as HEAD holds it', files: { 'policy.md': DRAFT }, git: { history: { 'policy.md': [{ by: WRITER, date: '2026-01-05', text: DRAFT }] } } }],
  invalid: [
    {
      name: 'warns of changes that are not committed',
      files: { 'policy.md': edited(DRAFT) },
      git: { history: { 'policy.md': [{ by: WRITER, date: '2026-01-05', text: DRAFT }] } },
      errors: [{ message: 'has changes that are not committed: what is validated is not what git holds', line: 1, column: 1, severity: 'warning' }],
    },
    {
      name: 'warns of a document git has no history of',
      files: { 'policy.md': DRAFT },
      git: {},
      errors: [{ message: 'is not committed: git has no history of it yet', line: 1, severity: 'warning' }],
    },
  ],
});

ruleTester(gitHistory, {
  valid: [{ name: 'accepts a repository whose history can be read', files: { 'policy.md': DRAFT }, git: {} }],
  invalid: [
    {
      name: 'reports a shallow clone on the configuration, with the fix',
      files: { 'policy.md': DRAFT },
      git: { status: { kind: 'shallow' } },
      errors: [
        {
          message: 'this is a shallow clone: its history is cut off, so versions and approvals cannot be proven. Fetch all of it: actions/checkout with fetch-depth: 0, or git fetch --unshallow',
          line: 1,
          column: 1,
          file: 'isms.config.yaml',
        },
      ],
    },
  ],
});
