import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CEO, CISO, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';
import { procedureWith } from '../helpers/published-repo.js';

const RISK_METHOD = `risk:
  likelihood: [Rare, Unlikely, Possible, Likely, Almost certain]
  impact: [Negligible, Minor, Moderate, Major, Severe]
  scoring: multiply
  levels: [{ name: low, max: 4 }, { name: medium, max: 9 }, { name: high, max: 15 }, { name: critical, max: 25 }]
  acceptable: medium
  escalation: ceo
`;
const CONFIG = REPO_CONFIG + RISK_METHOD;
const NEWCOMER = { name: 'N. Ewcomer', email: 'new@example.com' };

const register = (version: string, rows: string[], risks: string) => `id: DOC-RR
title: Risk Register
type: risk-register
owner: ciso
classification: confidential
status: draft
version: "${version}"
standard: iso27001-2022
versions:
${rows.map((row) => `  - ${row}`).join('\n')}
risks:
${risks}`;

const R001 = (likelihood: number, acceptance = '') => `  - id: R-001
    title: Ransomware encrypts the file server
    owner: ciso
    cia: [availability]
    likelihood: ${likelihood}
    impact: 5
    treatment: modify
    controls: ["8.7"]
    residual: { likelihood: 2, impact: 5 }
${acceptance}    next_review: 2027-01-01
`;
const R002 = `  - id: R-002
    title: Laptop stolen
    owner: ciso
    cia: [confidentiality]
    likelihood: 3
    impact: 3
    treatment: retain
    next_review: 2027-01-01
`;
const R003 = `  - id: R-003
    title: Supplier outage
    owner: ciso
    cia: [availability]
    likelihood: 2
    impact: 4
    treatment: retain
    next_review: 2027-01-01
`;
const ROWS_01 = ['{ version: "0.1", date: 2026-02-01, author: M. Woolard, details: First risks }'];
const ROWS_02 = [...ROWS_01, '{ version: "0.2", date: 2026-02-10, author: M. Woolard, details: Re-rated after backups }'];

const soa = (version: string, rows: string[], controls: string) => `id: DOC-SOA
title: Statement of Applicability
type: soa
owner: ciso
classification: internal
status: draft
version: "${version}"
standard: iso27001-2022
versions:
${rows.map((row) => `  - ${row}`).join('\n')}
controls:
${controls}`;
const SOA_ROWS_01 = ['{ version: "0.1", date: 2026-02-01, author: M. Woolard, details: First decisions }'];
const SOA_ROWS_02 = [...SOA_ROWS_01, '{ version: "0.2", date: 2026-02-10, author: M. Woolard, details: Roles in scope }'];
const SOA_01 = `  - { control: "5.1", applicable: true, reasons: [business], justification: Policies are needed, implementation: planned, owner: ciso }
  - { control: "5.2", applicable: false, justification: Not yet }
`;
const SOA_02 = `  - { control: "A.5.1", applicable: true, reasons: [business], justification: Policies are needed, implementation: implemented, owner: ciso }
  - { control: "5.2", applicable: true, reasons: [risk], justification: Roles are assigned, implementation: planned, owner: ciso }
`;

const POLICY_ROWS = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-08 | P. Writer | First published |'];

interface Fixture {
  repo: TestRepo;
  commits: Record<'adopt' | 'review' | 'approve' | 'risks' | 'rerate' | 'accept' | 'member' | 'reviewed' | 'delete', string>;
}

/** A year of an ISMS, one act a commit, each by the person whose act it is. */
function history(): Fixture {
  const repo = new TestRepo();
  const adopt = repo.write('isms.config.yaml', CONFIG).write('policy.md', policy()).write('procedure.md', procedureWith('Grant access on request.')).commit('Adopt isms', WRITER, '2026-01-05');
  const review = repo.write('policy.md', policy({ status: 'in-review', version: '1.0', rows: POLICY_ROWS })).commit('DOC-A5 1.0 for review', WRITER, '2026-01-08');
  const approve = repo
    .write('policy.md', policy({ status: 'approved', version: '1.0', rows: POLICY_ROWS, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' }))
    .commit('Approve DOC-A5', CEO, '2026-01-10');
  const risks = repo
    .write('register.yaml', register('0.1', ROWS_01, R001(4) + R002))
    .write('soa.yaml', soa('0.1', SOA_ROWS_01, SOA_01))
    .commit('Risks and SoA', CISO, '2026-02-01');
  const rerate = repo
    .write('register.yaml', register('0.2', ROWS_02, R001(2) + R003))
    .write('soa.yaml', soa('0.2', SOA_ROWS_02, SOA_02))
    .commit('Re-rate', CISO, '2026-02-10');
  const accept = repo
    .write('register.yaml', register('0.2', ROWS_02, R001(2, '    acceptance: { by: ciso, date: 2026-02-15, expires: 2027-02-15 }\n') + R003))
    .commit('Accept R-001', CISO, '2026-02-15');
  const member = repo
    .write(
      'isms.config.yaml',
      CONFIG.replace(
        `writer: { title: Policy writer, members: [{ name: ${WRITER.name}, email: ${WRITER.email} }] }`,
        `writer: { title: Policy writer, members: [{ name: ${WRITER.name}, email: ${WRITER.email} }, { name: ${NEWCOMER.name}, email: ${NEWCOMER.email} }] }`,
      ),
    )
    .commit('A second writer', CISO, '2026-02-20');
  const reviewed = repo
    .write('policy.md', policy({ status: 'approved', version: '1.0', rows: POLICY_ROWS, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', review: '{ last: 2026-03-01 }' }))
    .commit('Review DOC-A5', CISO, '2026-03-01');
  repo.git(['rm', '-q', 'procedure.md']);
  const deleted = repo.commit('Withdraw the procedure', WRITER, '2026-03-05');
  return { repo, commits: { adopt, review, approve, risks, rerate, accept, member, reviewed, delete: deleted } };
}

const by = (hash: string, who: { name: string; email: string }, date: string, imported = false) => ({ hash, author: who.name, email: who.email, date, imported });

describe('isms changes', () => {
  let fixture: Fixture;
  beforeAll(() => {
    fixture = history();
  });
  afterAll(() => fixture.repo.remove());

  async function changes(...args: string[]) {
    const run = await runCli(['changes', ...args], fixture.repo.dir);
    if (run.code !== 0) throw new Error(run.stderr);
    return run.stdout;
  }

  it('lists exactly the events between two commits, per document, in order, with the people and commits that made them', async () => {
    const { commits: c } = fixture;
    const report = JSON.parse(await changes(c.approve, 'HEAD', '--format', 'json'));
    expect(report.from).toEqual({ commit: c.approve, date: '2026-01-10' });
    expect(report.to).toEqual({ commit: c.delete, date: '2026-03-05' });
    expect(report.commits).toBe(6);
    expect(report.documents.map((d: { id: string; path: string }) => `${d.id} ${d.path}`)).toEqual(['DOC-A5 policy.md', 'DOC-P1 procedure.md', 'DOC-RR register.yaml', 'DOC-SOA soa.yaml']);
    const [policyChanges, procedure, registerChanges, soaChanges] = report.documents;
    expect(policyChanges.events).toEqual([{ kind: 'review', date: '2026-03-01', commit: by(c.reviewed, CISO, '2026-03-01') }]);
    expect(procedure).toMatchObject({ title: 'Access Procedure', events: [{ kind: 'removed', path: 'procedure.md', commit: by(c.delete, WRITER, '2026-03-05') }] });
    expect(registerChanges.events).toEqual([
      { kind: 'added', version: '0.1', status: 'draft', commit: by(c.risks, CISO, '2026-02-01') },
      { kind: 'version', version: '0.1', date: '2026-02-01', author: 'M. Woolard', details: 'First risks', commit: by(c.risks, CISO, '2026-02-01') },
      { kind: 'version', version: '0.2', date: '2026-02-10', author: 'M. Woolard', details: 'Re-rated after backups', commit: by(c.rerate, CISO, '2026-02-10') },
      { kind: 'content', commit: by(c.rerate, CISO, '2026-02-10') },
      { kind: 'risk-removed', risk: 'R-002', commit: by(c.rerate, CISO, '2026-02-10') },
      {
        kind: 'risk-rerated',
        risk: 'R-001',
        inherent: { from: 'critical (4x5=20)', to: 'high (2x5=10)' },
        residual: { from: 'high (2x5=10)', to: 'high (2x5=10)' },
        commit: by(c.rerate, CISO, '2026-02-10'),
      },
      { kind: 'risk-added', risk: 'R-003', commit: by(c.rerate, CISO, '2026-02-10') },
      { kind: 'acceptance', risk: 'R-001', by: 'ciso', byTitle: 'Chief Information Security Officer', date: '2026-02-15', expires: '2027-02-15', commit: by(c.accept, CISO, '2026-02-15') },
    ]);
    expect(soaChanges.events).toEqual([
      { kind: 'added', version: '0.1', status: 'draft', commit: by(c.risks, CISO, '2026-02-01') },
      { kind: 'version', version: '0.1', date: '2026-02-01', author: 'M. Woolard', details: 'First decisions', commit: by(c.risks, CISO, '2026-02-01') },
      { kind: 'version', version: '0.2', date: '2026-02-10', author: 'M. Woolard', details: 'Roles in scope', commit: by(c.rerate, CISO, '2026-02-10') },
      { kind: 'content', commit: by(c.rerate, CISO, '2026-02-10') },
      {
        kind: 'control',
        control: '5.1',
        title: 'Policies for information security',
        applicable: { from: true, to: true },
        implementation: { from: 'planned', to: 'implemented' },
        owner: { from: 'ciso', to: 'ciso' },
        justification: false,
        commit: by(c.rerate, CISO, '2026-02-10'),
      },
      {
        kind: 'control',
        control: '5.2',
        title: 'Information security roles and responsibilities',
        applicable: { from: false, to: true },
        implementation: { from: null, to: 'planned' },
        owner: { from: null, to: 'ciso' },
        justification: true,
        commit: by(c.rerate, CISO, '2026-02-10'),
      },
    ]);
    expect(report.configuration).toEqual([
      { commit: by(c.member, CISO, '2026-02-20'), files: ['isms.config.yaml'], changes: ['N. Ewcomer <new@example.com> joined role writer'], valid: true, problem: null },
    ]);
  });

  it('judges each approval by the chain of trust, and marks what the baseline imported', async () => {
    const { commits: c } = fixture;
    const report = JSON.parse(await changes(c.adopt, c.approve, '--format', 'json'));
    expect(report.documents.map((d: { id: string }) => d.id)).toEqual(['DOC-A5']);
    expect(report.documents[0].events).toEqual([
      { kind: 'version', version: '1.0', date: '2026-01-08', author: 'P. Writer', details: 'First published', commit: by(c.review, WRITER, '2026-01-08') },
      { kind: 'status', status: { from: 'draft', to: 'in-review' }, commit: by(c.review, WRITER, '2026-01-08') },
      {
        kind: 'approval',
        version: '1.0',
        name: 'R. Adeyemi',
        role: 'ceo',
        roleTitle: 'Chief Executive Officer',
        date: '2026-01-10',
        valid: true,
        problem: null,
        commit: by(c.approve, CEO, '2026-01-10'),
      },
    ]);
    const all = JSON.parse(await changes('2025-12-31', c.review, '--format', 'json'));
    expect(all.from).toBeNull();
    expect(all.documents.find((d: { id: string }) => d.id === 'DOC-A5').events[0]).toEqual({ kind: 'added', version: '0.1', status: 'draft', commit: by(c.adopt, WRITER, '2026-01-05', true) });
  });

  it('takes dates for both points: the newest commit on or before each', async () => {
    const { commits: c } = fixture;
    const report = JSON.parse(await changes('2026-02-12', '2026-02-28', '--format', 'json'));
    expect(report.from.commit).toBe(c.rerate);
    expect(report.to.commit).toBe(c.member);
    expect(report.documents.map((d: { id: string }) => d.id)).toEqual(['DOC-RR']);
    expect(report.configuration).toHaveLength(1);
  });

  it('says it in Markdown: a heading per document and one line per event, with date, commit and author', async () => {
    const { commits: c } = fixture;
    const text = await changes(c.approve, 'HEAD');
    expect(text).toMatch(/^# Changes to the Test Org ISMS\n\nFrom [0-9a-f]{7} \(2026-01-10\) to [0-9a-f]{7} \(2026-03-05\): 6 commits\.\n/);
    expect(text).toContain('## DOC-RR Risk Register\n');
    expect(text).toContain(`- 2026-02-10 ${c.rerate.slice(0, 7)} M. Woolard: risk R-001 re-rated: inherent critical (4x5=20) -> high (2x5=10)\n`);
    expect(text).toContain(`- 2026-02-15 ${c.accept.slice(0, 7)} M. Woolard: risk R-001 accepted by Chief Information Security Officer, dated 2026-02-15, until 2027-02-15\n`);
    expect(text).toContain(`- 2026-02-20 ${c.member.slice(0, 7)} M. Woolard: isms.config.yaml: N. Ewcomer \\<new@example.com> joined role writer: by a configuration approver\n`);
    expect(text).toContain(`- 2026-03-05 ${c.delete.slice(0, 7)} P. Writer: deleted (procedure.md)\n`);
  });

  it('gives the same report as one self-contained HTML page, with no navigation to a site around it', async () => {
    const { commits: c } = fixture;
    const html = await changes(c.approve, 'HEAD', '--format', 'html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).not.toContain('<header class="site">');
    expect(html).toContain('<h1>Changes</h1>');
    expect(html).toContain(`<tr><td class="date">2026-03-05</td><td class="id">${c.delete.slice(0, 7)}</td><td>P. Writer</td><td>deleted (procedure.md)</td></tr>`);
  });

  it('refuses a from that is not before to, and a to before the history, with exit 2', async () => {
    const { commits: c } = fixture;
    const later = await runCli(['changes', 'HEAD', c.approve], fixture.repo.dir);
    expect(later.code).toBe(2);
    expect(later.stderr).toMatch(/^isms: from [0-9a-f]{7} \(2026-03-05\) is not in the history of to [0-9a-f]{7} \(2026-01-10\)/);
    const before = await runCli(['changes', c.adopt, '2025-01-01'], fixture.repo.dir);
    expect(before).toMatchObject({ code: 2, stderr: expect.stringContaining('to 2025-01-01 is before the history of HEAD') });
  });
});

describe('isms changes of sign-offs the chain of trust refuses', () => {
  it('says NOT VALID, and why, of an approval and a configuration change by someone not allowed to make them', async () => {
    const repo = new TestRepo();
    try {
      const adopt = repo
        .write('isms.config.yaml', CONFIG)
        .write('policy.md', policy({ status: 'in-review', version: '1.0', rows: POLICY_ROWS }))
        .commit('Adopt isms', CISO, '2026-01-05');
      const forged = repo
        .write('policy.md', policy({ status: 'approved', version: '1.0', rows: POLICY_ROWS, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' }))
        .commit('Approve in the CEO name', WRITER, '2026-01-10');
      const grab = repo.write('isms.config.yaml', CONFIG.replace('"*": [ciso]', '"*": [ciso, writer]')).commit('Let writers approve', WRITER, '2026-01-11');
      const run = await runCli(['changes', adopt, 'HEAD', '--format', 'json'], repo.dir);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.documents[0].events).toEqual([
        {
          kind: 'approval',
          version: '1.0',
          name: 'R. Adeyemi',
          role: 'ceo',
          roleTitle: 'Chief Executive Officer',
          date: '2026-01-10',
          valid: false,
          problem: expect.stringContaining('by someone who was not allowed to: it needs a member of "ceo"'),
          commit: by(forged, WRITER, '2026-01-10'),
        },
      ]);
      expect(report.configuration).toEqual([
        {
          commit: by(grab, WRITER, '2026-01-11'),
          files: ['isms.config.yaml'],
          changes: ['approvers of *: ciso -> ciso, writer', 'git.config_approvers: ["ciso"] -> ["ciso","writer"]'],
          valid: false,
          problem: expect.stringContaining('by someone who was not allowed to'),
        },
      ]);
      const text = (await runCli(['changes', adopt, 'HEAD'], repo.dir)).stdout;
      expect(text).toContain(`- 2026-01-10 ${forged.slice(0, 7)} P. Writer: approved version 1.0 by R. Adeyemi (Chief Executive Officer), dated 2026-01-10: NOT VALID: the approval was committed in`);
    } finally {
      repo.remove();
    }
  });
});
