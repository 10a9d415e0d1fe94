import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixture, runCli } from '../helpers/cli.js';

describe('isms init and isms new', () => {
  const temporary: string[] = [];
  afterEach(() => temporary.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-init-'));
    temporary.push(dir);
    return dir;
  };

  it('creates a repository that validates with no error or warning', async () => {
    const dir = tempDir();
    const init = await runCli(['init', '--organization', 'Acme: Widgets, Ltd'], dir);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Created 16 files in isms-docs/');
    expect(init.stdout).toContain('and a git repository in isms-docs/');
    const drafts = await runCli(['validate', '--format', 'json'], dir);
    expect(JSON.parse(drafts.stdout).summary).toEqual({ documents: 11, errors: 0, warnings: 11 });
    expect(new Set(JSON.parse(drafts.stdout).diagnostics.map((d: { rule: string }) => d.rule))).toEqual(new Set(['git-uncommitted']));
    execFileSync('git', ['add', '-A'], { cwd: path.join(dir, 'isms-docs') });
    execFileSync('git', ['-c', 'user.name=M. Woolard', '-c', 'user.email=ciso@example.com', 'commit', '-q', '-m', 'isms init'], { cwd: path.join(dir, 'isms-docs') });
    const validate = await runCli(['validate', '--format', 'json'], dir);
    expect(JSON.parse(validate.stdout).summary).toEqual({ documents: 11, errors: 0, warnings: 0 });
    expect(validate.code).toBe(0);
    expect(readFileSync(path.join(dir, 'isms-docs', '.gitignore'), 'utf8')).toContain('_site/');
    expect(parse(readFileSync(path.join(dir, 'isms-docs', 'isms.config.yaml'), 'utf8')).organization).toBe('Acme: Widgets, Ltd');
  });

  it('publishes for staff by default, leaving the confidential risk register and competence record to the auditors', async () => {
    const dir = tempDir();
    await runCli(['init'], dir);
    const config = parse(readFileSync(path.join(dir, 'isms-docs', 'isms.config.yaml'), 'utf8'));
    expect(config.publish.audiences).toEqual({ staff: { max_classification: 'internal' }, auditors: {} });
    expect(config.publish.default_audience).toBe('staff');
    const staff = await runCli(['build', '--html'], dir);
    expect(staff.code).toBe(0);
    expect(staff.stderr).toContain('isms: left out for staff (classified above internal): DOC-RR, DOC-COMP\n');
    const auditors = await runCli(['build', '--html', '--audience', 'auditors'], dir);
    expect(auditors.stderr).not.toContain('left out');
    expect(readFileSync(path.join(dir, 'isms-docs', '_site', 'index.html'), 'utf8')).toContain('DOC-RR.html');
  });

  it('lists every control of the chosen standard in the new SoA', async () => {
    const dir = tempDir();
    await runCli(['init', 'docs', '--standard', 'iso27001-2013'], dir);
    const soa = parse(readFileSync(path.join(dir, 'docs', 'statement-of-applicability.yaml'), 'utf8'));
    expect(soa.standard).toBe('iso27001-2013');
    expect(soa.controls).toHaveLength(114);
    const validate = await runCli(['validate', '--no-git', '--config', 'docs/isms.config.yaml'], dir);
    expect(validate.code).toBe(0);
  });

  it('refuses to overwrite an existing repository', async () => {
    const dir = tempDir();
    await runCli(['init'], dir);
    const again = await runCli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^isms: refusing to overwrite isms-docs\/isms.config.yaml/);
  });

  it('adds a draft document with the sections the configuration requires, which validates', async () => {
    const dir = tempDir();
    await runCli(['init'], dir);
    const created = await runCli(['new', 'policy', 'DOC-A9', '--title', 'Access Control Policy'], dir);
    expect(created).toMatchObject({ code: 0, stdout: 'Created isms-docs/policies/access-control-policy.md (DOC-A9, policy, draft 0.1)\n' });
    const text = readFileSync(path.join(dir, 'isms-docs', 'policies', 'access-control-policy.md'), 'utf8');
    expect(text).toMatch(/^---\nid: DOC-A9\ntitle: Access Control Policy\ntype: policy\n/);
    for (const section of ['## Policy statement', '## Objectives', '## Responsibilities', '## Version history']) expect(text).toContain(section);
    expect((await runCli(['validate', '--no-git'], dir)).code).toBe(0);
  });

  it('adds a record as YAML holding the fields of its kind to fill in, which validates as a draft', async () => {
    const dir = tempDir();
    await runCli(['init'], dir);
    const created = await runCli(['new', 'record', 'DOC-IA-1', '--record', 'internal-audit', '--title', 'Internal Audit 1'], dir);
    expect(created).toMatchObject({ code: 0, stdout: 'Created isms-docs/records/internal-audit-1.yaml (DOC-IA-1, record, draft 0.1)\n' });
    const record = parse(readFileSync(path.join(dir, 'isms-docs', 'records', 'internal-audit-1.yaml'), 'utf8'));
    expect(record).toMatchObject({ type: 'record', record: 'internal-audit', status: 'draft', auditors: ['[fill in] who audits (never their own work)'], findings: [] });
    expect((await runCli(['validate', '--no-git'], dir)).code).toBe(0);
    expect(await runCli(['new', 'record', 'DOC-X1'], dir)).toMatchObject({
      code: 2,
      stderr: 'isms: a record says what it records: add --record with one of internal-audit, management-review, nonconformity, objective, competence, monitoring\n',
    });
    expect((await runCli(['new', 'record', 'DOC-X1', '--record', 'minutes'], dir)).stderr).toContain('unknown record kind "minutes"');
    expect((await runCli(['new', 'policy', 'DOC-X1', '--record', 'objective'], dir)).stderr).toContain('--record is for records');
  });

  it('refuses an id that is taken, a bad id and an unknown type', async () => {
    const dir = tempDir();
    await runCli(['init'], dir);
    expect(await runCli(['new', 'policy', 'DOC-A5'], dir)).toMatchObject({ code: 2, stderr: 'isms: id DOC-A5 is already used by isms-docs/policies/information-security-policy.md\n' });
    expect((await runCli(['new', 'policy', 'doc a9'], dir)).code).toBe(2);
    expect((await runCli(['new', 'memo', 'DOC-M1'], dir)).stderr).toContain('unknown document type "memo"');
  });
});

describe('isms soa migrate', () => {
  const source = path.join(fixture('soa-2013'), 'statement-of-applicability.yaml');

  it('carries 2013 decisions into all 93 controls of 2022 and leaves the 11 new ones to decide', async () => {
    const run = await runCli(['soa', 'migrate', source], fixture('soa-2013'));
    expect(run.code).toBe(0);
    const soa = parse(run.stdout);
    expect(soa.standard).toBe('iso27001-2022');
    expect(soa.status).toBe('draft');
    expect(soa.approval).toBeUndefined();
    expect(soa.controls).toHaveLength(93);
    const undecided = soa.controls.filter((c: { applicable?: boolean }) => c.applicable === undefined).map((c: { control: string }) => c.control);
    expect(undecided).toEqual(['5.7', '5.23', '5.30', '7.4', '8.9', '8.10', '8.11', '8.12', '8.16', '8.23', '8.28']);
    expect(run.stderr).toContain('58 controls carried over, 24 merged');
  });

  it('merges the justifications of several 2013 controls and notes a conflict', async () => {
    const soa = parse((await runCli(['soa', 'migrate', source], fixture('soa-2013'))).stdout);
    const media = soa.controls.find((c: { control: string }) => c.control === '7.10');
    expect(media.applicable).toBe(true);
    expect(media.justification).toContain('A.8.3.3: Physical media is never transported.');
    expect(media.justification).toContain('Conflict from the 2013 SoA: A.8.3.1, A.8.3.2, A.11.2.5 applicable, A.8.3.3 excluded');
    const access = soa.controls.find((c: { control: string }) => c.control === '5.15');
    expect(access.justification).toBe('A.9.1.1: 2013 decision for 9.1.1.\nA.9.1.2: 2013 decision for 9.1.2.');
    expect(access.implementation).toBe('partial');
    const cabling = soa.controls.find((c: { control: string }) => c.control === '7.12');
    expect(cabling).toMatchObject({ applicable: false, justification: 'No server rooms: offices use landlord cabling.' });
  });

  it('writes a result that fails validation on exactly the undecided controls', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-migrate-'));
    try {
      const out = path.join(dir, 'statement-of-applicability.yaml');
      const run = await runCli(['soa', 'migrate', source, '--out', out], fixture('soa-2013'));
      expect(run.stdout).toContain('To decide (validation fails until then): 5.7, 5.23');
      const config = readFileSync(path.join(fixture('soa-2013'), 'isms.config.yaml'), 'utf8').replace('standard: iso27001-2013', 'standard: iso27001-2022');
      const { writeFileSync, copyFileSync } = await import('node:fs');
      writeFileSync(path.join(dir, 'isms.config.yaml'), config);
      copyFileSync(path.join(fixture('soa-2013'), 'policy.md'), path.join(dir, 'policy.md'));
      const validate = JSON.parse((await runCli(['validate', '--no-git', '--format', 'json'], dir)).stdout);
      expect(validate.diagnostics.map((d: { rule: string; message: string }) => `${d.rule}: ${d.message}`)).toEqual(
        Array(11).fill(expect.stringMatching(/^schema: "controls\[\d+\]" is missing "applicable"$/)),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a 2013 SoA', async () => {
    const run = await runCli(['soa', 'migrate', 'statement-of-applicability.yaml'], path.resolve('isms-docs'));
    expect(run).toMatchObject({ code: 2, stderr: 'isms: statement-of-applicability.yaml is already an ISO/IEC 27001:2022 SoA\n' });
  });
});
