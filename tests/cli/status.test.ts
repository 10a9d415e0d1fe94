import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';
import { policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';

const ROOT = path.resolve('.');

describe('isms status', () => {
  it('lists the document register with owner, version, approval and next review', async () => {
    const run = await runCli(['status', '--no-git', '--format', 'json', '--as-of', '2026-12-01'], ROOT);
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout);
    expect(status.documents.map((d: { id: string }) => d.id)).toEqual([
      'DOC-A5',
      'DOC-AC',
      'DOC-BCP',
      'DOC-COMP',
      'DOC-IA-2026',
      'DOC-IM',
      'DOC-MON',
      'DOC-MR-2026',
      'DOC-NC',
      'DOC-OBJ',
      'DOC-OPS',
      'DOC-RM',
      'DOC-RR',
      'DOC-SOA',
      'ISMS-MAN',
    ]);
    expect(status.documents.find((d: { id: string }) => d.id === 'ISMS-MAN')).toEqual({
      id: 'ISMS-MAN',
      title: 'Information Security Management System Manual',
      type: 'manual',
      owner: 'ciso',
      version: '2.2',
      status: 'approved',
      approvedBy: { role: 'executive', name: 'S. Lindqvist' },
      approvedOn: '2026-12-01',
      approvalProof: null,
      nextReview: '2027-12-01',
      daysLeft: 365,
      file: 'isms-docs/manual.md',
    });
    expect(status.validation).toEqual({ documents: 15, errors: 0, warnings: 0 });
  });

  it('summarises the SoA by theme and the risks by level and treatment', async () => {
    const status = JSON.parse((await runCli(['status', '--no-git', '--format', 'json', '--as-of', '2026-11-27'], ROOT)).stdout);
    const [soa] = status.soa;
    expect(soa).toMatchObject({ document: 'DOC-SOA', standard: 'iso27001-2022', catalogue: 93, decided: 93, applicable: 92, excluded: 1 });
    expect(soa.byGroup.map((g: { group: string; applicable: number; excluded: number }) => `${g.group} ${g.applicable}/${g.excluded}`)).toEqual([
      'organizational 37/0',
      'people 8/0',
      'physical 14/0',
      'technological 33/1',
    ]);
    const [risks] = status.risks;
    expect(risks.total).toBe(17);
    expect(risks.treatments).toEqual({ modify: 15, retain: 0, avoid: 1, share: 1 });
    expect(Object.values(risks.inherent).reduce((a: number, b) => a + (b as number), 0)).toBe(17);
    expect(Object.values(risks.residual).reduce((a: number, b) => a + (b as number), 0)).toBe(16); // the avoided risk has none
  });

  it('lists acceptances expiring within 90 days', async () => {
    const status = JSON.parse((await runCli(['status', '--no-git', '--format', 'json', '--as-of', '2027-04-15'], ROOT)).stdout);
    expect(status.risks[0].expiring).toEqual([{ risk: 'R-010', by: 'ciso', expires: '2027-06-30', daysLeft: 76 }]);
  });

  it('prints a table for people, with overdue reviews counted in days', async () => {
    const run = await runCli(['status', '--no-git', '--as-of', '2027-12-11'], ROOT);
    expect(run.stdout).toMatch(/^Wacky Widget ISMS, as of 2027-12-11\n/);
    expect(run.stdout).toMatch(/ISMS-MAN .* 2027-12-01 +10 days overdue/);
    expect(run.stdout).toContain('Statement of Applicability DOC-SOA (iso27001-2022): 92 applicable, 1 excluded, 0 undecided of 93');
    expect(run.stdout).toContain('Validation: 20 errors, 26 warnings (run isms validate for details).');
  });

  it('exits 2 on a broken configuration', async () => {
    expect((await runCli(['status'], fixture('broken-config'))).code).toBe(2);
  });
});

describe('isms status with git', () => {
  it('shows per document who approved it, in which commit, and whether that is proven or imported with the baseline', async () => {
    const status = JSON.parse((await runCli(['status', '--format', 'json', '--as-of', '2026-12-01'], ROOT)).stdout);
    const byId = Object.fromEntries(status.documents.map((d: { id: string }) => [d.id, d]));
    const approvalOf = (id: string) => execFileSync('git', ['log', '-1', '--format=%h', '--abbrev=7', `--grep=^Approve ${id} version`, '--', 'isms-docs'], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(byId['DOC-A5']).toMatchObject({
      approvedBy: { role: 'ceo', name: 'R. Adeyemi' },
      approvalProof: { proof: 'commit', commit: approvalOf('DOC-A5'), signed: false, valid: true, problem: null },
    });
    expect(byId['ISMS-MAN']).toMatchObject({
      approvedBy: { role: 'executive', name: 'S. Lindqvist' },
      approvalProof: { proof: 'commit', commit: approvalOf('ISMS-MAN'), signed: false, valid: true, problem: null },
    });
    const table = (await runCli(['status', '--as-of', '2026-12-01'], ROOT)).stdout;
    expect(table).toMatch(new RegExp(`DOC-A5 .* R\\. Adeyemi \\(ceo\\) +2026-12-01 +${approvalOf('DOC-A5')} unsigned`));
    expect(table).toMatch(new RegExp(`ISMS-MAN .* S\\. Lindqvist \\(executive\\) +2026-12-01 +${approvalOf('ISMS-MAN')} unsigned`));
  });

  it('says NOT VALID where an approval is committed by someone who may not approve, as the publications do', async () => {
    const repo = new TestRepo();
    try {
      const rows = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];
      repo
        .write('isms.config.yaml', REPO_CONFIG)
        .write('policy.md', policy({ status: 'in-review', version: '1.0', rows }))
        .commit('Draft', WRITER, '2026-01-05');
      repo
        .write('policy.md', policy({ status: 'approved', version: '1.0', rows, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' }))
        .commit('Approve in the CEO name', WRITER, '2026-01-10');
      const status = JSON.parse((await runCli(['status', '--format', 'json', '--as-of', '2026-06-01'], repo.dir)).stdout);
      expect(status.documents[0].approvalProof).toMatchObject({ proof: 'commit', valid: false, problem: expect.stringContaining('needs a member of "ceo"') });
      expect((await runCli(['status', '--as-of', '2026-06-01'], repo.dir)).stdout).toMatch(/DOC-A5 .* R\. Adeyemi \(ceo\) +2026-01-10 +NOT VALID [0-9a-f]{7} /);
    } finally {
      repo.remove();
    }
  });

  it('says an approval the baseline holds is imported, naming the baseline commit', async () => {
    const repo = new TestRepo();
    try {
      const rows = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];
      const baseline = repo
        .write('isms.config.yaml', REPO_CONFIG)
        .write('policy.md', policy({ status: 'approved', version: '1.0', rows, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' }))
        .commit('Import the ISMS as it was', WRITER, '2026-01-10');
      const status = JSON.parse((await runCli(['status', '--format', 'json', '--as-of', '2026-06-01'], repo.dir)).stdout);
      expect(status.documents[0].approvalProof).toEqual({ proof: 'baseline', commit: baseline.slice(0, 7), signed: false, valid: true, problem: null });
      expect((await runCli(['status', '--as-of', '2026-06-01'], repo.dir)).stdout).toMatch(new RegExp(`DOC-A5 .* R\\. Adeyemi \\(ceo\\) +2026-01-10 +imported ${baseline.slice(0, 7)} `));
    } finally {
      repo.remove();
    }
  });
});
