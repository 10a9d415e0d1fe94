import { riskAcceptance } from '../../src/rules/risk-acceptance.js';
import { riskControl } from '../../src/rules/risk-control.js';
import { riskReviewLimit } from '../../src/rules/risk-review-limit.js';
import { riskReviewOverdue } from '../../src/rules/risk-review-overdue.js';
import { riskScale } from '../../src/rules/risk-scale.js';
import { riskTreatment } from '../../src/rules/risk-treatment.js';
import { FIRST_ITEM_LINE, registerYaml, risk, RISK_CONFIG, soaYaml } from '../helpers/domain.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { BASE_CONFIG } from '../helpers/workspace.js';

const LINE = FIRST_ITEM_LINE;
/** The 1-based column of `token` in the register line of `riskText`. */
const at = (riskText: string, token: string) => `  - ${riskText}`.indexOf(token) + 1;
const GRID_CONFIG = RISK_CONFIG.replace('scoring: multiply', 'scoring: grid\n  grid: [[0,0,0,1,1],[0,0,1,1,2],[0,1,1,2,2],[1,1,2,2,3],[1,2,2,3,3]]');

ruleTester(riskScale, {
  valid: [{ name: 'accepts ratings on the 1-5 scales', config: RISK_CONFIG, files: { 'register.yaml': registerYaml([risk()]) } }],
  invalid: [
    {
      name: 'reports a likelihood and a residual impact off the scale',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([risk({ likelihood: '6', residual: '{ likelihood: 2, impact: 0 }' })]) },
      errors: [
        { message: 'risk R-001 has likelihood 6, outside the scale 1-5 (Rare, Unlikely, Possible, Likely, Almost certain)', line: LINE, column: at(risk({ likelihood: '6' }), '6') },
        { message: 'risk R-001 has residual impact 0, outside the scale 1-5 (Negligible, Minor, Moderate, Major, Severe)', line: LINE },
      ],
    },
    {
      name: 'says the configuration has no risk method',
      config: BASE_CONFIG,
      files: { 'register.yaml': registerYaml([risk()]) },
      errors: [{ message: 'isms.config.yaml has no risk method ("risk": scales, scoring, levels, acceptable, escalation), so no risk can be rated', line: 10, column: 1 }],
    },
  ],
});

const NO_CONTROLS = risk({ controls: '', residual: '' });
ruleTester(riskTreatment, {
  valid: [
    { name: 'accepts modify with controls and a lower residual', config: RISK_CONFIG, files: { 'register.yaml': registerYaml([risk()]) } },
    { name: 'accepts retain without a residual', config: RISK_CONFIG, files: { 'register.yaml': registerYaml([risk({ treatment: 'retain', controls: '', residual: '' })]) } },
    { name: 'compares grid ratings by level', config: GRID_CONFIG, files: { 'register.yaml': registerYaml([risk({ likelihood: '3', impact: '3', residual: '{ likelihood: 2, impact: 4 }' })]) } },
  ],
  invalid: [
    {
      name: 'reports modify without controls or residual',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([NO_CONTROLS]) },
      errors: [
        { message: 'risk R-001 is treated by modify without a residual rating: add residual { likelihood, impact }', line: LINE, column: at(NO_CONTROLS, 'modify') },
        { message: 'risk R-001 is treated by modify without controls: list the Annex A controls that reduce it', line: LINE, column: at(NO_CONTROLS, 'modify') },
      ],
    },
    {
      name: 'reports share without a residual',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([risk({ treatment: 'share', residual: '' })]) },
      errors: [{ message: 'risk R-001 is treated by share without a residual rating: add residual { likelihood, impact }', line: LINE }],
    },
    {
      name: 'reports a residual above the inherent rating',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([risk({ likelihood: '2', impact: '2', residual: '{ likelihood: 3, impact: 3 }' })]) },
      errors: [{ message: 'risk R-001 has a residual rating medium (3x3=9) above its inherent rating low (2x2=4)', line: LINE }],
    },
    {
      name: 'reports a retained risk whose residual differs from its inherent rating',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([risk({ treatment: 'retain', controls: '', residual: '{ likelihood: 1, impact: 1 }' })]) },
      errors: [{ message: 'risk R-001 is retained, so its residual is its inherent rating critical (4x5=20), not low (1x1=1): remove the residual or change the treatment', line: LINE }],
    },
  ],
});

ruleTester(riskControl, {
  valid: [
    {
      name: 'accepts controls the SoA applies, written in any id form',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([risk({ controls: '["A.8.7", "8.13"]' })]), 'soa.yaml': soaYaml() },
    },
    {
      name: 'accepts a control from another source that the SoA applies',
      config: RISK_CONFIG,
      files: {
        'register.yaml': registerYaml([risk({ controls: '["8.7", "WW-1"]' })]),
        'soa.yaml': soaYaml({
          append: [
            '  - { control: "WW-1", title: Client data returned, source: Client contracts, applicable: true, reasons: [contractual], justification: x, implementation: implemented, owner: ciso }',
          ],
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'reports a control that neither Annex A nor the SoA knows',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([risk({ controls: '["WW-2"]' })]), 'soa.yaml': soaYaml() },
      errors: [{ message: 'risk R-001: WW-2 is not a control of ISO/IEC 27001:2022 Annex A, nor a control from another source in the Statement of Applicability', line: LINE }],
    },
    {
      name: 'reports an unknown control and a 2013 id',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([risk({ controls: '["9.1", "12.6.1"]' })]) },
      errors: [
        {
          message: 'risk R-001: 9.1 is not a control of ISO/IEC 27001:2022 Annex A, nor a control from another source in the Statement of Applicability',
          line: LINE,
          column: at(risk({ controls: '["9.1", "12.6.1"]' }), '"9.1"'),
        },
        { message: 'risk R-001: 12.6.1 is an ISO/IEC 27001:2013 control; in ISO/IEC 27001:2022 it is 8.8 Management of technical vulnerabilities', line: LINE },
      ],
    },
    {
      name: 'reports a control the SoA excludes, naming where',
      config: RISK_CONFIG,
      files: {
        'register.yaml': registerYaml([risk({ controls: '["7.11"]' })]),
        'soa.yaml': soaYaml({ replace: { '7.11': '  - { control: "7.11", applicable: false, justification: x }' } }),
      },
      errors: [{ message: 'risk R-001 is treated with control 7.11, which the Statement of Applicability excludes (isms-docs/soa.yaml:66)', line: LINE }],
    },
  ],
});

/** The method of the examples, with the limits of a methodology: acceptances for a year at most, reviews at most a year ahead. */
const LIMITED_CONFIG = RISK_CONFIG.replace('  escalation: ceo\n', '  escalation: ceo\n  max_acceptance_months: 12\n  max_review_months: 12\n');
const ACCEPTED_TWO_YEARS = risk({ acceptance: '{ by: ciso, date: 2026-01-10, expires: 2028-01-10 }' });
const ESCALATED = risk({ residual: '{ likelihood: 3, impact: 4 }', acceptance: '{ by: ciso, date: 2026-01-10 }' });
ruleTester(riskAcceptance, {
  valid: [
    { name: 'accepts acceptance by the owner of a residual at or below the acceptable level', config: RISK_CONFIG, files: { 'register.yaml': registerYaml([risk()]) } },
    { name: 'accepts an avoided risk without acceptance', config: RISK_CONFIG, files: { 'register.yaml': registerYaml([risk({ treatment: 'avoid', controls: '', residual: '', acceptance: '' })]) } },
    {
      name: 'accepts the escalation role for a residual above the acceptable level',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([risk({ residual: '{ likelihood: 3, impact: 4 }', acceptance: '{ by: ceo, date: 2026-01-10 }' })]) },
    },
    { name: 'accepts an acceptance of exactly the longest the method allows', config: LIMITED_CONFIG, files: { 'register.yaml': registerYaml([risk()]) } },
    { name: 'accepts an acceptance of two years when the method sets no limit', config: RISK_CONFIG, files: { 'register.yaml': registerYaml([ACCEPTED_TWO_YEARS]) } },
  ],
  invalid: [
    {
      name: 'reports an acceptance longer than risk.max_acceptance_months, at its expiry',
      config: LIMITED_CONFIG,
      files: { 'register.yaml': registerYaml([ACCEPTED_TWO_YEARS]) },
      errors: [
        {
          message: 'risk R-001 is accepted until 2028-01-10, longer than the method allows: an acceptance of 2026-01-10 lasts 12 months at most (risk.max_acceptance_months), until 2027-01-10',
          line: LINE,
          column: at(ACCEPTED_TWO_YEARS, '2028-01-10'),
        },
      ],
    },
    {
      name: 'reports an acceptance without expiry under risk.max_acceptance_months',
      config: LIMITED_CONFIG,
      files: { 'register.yaml': registerYaml([risk({ acceptance: '{ by: ciso, date: 2026-01-10 }' })]) },
      errors: [
        {
          message: 'risk R-001: the acceptance has no expiry, but the method lets an acceptance last 12 months at most (risk.max_acceptance_months): add expires: 2027-01-10 or earlier',
          line: LINE,
          column: at(risk(), 'acceptance'),
        },
      ],
    },
    {
      name: 'reports a treated risk without acceptance',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([risk({ acceptance: '' })]) },
      errors: [{ message: 'risk R-001 (modify) has no acceptance of its residual risk: add acceptance { by, date } by the risk owner (ISO/IEC 27001 6.1.3 f)', line: LINE }],
    },
    {
      name: 'reports acceptance by someone other than the owner',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([risk({ acceptance: '{ by: executive, date: 2026-01-10 }' })]) },
      errors: [{ message: 'risk R-001 is owned by ciso, so ciso accepts its residual risk, not executive', line: LINE }],
    },
    {
      name: 'reports a residual above the acceptable level accepted without the escalation role',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([ESCALATED]) },
      errors: [
        { message: 'risk R-001 has a residual rating high (3x4=12) above the acceptable level (medium): it must be accepted by ceo, not ciso', line: LINE, column: at(ESCALATED, 'ciso, date') },
      ],
    },
    {
      name: 'reports an acceptance that expired before --as-of',
      config: RISK_CONFIG,
      asOf: '2027-02-01',
      files: { 'register.yaml': registerYaml([risk({ next_review: '2027-06-01' })]) },
      errors: [{ message: 'risk R-001: the acceptance expired on 2027-01-10; the owner must accept the residual risk again', line: LINE }],
    },
    {
      name: 'reports an acceptance on an avoided risk',
      config: RISK_CONFIG,
      files: { 'register.yaml': registerYaml([risk({ treatment: 'avoid', controls: '', residual: '' })]) },
      errors: [{ message: 'risk R-001 is avoided, so there is no residual risk to accept: remove the acceptance', line: LINE }],
    },
  ],
});

const REVIEW_IN_2028 = risk({ next_review: '2028-01-01' });
ruleTester(riskReviewOverdue, {
  valid: [
    { name: 'accepts a next review still ahead', config: RISK_CONFIG, files: { 'register.yaml': registerYaml([risk()]) } },
    {
      name: 'leaves a next review further ahead than risk.max_review_months to risk-review-limit',
      config: LIMITED_CONFIG,
      files: { 'register.yaml': registerYaml([REVIEW_IN_2028]) },
    },
  ],
  invalid: [
    {
      name: 'reports a next review that has passed',
      config: RISK_CONFIG,
      asOf: '2026-12-11',
      files: { 'register.yaml': registerYaml([risk()]) },
      errors: [{ message: 'risk R-001 was due for review on 2026-12-01, 10 days ago', line: LINE, column: at(risk(), '2026-12-01') }],
    },
  ],
});

ruleTester(riskReviewLimit, {
  valid: [
    { name: 'accepts a next review within risk.max_review_months', config: LIMITED_CONFIG, files: { 'register.yaml': registerYaml([risk({ next_review: '2027-06-01' })]) } },
    { name: 'sets no limit without risk.max_review_months', config: RISK_CONFIG, files: { 'register.yaml': registerYaml([REVIEW_IN_2028]) } },
  ],
  invalid: [
    {
      name: 'reports a next review further ahead than risk.max_review_months as an error, at the date',
      config: LIMITED_CONFIG,
      files: { 'register.yaml': registerYaml([REVIEW_IN_2028]) },
      errors: [
        {
          message: 'risk R-001 is next reviewed on 2028-01-01, further ahead than the method allows: 12 months at most (risk.max_review_months), so by 2027-06-01',
          line: LINE,
          column: at(REVIEW_IN_2028, '2028-01-01'),
          severity: 'error',
        },
      ],
    },
    {
      name: 'stays an error whatever the severity of overdue reviews',
      config: `${LIMITED_CONFIG}rules:\n  risk-review-overdue: off\n`,
      files: { 'register.yaml': registerYaml([REVIEW_IN_2028]) },
      errors: [{ message: /^risk R-001 is next reviewed on 2028-01-01, further ahead than the method allows/, line: LINE, severity: 'error' }],
    },
  ],
});
