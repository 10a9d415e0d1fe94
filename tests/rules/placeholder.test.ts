import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { placeholder } from '../../src/rules/placeholder.js';
import { markdownDocument, soaDocument } from '../../src/scaffold/documents.js';
import { SECTIONS } from '../../src/scaffold/sections.js';
import { internalAudit, managementReview, nonconformityLog, objectives } from '../helpers/records.js';
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
/** Line and column of the first `needle` in a file. */
const where = (text: string, needle: string) => {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
};
const IN_REVIEW = 'in a document in review: write what it stands for, or take the document back to draft';
const IN_APPROVED = 'in an approved document: write what it stands for, or take the document back to draft';

/** The controlled documents of the bundled isms-docs/, by path under it, and its configuration. */
const BUNDLED = path.resolve('isms-docs');
const bundledFiles = (dir = ''): Record<string, string> =>
  Object.assign(
    {},
    ...readdirSync(path.join(BUNDLED, dir), { withFileTypes: true }).map((entry) => {
      const file = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith('.') ? {} : bundledFiles(file);
      return /\.(md|ya?ml)$/.test(entry.name) && file !== 'isms.config.yaml' ? { [file]: readFileSync(path.join(BUNDLED, file), 'utf8') } : {};
    }),
  );

/** A policy in review whose body holds each placeholder an author leaves, each on a line of its own. */
const SPELLINGS = markdown({
  status: 'in-review',
  approval: null,
  body: [
    'Objectives: tbd',
    '',
    'Owner: t.b.d. (the board says T.B.D.)',
    '',
    'Todo: ask the board.',
    '',
    '| Measure | Target |',
    '|---|---|',
    '| Patch time | To be defined |',
    '',
    'Budget: to be confirmed.',
    '',
    'Resources [to be completed] and [placeholder].',
    '',
    'Objectives: <insert objectives>',
    '',
    'Call XXX for help.',
    '',
    'The review is held on [fill',
    'in the date] and covers [insert',
    'the rest].',
  ].join('\n'),
});
const spelled = (needle: string, text = needle) => ({ message: `placeholder "${text}" ${IN_REVIEW}`, ...where(SPELLINGS, needle) });

/** The approved management review of the examples with one value replaced. */
const REVIEW = managementReview({ id: 'DOC-MR', date: '2026-03-10' });
const reviewWith = (replacements: Array<[string, string]>) => replacements.reduce((text, [from, to]) => text.replace(from, to), REVIEW);
const SAYS_NOTHING_REVIEW = reviewWith([
  ['previous_actions: The two actions of the last review are done.', 'previous_actions: "-"'],
  ['changes_in_issues: A new office opened in Lisbon.', 'changes_in_issues: n/a'],
  ['changes_in_interested_parties: Clients now ask for ISO/IEC 27001 certification.', 'changes_in_interested_parties: tbd'],
  ['performance: One minor nonconformity, closed; objectives on track.', 'performance: To be confirmed'],
  ['interested_parties_feedback: No complaints.', 'interested_parties_feedback: "."'],
  ['risk_assessment: Reassessed in March; treatment plan on schedule.', 'risk_assessment: "?"'],
  ['{ decision: Automate access reviews,', '{ decision: see above,'],
]);
const AUDIT = internalAudit({ id: 'DOC-IA', date: '2026-03-01' }).replace('auditors: [J. Auditor]', 'auditors: [J. Auditor, "-"]');
const NC_LOG = nonconformityLog({
  id: 'DOC-NC',
  entries: [
    '  - { id: NC-1, raised: 2026-01-05, description: Access review late, owner: ciso, due: 2026-02-01, closed: 2026-01-30, correction: Review held, cause: "-", corrective_action: n/a }',
    '  - { id: NC-2, raised: 2026-02-05, description: Backup test skipped, owner: ciso, due: 2026-07-01, cause: "-" }',
  ],
});
const saidNothing = (path: string, value: string, needle: string) => ({
  message: `the required ${path} says nothing ("${value}") in an approved document: write it, or take the document back to draft`,
  ...where(SAYS_NOTHING_REVIEW, needle),
});

ruleTester(placeholder, {
  valid: [
    {
      name: 'takes "None" for an answer in a record: a target of none, no feedback received',
      files: {
        'review.yaml': reviewWith([['interested_parties_feedback: No complaints.', 'interested_parties_feedback: None']]),
        'objectives.yaml': objectives({ id: 'DOC-OBJ' }).replace(/target: .*/, 'target: None'),
      },
    },
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
    {
      name: 'does not take real prose for a placeholder: code, Todos Santos, xxx-large, outdated, a sentence that goes on',
      files: {
        'policy.md': markdown({
          body: [
            'Write `TODO` and `[fill in]` in code only.',
            '',
            '```',
            'TODO: a fenced block is code',
            '```',
            '',
            'Our office in Todos Santos uses xxx-large screens; outdated laptops are wiped.',
            '',
            'Access rights are to be confirmed by the asset owner before they are granted.',
            '',
            '<!-- TODO: a comment is not published -->',
            '',
            'See [the guide](guide.md "[insert nothing]") and tbdx, TBDs, XXXL.',
            '',
            'Card numbers are only ever shown masked, as XXXX XXXX XXXX 1234 (XXXX).',
            '',
            'Exceptions to this policy are',
            'to be agreed.',
          ].join('\n'),
        }),
      },
    },
    {
      name: 'gives no finding on the bundled isms-docs',
      config: readFileSync(path.join(BUNDLED, 'isms.config.yaml'), 'utf8'),
      files: bundledFiles(),
    },
    {
      name: 'accepts a required section that holds a table with rows, a list or a picture',
      config: POLICY_SECTIONS,
      files: { 'policy.md': markdown({ body: sections('| Who | What |\n|---|---|\n| CISO | Owns it |', '- 1') + '\n\n![Roles](roles.png)' }) },
    },
    {
      name: 'accepts a record in review whose required fields say what happened, "No complaints." included',
      files: { 'review.yaml': managementReview({ id: 'DOC-MR', date: '2026-03-10', status: 'in-review' }) },
    },
  ],
  invalid: [
    {
      name: 'reports each spelling of a placeholder in a policy in review: tbd, t.b.d., T.B.D., Todo:, To be defined, to be confirmed, bracketed and split across lines',
      files: { 'policy.md': SPELLINGS },
      errors: [
        spelled('tbd'),
        spelled('t.b.d.'),
        spelled('T.B.D.'),
        spelled('Todo'),
        spelled('To be defined'),
        spelled('to be confirmed'),
        spelled('[to be completed]'),
        spelled('[placeholder]'),
        spelled('<insert objectives>'),
        spelled('XXX'),
        spelled('[fill\nin the date]', '[fill in the date]'),
        spelled('[insert\nthe rest]', '[insert the rest]'),
      ],
    },
    {
      name: 'reports <insert ...> written alone on its line, which is published as nothing',
      files: { 'policy.md': markdown({ body: '<insert objectives>' }) },
      errors: [{ message: `placeholder "<insert objectives>" ${IN_APPROVED}`, line: BODY, column: 1 }],
    },
    {
      name: 'reports the prompts of isms new by their words: the full stop dropped, other italics, a word changed',
      config: POLICY_SECTIONS,
      files: {
        'policy.md': markdown({
          body: [
            '## Purpose',
            '',
            '_Why this policy exists_',
            '',
            '## Policy statement',
            '',
            '*What the organisation commits to*',
            '',
            '## Objectives',
            '',
            '_The information security objectives that this policy sets the framework for._',
            '',
            '## Responsibilities',
            '',
            '_who does what under this policy!_',
          ].join('\n'),
        }),
      },
      errors: [
        { message: `the template prompt "Why this policy exists." is still ${IN_APPROVED}`, line: BODY + 2, column: 1 },
        { message: `the template prompt "What the organisation commits to." is still ${IN_APPROVED}`, line: BODY + 6, column: 1 },
        { message: `the template prompt "The information security objectives this policy sets the framework for." is still ${IN_APPROVED}`, line: BODY + 10, column: 1 },
        { message: `the template prompt "Who does what under this policy." is still ${IN_APPROVED}`, line: BODY + 14, column: 1 },
      ],
    },
    {
      name: 'counts as empty a required section holding only a table header, a lone -, &nbsp; or a full stop',
      config: `${BASE_CONFIG}required_sections:\n  policy: [Purpose, Policy statement, Objectives, Responsibilities]\n`,
      files: {
        'policy.md': markdown({
          body: ['## Purpose', '', '| Purpose | Who |', '|---|---|', '', '## Policy statement', '', '-', '', '## Objectives', '', '&nbsp;', '', '## Responsibilities', '', '. . .'].join('\n'),
        }),
      },
      errors: ['Purpose', 'Policy statement', 'Objectives', 'Responsibilities'].map((section, index) => ({
        message: `the required section "${section}" is empty in an approved document: write it, or take the document back to draft`,
        line: BODY + [0, 5, 9, 13][index]!,
        column: 1,
      })),
    },
    {
      name: 'reports the required fields of an approved management review that say nothing, each at its value',
      files: { 'review.yaml': SAYS_NOTHING_REVIEW },
      errors: [
        saidNothing('inputs.previous_actions', '-', '"-"'),
        saidNothing('inputs.changes_in_issues', 'n/a', 'n/a'),
        saidNothing('inputs.changes_in_interested_parties', 'tbd', 'tbd'),
        saidNothing('inputs.performance', 'To be confirmed', 'To be confirmed'),
        saidNothing('inputs.interested_parties_feedback', '.', '"."'),
        saidNothing('inputs.risk_assessment', '?', '"?"'),
        saidNothing('decisions[0].decision', 'see above', 'see above'),
      ],
    },
    {
      name: 'asks a closed nonconformity, not an open one, for its cause and corrective action, and every auditor for a name',
      files: {
        'audit.yaml': AUDIT,
        'log.yaml': NC_LOG,
      },
      errors: [
        { file: 'audit.yaml', message: 'the required auditors[1] says nothing ("-") in an approved document: write it, or take the document back to draft', ...where(AUDIT, '"-"') },
        { file: 'log.yaml', message: 'the required entries[0].cause says nothing ("-") in an approved document: write it, or take the document back to draft', ...where(NC_LOG, '"-"') },
        { file: 'log.yaml', message: 'the required entries[0].corrective_action says nothing ("n/a") in an approved document: write it, or take the document back to draft', ...where(NC_LOG, 'n/a') },
      ],
    },
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
