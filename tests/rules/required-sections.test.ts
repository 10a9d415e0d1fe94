import { requiredSections } from '../../src/rules/required-sections.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { BASE_CONFIG, markdown } from '../helpers/workspace.js';

const config = `${BASE_CONFIG}required_sections:\n  policy: [Scope, Policy statement]\n`;

ruleTester(requiredSections, {
  valid: [
    {
      name: 'accepts headings in any case and with numbering',
      config,
      files: { 'policy.md': markdown({ body: '## 1. SCOPE\n\nAll.\n\n## 2 Policy Statement:\n\nWe do.' }) },
    },
  ],
  invalid: [
    {
      name: 'reports each missing section at the type key',
      config,
      files: { 'policy.md': markdown({ body: '## Scope\n\nAll.' }) },
      errors: [{ message: 'a policy needs a section "Policy statement" (required_sections in isms.config.yaml)', line: 4, column: 7 }],
    },
  ],
});
