import { versionOrder } from '../../src/rules/version-order.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

const table = (...rows: string[]) => `## Version history\n\n| Version | Date | Author(s) | Details |\n|---|---|---|---|\n${rows.join('\n')}\n`;

ruleTester(versionOrder, {
  valid: [
    { name: 'accepts increasing versions and dates', files: { 'policy.md': markdown() } },
    {
      name: 'compares versions as numbers, so 1.10 follows 1.9',
      files: { 'policy.md': markdown({ history: table('| 1.9 | 2026-01-01 | A | x |', '| 1.10 | 2026-01-02 | A | y |') }) },
    },
  ],
  invalid: [
    {
      name: 'reports a version that does not increase',
      files: { 'policy.md': markdown({ history: table('| 1.0 | 2026-01-01 | A | x |', '| 0.9 | 2026-01-02 | A | y |') }) },
      errors: [{ message: 'version 0.9 does not follow 1.0 (line 20): rows go oldest first and each version is higher', line: 21, column: 3 }],
    },
    {
      name: 'reports a date that goes backwards',
      files: { 'policy.md': markdown({ history: table('| 0.1 | 2026-02-01 | A | x |', '| 0.2 | 2026-01-02 | A | y |') }) },
      errors: [{ message: 'version 0.2 is dated 2026-01-02, before version 0.1 (2026-02-01, line 20)', line: 21, column: 9 }],
    },
    {
      name: 'reports a date after --as-of',
      asOf: '2026-01-05',
      files: { 'policy.md': markdown() },
      errors: [{ message: 'version 1.0 is dated 2026-01-10, in the future (today is 2026-01-05)', line: 21 }],
    },
  ],
});
