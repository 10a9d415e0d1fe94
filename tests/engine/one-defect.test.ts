import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine/check.js';
import { RULES } from '../../src/rules/index.js';
import { registerYaml, risk, RISK_CONFIG, soaLine, soaYaml } from '../helpers/domain.js';
import { configFrom, markdown, workspaceFrom } from '../helpers/workspace.js';

/** Every rule over the documents: "file line:column rule message" for each finding. */
function findings(files: Record<string, string>, config = RISK_CONFIG): string[] {
  return check(workspaceFrom(files, configFrom(config)), { asOf: '2026-06-01', rules: RULES }).diagnostics.map(
    (d) => `${d.file.replace('isms-docs/', '')} ${d.line}:${d.column} ${d.rule} ${d.message}`,
  );
}

const policy = (from: string, to: string) => markdown().replace(from, to);
/** "line:column" where `token` first stands in `text`. */
function where(text: string, token: string): string {
  const before = text.slice(0, text.indexOf(token)).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}
const SOA_JUSTIFCATION = soaYaml({ replace: { '5.3': '  - { control: "5.3", applicable: true, reasons: [risk], justifcation: Needed, implementation: implemented, owner: ciso }' } });
const SOA_ONWER = soaYaml({ replace: { '5.3': '  - { control: "5.3", applicable: true, reasons: [risk], justification: Needed, implementation: implemented, onwer: ciso }' } });
const REGISTER_ACCEPTENCE = registerYaml([risk({ acceptance: '', acceptence: '{ by: ciso, date: 2026-01-10 }' })]);
const REGISTER_CONTRLS = registerYaml([risk({ controls: '', residual: '', contrls: '["8.7"]', residaul: '{ likelihood: 2, impact: 4 }' })]);
const REGISTER_CISO = registerYaml([risk({ owner: 'CISO' })]);
const REVIEW_LATS = markdown({ extra: 'review: { lats: 2026-01-01 }' }).replace(/2026-01-10|2025-12-01/g, (date) => (date === '2026-01-10' ? '2024-01-10' : '2023-12-01'));
const plan = (lines: string) => `${lines}\nversions: [{ version: "0.1", date: 2026-01-01, author: A, details: B }]\n`;
const PLAN = 'id: DOC-PLAN\ntitle: Plan\ntype: plan\nowner: ciso\nclassification: internal\nstatus: draft\nversion: "0.1"';

describe('one defect, one diagnostic', () => {
  const cases: Array<[string, Record<string, string>, string | string[]]> = [
    [
      'a misspelt required key is an unknown key with the key it means, not a missing key as well',
      { 'p.md': policy('classification:', 'clasification:') },
      'p.md 6:1 schema unknown key "clasification"; did you mean "classification"?',
    ],
    ['a required key written in another case is the key it means', { 'p.md': policy('owner:', 'Owner:') }, 'p.md 5:1 schema unknown key "Owner"; did you mean "owner"?'],
    ['a transposed key is one edit from the key it means', { 'p.md': policy('title:', 'titel:') }, 'p.md 3:1 schema unknown key "titel"; did you mean "title"?'],
    [
      'a role in capitals is reported once, by unknown-role, with the role it means',
      { 'p.md': policy('owner: ciso', 'owner: CISO') },
      'p.md 5:8 unknown-role owner "CISO" is not a role of isms.config.yaml (ceo, ciso, executive); did you mean "ciso"?',
    ],
    [
      'an approver role in capitals is reported once, with the role it means',
      { 'p.md': policy('by: ceo', 'by: CEO') },
      'p.md 9:17 unknown-role approval.by "CEO" is not a role of isms.config.yaml (ceo, ciso, executive); did you mean "ceo"?',
    ],
    [
      'a misspelt approval of an approved document is the misspelt key, not a missing approval as well',
      { 'p.md': policy('approval:', 'approvla:') },
      'p.md 9:1 schema unknown key "approvla"; did you mean "approval"?',
    ],
    [
      'a status in capitals is the status it means',
      { 'p.md': policy('status: approved', 'status: Approved') },
      'p.md 7:9 schema "status" must be one of draft, in-review, approved, retired, found "Approved"; did you mean "approved"?',
    ],
    [
      'a type in capitals is the type it means, and says nothing of who approves such a type',
      { 'p.md': policy('type: policy', 'type: Policy') },
      'p.md 4:7 schema "type" must be one of manual, policy, procedure, methodology, soa, risk-register, plan, record, other, found "Policy"; did you mean "policy"?',
    ],
    ['a review date under a misspelt key is not a review overdue as well', { 'p.md': REVIEW_LATS }, `p.md ${where(REVIEW_LATS, 'lats')} schema unknown key "review.lats"; did you mean "last"?`],
    [
      'a key of a plan kept as YAML, whose other keys are content, is still found misspelt',
      { 'plan.yaml': plan(PLAN.replace('title:', 'titel:')) },
      'plan.yaml 2:1 schema missing required key "title"; "titel" looks like a misspelling of it',
    ],
    [
      'a misspelt version beside versions is the version it means',
      { 'soa.yaml': soaYaml().replace('version: "0.1"', 'versoin: "0.1"') },
      'soa.yaml 8:1 schema unknown key "versoin"; did you mean "version"?',
    ],
    [
      'a misspelt version history of a YAML document is not a missing history as well',
      { 'soa.yaml': soaYaml().replace('versions:', 'verisons:') },
      'soa.yaml 9:1 schema unknown key "verisons"; did you mean "versions"?',
    ],
    [
      'a misspelt SoA justification is not a control without justification as well',
      { 'soa.yaml': SOA_JUSTIFCATION },
      `soa.yaml ${where(SOA_JUSTIFCATION, 'justifcation')} schema unknown key "controls[2].justifcation"; did you mean "justification"?`,
    ],
    ['a misspelt SoA owner is not a control without owner as well', { 'soa.yaml': SOA_ONWER }, `soa.yaml ${where(SOA_ONWER, 'onwer')} schema unknown key "controls[2].onwer"; did you mean "owner"?`],
    [
      'a control under a misspelt key still decides the control',
      { 'soa.yaml': soaYaml({ replace: { '5.3': '  - { contrl: "5.3", applicable: true, reasons: [risk], justification: Needed, implementation: implemented, owner: ciso }' } }) },
      `soa.yaml ${soaLine('5.3')}:7 schema unknown key "controls[2].contrl"; did you mean "control"?`,
    ],
    [
      'a misspelt risk acceptance is not a risk without acceptance as well',
      { 'register.yaml': REGISTER_ACCEPTENCE },
      `register.yaml ${where(REGISTER_ACCEPTENCE, 'acceptence')} schema unknown key "risks[0].acceptence"; did you mean "acceptance"?`,
    ],
    [
      'two misspelt keys of a modify treatment are two findings, not a treatment without controls and residual as well',
      { 'register.yaml': REGISTER_CONTRLS },
      [
        `register.yaml ${where(REGISTER_CONTRLS, 'contrls')} schema unknown key "risks[0].contrls"; did you mean "controls"?`,
        `register.yaml ${where(REGISTER_CONTRLS, 'residaul')} schema unknown key "risks[0].residaul"; did you mean "residual"?`,
      ],
    ],
    [
      'a risk owner in capitals is reported once, not as an acceptance by someone else as well',
      { 'register.yaml': REGISTER_CISO },
      `register.yaml ${where(REGISTER_CISO, 'CISO')} unknown-role risks[0].owner "CISO" is not a role of isms.config.yaml (ceo, ciso, executive); did you mean "ciso"?`,
    ],
  ];
  for (const [name, files, expected] of cases) {
    it(name, () => {
      expect(findings(files)).toEqual(typeof expected === 'string' ? [expected] : expected);
    });
  }

  it('a misspelt id is reported once, not again by every document that names it', () => {
    const named = markdown({ id: 'DOC-B1', body: 'See DOC A5 and [it](p.md).', approval: 'approval: { by: ceo, name: R. Adeyemi, date: 2026-01-10 }' }).replace(
      'type: policy',
      'type: policy\ndepends_on: [DOC-A5]',
    );
    expect(findings({ 'p.md': policy('id:', 'ix:'), 'q.md': named })).toEqual(['p.md 2:1 schema unknown key "ix"; did you mean "id"?']);
  });

  it('a risk register whose list is misspelt is reported once, not by every SoA control that names its risks', () => {
    const soa = soaYaml({ replace: { '8.7': '  - { control: "8.7", applicable: true, reasons: [risk], justification: Needed, implementation: implemented, owner: ciso, risks: [R-001] }' } });
    expect(findings({ 'register.yaml': registerYaml([risk()]).replace('risks:', 'riskss:'), 'soa.yaml': soa })).toEqual(['register.yaml 10:1 schema unknown key "riskss"; did you mean "risks"?']);
  });

  it('a risk register whose type is misspelt is reported once, not by every SoA control that names its risks', () => {
    const soa = soaYaml({ replace: { '8.7': '  - { control: "8.7", applicable: true, reasons: [risk], justification: Needed, implementation: implemented, owner: ciso, risks: [R-001] }' } });
    expect(findings({ 'register.yaml': registerYaml([risk()]).replace('type: risk-register', 'type: risk-registr'), 'soa.yaml': soa })).toEqual([
      'register.yaml 3:7 schema "type" must be one of manual, policy, procedure, methodology, soa, risk-register, plan, record, other, found "risk-registr"; did you mean "risk-register"?',
    ]);
  });

  it('still reports the missing approval when the schema rule is turned down, so a misspelt approval never passes as a warning', () => {
    const result = findings({ 'p.md': policy('approval:', 'approvla:') }, `${RISK_CONFIG}rules:\n  schema: warn\n`);
    expect(result).toEqual([
      'p.md 7:9 approval-missing status is "approved" but there is no approval: add approval {by, name, date}',
      'p.md 9:1 schema unknown key "approvla"; did you mean "approval"?',
    ]);
  });
});
