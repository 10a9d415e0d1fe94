import { duplicateId } from '../../src/rules/duplicate-id.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

ruleTester(duplicateId, {
  valid: [{ name: 'accepts distinct ids', files: { 'a.md': markdown({ id: 'DOC-A' }), 'b.md': markdown({ id: 'DOC-B' }) } }],
  invalid: [
    {
      name: 'reports the second document that uses an id, naming the first',
      files: { 'a.md': markdown({ id: 'DOC-A' }), 'b.md': markdown({ id: 'DOC-A' }) },
      errors: [{ file: 'b.md', message: 'id "DOC-A" is already used by isms-docs/a.md:2', line: 2, column: 5 }],
    },
  ],
});
