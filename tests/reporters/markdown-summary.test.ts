import MarkdownIt from 'markdown-it';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';
import { CEO, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';

const ROWS = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];
const APPROVED = { status: 'approved', version: '1.0', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', rows: ROWS };
const GITHUB = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/isms-docs' };

/** A procedure (DOC-P1) whose body is given. */
const procedure = (body: string, title = 'Access Procedure') =>
  policy({ body }).replace('id: DOC-A5', 'id: DOC-P1').replace('title: Information Security Policy', `title: "${title}"`).replace('type: policy', 'type: procedure');

/** main: an approved policy and a guideline; the pull request: policy 1.1 for review, a new procedure (and the guideline deleted). */
function pullRequest(procedureBody = 'Grant access on request.', title?: string, options: { deleteGuideline?: boolean } = {}): TestRepo {
  const repo = new TestRepo();
  repo.write('isms-docs/isms.config.yaml', REPO_CONFIG).write('isms-docs/policy.md', policy({ status: 'in-review', version: '1.0', rows: ROWS }));
  repo
    .write(
      'isms-docs/guideline.yaml',
      'id: DOC-G1\ntitle: Clean desk\ntype: other\nowner: ciso\nclassification: internal\nstatus: draft\nversion: "0.1"\nversions: [{ version: "0.1", date: 2026-01-05, author: P. Writer, details: First draft }]\nrules: [lock screens, clear desks, shred paper]\n',
    )
    .commit('1.0 for review', WRITER, '2026-01-10');
  repo.write('isms-docs/policy.md', policy(APPROVED)).commit('Approve 1.0', CEO, '2026-01-10');
  repo.git(['branch', 'base']);
  if (options.deleteGuideline) repo.git(['rm', '-q', 'isms-docs/guideline.yaml']);
  const rows = [...ROWS, '| 1.1 | 2026-02-01 | P. Writer | Suppliers in scope |'];
  repo.write('isms-docs/policy.md', policy({ status: 'in-review', version: '1.1', rows, body: 'We protect information, our suppliers too.' }));
  repo.write('isms-docs/procedure.md', procedure(procedureBody, title)).commit('Policy 1.1, a procedure', WRITER, '2026-02-01');
  return repo;
}

describe('--format markdown: the pull-request summary', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));
  const track = (repo: TestRepo) => (repos.push(repo), repo);

  it('says what changed since the base, which approvals are still needed and by whom, and passes', async () => {
    const repo = track(pullRequest());
    const run = await runCli(['validate', '--base', 'base', '--format', 'markdown', '--as-of', '2026-06-01'], repo.dir, GITHUB);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('**✅ isms: passed**: 0 errors and 0 warnings in 3 documents; 2 documents changed since base; 1 approval still needed.');
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const blob = `https://github.com/acme/isms-docs/blob/${head}/isms-docs`;
    expect(run.stdout).toContain(
      [
        '#### Documents changed since `base`',
        '',
        '| Document | Title | Version | Status |',
        '|---|---|---|---|',
        `| [DOC\\-A5](${blob}/policy.md) | Information Security Policy | 1\\.0 → 1\\.1 | approved → in\\-review |`,
        `| [DOC\\-P1](${blob}/procedure.md) | Access Procedure | new: 0\\.1 | draft |`,
      ].join('\n'),
    );
    expect(run.stdout).toContain(
      [
        '#### Approvals still needed',
        '',
        '| Document | Version | Why | Approved by (role: members) |',
        '|---|---|---|---|',
        `| [DOC\\-A5](${blob}/policy.md) | 1\\.1 | in review | ceo (Chief Executive Officer): R\\. Adeyemi |`,
      ].join('\n'),
    );
    expect(run.stdout).toContain('#### Findings\n\nNo problems.\n');
  });

  it('groups the findings by document, each linked to its line, lists a removed document, and fails', async () => {
    const repo = track(pullRequest('See [the plan](plan.md#scope).', undefined, { deleteGuideline: true }));
    const run = await runCli(['validate', '--base', 'base', '--format', 'markdown', '--as-of', '2026-06-01'], repo.dir, GITHUB);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('**❌ isms: failed**: 2 errors and 0 warnings in 2 documents; 3 documents changed since base; 1 approval still needed.');
    expect(run.stdout).toContain('|---|---|---|---|\n| isms\\-docs/guideline\\.yaml | — | removed, or no longer checked | — |\n');
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const json = JSON.parse((await runCli(['validate', '--base', 'base', '--format', 'json', '--as-of', '2026-06-01'], repo.dir)).stdout);
    const finding = json.diagnostics.find((d: { rule: string }) => d.rule === 'broken-reference');
    expect(finding).toMatchObject({ rule: 'broken-reference', file: 'isms-docs/procedure.md' });
    expect(run.stdout).toContain(`**[isms\\-docs/procedure\\.md](https://github.com/acme/isms-docs/blob/${head}/isms-docs/procedure.md)** (DOC\\-P1)\n\n`);
    expect(run.stdout).toContain(`- ❌ error [line ${finding.line}, column ${finding.column}](https://github.com/acme/isms-docs/blob/${head}/isms-docs/procedure.md#L${finding.line}): `);
    expect(run.stdout).toContain('(`broken-reference`)');
  });

  it('links files by their path outside GitHub and GitLab, and to the commit in GitLab CI', async () => {
    const repo = track(pullRequest('See [the plan](plan.md).'));
    const local = await runCli(['validate', '--base', 'base', '--format', 'markdown', '--as-of', '2026-06-01'], repo.dir);
    expect(local.stdout).toContain('](isms-docs/procedure.md#L');
    const gitlab = await runCli(['validate', '--base', 'base', '--format', 'markdown', '--as-of', '2026-06-01'], repo.dir, { CI_PROJECT_URL: 'https://gitlab.example/acme/docs' });
    expect(gitlab.stdout).toContain(`](https://gitlab.example/acme/docs/-/blob/${repo.git(['rev-parse', 'HEAD']).trim()}/isms-docs/procedure.md#L`);
  });

  it('names a claimed approval that git does not prove as still needed', async () => {
    const repo = track(pullRequest());
    repo
      .write(
        'isms-docs/procedure.md',
        procedure('Grant access on request.')
          .replace('status: draft', 'status: approved')
          .replace('version: "0.1"', 'version: "1.0"')
          .replace('| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-05 | P. Writer | First draft |')
          .replace('---\n\n#', 'approval: { by: ciso, name: M. Woolard, date: 2026-02-02 }\n---\n\n#'),
      )
      .commit('Approved, says the writer', WRITER, '2026-02-02');
    const run = await runCli(['validate', '--base', 'base', '--format', 'markdown', '--as-of', '2026-06-01'], repo.dir);
    expect(run.stdout).toMatch(/\| \[DOC\\-P1\]\(isms-docs\/procedure\.md\) \| 1\\\.0 \| approval not valid: .+ \| ciso \(Chief Information Security Officer\): M\\\. Woolard \|/);
  });

  it('without --base, shows no changes but the approvals and the findings', async () => {
    const run = await runCli(['validate', '--no-git', '--format', 'markdown'], fixture('broken'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\*\*❌ isms: failed\*\*: 10 errors and 0 warnings in 4 documents; (no approval pending|\d+ approvals? still needed)\.\n/);
    expect(run.stdout).not.toContain('Documents changed');
    expect(run.stdout).toContain('](policies/policy.md#L1)');
  });

  it('shows hostile titles and messages as text: no HTML, no link, no mention', async () => {
    const hostile = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) @acme/security www.evil.example';
    const repo = track(pullRequest('Grant access on request.', hostile));
    const run = await runCli(['validate', '--base', 'base', '--format', 'markdown', '--as-of', '2026-06-01'], repo.dir, GITHUB);
    // Rendered as GitHub renders it: HTML allowed, bare addresses linked.
    const html = new MarkdownIt({ html: true, linkify: true }).render(run.stdout);
    expect(html).not.toMatch(/<img|href="javascript:|href="http:\/\/www\.evil/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; [click](javascript:alert(1)) @acme/security www.evil.example');
  });
});
