import { suspectDependency } from '../../src/rules/suspect-dependency.js';
import { CEO, CISO, OUTSIDER, WRITER } from '../helpers/git-repo.js';
import { ruleTester, type CaseCommit } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

const row = (version: string, date: string) => `| ${version} | ${date} | P. Writer | Version ${version} |`;
const history = (...rows: string[]) => `## Version history\n\n| Version | Date | Author(s) | Details |\n|---|---|---|---|\n${rows.join('\n')}\n`;

/** The risk methodology at 1.0 (approved) or 2.0 (in review, then approved): its content changes with the version. */
const methodology = (version: '1.0' | '2.0', status: 'approved' | 'in-review') =>
  markdown({
    id: 'DOC-RM',
    type: 'methodology',
    status,
    version,
    approval: status === 'approved' ? `approval: { by: ciso, name: M. Woolard, date: ${version === '1.0' ? '2026-01-05' : '2026-03-02'} }` : null,
    body: version === '1.0' ? 'Risks are rated on 5x5 scales.' : 'Risks are rated on 4x4 scales, existing controls counted.',
    history: history(row('1.0', '2026-01-05'), ...(version === '2.0' ? [row('2.0', '2026-03-01')] : [])),
  });

/** The risk register, approved at 1.2; `review` records a review without change. */
const register = (options: { approved?: string; review?: string } = {}) => `id: DOC-RR
title: Risk Register
type: risk-register
standard: iso27001-2022
owner: ciso
classification: confidential
status: approved
version: "1.2"
approval: { by: ciso, name: M. Woolard, date: ${options.approved ?? '2026-01-05'} }
${options.review ? `review: { last: ${options.review} }\n` : ''}versions:
  - { version: "1.2", date: 2026-01-05, author: P. Writer, details: Ratings of January }
risks: []
`;
const REGISTER_TYPE_LINE = 3;

/** Methodology 1.0 and register 1.2 approved together, then the methodology redrafted as 2.0 and (unless told) approved. */
const history2 = (approve2 = true): CaseCommit[] => [
  { files: { 'risk/methodology.md': methodology('1.0', 'approved'), 'risk/register.yaml': register() }, by: CISO, date: '2026-01-05', message: 'Adopt isms' },
  { files: { 'risk/methodology.md': methodology('2.0', 'in-review') }, by: WRITER, date: '2026-03-01', message: 'Methodology 2.0' },
  ...(approve2 ? [{ files: { 'risk/methodology.md': methodology('2.0', 'approved') }, by: CISO, date: '2026-03-02', message: 'Approve DOC-RM 2.0' }] : []),
];
const final = (approve2 = true) => Object.assign({}, ...history2(approve2).map((step) => step.files)) as Record<string, string>;

/** A procedure written against the policy: depends_on: [DOC-A5] on line 10. */
const procedure = markdown({ id: 'DOC-P1', type: 'procedure', status: 'approved', approval: 'approval: { by: ciso, name: M. Woolard, date: 2026-01-10 }', extra: 'depends_on: [DOC-A5]' });
const policy = (version: '1.0' | '1.1') =>
  markdown({
    version,
    body: version === '1.0' ? 'We protect information.' : 'We protect client information.',
    approval: `approval: { by: ceo, name: R. Adeyemi, date: ${version === '1.0' ? '2026-01-10' : '2026-04-02'} }`,
    history: history(row('1.0', '2026-01-10'), ...(version === '1.1' ? [row('1.1', '2026-04-01')] : [])),
  });

/** A document as its writer commits it for approval: in review, without an approval block. */
const inReview = (text: string) => text.replace('status: approved', 'status: in-review').replace(/^approval: .*\n/m, '');

ruleTester(suspectDependency, {
  valid: [
    { name: 'says nothing without git history', files: final() },
    { name: 'says nothing while the methodology is redrafted and not yet in force', commits: history2(false), files: final(false) },
    {
      name: 'accepts a register approved again after the methodology changed',
      commits: [...history2(), { files: { 'risk/register.yaml': register({ approved: '2026-03-03' }).replace('status: approved', 'status: approved # again') }, by: CISO, date: '2026-03-03' }],
      files: { ...final(), 'risk/register.yaml': register({ approved: '2026-03-03' }).replace('status: approved', 'status: approved # again') },
    },
    {
      name: 'accepts a register reviewed after the methodology changed (isms review records it)',
      commits: [...history2(), { files: { 'risk/register.yaml': register({ review: '2026-03-05' }) }, by: CISO, date: '2026-03-05' }],
      files: { ...final(), 'risk/register.yaml': register({ review: '2026-03-05' }) },
    },
    {
      name: 'says nothing while the new methodology is approved by someone not allowed to (not in force: git-approval reports it)',
      commits: [...history2(false), { files: { 'risk/methodology.md': methodology('2.0', 'approved') }, by: OUTSIDER, date: '2026-03-02', message: 'Approve DOC-RM 2.0' }],
      files: final(),
    },
  ],
  invalid: [
    {
      name: 'reports a register approved against methodology 1.0 when the methodology is 2.0, naming the commit (the register depends on it implicitly)',
      commits: history2(),
      files: final(),
      errors: [{ file: 'risk/register.yaml', line: REGISTER_TYPE_LINE, column: 7, message: /^DOC-RR 1\.2 was approved when DOC-RM was 1\.0; DOC-RM is 2\.0 since [0-9a-f]{7}: review DOC-RR$/ }],
    },
    {
      name: 'reports a procedure whose depends_on names a policy that changed since its approval, at the id',
      commits: [
        { files: { 'policy.md': policy('1.0'), 'procedure.md': procedure }, by: CISO, date: '2026-01-10' },
        { files: { 'policy.md': inReview(policy('1.1')) }, by: WRITER, date: '2026-04-01' },
        { files: { 'policy.md': policy('1.1') }, by: CEO, date: '2026-04-02' },
      ],
      files: { 'policy.md': policy('1.1'), 'procedure.md': procedure },
      errors: [{ file: 'procedure.md', line: 10, column: 14, message: /^DOC-P1 1\.0 was approved when DOC-A5 was 1\.0; DOC-A5 is 1\.1 since [0-9a-f]{7}: review DOC-P1$/ }],
    },
    {
      name: 'says "last reviewed" when a review older than the change was the last sign-off',
      commits: [...history2().slice(0, 1), { files: { 'risk/register.yaml': register({ review: '2026-02-01' }) }, by: CISO, date: '2026-02-01' }, ...history2().slice(1)],
      files: { ...final(), 'risk/register.yaml': register({ review: '2026-02-01' }) },
      errors: [{ file: 'risk/register.yaml', line: REGISTER_TYPE_LINE, message: /^DOC-RR 1\.2 was last reviewed when DOC-RM was 1\.0; DOC-RM is 2\.0 since / }],
    },
    {
      name: 'does not count a review recorded by someone outside the owner and approving roles: the approval stays the last sign-off',
      commits: [...history2(), { files: { 'risk/register.yaml': register({ review: '2026-03-05' }) }, by: OUTSIDER, date: '2026-03-05' }],
      files: { ...final(), 'risk/register.yaml': register({ review: '2026-03-05' }) },
      errors: [{ file: 'risk/register.yaml', line: REGISTER_TYPE_LINE, message: /^DOC-RR 1\.2 was approved when DOC-RM was 1\.0; DOC-RM is 2\.0 since [0-9a-f]{7}: review DOC-RR$/ }],
    },
    {
      name: 'does not count an approval by someone not allowed to approve: the last valid approval is the one that checked the register',
      commits: [...history2(), { files: { 'risk/register.yaml': register({ approved: '2026-03-03' }).replace('status: approved', 'status: approved # again') }, by: OUTSIDER, date: '2026-03-03' }],
      files: { ...final(), 'risk/register.yaml': register({ approved: '2026-03-03' }).replace('status: approved', 'status: approved # again') },
      errors: [{ file: 'risk/register.yaml', line: REGISTER_TYPE_LINE, message: /^DOC-RR 1\.2 was approved when DOC-RM was 1\.0; DOC-RM is 2\.0 since [0-9a-f]{7}: review DOC-RR$/ }],
    },
    {
      name: 'reports a dependency that did not exist when the document was approved',
      commits: [
        { files: { 'procedure.md': procedure }, by: CISO, date: '2026-01-10' },
        { files: { 'policy.md': inReview(policy('1.0')) }, by: WRITER, date: '2026-01-11' },
        { files: { 'policy.md': policy('1.0') }, by: CEO, date: '2026-01-12' },
      ],
      files: { 'procedure.md': procedure, 'policy.md': policy('1.0') },
      errors: [{ file: 'procedure.md', line: 10, message: /^DOC-P1 1\.0 was approved before DOC-A5 existed; DOC-A5 is 1\.0 since [0-9a-f]{7}: review DOC-P1$/ }],
    },
  ],
});
