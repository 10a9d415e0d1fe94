import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { policy, WRITER, type TestRepo } from '../helpers/git-repo.js';
import { POLICY_ROWS, procedureWith, publishedRepo } from '../helpers/published-repo.js';

const ROWS_11 = [...POLICY_ROWS, '| 1.1 | 2026-02-01 | P. Writer | Remote work |'];

interface Row {
  id: string;
  version: string;
  status: string;
  approvalProof: { proof: string; commit: string; valid: boolean } | null;
}

describe('--at: the ISMS as it stood at a commit or on a date', () => {
  let repo: TestRepo;
  let drafts: string;
  let approval: string;
  let revision: string;
  const scratch = mkdtempSync(path.join(tmpdir(), 'isms-at-'));

  beforeAll(() => {
    ({ repo, approval } = publishedRepo());
    drafts = repo.git(['rev-parse', 'HEAD~1']).trim();
    revision = repo.write('policy.md', policy({ status: 'in-review', version: '1.1', rows: ROWS_11, body: 'We protect information, at home too.' })).commit('DOC-A5 1.1', WRITER, '2026-02-01');
    // What the working tree says now is not what any commit holds: --at must not read it (nor need the files it holds).
    writeFileSync(path.join(repo.dir, 'procedure.md'), procedureWith('Grant access on request.').replace('version: "0.1"', 'version: "9.9"'));
    unlinkSync(path.join(repo.dir, 'policy.md'));
  });
  afterAll(() => {
    repo.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function status(...args: string[]): Promise<{ at: { given: string; commit: string; date: string } | null; asOf: string; documents: Row[]; validation: { errors: number; warnings: number } }> {
    const run = await runCli(['status', '--format', 'json', ...args], repo.dir);
    if (run.code !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout);
  }

  it('gives the versions and statuses of earlier commits, and names the commit it shows', async () => {
    const before = await status('--at', '2026-01-07');
    expect(before.at).toEqual({ given: '2026-01-07', commit: drafts, date: '2026-01-05' });
    expect(before.asOf).toBe('2026-01-07');
    expect(before.documents.map((d) => [d.id, d.version, d.status])).toEqual([
      ['DOC-A5', '1.0', 'in-review'],
      ['DOC-P1', '0.1', 'draft'],
    ]);
    const approved = await status('--at', approval);
    expect(approved.at?.commit).toBe(approval);
    expect(approved.documents[0]).toMatchObject({ id: 'DOC-A5', version: '1.0', status: 'approved', approvalProof: { proof: 'commit', commit: approval.slice(0, 7), valid: true } });
    const table = (await runCli(['status', '--at', approval], repo.dir)).stdout;
    expect(table).toMatch(new RegExp(`^Test Org ISMS, as of 2026-01-10, at commit ${approval.slice(0, 7)} of 2026-01-10 \\(read from git, not the working tree\\)\\n`));
  });

  it('reads git objects, never the working tree: uncommitted edits and deletions are not seen', async () => {
    const head = await status('--at', 'HEAD');
    expect(head.at?.commit).toBe(revision);
    expect(head.documents.map((d) => [d.id, d.version, d.status])).toEqual([
      ['DOC-A5', '1.1', 'in-review'],
      ['DOC-P1', '0.1', 'draft'],
    ]);
    expect(head.validation.warnings).toBe(0);
    const working = await status();
    expect(working.at).toBeNull();
    expect(working.documents.map((d) => [d.id, d.version])).toEqual([['DOC-P1', '9.9']]);
  });

  it('gives the same answer with and without the evidence cache', async () => {
    const first = await status('--at', approval);
    const cached = await status('--at', approval);
    const uncached = await status('--at', approval, '--no-cache');
    expect(cached).toEqual(first);
    expect(uncached).toEqual(first);
  });

  it('refuses a date before the first commit, a ref that names no commit and --no-git, with exit 2', async () => {
    const early = await runCli(['status', '--at', '2025-12-31'], repo.dir);
    expect(early).toMatchObject({ code: 2, stdout: '' });
    expect(early.stderr).toBe(`isms: --at 2025-12-31 is before the history of HEAD, which begins with ${drafts.slice(0, 7)} (2026-01-05): there was no ISMS in git before it\n`);
    expect(await runCli(['export', 'register', '--at', 'v9', '--format', 'csv'], repo.dir)).toMatchObject({
      code: 2,
      stderr: 'isms: --at v9 is not a commit of this repository: name a commit, branch or tag, or a date YYYY-MM-DD\n',
    });
    expect(await runCli(['status', '--at', '2026-02-30'], repo.dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--at 2026-02-30 is not a date') });
    expect(await runCli(['status', '--at', 'HEAD', '--no-git'], repo.dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot be used with --no-git') });
  });

  it('exports the master list of an earlier commit, naming that commit', async () => {
    const run = await runCli(['export', 'register', '--format', 'json', '--at', '2026-01-31'], repo.dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.source).toEqual({ commit: approval, committed: '2026-01-10T10:00:00+00:00', at: '2026-01-31', uncommitted: [] });
    expect(json.rows.map((r: { id: string; version: string; approvalProof: string | null }) => [r.id, r.version, r.approvalProof])).toEqual([
      ['DOC-A5', '1.0', 'proven'],
      ['DOC-P1', '0.1', null],
    ]);
    expect(run.stderr).toBe(`isms: Documented information, 2 rows, from commit ${approval.slice(0, 7)} of 2026-01-10, read from git (--at 2026-01-31)\n`);
  });

  it('builds the site of an earlier commit, dated with it', async () => {
    const out = path.join(scratch, 'site');
    const run = await runCli(['build', '--html', '--at', approval, '--out', out], repo.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Built 4 pages and 2 exports into .* at 2026-01-10T10:00:00\\.000Z from ${approval.slice(0, 7)}\\n$`));
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.commit).toBe(approval);
    expect(manifest.documents.map((d: { id: string; version: string; validlyApproved: boolean }) => [d.id, d.version, d.validlyApproved])).toEqual([
      ['DOC-A5', '1.0', true],
      ['DOC-P1', '0.1', false],
    ]);
    const changes = readFileSync(path.join(out, 'changes.html'), 'utf8');
    expect(changes).toContain('approved version 1.0 by R. Adeyemi (Chief Executive Officer), dated 2026-01-10: proven');
    expect(changes).not.toContain('Remote work');
  });
});
