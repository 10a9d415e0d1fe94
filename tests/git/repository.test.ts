import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CEO, keyPair, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';

const ROWS = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];
const APPROVED = { status: 'approved', version: '1.0', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', rows: ROWS };

async function findings(dir: string, ...args: string[]) {
  const run = await runCli(['validate', '--format', 'json', '--as-of', '2026-06-01', ...args], dir);
  return { code: run.code, diagnostics: JSON.parse(run.stdout || '{"diagnostics":[]}').diagnostics as Array<{ rule: string; file: string; message: string; line: number }> };
}

describe('the repository', () => {
  const cleanup: string[] = [];
  afterEach(() => cleanup.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const temp = (prefix: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    cleanup.push(dir);
    return dir;
  };

  it('is required unless --no-git says to check without history', async () => {
    const dir = temp('isms-nogit-');
    writeFileSync(path.join(dir, 'isms.config.yaml'), REPO_CONFIG);
    writeFileSync(path.join(dir, 'policy.md'), policy());
    const withGit = await findings(dir);
    expect(withGit.code).toBe(1);
    expect(withGit.diagnostics).toEqual([expect.objectContaining({ rule: 'git-history', file: 'isms.config.yaml', line: 1, message: expect.stringContaining('not a git repository') })]);
    expect(withGit.diagnostics[0]!.message).toContain('--no-git');
    expect(await findings(dir, '--no-git')).toEqual({ code: 0, diagnostics: [] });
  });

  it('says fetch-depth: 0 for a shallow clone', async () => {
    const repo = new TestRepo();
    cleanup.push(repo.dir);
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).commit('Draft', WRITER, '2026-01-05');
    repo.write('policy.md', policy({ version: '0.2', rows: [...ROWS.slice(0, 1), '| 0.2 | 2026-01-06 | P. Writer | More |'] })).commit('More', WRITER, '2026-01-06');
    const clone = temp('isms-shallow-');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
    const { diagnostics } = await findings(clone);
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'git-history', message: expect.stringContaining('fetch-depth: 0') })]);
  });

  it('names the safe.directory command for a repository owned by another user', async () => {
    if (process.getuid?.() !== 0) return; // only root can hand a folder to another user
    const repo = new TestRepo();
    cleanup.push(repo.dir);
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).commit('Draft', WRITER, '2026-01-05');
    execFileSync('chown', ['-R', '65534:65534', repo.dir]);
    const { diagnostics } = await findings(repo.dir);
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'git-history', message: expect.stringContaining(`git config --global --add safe.directory '${repo.dir}'`) })]);
  });

  it('never runs the repository core.fsmonitor command', async () => {
    const repo = new TestRepo();
    cleanup.push(repo.dir);
    const marker = path.join(repo.dir, 'fsmonitor-ran');
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).commit('Draft', WRITER, '2026-01-05');
    repo.git(['config', 'core.fsmonitor', `touch ${marker}; false`]);
    repo.write('policy.md', policy({ body: 'Uncommitted.' }));
    await findings(repo.dir);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('signed approvals', () => {
  const cleanup: string[] = [];
  afterEach(() => cleanup.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function signedRepo(): { repo: TestRepo; ceoKey: string; strangerKey: string } {
    const keys = mkdtempSync(path.join(tmpdir(), 'isms-keys-'));
    cleanup.push(keys);
    const ceo = keyPair(keys, 'ceo');
    const stranger = keyPair(keys, 'stranger');
    const repo = new TestRepo();
    cleanup.push(repo.dir);
    mkdirSync(path.join(repo.dir, '.isms'));
    repo.write('.isms/allowed_signers', `${CEO.email} namespaces="git" ${ceo.publicKey}\n`);
    repo.write('isms.config.yaml', `${REPO_CONFIG}git:\n  signed_approvals: true\n  allowed_signers: .isms/allowed_signers\n`);
    repo.write('policy.md', policy({ status: 'in-review', version: '1.0', rows: ROWS })).commit('1.0 for review', WRITER, '2026-01-05');
    return { repo, ceoKey: ceo.key, strangerKey: stranger.key };
  }

  it('accepts an approval commit signed with the approver key from allowed_signers', async () => {
    const { repo, ceoKey } = signedRepo();
    repo.write('policy.md', policy(APPROVED)).commit('Approve 1.0', CEO, '2026-01-10', { sign: ceoKey });
    expect(await findings(repo.dir)).toEqual({ code: 0, diagnostics: [] });
  });

  it('reports an unsigned approval commit', async () => {
    const { repo } = signedRepo();
    repo.write('policy.md', policy(APPROVED)).commit('Approve 1.0', CEO, '2026-01-10');
    const { diagnostics } = await findings(repo.dir);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        rule: 'git-approval',
        message: expect.stringMatching(/^the approval in [0-9a-f]{7} \(R\. Adeyemi <ceo@example\.com>, 2026-01-10\) has no signature; git\.signed_approvals requires a good signature by R\. Adeyemi$/),
      }),
    ]);
  });

  it('reports an approval commit signed with a key that allowed_signers does not list', async () => {
    const { repo, strangerKey } = signedRepo();
    repo.write('policy.md', policy(APPROVED)).commit('Approve 1.0', CEO, '2026-01-10', { sign: strangerKey });
    const { diagnostics } = await findings(repo.dir);
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'git-approval', message: expect.stringContaining('has a signature by a key it does not trust (not in the allowed-signers file') })]);
  });
});
