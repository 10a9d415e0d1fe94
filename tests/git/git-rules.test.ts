import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CEO, CISO, OUTSIDER, policy, policyWithBody, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';

const ROW_01 = '| 0.1 | 2026-01-05 | P. Writer | First draft |';
const ROW_10 = '| 1.0 | 2026-01-10 | P. Writer | First published |';
const APPROVED_10 = { status: 'approved', version: '1.0', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', rows: [ROW_01, ROW_10] };

interface Finding {
  rule: string;
  severity: string;
  line: number;
  message: string;
  file: string;
}

async function validate(repo: TestRepo, ...args: string[]): Promise<{ code: number; findings: Finding[]; stderr: string }> {
  const run = await runCli(['validate', '--format', 'json', '--as-of', '2026-06-01', ...args], repo.dir);
  return { code: run.code, findings: run.stdout ? JSON.parse(run.stdout).diagnostics : [], stderr: run.stderr };
}

/** A repository where the writer drafted the policy and the CEO approved version 1.0: clean history. */
function approvedRepo(): TestRepo {
  const repo = new TestRepo();
  repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).commit('Draft the policy', WRITER, '2026-01-05');
  repo.write('policy.md', policy({ status: 'in-review', version: '1.0', rows: [ROW_01, ROW_10] })).commit('Version 1.0 for review', WRITER, '2026-01-10');
  repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10');
  return repo;
}

describe('git evidence', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));
  const track = (repo: TestRepo) => (repos.push(repo), repo);

  it('finds nothing in a clean history: drafted, versioned, approved by the CEO', async () => {
    const repo = track(approvedRepo());
    expect(await validate(repo)).toEqual({ code: 0, findings: [], stderr: '' });
  });

  it('reports content changed after the newest row, naming the commit', async () => {
    const repo = track(approvedRepo());
    const hash = repo.write('policy.md', policy({ ...APPROVED_10, body: 'We protect some information.' })).commit('Quiet edit', WRITER, '2026-02-01');
    const { code, findings } = await validate(repo);
    expect(code).toBe(1);
    const bump = findings.find((f) => f.rule === 'git-version-bump')!;
    expect(bump.message).toBe(
      `content changed in commit ${hash.slice(0, 7)} (P. Writer <writer@example.com>, 2026-02-01) after version 1.0 was recorded in ${repo.git(['rev-parse', '--short=7', 'HEAD~2']).trim()} (P. Writer <writer@example.com>, 2026-01-10), without a new version history row: record one with isms version DOC-A5 --details "..."`,
    );
    expect(bump.line).toBe(23);
    const stale = findings.find((f) => f.rule === 'git-approval-stale')!;
    expect(stale.message).toMatch(new RegExp(`^content changed in commit ${hash.slice(0, 7)} .* after it was approved in [0-9a-f]{7} \\(R. Adeyemi`));
  });

  it('says when the change is not committed yet', async () => {
    const repo = track(approvedRepo());
    repo.write('policy.md', policy({ ...APPROVED_10, body: 'Changed but not committed.' }));
    const { findings } = await validate(repo);
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([
      'git-uncommitted: has changes that are not committed: what is validated is not what git holds',
      expect.stringMatching(/^git-approval-stale: content changed in uncommitted changes after it was approved in [0-9a-f]{7} \(R\. Adeyemi/),
      expect.stringMatching(/^git-version-bump: content changed in uncommitted changes after version 1\.0 was recorded in /),
    ]);
  });

  it('accepts a content change that comes with a new row and a new approval', async () => {
    const repo = track(approvedRepo());
    const rows = [ROW_01, ROW_10, '| 1.1 | 2026-02-01 | P. Writer | Scope narrowed |'];
    repo.write('policy.md', policy({ status: 'in-review', version: '1.1', rows, body: 'We protect client information.' })).commit('1.1', WRITER, '2026-02-01');
    repo
      .write('policy.md', policy({ status: 'approved', version: '1.1', rows, body: 'We protect client information.', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-02-02 }' }))
      .commit('Approve 1.1', CEO, '2026-02-02');
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('reports a committed row edited later, and one removed', async () => {
    const repo = track(approvedRepo());
    const hash = repo.write('policy.md', policy({ ...APPROVED_10, rows: ['| 0.1 | 2026-01-05 | P. Writer | Early draft |'] })).commit('Tidy history', WRITER, '2026-02-01');
    const messages = (await validate(repo)).findings.filter((f) => f.rule === 'git-history-rewrite').map((f) => f.message);
    expect(messages).toEqual([
      expect.stringMatching(new RegExp(`^the version history row of 1.0 was removed in commit ${hash.slice(0, 7)} `)),
      expect.stringMatching(new RegExp(`^the version history row of 0.1 was edited in commit ${hash.slice(0, 7)} .*; it read "0.1 \\| 2026-01-05 \\| P. Writer \\| First draft" as committed in `)),
    ]);
  });

  it('reports a row dated after its commit and one backdated beyond the limit', async () => {
    const repo = track(new TestRepo());
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).commit('Draft', WRITER, '2026-01-05');
    const rows = [ROW_01, '| 0.2 | 2026-03-01 | P. Writer | Dated ahead |'];
    repo.write('policy.md', policy({ version: '0.2', rows, body: 'Two.' })).commit('0.2', WRITER, '2026-02-01');
    const rows3 = [...rows, '| 0.3 | 2026-03-02 | P. Writer | Backdated |'];
    repo.write('policy.md', policy({ version: '0.3', rows: rows3, body: 'Three.' })).commit('0.3', WRITER, '2026-05-01');
    const findings = (await validate(repo)).findings.filter((f) => f.rule === 'git-version-date');
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^version 0\.2 is dated 2026-03-01, after the commit that added it: [0-9a-f]{7} \(P\. Writer <writer@example\.com>, 2026-02-01\), committed 2026-02-01$/),
      expect.stringMatching(/^version 0\.3 is dated 2026-03-02 but was added 60 days later in [0-9a-f]{7} .*; rows may be backdated by 30 days at most/),
    ]);
  });

  it('reads a row written with markup as readers see it, and reports it by that version at its date', async () => {
    const repo = track(new TestRepo());
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).commit('Draft', WRITER, '2026-01-05');
    const rows = [ROW_01, '| **0.2** | 2026-03-01 | P. Writer | Dated ahead |'];
    repo.write('policy.md', policy({ version: '0.2', rows, body: 'Two.' })).commit('0.2', WRITER, '2026-02-01');
    const findings = (await validate(repo)).findings.filter((f) => f.rule === 'git-version-date');
    expect(findings.map((f) => [f.line, f.message])).toEqual([[22, expect.stringMatching(/^version 0\.2 is dated 2026-03-01, after the commit that added it: /)]]);
  });

  it('takes no row from a table that lacked a column: naming the column later rewrites nothing', async () => {
    const repo = track(new TestRepo());
    const threeColumns =
      '# Information Security Policy\n\n## Policy statement\n\nWe protect information.\n\n## Version history\n\n| Version | Date | Author(s) |\n|---|---|---|\n| 0.1 | 2026-01-05 | P. Writer |\n';
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policyWithBody(threeColumns)).commit('Draft', WRITER, '2026-01-05');
    repo.write('policy.md', policy()).commit('Name the details', WRITER, '2026-01-06');
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('reports an approval committed by someone outside the approving role', async () => {
    const repo = track(new TestRepo());
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).commit('Draft', WRITER, '2026-01-05');
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve it myself', OUTSIDER, '2026-01-10');
    const approval = (await validate(repo)).findings.find((f) => f.rule === 'git-approval')!;
    expect(approval.message).toMatch(
      /^the approval was committed in [0-9a-f]{7} \(E\. Vil <evil@example\.net>, 2026-01-10\), by someone who was not allowed to: it needs a member of "ceo" \(R\. Adeyemi <ceo@example\.com>\), as configured before that commit \(its author holds no role at all/,
    );
  });

  it('reports self-approval unless the configuration allowed it before the approval', async () => {
    const repo = track(new TestRepo());
    repo.write('isms.config.yaml', REPO_CONFIG).commit('Adopt', CISO, '2026-01-01');
    repo.write('policy.md', policy()).commit('Draft', CEO, '2026-01-05');
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve', CEO, '2026-01-10');
    const approval = (await validate(repo)).findings.find((f) => f.rule === 'git-approval')!;
    expect(approval.message).toMatch(/^R\. Adeyemi approved content they made \([0-9a-f]{7} \(R\. Adeyemi <ceo@example\.com>, 2026-01-05\)\)/);
    // Switching it on afterwards does not excuse the approval: it is judged by the configuration before it.
    repo.write('isms.config.yaml', `${REPO_CONFIG}git:\n  allow_self_approval: true\n`).commit('Allow self-approval', CISO, '2026-01-11');
    expect((await validate(repo)).findings.map((f) => f.rule)).toEqual(['git-approval']);
    const rows = [ROW_01, ROW_10, '| 1.1 | 2026-01-12 | R. Adeyemi | Clarified |'];
    repo.write('policy.md', policy({ status: 'in-review', version: '1.1', rows, body: 'Clarified.', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' })).commit('1.1', CEO, '2026-01-12');
    repo
      .write('policy.md', policy({ status: 'approved', version: '1.1', rows, body: 'Clarified.', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-12 }' }))
      .commit('Approve 1.1', CEO, '2026-01-12');
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('reports an approval that names someone other than its committer', async () => {
    const repo = track(new TestRepo());
    repo.write(
      'isms.config.yaml',
      REPO_CONFIG.replace('members: [{ name: R. Adeyemi, email: ceo@example.com }]', 'members: [{ name: R. Adeyemi, email: ceo@example.com }, { name: J. Deputy, email: deputy@example.com }]'),
    );
    repo.write('policy.md', policy()).commit('Draft', WRITER, '2026-01-05');
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve', { name: 'J. Deputy', email: 'deputy@example.com' }, '2026-01-10');
    const approval = (await validate(repo)).findings.find((f) => f.rule === 'git-approval')!;
    expect(approval.message).toMatch(/^the approval names R\. Adeyemi but was committed by J\. Deputy in [0-9a-f]{7}/);
  });

  it('trusts rows and approval present in the first commit of a document (the baseline)', async () => {
    const repo = track(new TestRepo());
    repo
      .write('isms.config.yaml', REPO_CONFIG)
      .write('policy.md', policy({ ...APPROVED_10, rows: ['| 1.0 | 2025-12-01 | M. Woolard | Imported |'], approval: '{ by: ceo, name: R. Adeyemi, date: 2025-12-01 }' }));
    repo.commit('Import the ISMS', OUTSIDER, '2026-01-05');
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('follows a renamed document and keeps its approval', async () => {
    const repo = track(approvedRepo());
    repo.rename('policy.md', 'policies/information-security-policy.md').commit('Move policies into a folder', WRITER, '2026-02-01');
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('credits an approval made on a branch to the approver, not to whoever merged it', async () => {
    const repo = track(new TestRepo());
    repo
      .write('isms.config.yaml', REPO_CONFIG)
      .write('policy.md', policy({ status: 'in-review', version: '1.0', rows: [ROW_01, ROW_10] }))
      .commit('1.0 for review', WRITER, '2026-01-05');
    repo.git(['checkout', '-q', '-b', 'approval']);
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10');
    repo.git(['checkout', '-q', 'main']);
    repo.write('notes.txt', 'unrelated').commit('Unrelated work', WRITER, '2026-01-11');
    repo.git(['merge', '-q', '--no-ff', 'approval', '-m', 'Merge approval'], {
      GIT_AUTHOR_NAME: OUTSIDER.name,
      GIT_AUTHOR_EMAIL: OUTSIDER.email,
      GIT_COMMITTER_NAME: OUTSIDER.name,
      GIT_COMMITTER_EMAIL: OUTSIDER.email,
      GIT_AUTHOR_DATE: '2026-01-12T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-12T10:00:00Z',
    });
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('warns about an untracked document and a document with uncommitted changes', async () => {
    const repo = track(approvedRepo());
    repo.write('procedure.md', policy().replace('DOC-A5', 'DOC-P1').replace('type: policy', 'type: procedure'));
    const { code, findings } = await validate(repo);
    expect(code).toBe(0);
    expect(findings).toEqual([expect.objectContaining({ rule: 'git-uncommitted', severity: 'warning', file: 'procedure.md', message: 'is not committed: git has no history of it yet' })]);
  });

  it('does not let a committed file named like an option steer git', async () => {
    const repo = track(approvedRepo());
    repo.write('--output=pwned.md', policy().replace('DOC-A5', 'DOC-X1')).commit('Odd name', WRITER, '2026-02-01');
    const { findings } = await validate(repo);
    expect(findings).toEqual([]);
    const { existsSync } = await import('node:fs');
    expect(existsSync(`${repo.dir}/pwned.md`)).toBe(false);
  });
});

describe('--base for pull requests', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

  it('requires a newer version when content differs from the base', async () => {
    const repo = approvedRepo();
    repos.push(repo);
    repo.git(['branch', 'base']);
    repo.write('policy.md', policy({ ...APPROVED_10, status: 'in-review', body: 'Changed in the pull request.' })).commit('PR change', WRITER, '2026-02-01');
    const findings = (await validate(repo, '--base', 'base')).findings.filter((f) => f.rule === 'git-version-bump');
    expect(findings[0]!.message).toBe('content differs from base, where it is version 1.0, but the version is still 1.0: record a version with isms version DOC-A5 --details "..."');
    const rows = [ROW_01, ROW_10, '| 1.1 | 2026-02-01 | P. Writer | Changed |'];
    repo.write('policy.md', policy({ status: 'in-review', version: '1.1', rows, body: 'Changed in the pull request.' })).commit('Add 1.1', WRITER, '2026-02-01');
    expect((await validate(repo, '--base', 'base')).findings).toEqual([]);
  });

  it('exits 2 for a ref that is not a commit, and refuses one that looks like an option', async () => {
    const repo = approvedRepo();
    repos.push(repo);
    expect(await validate(repo, '--base', 'origin/nowhere')).toMatchObject({
      code: 2,
      stderr: 'isms: --base origin/nowhere is not a commit of this repository (fetch it first, e.g. git fetch origin main)\n',
    });
    expect((await validate(repo, '--base=--output=/tmp/x')).code).toBe(2);
    expect((await validate(repo, '--no-git', '--base', 'main')).code).toBe(2);
  });
});
