import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CEO, policy, TestRepo, WRITER } from '../helpers/git-repo.js';
import { APPROVED_POLICY, POLICY_ROWS, procedureWith, PUBLISHED_CONFIG } from '../helpers/published-repo.js';
import { BASE_CONFIG, markdown } from '../helpers/workspace.js';

const CONFIG = `${BASE_CONFIG}mandatory_documents: true
publish:
  audiences: { staff: { max_classification: internal }, auditors: {} }
  default_audience: staff
`;

describe('the coverage of the clauses that require documented information', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  /** A manual covering the scope, a policy covering 5.2, and a confidential register covering 8.2. */
  const workspace = (config = CONFIG) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-coverage-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'isms.config.yaml'), config);
    writeFileSync(path.join(dir, 'manual.md'), markdown({ id: 'ISMS-MAN', status: 'draft', approval: null, extra: 'covers: ["4.3"]' }));
    writeFileSync(path.join(dir, 'policy.md'), markdown({ id: 'DOC-A5', status: 'draft', approval: null, extra: 'covers: ["5.2"]' }));
    writeFileSync(path.join(dir, 'register.md'), markdown({ id: 'DOC-RR', status: 'draft', approval: null, classification: 'confidential', extra: 'covers: ["8.2"]' }));
    return dir;
  };

  it('fails validation for each clause no document covers', async () => {
    const run = await runCli(['validate', '--no-git', '--format', 'json'], workspace());
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'mandatory-documents');
    expect(findings).toHaveLength(12);
    expect(findings[0]).toMatchObject({ file: 'isms.config.yaml', line: 10, document: null });
  });

  it('is shown by isms status, clause by clause', async () => {
    const dir = workspace();
    const table = (await runCli(['status', '--no-git'], dir)).stdout;
    expect(table).toContain('Mandatory documented information (ISO/IEC 27001:2022): 3 of 15 clauses covered, 0 by validly approved documents');
    expect(table).toMatch(/^4\.3 +the scope of the ISMS +ISMS-MAN \(draft\)$/m);
    expect(table).toMatch(/^9\.3\.3 +the results of management reviews +NOT COVERED$/m);
    const json = JSON.parse((await runCli(['status', '--no-git', '--format', 'json'], dir)).stdout);
    expect(json.coverage.clauses.find((c: { clause: string }) => c.clause === '5.2')).toEqual({
      clause: '5.2',
      title: 'Policy',
      documented: 'the information security policy',
      documents: ['DOC-A5'],
      approved: [],
      notApproved: [{ document: 'DOC-A5', why: 'draft' }],
    });
  });

  it('is shown on the register page, without naming a document left out for the audience', async () => {
    const dir = workspace();
    await runCli(['build', '--html'], dir);
    const register = readFileSync(path.join(dir, '_site', 'index.html'), 'utf8');
    const section = register.slice(register.indexOf('<h2 id="mandatory-documented-information">'));
    expect(section).toContain('ISO/IEC 27001:2022: 3 of 15 clauses that require documented information are covered, 0 by validly approved documents.');
    expect(section).toContain(
      '<td class="id">5.2</td><td>Policy</td><td>the information security policy</td>\n<td><a class="id" href="DOC-A5.html">DOC-A5</a> <span class="not-approved">(draft)</span></td>',
    );
    expect(section).toContain(
      '<td class="id">8.2</td><td>Information security risk assessment</td><td>the results of the information security risk assessments</td>\n<td>a document not published here</td>',
    );
    expect(section).toContain('<tr class="uncovered">\n<td class="id">9.3.3</td>');
    expect(section).not.toContain('DOC-RR');
  });

  it('leaves the register and isms status as they were when nobody asks for coverage', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-coverage-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'isms.config.yaml'), BASE_CONFIG);
    writeFileSync(path.join(dir, 'policy.md'), markdown({ status: 'draft', approval: null }));
    await runCli(['build', '--html'], dir);
    expect(readFileSync(path.join(dir, '_site', 'index.html'), 'utf8')).not.toContain('Mandatory documented information');
    expect((await runCli(['status', '--no-git'], dir)).stdout).not.toContain('Mandatory documented information');
  });

  it('says which covering documents are validly approved, and in a release counts only those', async () => {
    const covering = (text: string, clause: string) => text.replace(/^version: /m, `covers: ["${clause}"]\nversion: `);
    const repo = new TestRepo();
    repo
      .write('.gitignore', '_site/\n')
      .write('isms.config.yaml', PUBLISHED_CONFIG)
      .write('policy.md', covering(policy({ status: 'in-review', version: '1.0', rows: POLICY_ROWS }), '5.2'))
      .write('procedure.md', covering(procedureWith('Grant access on request.'), '8.1'))
      .commit('Drafts', WRITER, '2026-01-05');
    repo.write('policy.md', covering(APPROVED_POLICY, '5.2')).commit('Approve', CEO, '2026-01-10');
    const clauses = JSON.parse((await runCli(['status', '--format', 'json'], repo.dir)).stdout).coverage.clauses as Array<{ clause: string }>;
    expect(clauses.find((c) => c.clause === '5.2')).toMatchObject({ documents: ['DOC-A5'], approved: ['DOC-A5'], notApproved: [] });
    expect(clauses.find((c) => c.clause === '8.1')).toMatchObject({ documents: ['DOC-P1'], approved: [], notApproved: [{ document: 'DOC-P1', why: 'draft' }] });
    const section = async (args: string[]) => {
      expect((await runCli(['build', '--html', ...args], repo.dir)).code).toBe(0);
      const register = readFileSync(path.join(repo.dir, '_site', 'index.html'), 'utf8');
      return register.slice(register.indexOf('<h2 id="mandatory-documented-information">'));
    };
    const draftBuild = await section([]);
    expect(draftBuild).toContain('2 of 15 clauses that require documented information are covered, 1 by validly approved documents.');
    expect(draftBuild).toContain('<a class="id" href="DOC-P1.html">DOC-P1</a> <span class="not-approved">(draft)</span>');
    const release = await section(['--release']);
    expect(release).toContain('1 of 15 clauses that require documented information are covered, 1 by validly approved documents.');
    expect(release).toContain('<tr class="uncovered">\n<td class="id">8.1</td>');
    expect(release).not.toContain('a document not published here');
  });
});
