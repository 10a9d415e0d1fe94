import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STAMPED_FOLDERS } from '../../src/git/evidence-cache.js';
import { runCli } from '../helpers/cli.js';
import { CEO, CISO, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';

const ROWS = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];
const IN_REVIEW = { status: 'in-review', version: '1.0', rows: ROWS };
const APPROVED = { status: 'approved', version: '1.0', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', rows: ROWS };

interface Finding {
  rule: string;
  message: string;
}

async function validate(repo: TestRepo, ...options: string[]): Promise<{ code: number; findings: Finding[] }> {
  const run = await runCli(['validate', '--format', 'json', '--as-of', '2026-06-01', ...options], repo.dir);
  if (run.code === 2) throw new Error(run.stderr);
  return { code: run.code, findings: JSON.parse(run.stdout).diagnostics };
}

const cacheFile = (repo: TestRepo) => path.join(repo.dir, '.git', 'isms-cache', 'evidence');
const keyFile = (repo: TestRepo) => path.join(repo.dir, '.git', 'isms-cache.key');

/** The cache as an attacker would rewrite it: every cached configuration makes the writer a member of "ceo". */
function withWriterAsCeo(body: string): string {
  const cache = JSON.parse(body) as { stamp: string; entries: Array<[string, { kind: string; config?: { roles: Record<string, { members: unknown[] }> } }]> };
  const configs = cache.entries.filter(([name, state]) => name.startsWith('config:') && state.kind === 'ok');
  expect(configs.length).toBeGreaterThan(0);
  for (const [, state] of configs) state.config!.roles['ceo']!.members.push({ name: WRITER.name, email: WRITER.email });
  return JSON.stringify(cache);
}

const seal = (key: Buffer, body: string) => `${createHmac('sha256', key).update(body).digest('hex')}\n${body}`;
const bodyOf = (text: string) => text.slice(text.indexOf('\n') + 1);

describe('the evidence cache', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

  /** The CISO drafts the policy; the writer commits it approved in the CEO's name: a forged approval. */
  function forgedApproval(): TestRepo {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).commit('Adopt isms', CISO, '2026-01-01');
    repo.write('policy.md', policy(IN_REVIEW)).commit('Policy for review', CISO, '2026-01-10');
    repo.write('policy.md', policy(APPROVED)).commit('Approve the policy', WRITER, '2026-01-10');
    return repo;
  }

  const FORGED = expect.objectContaining({ rule: 'git-approval', message: expect.stringContaining('by someone who was not allowed to: it needs a member of "ceo" (R. Adeyemi <ceo@example.com>)') });

  it('gives the same findings on a second run, which reads what the first one kept', async () => {
    const repo = forgedApproval();
    const first = await validate(repo);
    expect(first.findings).toEqual([FORGED]);
    expect(existsSync(cacheFile(repo))).toBe(true);
    expect(await validate(repo)).toEqual(first);
    expect(await validate(repo, '--no-cache')).toEqual(first);
  });

  it('keeps its key outside the cache folder, readable by its owner only', async () => {
    const repo = forgedApproval();
    await validate(repo);
    expect(readFileSync(keyFile(repo), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(keyFile(repo)).mode & 0o777).toBe(0o600);
  });

  it('ignores an entry edited to make the forger a member of the approving role', async () => {
    const repo = forgedApproval();
    await validate(repo);
    const text = readFileSync(cacheFile(repo), 'utf8');
    // The seal of the original text stays: whoever edits the cache does not have the key.
    writeFileSync(cacheFile(repo), `${text.slice(0, text.indexOf('\n'))}\n${withWriterAsCeo(bodyOf(text))}`);
    expect((await validate(repo)).findings).toEqual([FORGED]);
  });

  it('ignores a cache sealed under another key, as one restored from another checkout or a pull request run would be', async () => {
    const repo = forgedApproval();
    await validate(repo);
    writeFileSync(cacheFile(repo), seal(randomBytes(32), withWriterAsCeo(bodyOf(readFileSync(cacheFile(repo), 'utf8')))));
    expect((await validate(repo)).findings).toEqual([FORGED]);
  });

  it('trusts what is sealed with the repository key, and nothing with --no-cache', async () => {
    // Why the key must stay out of reach: an edit sealed with it is believed, until --no-cache.
    const repo = forgedApproval();
    await validate(repo);
    const key = Buffer.from(readFileSync(keyFile(repo), 'utf8').trim(), 'hex');
    const forged = seal(key, withWriterAsCeo(bodyOf(readFileSync(cacheFile(repo), 'utf8'))));
    writeFileSync(cacheFile(repo), forged);
    expect(await validate(repo, '--no-cache')).toEqual({ code: 1, findings: [FORGED] });
    expect(readFileSync(cacheFile(repo), 'utf8')).toBe(forged);
    // Believed: the writer now counts as a member of "ceo"; only the name in the approval still gives them away.
    expect((await validate(repo)).findings).toEqual([
      expect.objectContaining({ rule: 'git-approval', message: expect.stringMatching(/^the approval names R\. Adeyemi but was committed by P\. Writer in /) }),
    ]);
  });

  it('ignores a cache of another version of isms (another stamp), and a truncated or empty one', async () => {
    const repo = forgedApproval();
    const first = await validate(repo);
    const key = Buffer.from(readFileSync(keyFile(repo), 'utf8').trim(), 'hex');
    const body = JSON.parse(withWriterAsCeo(bodyOf(readFileSync(cacheFile(repo), 'utf8')))) as { stamp: string };
    writeFileSync(cacheFile(repo), seal(key, JSON.stringify({ ...body, stamp: `${body.stamp}0` })));
    expect(await validate(repo)).toEqual(first);
    for (const broken of [readFileSync(cacheFile(repo), 'utf8').slice(0, 200), '', '\n', 'not a cache']) {
      writeFileSync(cacheFile(repo), broken);
      expect(await validate(repo)).toEqual(first);
    }
  });

  it('is neither read nor written with --no-cache, by validate or by status', async () => {
    const repo = forgedApproval();
    await validate(repo, '--no-cache');
    expect((await runCli(['status', '--no-cache', '--as-of', '2026-06-01'], repo.dir)).code).toBe(0);
    expect(existsSync(path.join(repo.dir, '.git', 'isms-cache'))).toBe(false);
    expect(existsSync(keyFile(repo))).toBe(false);
    expect((await runCli(['status', '--as-of', '2026-06-01'], repo.dir)).code).toBe(0);
    expect(existsSync(cacheFile(repo))).toBe(true);
  });

  it('is never read by a release build: a cache sealed with the key cannot make a self-made approval publishable', async () => {
    // The writer approves in their own name as "ceo", which they are not; a sealed cache that says they are is believed by validate.
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).commit('Adopt isms', CISO, '2026-01-01');
    repo.write('policy.md', policy(IN_REVIEW)).commit('Policy for review', CISO, '2026-01-10');
    repo.write('policy.md', policy({ ...APPROVED, approval: '{ by: ceo, name: P. Writer, date: 2026-01-10 }' })).commit('Approve the policy', WRITER, '2026-01-10');
    expect((await validate(repo)).code).toBe(1);
    const key = Buffer.from(readFileSync(keyFile(repo), 'utf8').trim(), 'hex');
    writeFileSync(cacheFile(repo), seal(key, withWriterAsCeo(bodyOf(readFileSync(cacheFile(repo), 'utf8')))));
    expect(await validate(repo)).toEqual({ code: 0, findings: [] });
    const out = path.join(repo.dir, '..', `${path.basename(repo.dir)}-site`);
    const release = await runCli(['build', '--release', '--html', '--out', out], repo.dir);
    expect(release.code).toBe(1);
    expect(release.stderr).toContain('release refused');
    expect(existsSync(out)).toBe(false);
  });

  it('follows new commits: facts of new revisions are added, the approval made by the CEO is valid', async () => {
    const repo = forgedApproval();
    await validate(repo);
    repo.write('policy.md', policy(IN_REVIEW)).commit('Back to review', CISO, '2026-01-11');
    repo.write('policy.md', policy({ ...APPROVED, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-12 }' })).commit('Approve the policy', CEO, '2026-01-12');
    expect(await validate(repo)).toEqual({ code: 0, findings: [] });
    expect(await validate(repo, '--no-cache')).toEqual({ code: 0, findings: [] });
  });
});

describe('the stamp of the evidence cache', () => {
  /** src/ files `file` imports, directly or through others (static and dynamic imports of relative paths). */
  function importClosure(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, target] of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)\.js'/g)) importClosure(path.resolve(path.dirname(file), `${target}.ts`), seen);
    return seen;
  }

  it('covers every module that reads what it keeps: revision facts and configurations', () => {
    const files = [...importClosure(path.resolve('src/git/revision-facts.ts')), ...importClosure(path.resolve('src/config/load-config.ts'))];
    const folders = new Set(files.map((file) => path.relative(path.resolve('src'), path.dirname(file))));
    expect(folders).toContain('source');
    expect([...folders].filter((folder) => !STAMPED_FOLDERS.includes(folder))).toEqual([]);
  });
});
