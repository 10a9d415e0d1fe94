import { placeholder } from '../../src/rules/placeholder.js';
import { markdownDocument, soaDocument } from '../../src/scaffold/documents.js';
import { SECTIONS } from '../../src/scaffold/sections.js';
import { objectives } from '../helpers/records.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { BASE_CONFIG, markdown } from '../helpers/workspace.js';

const POLICY_SECTIONS = `${BASE_CONFIG}required_sections:\n  policy: [Policy statement, Objectives, Responsibilities]\n`;
/** The body of markdown() starts on this line. */
const BODY = 14;
const sections = (statement: string, objectives: string) => `## Policy statement\n\n${statement}\n\n## Objectives\n\n${objectives}\n\n## Responsibilities\n\nThe CISO maintains this policy.`;
const approve = (text: string) => text.replace('status: draft', 'status: approved\napproval: { by: ceo, name: R. Adeyemi, date: 2026-01-10 }');
const initPolicy = markdownDocument({ id: 'DOC-A5', title: 'Information Security Policy', type: 'policy', owner: 'ciso', author: 'M. Woolard', date: '2026-01-05' });
const initSoa = approve(soaDocument({ id: 'DOC-SOA', title: 'SoA', type: 'soa', owner: 'ciso', author: 'M. Woolard', date: '2026-01-05', standard: 'iso27001-2022' }));
/** The SoA of isms init, approved, cut after its first control (the rule reports each control; one shows it). */
const INIT_SOA_FIRST_CONTROL = initSoa.slice(0, initSoa.indexOf('  - control:', initSoa.indexOf('  - control:') + 1));
const line = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

ruleTester(placeholder, {
  valid: [
    {
      name: 'accepts an approved policy that says what it means',
      config: POLICY_SECTIONS,
      files: { 'policy.md': markdown({ body: sections('We protect client data.', 'Measured yearly by the CISO.') }) },
    },
    { name: 'leaves drafts alone, placeholders and all', config: POLICY_SECTIONS, files: { 'policy.md': initPolicy } },
    {
      name: 'does not read code, link destinations, lower-case words or the version history as placeholders',
      files: {
        'policy.md': markdown({
          body: 'Write `TBD` nowhere; see [the guide](https://example.com/TODO). A todo list is fine.',
          history: '## Version history\n\n| Version | Date | Author(s) | Details |\n|---|---|---|---|\n| 1.0 | 2026-01-10 | M. Woolard | TBD removed |\n',
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'reports "Objectives: TBD" in an approved policy, at the placeholder',
      files: { 'policy.md': markdown({ body: 'Objectives: TBD' }) },
      errors: [{ message: 'placeholder "TBD" in an approved document: write what it stands for, or take the document back to draft', line: BODY, column: 13 }],
    },
    {
      name: 'reports an empty required section of an approved policy at its heading',
      config: POLICY_SECTIONS,
      files: { 'policy.md': markdown({ body: sections('', 'Measured yearly by the CISO.').replace('\n\n\n', '\n\n') }) },
      errors: [{ message: 'the required section "Policy statement" is empty in an approved document: write it, or take the document back to draft', line: BODY, column: 1 }],
    },
    {
      name: 'counts a section with only a comment and an empty subsection as empty',
      config: POLICY_SECTIONS,
      files: { 'policy.md': markdown({ body: sections('<!-- to do -->\n\n### Scope of the statement', 'Measured yearly by the CISO.') }) },
      errors: [{ message: 'the required section "Policy statement" is empty in an approved document: write it, or take the document back to draft', line: BODY }],
    },
    {
      name: 'reports TODO, [fill in] and [insert date] in a document in review, each where it is',
      files: { 'policy.md': markdown({ status: 'in-review', approval: null, body: 'TODO: owners.\n\nThe review is held on [insert date] by [Fill in: role].' }) },
      errors: [
        { message: 'placeholder "TODO" in a document in review: write what it stands for, or take the document back to draft', line: BODY - 1, column: 1 },
        { message: 'placeholder "[insert date]" in a document in review: write what it stands for, or take the document back to draft', line: BODY + 1, column: 23 },
        { message: 'placeholder "[Fill in: role]" in a document in review: write what it stands for, or take the document back to draft', line: BODY + 1, column: 40 },
      ],
    },
    {
      name: 'reports every prompt of an isms init draft approved as it is, at its line',
      config: POLICY_SECTIONS,
      files: { 'policy.md': approve(initPolicy) },
      errors: SECTIONS['policy']!.map(([, prompt]) => ({
        message: `the template prompt "${prompt}" is still in an approved document: write what it stands for, or take the document back to draft`,
        line: line(approve(initPolicy), prompt),
      })),
    },
    {
      name: 'reports a placeholder in a table cell at its row, and one in a heading',
      files: { 'policy.md': markdown({ body: '| Role | Duty |\n|---|---|\n| CISO | TBD |\n| CEO | Approves |\n\n## Owners: TODO' }) },
      errors: [
        { message: 'placeholder "TBD" in an approved document: write what it stands for, or take the document back to draft', line: BODY + 2, column: 10 },
        { message: 'placeholder "TODO" in an approved document: write what it stands for, or take the document back to draft', line: BODY + 5, column: 12 },
      ],
    },
    {
      name: 'reports a placeholder in the metadata',
      files: { 'policy.md': markdown().replace('title: Information Security Policy', 'title: TBD') },
      errors: [{ message: 'placeholder "TBD" in an approved document: write what it stands for, or take the document back to draft', line: 3, column: 8 }],
    },
    {
      name: 'reports [fill in] in a record in review, at its value',
      files: { 'objectives.yaml': objectives({ id: 'DOC-OBJ', status: 'in-review' }).replace('target: 14 days at most for 95% of advisories', 'target: "[fill in] the value that means it is met"') },
      errors: [{ message: 'placeholder "[fill in]" in a document in review: write what it stands for, or take the document back to draft', line: 15, column: 13 }],
    },
    {
      name: 'reports the justification isms init gives every control, in an approved SoA',
      files: { 'soa.yaml': INIT_SOA_FIRST_CONTROL },
      errors: [
        {
          message: 'the template prompt "Applicable until the first risk assessment decides otherwise." is still in an approved document: write what it stands for, or take the document back to draft',
          line: line(INIT_SOA_FIRST_CONTROL, 'Applicable until'),
        },
      ],
    },
  ],
});
