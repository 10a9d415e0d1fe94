import { classificationLeak } from '../../src/rules/classification-leak.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

ruleTester(classificationLeak, {
  valid: [
    {
      name: 'accepts links to documents of the same or a lower classification',
      files: {
        'a.md': markdown({ id: 'DOC-A', classification: 'confidential', body: 'See [b](b.md) and DOC B.' }),
        'b.md': markdown({ id: 'DOC-B', classification: 'internal' }),
      },
    },
  ],
  invalid: [
    {
      name: 'reports a link and a mention from an internal document to a confidential one',
      files: {
        'a.md': markdown({ id: 'DOC-A', classification: 'internal', body: 'See [b](b.md) and DOC B.' }),
        'b.md': markdown({ id: 'DOC-B', classification: 'confidential' }),
      },
      errors: [
        { message: 'internal document refers to DOC-B, classified confidential: readers of this one may not be cleared for it', line: 14, column: 5 },
        { message: 'internal document refers to DOC-B, classified confidential: readers of this one may not be cleared for it', line: 14, column: 19 },
      ],
    },
  ],
});
