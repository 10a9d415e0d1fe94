import { versionMismatch } from '../../src/rules/version-mismatch.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

ruleTester(versionMismatch, {
  valid: [{ name: 'accepts a version equal to the newest row', files: { 'policy.md': markdown() } }],
  invalid: [
    {
      name: 'reports a version that differs from the newest row',
      files: { 'policy.md': markdown({ version: '1.1' }) },
      errors: [{ message: 'version is "1.1" but the newest version history row (line 21) is "1.0"', line: 8, column: 10 }],
    },
  ],
});
