import { readFileSync } from 'node:fs';
import path from 'node:path';
import { soaCoverage } from '../../src/rules/soa-coverage.js';
import { soaImplementation } from '../../src/rules/soa-implementation.js';
import { soaJustification } from '../../src/rules/soa-justification.js';
import { soaReference } from '../../src/rules/soa-reference.js';
import { FIRST_ITEM_LINE, registerYaml, risk, RISK_CONFIG, soaLine, soaYaml } from '../helpers/domain.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

/** The 1-based column where `token` starts in `line`. */
const at = (line: string, token: string) => line.indexOf(token) + 1;
const EMPTY = '  - { control: "5.1", applicable: true, reasons: [risk], justification: "", implementation: implemented, owner: ciso }';
const NO_REASONS = '  - { control: "5.2", applicable: true, reasons: [], justification: x, implementation: implemented, owner: ciso }';
const EXCLUDED_PLANNED = '  - { control: "7.12", applicable: false, justification: x, implementation: planned }';
const WW1 =
  '  - { control: "WW-1", title: Client data returned at contract end, source: Wacky Widget client contracts, applicable: true, reasons: [contractual], justification: Clients require it, implementation: implemented, owner: ciso }';
const WW1_BARE = '  - { control: "WW-1", applicable: true, reasons: [contractual], justification: Clients require it, implementation: implemented, owner: ciso }';
const SOURCED_5_1 = '  - { control: "5.1", title: Policies, source: Our group standard, applicable: true, reasons: [business], justification: Group rule, implementation: implemented, owner: ciso }';
const excluded = (control: string, justification: string) => `  - { control: "${control}", applicable: false, justification: ${JSON.stringify(justification)} }`;
/** An SoA entry for a control from another source, with the id given. */
const sourced = (id: string) =>
  `  - { control: ${JSON.stringify(id)}, title: Group rule, source: Our group standard, applicable: true, reasons: [business], justification: Group rule, implementation: implemented, owner: ciso }`;
/** Spellings of Annex A ids that must not pass for ids of one's own in a 2022 SoA, and the control each is. */
const ANNEX_A_SPELLINGS: Array<[string, string]> = [
  ['A.12.6.1', 'ISO/IEC 27001:2013 12.6.1 Management of technical vulnerabilities'],
  ['A.9.1.1', 'ISO/IEC 27001:2013 9.1.1 Access control policy'],
  ['5.01', 'ISO/IEC 27001:2022 5.1 Policies for information security'],
  ['A-5.1', 'ISO/IEC 27001:2022 5.1 Policies for information security'],
  ['A.5.1.', 'ISO/IEC 27001:2022 5.1 Policies for information security'],
  ['５.１', 'ISO/IEC 27001:2022 5.1 Policies for information security'],
  ['ISO27001-5.1', 'ISO/IEC 27001:2022 5.1 Policies for information security'],
  ['Annex A 8.08', 'ISO/IEC 27001:2022 8.8 Management of technical vulnerabilities'],
];
/** Exclusions an auditor refuses, each 20 characters or more (by the control they exclude, in SoA order). */
const FILLERS: Array<[string, string]> = [
  ['5.7', 'Not applicable here.'],
  ['5.8', 'Not applicable (N/A).'],
  ['6.7', 'N/A N/A N/A N/A N/A N/A'],
  ['7.11', 'N/A — not applicable'],
  ['7.12', 'not applicable not applicable'],
  ['8.29', 'x x x x x x x x x x x'],
  ['8.30', 'Excluded, see above.'],
  ['8.31', 'lorem ipsum dolor sit amet'],
];
/** The one exclusion of the bundled SoA, as it is written there. */
const BUNDLED_8_30 = (() => {
  const soa = readFileSync(path.resolve('isms-docs/statement-of-applicability.yaml'), 'utf8');
  const entry = soa.slice(soa.indexOf('control: "8.30"'));
  return JSON.parse(/justification: (".*")/.exec(entry)![1]!) as string;
})();
const REFS = '  - { control: "5.1", applicable: true, reasons: [risk], justification: x, implementation: implemented, owner: ciso, documents: [DOC-A6], risks: [R-404] }';

ruleTester(soaCoverage, {
  valid: [
    { name: 'accepts an SoA that decides every 2022 control', files: { 'soa.yaml': soaYaml() } },
    { name: 'accepts an SoA of 2013 with its 114 controls', files: { 'soa.yaml': soaYaml({ standard: 'iso27001-2013' }) } },
    {
      name: 'accepts control ids written A.5.1 or Annex A 5.2',
      files: {
        'soa.yaml': soaYaml({ replace: { '5.1': '  - { control: "A.5.1", applicable: false, justification: x }', '5.2': '  - { control: "Annex A 5.2", applicable: false, justification: x }' } }),
      },
    },
    { name: 'accepts a control from another source, with an id and a title of its own', files: { 'soa.yaml': soaYaml({ append: [WW1] }) } },
    {
      name: 'accepts ids of other sources that only look like numbers: CIS-5.1, ISO27017-5.1, NIST AC-2, A1',
      files: { 'soa.yaml': soaYaml({ append: ['CIS-5.1', 'ISO27017-5.1', 'NIST AC-2', 'A1'].map(sourced) }) },
    },
  ],
  invalid: [
    {
      name: 'says that WW-1 is not a control of Annex A, and how to give a control from another source',
      files: { 'soa.yaml': soaYaml({ append: [WW1_BARE] }) },
      errors: [
        {
          message: 'WW-1 is not a control of ISO/IEC 27001:2022 Annex A (a control from another source says where it comes from: source: <text>)',
          line: FIRST_ITEM_LINE + 93,
          column: at(WW1_BARE, '"WW-1"'),
        },
      ],
    },
    {
      name: 'refuses a source on an Annex A id, which would pass a control off as another',
      files: { 'soa.yaml': soaYaml({ append: [SOURCED_5_1] }) },
      errors: [
        {
          message:
            '5.1 is control 5.1 of ISO/IEC 27001:2022 Annex A, but the entry gives a source: a control from another source needs an id of its own (WW-1); remove "source" for an Annex A control',
          line: FIRST_ITEM_LINE + 93,
        },
      ],
    },
    {
      name: 'refuses a source on any spelling of an Annex A id of either edition',
      files: { 'soa.yaml': soaYaml({ append: ANNEX_A_SPELLINGS.map(([id]) => sourced(id)) }) },
      errors: ANNEX_A_SPELLINGS.map(([id, control], index) => ({
        message: `${id} uses an Annex A id (${control}): give controls from other sources ids of your own (WW-1), or remove "source" for an Annex A control`,
        line: FIRST_ITEM_LINE + 93 + index,
        column: at(sourced(id), JSON.stringify(id)),
      })),
    },
    {
      name: 'reports a control from another source listed twice',
      files: { 'soa.yaml': soaYaml({ append: [WW1, WW1] }) },
      errors: [{ message: `control WW-1 is listed twice (first at line ${FIRST_ITEM_LINE + 93})`, line: FIRST_ITEM_LINE + 94 }],
    },
    {
      name: 'names each missing control at the controls key',
      files: { 'soa.yaml': soaYaml({ replace: { '5.7': null, '8.28': null } }) },
      errors: [
        { message: 'control 5.7 Threat intelligence of ISO/IEC 27001:2022 is missing: every Annex A control needs a decision', line: 10, column: 1 },
        { message: 'control 8.28 Secure coding of ISO/IEC 27001:2022 is missing: every Annex A control needs a decision', line: 10, column: 1 },
      ],
    },
    {
      name: 'reports a duplicate control at its second line',
      files: { 'soa.yaml': soaYaml({ append: ['  - { control: "A.5.1", applicable: true }'] }) },
      errors: [{ message: `control 5.1 is listed twice (first at line ${FIRST_ITEM_LINE})`, line: FIRST_ITEM_LINE + 93, column: 16 }],
    },
    {
      name: 'reports an unknown control',
      files: { 'soa.yaml': soaYaml({ append: ['  - { control: "5.99", applicable: true }'] }) },
      errors: [{ message: '5.99 is not a control of ISO/IEC 27001:2022 Annex A (a control from another source says where it comes from: source: <text>)', line: FIRST_ITEM_LINE + 93 }],
    },
    {
      name: 'says which 2022 control replaces a 2013 id in a 2022 SoA',
      files: { 'soa.yaml': soaYaml({ append: ['  - { control: "A.12.6.1", applicable: true }'] }) },
      errors: [{ message: 'A.12.6.1 is an ISO/IEC 27001:2013 control; in ISO/IEC 27001:2022 it is 8.8 Management of technical vulnerabilities', line: FIRST_ITEM_LINE + 93 }],
    },
    {
      name: 'reads a two-part id in a 2013 SoA as an objective',
      files: { 'soa.yaml': soaYaml({ standard: 'iso27001-2013', append: ['  - { control: "8.2", applicable: true }'] }) },
      errors: [{ message: '8.2 is a control objective of ISO/IEC 27001:2013 (Information classification), not a control; its controls are 8.2.1, 8.2.2, 8.2.3', line: FIRST_ITEM_LINE + 114 }],
    },
  ],
});

ruleTester(soaJustification, {
  valid: [
    { name: 'accepts justified inclusions and exclusions', files: { 'soa.yaml': soaYaml({ replace: { '7.11': excluded('7.11', 'No server rooms: offices use landlord cabling') } }) } },
    {
      name: 'accepts an exclusion that says why, even when it starts with "Not applicable"',
      files: { 'soa.yaml': soaYaml({ replace: { '8.30': excluded('8.30', 'Not applicable: no development is outsourced; consultants work under our own life cycle') } }) },
    },
    {
      name: 'accepts a short reason in words of substance: "Development is not outsourced."',
      files: { 'soa.yaml': soaYaml({ replace: { '8.30': excluded('8.30', 'Development is not outsourced.') } }) },
    },
    {
      name: "accepts the bundled SoA's exclusion of 8.30",
      files: { 'soa.yaml': soaYaml({ replace: { '8.30': excluded('8.30', BUNDLED_8_30) } }) },
    },
    {
      name: 'accepts a short justification of an applicable control (only exclusions must say why not)',
      files: { 'soa.yaml': soaYaml({ replace: { '5.1': '  - { control: "5.1", applicable: true, reasons: [risk], justification: x, implementation: implemented, owner: ciso }' } }) },
    },
  ],
  invalid: [
    {
      name: 'reports exclusions whose justification says nothing: N/A, -, none, not applicable',
      files: { 'soa.yaml': soaYaml({ replace: { '7.11': excluded('7.11', 'N/A'), '7.12': excluded('7.12', '-'), '8.30': excluded('8.30', ' None. '), '8.31': excluded('8.31', 'Not applicable!') } }) },
      errors: [
        {
          message: 'control 7.11 is excluded with a justification that says nothing ("N/A"): say why the control does not apply, in 20 characters or more',
          line: soaLine('7.11'),
          column: at(excluded('7.11', 'N/A'), '"N/A"'),
        },
        { message: 'control 7.12 is excluded with a justification that says nothing ("-"): say why the control does not apply, in 20 characters or more', line: soaLine('7.12') },
        { message: 'control 8.30 is excluded with a justification that says nothing ("None."): say why the control does not apply, in 20 characters or more', line: soaLine('8.30') },
        { message: 'control 8.31 is excluded with a justification that says nothing ("Not applicable!"): say why the control does not apply, in 20 characters or more', line: soaLine('8.31') },
      ],
    },
    {
      name: 'reports exclusions of 20 characters or more that say nothing once fillers, punctuation and repeated words are left out',
      files: { 'soa.yaml': soaYaml({ replace: Object.fromEntries(FILLERS.map(([control, justification]) => [control, excluded(control, justification)])) }) },
      errors: FILLERS.map(([control, justification]) => ({
        message: `control ${control} is excluded with a justification that says nothing ("${justification}"): say why the control does not apply, in 2 words of substance or more (fillers such as N/A, not applicable and see above do not count)`,
        line: soaLine(control),
        column: at(excluded(control, justification), JSON.stringify(justification)),
      })),
    },
    {
      name: 'reports an exclusion justified in under 20 characters',
      files: { 'soa.yaml': soaYaml({ replace: { '7.11': excluded('7.11', 'No server rooms') } }) },
      errors: [{ message: 'control 7.11 is excluded with a justification that says nothing ("No server rooms"): say why the control does not apply, in 20 characters or more', line: soaLine('7.11') }],
    },
    {
      name: 'reports a control excluded without justification',
      files: { 'soa.yaml': soaYaml({ replace: { '7.5': '  - { control: "7.5", applicable: false }' } }) },
      errors: [{ message: 'control 7.5 is excluded without a justification', line: soaLine('7.5'), column: 7 }],
    },
    {
      name: 'reports an empty justification at its value',
      files: { 'soa.yaml': soaYaml({ replace: { '5.1': EMPTY } }) },
      errors: [{ message: 'control 5.1 is included without a justification', line: soaLine('5.1'), column: at(EMPTY, '""') }],
    },
    {
      name: 'reports an applicable control without reasons',
      files: { 'soa.yaml': soaYaml({ replace: { '5.2': NO_REASONS } }) },
      errors: [{ message: 'control 5.2 is applicable without reasons: give one or more of risk, legal, contractual, business', line: soaLine('5.2'), column: at(NO_REASONS, '[]') }],
    },
  ],
});

ruleTester(soaImplementation, {
  valid: [
    {
      name: 'accepts applicable controls with status and owner, and bare exclusions',
      files: { 'soa.yaml': soaYaml({ replace: { '7.12': '  - { control: "7.12", applicable: false, justification: x }' } }) },
    },
  ],
  invalid: [
    {
      name: 'reports an applicable control without implementation status or owner',
      files: { 'soa.yaml': soaYaml({ replace: { '8.1': '  - { control: "8.1", applicable: true, reasons: [risk], justification: x }' } }) },
      errors: [
        { message: 'control 8.1 is applicable without an implementation status (implemented, partial, planned, not-implemented)', line: soaLine('8.1'), column: 7 },
        { message: 'control 8.1 is applicable without an owner', line: soaLine('8.1'), column: 7 },
      ],
    },
    {
      name: 'reports an excluded control that carries an implementation status',
      files: { 'soa.yaml': soaYaml({ replace: { '7.12': EXCLUDED_PLANNED } }) },
      errors: [
        { message: 'control 7.12 is excluded but has an implementation status: remove it, or make the control applicable', line: soaLine('7.12'), column: at(EXCLUDED_PLANNED, 'implementation') },
      ],
    },
  ],
});

ruleTester(soaReference, {
  valid: [
    {
      name: 'accepts references to existing documents and risks',
      config: RISK_CONFIG,
      files: {
        'soa.yaml': soaYaml({
          replace: { '5.1': '  - { control: "5.1", applicable: true, reasons: [risk], justification: x, implementation: implemented, owner: ciso, documents: [DOC-A5], risks: [R-001] }' },
        }),
        'policy.md': markdown(),
        'register.yaml': registerYaml([risk()]),
      },
    },
  ],
  invalid: [
    {
      name: 'reports a missing document and a risk no register has',
      files: {
        'soa.yaml': soaYaml({ replace: { '5.1': REFS } }),
        'policy.md': markdown(),
      },
      errors: [
        { message: 'control 5.1 names document DOC-A6, which no document has; did you mean DOC-A5?', line: soaLine('5.1'), column: at(REFS, 'DOC-A6') },
        { message: 'control 5.1 names risk R-404, but there is no risk register with risks', line: soaLine('5.1'), column: at(REFS, 'R-404') },
      ],
    },
  ],
});
