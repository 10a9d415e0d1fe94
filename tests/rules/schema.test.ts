import { schema } from '../../src/rules/schema.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { FIRST_ITEM_LINE, soaYaml } from '../helpers/domain.js';
import { BASE_CONFIG, markdown } from '../helpers/workspace.js';

ruleTester(schema, {
  valid: [
    { name: 'accepts complete metadata', files: { 'policy.md': markdown() } },
    {
      name: 'accepts a draft without approval, review or distribution',
      files: { 'policy.md': markdown({ status: 'draft', version: '0.1', approval: null }) },
    },
    {
      name: 'accepts covers, the clauses whose documented information the document provides',
      files: { 'policy.md': markdown({ extra: 'covers: ["5.2", "6.1.3 d", "10.2"]\nretention: { years: 3 }' }) },
    },
    { name: 'accepts a review interval of 120 months when the configuration sets no limit', files: { 'policy.md': markdown({ review: 'review: { last: 2026-01-10, interval_months: 120 }' }) } },
    {
      name: 'accepts a review interval within max_review_interval_months',
      config: `${BASE_CONFIG}max_review_interval_months: 24\n`,
      files: { 'policy.md': markdown({ review: 'review: { last: 2026-01-10, interval_months: 24 }' }) },
    },
    { name: 'accepts depends_on, the ids of the documents it was written against', files: { 'policy.md': markdown({ extra: 'depends_on: [DOC-RM, ISMS-MAN]' }) } },
    {
      name: 'leaves an approved document without approval to approval-missing',
      files: { 'policy.md': markdown({ approval: null }) },
    },
  ],
  invalid: [
    {
      name: 'reports a covers entry that is not a clause number, and an unquoted one',
      files: { 'policy.md': markdown({ extra: 'covers: ["Clause 5.2", 6.2]' }) },
      errors: [
        { message: '"covers[0]" must be a clause as the standard numbers it, like "6.2" or "9.3.3" (an item of a clause: "6.1.3 d"), found "Clause 5.2"', line: 10, column: 10 },
        { message: '"covers[1]" must be text: quote it ("6.2")', line: 10, column: 24 },
      ],
    },
    {
      name: 'reports a record kind on a document that is not a record',
      files: { 'policy.md': markdown({ extra: 'record: management-review' }) },
      errors: [{ message: '"record" names what a record records, so it is only for type: record (this is a policy)', line: 10, column: 1 }],
    },
    {
      name: 'reports a review interval of 120 months above the max_review_interval_months of the configuration',
      config: `${BASE_CONFIG}max_review_interval_months: 24\n`,
      files: { 'policy.md': markdown({ review: 'review: { last: 2026-01-10, interval_months: 120 }' }) },
      errors: [{ message: '"review.interval_months" is 120, above the 24 months the configuration allows (max_review_interval_months)', line: 10, column: 46 }],
    },
    {
      name: 'reports a control from another source without a title',
      files: {
        'soa.yaml': soaYaml({ append: ['  - { control: "WW-1", source: Client contracts, applicable: true, reasons: [contractual], justification: x, implementation: implemented, owner: ciso }'] }),
      },
      errors: [{ message: '"controls[93]" is missing "title"', line: FIRST_ITEM_LINE + 93 }],
    },
    {
      name: 'reports a depends_on that is not a list of document ids',
      files: { 'policy.md': markdown({ extra: 'depends_on: [doc-rm]' }) },
      errors: [{ message: /depends_on/, line: 10 }],
    },
    {
      name: 'reports a missing required key at the front matter',
      files: { 'policy.md': markdown().replace('title: Information Security Policy\n', '') },
      errors: [{ message: 'missing required key "title"', line: 1 }],
    },
    {
      name: 'reports an unquoted version and says to quote it',
      files: { 'policy.md': markdown().replace('version: "1.0"', 'version: 1.10') },
      errors: [{ message: '"version" must be text: quote it ("1.10")', line: 8, column: 10 }],
    },
    {
      name: 'reports a misspelt status with a suggestion',
      files: { 'policy.md': markdown({ status: 'aproved' }) },
      errors: [{ message: '"status" must be one of draft, in-review, approved, retired, found "aproved"; did you mean "approved"?', line: 7, column: 9 }],
    },
    {
      name: 'reports a misspelt key with a suggestion',
      files: { 'policy.md': markdown({ extra: 'reveiw: { last: 2026-01-01 }' }) },
      errors: [{ message: 'unknown key "reveiw"; did you mean "review"?', line: 10, column: 1 }],
    },
    {
      name: 'reports a non-ISO approval date and proposes the ISO form',
      files: { 'policy.md': markdown({ approval: 'approval: { by: ceo, name: R. Adeyemi, date: 01.01.2019 }' }) },
      errors: [{ message: '"approval.date" is not a date in ISO form (found "01.01.2019"): write 2019-01-01', line: 9, column: 46 }],
    },
    {
      name: 'reports an impossible calendar date',
      files: { 'policy.md': markdown({ approval: 'approval: { by: ceo, name: R. Adeyemi, date: 2024-02-30 }' }) },
      errors: [{ message: '"approval.date" is not a date in ISO form (found "2024-02-30"): write dates as YYYY-MM-DD', line: 9 }],
    },
    {
      name: 'reports a classification the configuration does not define',
      files: { 'policy.md': markdown({ classification: 'secret' }) },
      errors: [{ message: '"classification" must be one of public, internal, confidential, restricted, found "secret"', line: 6, column: 17 }],
    },
    {
      name: 'reports a malformed id',
      files: { 'policy.md': markdown({ id: 'doc a5' }) },
      errors: [{ message: '"id" must be an id of capital letters, digits and hyphens, like DOC-A5, found "doc a5"', line: 2, column: 5 }],
    },
    {
      name: 'reports a Markdown document without front matter once',
      files: { 'notes.md': '# Notes\n\nNo metadata here.\n' },
      errors: [{ message: 'no front matter: a controlled document starts with a "---" block holding id, title, type, owner, classification, status and version', line: 1, column: 1 }],
    },
    {
      name: 'reports an SoA without a standard',
      files: { 'soa.yaml': 'id: DOC-SOA\ntitle: SoA\ntype: soa\nowner: ciso\nclassification: internal\nstatus: draft\nversion: "0.1"\ncontrols: []\n' },
      errors: [{ message: 'missing required key "standard"', line: 1 }],
    },
    {
      name: 'reports an unquoted SoA control id, which YAML reads as a number',
      files: {
        'soa.yaml':
          'id: DOC-SOA\ntitle: SoA\ntype: soa\nstandard: iso27001-2022\nowner: ciso\nclassification: internal\nstatus: draft\nversion: "0.1"\ncontrols:\n  - control: 5.10\n    applicable: true\n',
      },
      errors: [{ message: '"controls[0].control" must be text: quote it ("5.10")', line: 10, column: 14 }],
    },
    {
      name: 'reports a risk with a non-finite likelihood',
      files: {
        'register.yaml':
          'id: DOC-RR\ntitle: Risks\ntype: risk-register\nstandard: iso27001-2022\nowner: ciso\nclassification: internal\nstatus: draft\nversion: "0.1"\nrisks:\n  - { id: R-001, title: Fire, owner: ciso, likelihood: .nan, impact: 1e999, treatment: retain }\n',
      },
      errors: [
        { message: '"risks[0].likelihood" must be a whole number, found ".nan"', line: 10, column: 56 },
        { message: '"risks[0].impact" must be a whole number, found "1e999"', line: 10, column: 70 },
      ],
    },
  ],
});
