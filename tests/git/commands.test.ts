import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/text/dates.js';
import { runCli } from '../helpers/cli.js';
import { CEO, CISO, policy, REPO_CONFIG, TestRepo, WRITER, type Person } from '../helpers/git-repo.js';

const ROWS = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];

function as(repo: TestRepo, person: Person): TestRepo {
  repo.git(['config', 'user.name', person.name]);
  repo.git(['config', 'user.email', person.email]);
  return repo;
}

describe('isms version', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((r) => r.remove()));

  it('appends the next row by the git user, and sets version and status', async () => {
    const repo = as(new TestRepo(), WRITER);
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy({ status: 'approved', version: '1.0', rows: ROWS, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' }));
    const run = await runCli(['version', 'policy.md', '--details', 'Scope narrowed', '--date', '2026-02-01'], repo.dir);
    expect(run).toEqual({ code: 0, stdout: 'DOC-A5: version 1.1 (in-review) by P. Writer on 2026-02-01: Scope narrowed\n', stderr: '' });
    const text = readFileSync(path.join(repo.dir, 'policy.md'), 'utf8');
    expect(text).toContain('status: in-review\nversion: "1.1"\napproval: { by: ceo, name: R. Adeyemi, date: 2026-01-10 }\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('| 1.1 | 2026-02-01 | P. Writer | Scope narrowed |');
    const major = await runCli(['version', 'DOC-A5', '--details', 'Rewritten', '--major', '--date', '2026-02-02'], repo.dir);
    expect(major.stdout).toBe('DOC-A5: version 2.0 (in-review) by P. Writer on 2026-02-02: Rewritten\n');
  });

  it('keeps a draft series in draft, and refuses a document without a history', async () => {
    const repo = as(new TestRepo(), WRITER);
    repos.push(repo);
    repo
      .write('isms.config.yaml', REPO_CONFIG)
      .write('policy.md', policy())
      .write(
        'other.md',
        policy()
          .replace('DOC-A5', 'DOC-B1')
          .replace(/## Version history[\s\S]*$/, ''),
      );
    expect((await runCli(['version', 'policy.md', '--details', 'More'], repo.dir)).stdout).toMatch(/^DOC-A5: version 0\.2 \(draft\)/);
    expect(await runCli(['version', 'other.md', '--details', 'More'], repo.dir)).toMatchObject({ code: 2, stderr: 'isms: other.md has no well-formed version history to add to; run isms validate\n' });
    expect((await runCli(['version', 'nothing.md', '--details', 'x'], repo.dir)).code).toBe(2);
  });
});

describe('isms approve', () => {
  const repos: TestRepo[] = [];
  const keys: string[] = [];
  afterEach(() => {
    repos.splice(0).forEach((r) => r.remove());
    keys.splice(0).forEach((k) => rmSync(k, { recursive: true, force: true }));
  });

  function inReview(): TestRepo {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).commit('Draft', WRITER, '2026-01-05');
    repo.write('policy.md', policy({ status: 'in-review', version: '1.0', rows: ROWS })).commit('1.0', WRITER, '2026-01-10');
    return repo;
  }

  it('records and commits the approval as the git user, and the result validates', async () => {
    const repo = as(inReview(), CEO);
    const run = await runCli(['approve', 'policy.md'], repo.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Approved DOC-A5 version 1\\.0 as R\\. Adeyemi \\(ceo\\) on ${todayIso()}: commit [0-9a-f]{7}\\n$`));
    expect(repo.git(['log', '-1', '--format=%an <%ae>|%s'])).toBe('R. Adeyemi <ceo@example.com>|Approve DOC-A5 version 1.0\n');
    expect(readFileSync(path.join(repo.dir, 'policy.md'), 'utf8')).toContain(`status: approved\napproval:\n  by: ceo\n  name: R. Adeyemi\n  date: ${todayIso()}\n`);
    const validate = await runCli(['validate', '--format', 'json', '--as-of', todayIso()], repo.dir);
    expect(JSON.parse(validate.stdout).diagnostics).toEqual([]);
  });

  it('refuses someone who is not a member of an approving role', async () => {
    const repo = as(inReview(), CISO);
    expect(await runCli(['approve', 'policy.md'], repo.dir)).toMatchObject({
      code: 2,
      stderr: 'isms: ciso@example.com is not a member of a role that approves a policy (ceo; see roles and approvers in isms.config.yaml)\n',
    });
  });

  it('refuses the author of the content being approved', async () => {
    const repo = inReview();
    repo.write('policy.md', policy({ status: 'in-review', version: '1.0', rows: ROWS, body: 'The CEO edits.' })).commit('CEO edit', CEO, '2026-01-11');
    as(repo, CEO);
    const run = await runCli(['approve', 'policy.md'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^isms: R\. Adeyemi wrote content being approved \([0-9a-f]{7} \(R\. Adeyemi <ceo@example\.com>, 2026-01-11\)\)/);
  });

  it("refuses the author of content that an approval which is not valid (an outsider's) seemed to cover, as git-approval would report it", async () => {
    const repo = inReview();
    const approved = (date: string) => policy({ status: 'approved', version: '1.0', rows: ROWS, body: 'The CEO edits.', approval: `{ by: ceo, name: R. Adeyemi, date: ${date} }` });
    repo.write('policy.md', policy({ status: 'in-review', version: '1.0', rows: ROWS, body: 'The CEO edits.' })).commit('CEO edit', CEO, '2026-01-11');
    repo.write('policy.md', approved('2026-01-12')).commit('Approve 1.0', WRITER, '2026-01-12');
    as(repo, CEO);
    const run = await runCli(['approve', 'policy.md'], repo.dir);
    expect(run.stderr).toMatch(/^isms: R\. Adeyemi wrote content being approved \([0-9a-f]{7} \(R\. Adeyemi <ceo@example\.com>, 2026-01-11\)\)/);
    expect(run.code).toBe(2);
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('Approve 1.0\n');
  });

  it('refuses a document with uncommitted changes, leaving it untouched', async () => {
    const repo = as(inReview(), CEO);
    repo.write('policy.md', policy({ status: 'in-review', version: '1.0', rows: ROWS, body: 'Uncommitted.' }));
    const before = readFileSync(path.join(repo.dir, 'policy.md'), 'utf8');
    expect((await runCli(['approve', 'policy.md'], repo.dir)).stderr).toBe('isms: policy.md has uncommitted changes: commit or discard them first, so the approval covers what git holds\n');
    expect(readFileSync(path.join(repo.dir, 'policy.md'), 'utf8')).toBe(before);
  });

  it('signs the approval commit with --sign, which signed_approvals accepts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-keys-'));
    keys.push(dir);
    const key = path.join(dir, 'ceo');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ceo', '-f', key]);
    chmodSync(key, 0o600);
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('.isms/allowed_signers', `${CEO.email} namespaces="git" ${readFileSync(`${key}.pub`, 'utf8').trim()}\n`);
    repo
      .write('isms.config.yaml', `${REPO_CONFIG}git:\n  signed_approvals: true\n`)
      .write('policy.md', policy({ status: 'in-review', version: '1.0', rows: ROWS }))
      .commit('1.0', WRITER, '2026-01-10');
    as(repo, CEO).git(['config', 'gpg.format', 'ssh']);
    repo.git(['config', 'user.signingkey', key]);
    const run = await runCli(['approve', 'policy.md', '--sign'], repo.dir);
    expect(run.stdout).toMatch(/\(signed\)\n$/);
    const validate = await runCli(['validate', '--format', 'json', '--as-of', todayIso()], repo.dir);
    expect(JSON.parse(validate.stdout).diagnostics).toEqual([]);
  });
});
