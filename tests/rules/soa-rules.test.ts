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
  ],
  invalid: [
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
      errors: [{ message: '5.99 is not a control of ISO/IEC 27001:2022 Annex A', line: FIRST_ITEM_LINE + 93 }],
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
    { name: 'accepts justified inclusions and exclusions', files: { 'soa.yaml': soaYaml({ replace: { '7.11': '  - { control: "7.11", applicable: false, justification: No server rooms }' } }) } },
  ],
  invalid: [
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
