import { recordCovers } from '../../src/rules/record-covers.js';
import { managementReview, objectives } from '../helpers/records.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { BASE_CONFIG, markdown } from '../helpers/workspace.js';

/** A record's text with `covers` after its `record` key (line 5). */
const covering = (record: string, clauses: string[]) => record.replace(/^(record: .*)$/m, `$1\ncovers: [${clauses.map((c) => JSON.stringify(c)).join(', ')}]`);
const COVERS_LINE = 5;
const REVIEW = managementReview({ id: 'DOC-MR', date: '2026-03-10' });
const OBJECTIVES = objectives({ id: 'DOC-OBJ' });
const IN_2013 = `${BASE_CONFIG}standard: iso27001-2013\n`;

ruleTester(recordCovers, {
  valid: [
    {
      name: 'accepts records that cover the clause of their kind',
      files: { 'review.yaml': covering(REVIEW, ['9.3.3']), 'objectives.yaml': covering(OBJECTIVES, ['6.2']) },
    },
    { name: 'numbers the clause of a kind as a 2013 configuration does', config: IN_2013, files: { 'review.yaml': covering(REVIEW, ['9.3']) } },
    { name: 'leaves documents that are not records alone', files: { 'manual.md': markdown({ id: 'ISMS-MAN', type: 'manual', extra: 'covers: ["9.3.3", "7.2"]' }) } },
    { name: 'leaves a clause the edition does not know to mandatory-documents', files: { 'review.yaml': covering(REVIEW, ['9.3.3', '9.9']) } },
  ],
  invalid: [
    {
      name: 'warns at the value when a record claims a clause its kind does not provide',
      files: { 'objectives.yaml': covering(OBJECTIVES, ['6.2', '9.3.3']) },
      errors: [
        {
          message:
            'DOC-OBJ is an objective record, which provides ISO/IEC 27001:2022 6.2 (the information security objectives), not 9.3.3 (the results of management reviews): take 9.3.3 out of its covers and name it in the covers of the document that provides it',
          line: COVERS_LINE,
          column: 17,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'knows that a 2013 management review provides 9.3, not the nonconformities of 10.1',
      config: IN_2013,
      files: { 'review.yaml': covering(REVIEW, ['10.1']) },
      errors: [
        {
          message:
            'DOC-MR is a management-review record, which provides ISO/IEC 27001:2013 9.3 (the results of management reviews), not 10.1 (nonconformities, the actions taken and the results of corrective action): take 10.1 out of its covers and name it in the covers of the document that provides it',
          line: COVERS_LINE,
        },
      ],
    },
  ],
});
