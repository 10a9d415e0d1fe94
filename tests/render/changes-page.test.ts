import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { registerYaml, RISK_METHOD, risk, soaYaml } from '../helpers/domain.js';
import { CEO, CISO, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';

const PUBLISH = `publish:
  title: Test Org ISMS Manual
  audiences:
    staff: { max_classification: internal }
    auditors: {}
  default_audience: staff
`;
const row = (version: string, date: string, details: string) => `| ${version} | ${date} | P. Writer | ${details} |`;
const ROWS = [row('0.1', '2025-01-10', 'First draft')];
const confidential = (text: string) => text.replace('classification: internal', 'classification: confidential');
/** The text of HTML as a reader sees it: the entities Handlebars writes, decoded. */
const textOf = (html: string) => html.replace(/&(#x3D|gt|lt|quot|#x27|#x60|amp);/g, (_, name: string) => ({ '#x3D': '=', gt: '>', lt: '<', quot: '"', '#x27': "'", '#x60': '`', amp: '&' })[name]!);
const epoch = (date: string) => String(Date.parse(`${date}T12:00:00Z`) / 1000);

describe("the site's Changes page and its exports", () => {
  let repo: TestRepo;
  const scratch = mkdtempSync(path.join(tmpdir(), 'isms-changes-page-'));
  const build = async (name: string, args: string[], date: string) => {
    const out = path.join(scratch, name);
    const run = await runCli(['build', '--html', '--out', out, ...args], repo.dir, { SOURCE_DATE_EPOCH: epoch(date) });
    if (run.code !== 0) throw new Error(run.stderr);
    return (file: string) => readFileSync(path.join(out, file), 'utf8');
  };

  beforeAll(() => {
    repo = new TestRepo();
    repo
      .write('isms.config.yaml', REPO_CONFIG + RISK_METHOD + PUBLISH)
      .write('policy.md', policy({ rows: ROWS }))
      .write('soa.yaml', soaYaml())
      .write('register.yaml', confidential(registerYaml([risk({ treatment: 'avoid', residual: '', acceptance: '' })])))
      .commit('Adopt isms', WRITER, '2025-01-10');
    repo.write('policy.md', policy({ version: '0.2', rows: [...ROWS, row('0.2', '2025-02-01', 'An old change')] })).commit('DOC-A5 0.2', WRITER, '2025-02-01');
    const published = [...ROWS, row('0.2', '2025-02-01', 'An old change'), row('1.0', '2026-03-01', 'First published')];
    repo.write('policy.md', policy({ status: 'in-review', version: '1.0', rows: published })).commit('DOC-A5 1.0', WRITER, '2026-03-01');
    repo.write('policy.md', policy({ status: 'approved', version: '1.0', rows: published, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-03-02 }' })).commit('Approve DOC-A5', CEO, '2026-03-02');
    repo
      .write(
        'register.yaml',
        confidential(
          registerYaml([risk({ treatment: 'avoid', residual: '', acceptance: '', likelihood: '2' })])
            .replace('details: B }]', 'details: B }, { version: "0.2", date: 2026-03-03, author: M. Woolard, details: Backups re-rated }]')
            .replace('version: "0.1"', 'version: "0.2"'),
        ),
      )
      .commit('DOC-RR 0.2', CISO, '2026-03-03');
  });
  afterAll(() => {
    repo.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('shows what changed in the 12 months before the build, for the documents the audience may read', async () => {
    const staff = await build('staff', [], '2026-03-10');
    const page = staff('changes.html');
    expect(page).toContain('The 12 months before this build: changes committed after 2025-03-10, up to 2026-03-10.');
    expect(page).toContain('version 1.0 recorded (2026-03-01, P. Writer): First published');
    expect(page).toContain('approved version 1.0 by R. Adeyemi (Chief Executive Officer), dated 2026-03-02: proven');
    // Older than the window, and the confidential register's changes, are not on it.
    expect(page).not.toContain('An old change');
    expect(page).not.toContain('DOC-RR');
    expect(page).not.toContain('Backups re-rated');
    expect(staff('index.html')).toContain('<a href="changes.html">Changes</a>');
    const auditors = await build('auditors', ['--audience', 'auditors'], '2026-03-10');
    expect(auditors('changes.html')).toContain('version 0.2 recorded (2026-03-03, M. Woolard): Backups re-rated');
    expect(textOf(auditors('changes.html'))).toContain('risk R-001 re-rated: inherent critical (4x5=20) -> high (2x5=10)');
  });

  it('links from the register every export the audience may read, and only those', async () => {
    const staff = await build('staff-exports', [], '2026-03-10');
    const links = (html: string) => [...html.matchAll(/href="(exports\/[^"]+)"/g)].map((m) => m[1]);
    expect(links(staff('index.html'))).toEqual(['exports/soa.xlsx', 'exports/soa.csv', 'exports/register.xlsx', 'exports/register.csv']);
    expect(staff('exports/register.csv')).not.toContain('DOC-RR');
    const auditors = await build('auditors-exports', ['--audience', 'auditors'], '2026-03-10');
    expect(links(auditors('index.html'))).toEqual(['exports/soa.xlsx', 'exports/soa.csv', 'exports/register.xlsx', 'exports/register.csv', 'exports/risks.xlsx', 'exports/risks.csv']);
    expect(auditors('exports/register.csv')).toContain('DOC-RR,Test,risk-register,register.yaml,confidential');
  });

  it('takes the window of a release from the commit, not from the day it is built', async () => {
    const out = path.join(scratch, 'release');
    const run = await runCli(['build', '--release', '--html', '--audience', 'auditors', '--out', out], repo.dir);
    expect(run.stderr).not.toContain('release refused');
    expect(run.code).toBe(0);
    const page = readFileSync(path.join(out, 'changes.html'), 'utf8');
    expect(page).toContain('The 12 months before this build: changes committed after 2025-03-03, up to 2026-03-03.');
    expect(page).toContain('approved version 1.0 by R. Adeyemi');
  });
});
