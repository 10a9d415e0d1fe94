import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/text/dates.js';
import { runCli } from '../helpers/cli.js';
import { RISK_METHOD } from '../helpers/domain.js';
import { CEO, CISO, keyPair, OUTSIDER, policy, REPO_CONFIG, TestRepo, WRITER, type Person } from '../helpers/git-repo.js';

const ROW_01 = '| 0.1 | 2026-01-05 | P. Writer | First draft |';
const ROW_10 = '| 1.0 | 2026-01-10 | P. Writer | First published |';
const IN_REVIEW_10 = { status: 'in-review', version: '1.0', rows: [ROW_01, ROW_10] };
const APPROVED_10 = { status: 'approved', version: '1.0', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', rows: [ROW_01, ROW_10] };

/** A register of one risk owned by the writer's role, retained: its owner accepts it. */
function register(options: { likelihood?: number; acceptance?: string } = {}): string {
  return `id: DOC-RR
title: Risk register
type: risk-register
standard: iso27001-2022
owner: ciso
classification: confidential
status: draft
version: "0.1"
versions:
  - { version: "0.1", date: 2026-01-05, author: P. Writer, details: First assessment }
risks:
  - id: R-001
    title: Laptop stolen from a car
    owner: writer
    cia: [confidentiality]
    likelihood: ${options.likelihood ?? 2}
    impact: 2
    treatment: retain
${options.acceptance ? `    acceptance: ${options.acceptance}\n` : ''}    next_review: 2027-12-01
`;
}

interface Finding {
  rule: string;
  line: number;
  message: string;
  file: string;
}

async function validate(repo: TestRepo, asOf = '2026-06-01'): Promise<{ code: number; findings: Finding[] }> {
  const run = await runCli(['validate', '--format', 'json', '--as-of', asOf], repo.dir);
  if (run.code === 2) throw new Error(run.stderr);
  return { code: run.code, findings: JSON.parse(run.stdout).diagnostics };
}
const rulesOf = (findings: Finding[]) => findings.map((f) => f.rule);
const short = (hash: string) => hash.slice(0, 7);

/** Runs a command as `person`: git takes the identity from GIT_AUTHOR_* and GIT_COMMITTER_*, as in CI. */
async function as(person: Person, args: string[], repo: Pick<TestRepo, 'dir'>) {
  const keys = ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL'] as const;
  const saved = keys.map((key) => process.env[key]);
  Object.assign(process.env, { GIT_AUTHOR_NAME: person.name, GIT_AUTHOR_EMAIL: person.email, GIT_COMMITTER_NAME: person.name, GIT_COMMITTER_EMAIL: person.email });
  try {
    return await runCli(args, repo.dir);
  } finally {
    keys.forEach((key, i) => (saved[i] === undefined ? delete process.env[key] : (process.env[key] = saved[i])));
  }
}

describe('the chain of trust, as a CISO works', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

  it('stays clean at each step: draft, version, approval by another member, edit, version, approval again the same day, review', async () => {
    const today = todayIso();
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).commit('Draft the policy', WRITER, '2026-01-05');
    const clean = async () => expect(await validate(repo, today)).toEqual({ code: 0, findings: [] });

    expect((await as(WRITER, ['version', 'DOC-A5', '--major', '--details', 'First published'], repo)).code).toBe(0);
    repo.commit('1.0 for review', WRITER, today);
    await clean();
    const first = await as(CEO, ['approve', 'DOC-A5'], repo);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(new RegExp(`^Approved DOC-A5 version 1\\.0 as R\\. Adeyemi \\(ceo\\) on ${today}: commit [0-9a-f]{7}\\n$`));
    expect(repo.git(['log', '-1', '--format=%an <%ae> / %cn <%ce>'])).toBe('R. Adeyemi <ceo@example.com> / R. Adeyemi <ceo@example.com>\n');
    await clean();

    repo.write('policy.md', readFileSync(path.join(repo.dir, 'policy.md'), 'utf8').replace('We protect information.', 'We protect client information.'));
    expect((await as(WRITER, ['version', 'DOC-A5', '--details', 'Scope narrowed to client information'], repo)).code).toBe(0);
    repo.commit('1.1 for review', WRITER, today);
    await clean();
    // The same approver, the same day: the approval block is identical to the last one.
    const before = readFileSync(path.join(repo.dir, 'policy.md'), 'utf8').match(/approval:[\s\S]*?date: \S+/)?.[0];
    expect((await as(CEO, ['approve', 'DOC-A5'], repo)).code).toBe(0);
    expect(readFileSync(path.join(repo.dir, 'policy.md'), 'utf8').match(/approval:[\s\S]*?date: \S+/)?.[0]).toBe(before);
    await clean();

    expect((await as(CISO, ['review', 'DOC-A5'], repo)).stdout).toMatch(/^Reviewed DOC-A5 version 1\.1 as M\. Woolard \(ciso\)/);
    expect(readFileSync(path.join(repo.dir, 'policy.md'), 'utf8')).toContain(`review:\n  last: ${today}`);
    await clean();
  });

  it('accepts a risk, reports the acceptance stale when the risk is re-rated, and is clean once the owner accepts again', async () => {
    const today = todayIso();
    const repo = new TestRepo();
    repos.push(repo);
    repo
      .write('isms.config.yaml', REPO_CONFIG + RISK_METHOD)
      .write('register.yaml', register())
      .commit('Assess', WRITER, '2026-01-05');
    expect(await as(CISO, ['accept', 'R-001'], repo)).toMatchObject({
      code: 2,
      stderr: 'isms: ciso@example.com is not a member of role "writer", which accepts the residual risk of R-001 (see roles in isms.config.yaml)\n',
    });
    const accepted = await as(WRITER, ['accept', 'R-001', '--expires', '2027-06-30'], repo);
    expect(accepted.stdout).toMatch(new RegExp(`^Accepted risk R-001 as P\\. Writer \\(writer\\) on ${today}, until 2027-06-30: commit [0-9a-f]{7}\\n$`));
    expect(readFileSync(path.join(repo.dir, 'register.yaml'), 'utf8')).toContain(`    next_review: 2027-12-01\n    acceptance: { by: writer, date: ${today}, expires: 2027-06-30 }\n`);
    expect(await validate(repo, today)).toEqual({ code: 0, findings: [] });

    repo.write(
      'register.yaml',
      register({ likelihood: 3, acceptance: `{ by: writer, date: ${today}, expires: 2027-06-30 }` })
        .replace('version: "0.1"', 'version: "0.2"')
        .replace('details: First assessment }', `details: First assessment }\n  - { version: "0.2", date: ${today}, author: M. Woolard, details: Re-rated }`),
    );
    const rerated = repo.commit('Re-rate R-001', CISO, today);
    const stale = (await validate(repo, today)).findings;
    expect(stale).toEqual([
      expect.objectContaining({
        rule: 'git-risk-acceptance',
        line: 20,
        message: expect.stringMatching(
          new RegExp(
            `^risk R-001 changed in commit ${short(rerated)} \\(M\\. Woolard <ciso@example\\.com>, ${today}\\) \\(its ratings, treatment, controls or residual\\) after it was accepted in [0-9a-f]{7} \\(P\\. Writer .*the risk owner accepts it again with isms accept R-001$`,
          ),
        ),
      }),
    ]);
    expect((await as(WRITER, ['accept', 'R-001'], repo)).code).toBe(0);
    expect(await validate(repo, today)).toEqual({ code: 0, findings: [] });
  });

  it('takes the identity from user.name and user.email when the environment names nobody', () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.git(['config', 'user.name', CEO.name]);
    repo.git(['config', 'user.email', CEO.email]);
    const run = spawnIsms(['approve', 'DOC-A5'], repo.dir, {});
    expect(run).toContain('as R. Adeyemi (ceo)');
    expect(repo.git(['log', '-1', '--format=%ae'])).toBe(`${CEO.email}\n`);
  });

  it('refuses to approve, review or accept when git names nobody', () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.git(['config', '--unset', 'user.name']);
    repo.git(['config', '--unset', 'user.email']);
    expect(() => spawnIsms(['approve', 'DOC-A5'], repo.dir, { GIT_AUTHOR_NAME: '', GIT_AUTHOR_EMAIL: '' })).toThrow(
      /git has no author identity here \(GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL, or user\.name and user\.email\)/,
    );
  });
});

/** The built CLI as a child process, with no global git configuration and the given environment. */
function spawnIsms(args: string[], cwd: string, env: Record<string, string>): string {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));
  return execFileSync(process.execPath, [path.resolve('bin/isms.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...clean, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('forged sign-offs, each caught at its line and naming its commit', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));
  const track = (repo: TestRepo) => (repos.push(repo), repo);

  /** A repository adopted on 2026-01-01 (the baseline: its first commit), then drafted by the writer. */
  function adopted(config = REPO_CONFIG): TestRepo {
    const repo = track(new TestRepo());
    repo.write('isms.config.yaml', config).commit('Adopt isms', CISO, '2026-01-01');
    return repo;
  }

  it('reports a new document committed already approved in the CEO name by someone else', async () => {
    const repo = adopted();
    const forged = repo.write('policy.md', policy(APPROVED_10)).commit('Add the approved policy', WRITER, '2026-01-10');
    const { code, findings } = await validate(repo);
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'git-approval',
        file: 'policy.md',
        line: 9,
        message: `the approval was committed in ${short(forged)} (P. Writer <writer@example.com>, 2026-01-10), by someone who was not allowed to: it needs a member of "ceo" (R. Adeyemi <ceo@example.com>), as configured before that commit`,
      }),
    ]);
  });

  it('trusts what the baseline holds, and proves what comes after it', async () => {
    const repo = track(new TestRepo());
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy(APPROVED_10)).commit('Import the ISMS', OUTSIDER, '2026-01-10');
    expect((await validate(repo)).findings).toEqual([]);
    repo.write(
      'policy.md',
      policy({ ...APPROVED_10, rows: [ROW_01, ROW_10, '| 1.1 | 2026-02-01 | E. Vil | More |'], version: '1.1', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-02-01 }', body: 'More.' }),
    );
    repo.commit('Import more of it', OUTSIDER, '2026-02-01');
    expect(rulesOf((await validate(repo)).findings)).toEqual(['git-approval']);
    // Declared part of the imported history by a configuration approver, it is trusted.
    const imported = repo.git(['rev-parse', 'HEAD']).trim();
    repo.write('isms.config.yaml', `${REPO_CONFIG}git:\n  baseline: ${imported}\n`).commit('Baseline: the end of the import', CISO, '2026-02-02');
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('adopts isms in a repository with history: the configuration added after the documents, then the baseline set to that commit', async () => {
    const repo = track(new TestRepo());
    repo.write('policy.md', policy(APPROVED_10)).commit('The policy as it was kept before isms', OUTSIDER, '2025-06-01');
    const adoption = repo.write('isms.config.yaml', REPO_CONFIG).commit('Adopt isms', CISO, '2026-01-01');
    // Until a baseline says where proof starts, nothing authorised the first configuration.
    expect((await validate(repo)).findings.map((f) => f.message)).toContainEqual(expect.stringMatching(/cannot be proven: there was no isms\.config\.yaml before it/));
    repo.write('isms.config.yaml', `${REPO_CONFIG}git:\n  baseline: ${adoption}\n`).commit('Baseline: the adoption', CISO, '2026-01-02');
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('reports a baseline moved forward by someone outside the configuration approvers, which does not take effect: the approval it meant to import stays a finding', async () => {
    const repo = adopted();
    const forged = repo.write('policy.md', policy(APPROVED_10)).commit('Forged approval', WRITER, '2026-01-10');
    const change = repo.write('isms.config.yaml', `${REPO_CONFIG}git:\n  baseline: ${forged}\n`).commit('Move the baseline', WRITER, '2026-01-11');
    const { findings } = await validate(repo);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'git-config-change',
        file: 'isms.config.yaml',
        line: 1,
        message: expect.stringMatching(
          new RegExp(
            `^the change to isms\\.config\\.yaml was committed in ${short(change)} \\(P\\. Writer <writer@example\\.com>, 2026-01-11\\), by someone who was not allowed to: it needs a member of "ciso" \\(M\\. Woolard <ciso@example\\.com>\\), as configured before that commit\\. The configuration governs itself`,
          ),
        ),
      }),
      expect.objectContaining({
        rule: 'git-approval',
        file: 'policy.md',
        line: 9,
        message: expect.stringContaining(`the approval was committed in ${short(forged)} (P. Writer <writer@example.com>, 2026-01-10), by someone who was not allowed to`),
      }),
    ]);
  });

  it('does not let the author of a change that did not take effect import it by then moving the baseline past it', async () => {
    const repo = adopted();
    const promoted = REPO_CONFIG.replace(
      'members: [{ name: M. Woolard, email: ciso@example.com }]',
      'members: [{ name: M. Woolard, email: ciso@example.com }, { name: P. Writer, email: writer@example.com }]',
    );
    expect(promoted).not.toBe(REPO_CONFIG);
    const promotion = repo.write('isms.config.yaml', promoted).commit('Make myself a configuration approver', WRITER, '2026-01-08');
    const forged = repo.write('policy.md', policy(APPROVED_10)).commit('Forged approval', WRITER, '2026-01-10');
    // Judged by the configuration its parent holds, this change would be valid: the writer is a configuration approver there.
    const moved = repo.write('isms.config.yaml', `${promoted}git:\n  baseline: ${forged}\n`).commit('Import it all', WRITER, '2026-01-11');
    const { findings } = await validate(repo);
    expect(findings.map((f) => `${f.rule} ${f.file}`)).toEqual(['git-config-change isms.config.yaml', 'git-config-change isms.config.yaml', 'git-approval policy.md']);
    const messages = findings.map((f) => f.message);
    expect(messages).toContainEqual(expect.stringContaining(`committed in ${short(promotion)} (P. Writer <writer@example.com>, 2026-01-08), by someone who was not allowed to`));
    expect(messages).toContainEqual(expect.stringContaining(`committed in ${short(moved)} (P. Writer <writer@example.com>, 2026-01-11), by someone who was not allowed to`));
    expect(findings[2]!.message).toContain(`the approval was committed in ${short(forged)} (P. Writer <writer@example.com>, 2026-01-10), by someone who was not allowed to`);
  });

  it('imports nothing with a baseline set in the working tree but not committed: the forged approval stays a finding', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(APPROVED_10)).commit('Forged approval', WRITER, '2026-01-10');
    const moved = repo.git(['rev-parse', 'HEAD']).trim();
    repo.write('isms.config.yaml', `${REPO_CONFIG}git:\n  baseline: ${moved}\n`);
    const { findings } = await validate(repo);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'git-approval', file: 'policy.md', message: expect.stringMatching(/by someone who was not allowed to/) }));
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'git-config-change', message: expect.stringMatching(/^git\.baseline "[0-9a-f]{40}" is not committed: it imports history only once a commit sets it/) }),
    );
  });

  it('reports a baseline that names a commit the change that set it did not hold, which does not take effect', async () => {
    const repo = adopted();
    repo.git(['checkout', '-q', '-b', 'side']);
    const forged = repo.write('policy.md', policy(APPROVED_10)).commit('A forged approval on a branch', WRITER, '2026-01-10');
    repo.git(['checkout', '-q', 'main']);
    repo.write('isms.config.yaml', `${REPO_CONFIG}git:\n  baseline: ${forged}\n`).commit('Baseline: a commit of another branch', CISO, '2026-01-11');
    repo.git(['merge', '-q', '--no-ff', 'side', '-m', 'Merge side'], {
      GIT_AUTHOR_NAME: CISO.name,
      GIT_AUTHOR_EMAIL: CISO.email,
      GIT_COMMITTER_NAME: CISO.name,
      GIT_COMMITTER_EMAIL: CISO.email,
      GIT_AUTHOR_DATE: '2026-01-12T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-12T10:00:00Z',
    });
    const { findings } = await validate(repo);
    // The baseline before it (the adoption commit) stays in force: the forged approval after it is judged.
    expect(findings.map((f) => `${f.rule} ${f.file}`)).toEqual(['git-config-change isms.config.yaml', 'git-approval policy.md']);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^git\.baseline "[0-9a-f]{40}" names a commit that is not before the change that set it \([0-9a-f]{7} \(M\. Woolard.*Until then the baseline before it stays in force: the first commit of the documents' history, [0-9a-f]{7} \(M\. Woolard <ciso@example\.com>, 2026-01-01\)$/,
      ),
      expect.stringMatching(new RegExp(`^the approval was committed in ${short(forged)} \\(P\\. Writer <writer@example\\.com>, 2026-01-10\\), by someone who was not allowed to`)),
    ]);
  });

  it('reports self-promotion in the configuration, and an approval it was meant to enable', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    const promoted = REPO_CONFIG.replace(
      'members: [{ name: R. Adeyemi, email: ceo@example.com }]',
      'members: [{ name: R. Adeyemi, email: ceo@example.com }, { name: E. Vil, email: evil@example.net }]',
    );
    const change = repo
      .write('isms.config.yaml', promoted)
      .write('policy.md', policy({ ...APPROVED_10, approval: '{ by: ceo, name: E. Vil, date: 2026-01-10 }' }))
      .commit('Approve', OUTSIDER, '2026-01-10');
    const { findings } = await validate(repo);
    expect(findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual(['git-config-change isms.config.yaml:1', 'git-approval policy.md:9']);
    expect(findings[1]!.message).toContain(`the approval was committed in ${short(change)} (E. Vil <evil@example.net>, 2026-01-10), by someone who was not allowed to`);
  });

  it('does not let a member added by someone not allowed approve in a later commit, and lets them once a configuration approver makes the roles anew', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    const promoted = REPO_CONFIG.replace(
      'members: [{ name: R. Adeyemi, email: ceo@example.com }]',
      'members: [{ name: R. Adeyemi, email: ceo@example.com }, { name: E. Vil, email: evil@example.net }]',
    );
    const change = repo.write('isms.config.yaml', promoted).commit('Join the board', OUTSIDER, '2026-01-10');
    const approval = repo.write('policy.md', policy({ ...APPROVED_10, approval: '{ by: ceo, name: E. Vil, date: 2026-01-11 }' })).commit('Approve', OUTSIDER, '2026-01-11');
    const { findings } = await validate(repo);
    expect(findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual(['git-config-change isms.config.yaml:1', 'git-approval policy.md:9']);
    expect(findings[0]!.message).toContain(`committed in ${short(change)} (E. Vil <evil@example.net>, 2026-01-10), by someone who was not allowed to`);
    expect(findings[1]!.message).toBe(
      `the approval was committed in ${short(approval)} (E. Vil <evil@example.net>, 2026-01-11), by someone who was not allowed to: it needs a member of "ceo" (R. Adeyemi <ceo@example.com>), by the configuration in force before that commit (the change of the rules in ${short(change)} (E. Vil <evil@example.net>, 2026-01-10) was made by someone not allowed to make it, so it did not take effect)`,
    );
    // Whatever the rules' severity, the status (and so the site and the PDFs) never shows that approval as valid.
    const status = JSON.parse((await runCli(['status', '--format', 'json', '--as-of', '2026-06-01'], repo.dir)).stdout);
    expect(status.documents[0].approvalProof).toMatchObject({ proof: 'commit', valid: false });

    // The CISO (a configuration approver) confirms the member in a change of their own: from then on it is in force.
    repo.write('isms.config.yaml', `${promoted}# E. Vil confirmed by the CISO\n`).commit('Confirm E. Vil on the board', CISO, '2026-01-12');
    repo.write('policy.md', policy({ ...IN_REVIEW_10 })).commit('Back to review', WRITER, '2026-01-12');
    repo.write('policy.md', policy({ ...APPROVED_10, approval: '{ by: ceo, name: E. Vil, date: 2026-01-13 }' })).commit('Approve again', OUTSIDER, '2026-01-13');
    expect((await validate(repo)).findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual(['git-config-change isms.config.yaml:1']);
  });

  it('keeps a change of one governed file that did not take effect from holding back valid changes of the other', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    const stray = repo.write('.isms/allowed_signers', 'ceo@example.com namespaces="git" ssh-ed25519 AAAA\n').commit('A stray signers file', WRITER, '2026-01-06');
    // The CISO hands the CEO role over; the stray file of the writer stays void, the handover takes effect.
    const handover = REPO_CONFIG.replace('members: [{ name: R. Adeyemi, email: ceo@example.com }]', 'members: [{ name: N. Ew, email: new@example.com }]');
    repo.write('isms.config.yaml', handover).commit('R. Adeyemi hands over to N. Ew', CISO, '2026-01-07');
    repo.write('policy.md', policy({ ...APPROVED_10, approval: '{ by: ceo, name: N. Ew, date: 2026-01-10 }' })).commit('Approve 1.0', { name: 'N. Ew', email: 'new@example.com' }, '2026-01-10');
    const { findings } = await validate(repo);
    expect(findings.map((f) => `${f.rule} ${f.file}`)).toEqual(['git-config-change .isms/allowed_signers']);
    expect(findings[0]!.message).toContain(`committed in ${short(stray)} (P. Writer <writer@example.com>, 2026-01-06), by someone who was not allowed to`);
    // And the one handed over from may approve no more.
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('Back to review', WRITER, '2026-01-11');
    repo.write('policy.md', policy({ ...APPROVED_10, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-12 }' })).commit('Approve 1.0 again', CEO, '2026-01-12');
    expect((await validate(repo)).findings.map((f) => `${f.rule} ${f.file}`)).toEqual(['git-config-change .isms/allowed_signers', 'git-approval policy.md']);
  });

  it('lets the CISO repair an unreadable configuration they committed: it never took effect, so the fix is judged by the one before', async () => {
    const repo = adopted();
    repo.write('isms.config.yaml', `${REPO_CONFIG}rules:\n  no-such-rule: warn\n`).commit('A typo', CISO, '2026-01-03');
    repo.write('isms.config.yaml', REPO_CONFIG).commit('Fix the typo', CISO, '2026-01-04');
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10');
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('judges by a configuration an earlier version of isms accepted, whatever this version asks of the current one', async () => {
    const repo = adopted();
    // Written when isms still let git-config-change be lowered: after an upgrade it still names who may approve.
    repo.write('isms.config.yaml', `${REPO_CONFIG}rules:\n  git-config-change: warn\n  renamed-rule: off\n`).commit('Rules of their time', CISO, '2026-01-03');
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10');
    repo.write('isms.config.yaml', REPO_CONFIG).commit('Rules of today', CISO, '2026-02-01');
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('proves nothing in a history with two beginnings: an unrelated history merged in could carry any configuration', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-05');
    repo.git(['checkout', '-q', '--orphan', 'elsewhere']);
    repo.git(['rm', '-q', '-rf', '.']);
    const promoted = REPO_CONFIG.replace('members: [{ name: R. Adeyemi, email: ceo@example.com }]', 'members: [{ name: E. Vil, email: evil@example.net }]');
    const other = repo.write('isms.config.yaml', promoted).write('policy.md', policy(APPROVED_10)).commit('Another beginning', OUTSIDER, '2026-01-06');
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--allow-unrelated-histories', '-X', 'theirs', 'elsewhere', '-m', 'Merge'], {
      GIT_AUTHOR_NAME: OUTSIDER.name,
      GIT_AUTHOR_EMAIL: OUTSIDER.email,
      GIT_COMMITTER_NAME: OUTSIDER.name,
      GIT_COMMITTER_EMAIL: OUTSIDER.email,
      GIT_AUTHOR_DATE: '2026-01-07T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-07T10:00:00Z',
    });
    const { code, findings } = await validate(repo);
    expect(code).toBe(1);
    expect(findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(new RegExp(`^the documents' history has 2 beginnings \\(.*${short(other)}.*\\): with more than one first commit, git cannot tell where the organisation adopted isms`)),
    );
    const status = JSON.parse((await runCli(['status', '--format', 'json', '--as-of', '2026-06-01'], repo.dir)).stdout);
    expect(status.documents.find((d: { id: string }) => d.id === 'DOC-A5').approvalProof.valid).toBe(false);
  });

  it('judges a sign-off made on a branch also when it is merged: a member removed since cannot approve on a branch forked before', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.git(['checkout', '-q', '-b', 'stale']);
    const approval = repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10');
    repo.git(['checkout', '-q', 'main']);
    const successor = REPO_CONFIG.replace('members: [{ name: R. Adeyemi, email: ceo@example.com }]', 'members: [{ name: J. Next, email: next@example.com }]');
    repo.write('isms.config.yaml', successor).commit('R. Adeyemi hands over to J. Next', CISO, '2026-01-11');
    const as = (p: typeof CEO, date: string) => ({
      GIT_AUTHOR_NAME: p.name,
      GIT_AUTHOR_EMAIL: p.email,
      GIT_COMMITTER_NAME: p.name,
      GIT_COMMITTER_EMAIL: p.email,
      GIT_AUTHOR_DATE: `${date}T10:00:00Z`,
      GIT_COMMITTER_DATE: `${date}T10:00:00Z`,
    });
    repo.git(['merge', '-q', '--no-ff', 'stale', '-m', 'Merge the approval'], as(CEO, '2026-01-12'));
    const merge = repo.git(['rev-parse', 'HEAD']).trim();
    const { findings } = await validate(repo);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'git-approval',
        line: 9,
        message: `the approval in ${short(approval)} (R. Adeyemi <ceo@example.com>, 2026-01-10) was merged in ${short(merge)}, when its author was no longer allowed to make it: it needs a member of "ceo", as configured in force at that merge`,
      }),
    ]);
  });

  it('accepts a pull request in which a configuration approver adds a member and that member then approves, merged with a merge commit', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.git(['checkout', '-q', '-b', 'handover']);
    const successor = REPO_CONFIG.replace('members: [{ name: R. Adeyemi, email: ceo@example.com }]', 'members: [{ name: J. Next, email: next@example.com }]');
    repo.write('isms.config.yaml', successor).commit('R. Adeyemi hands over to J. Next', CISO, '2026-01-11');
    repo.write('policy.md', policy({ ...APPROVED_10, approval: '{ by: ceo, name: J. Next, date: 2026-01-12 }' })).commit('Approve 1.0', { name: 'J. Next', email: 'next@example.com' }, '2026-01-12');
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--no-ff', 'handover', '-m', 'Merge the handover'], {
      GIT_AUTHOR_NAME: CISO.name,
      GIT_AUTHOR_EMAIL: CISO.email,
      GIT_COMMITTER_NAME: CISO.name,
      GIT_COMMITTER_EMAIL: CISO.email,
      GIT_AUTHOR_DATE: '2026-01-13T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-13T10:00:00Z',
    });
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('reports self-approval switched on by someone outside the configuration approvers', async () => {
    const repo = adopted();
    const change = repo.write('isms.config.yaml', `${REPO_CONFIG}git:\n  allow_self_approval: true\n`).commit('Allow self-approval', CEO, '2026-01-03');
    repo.write('policy.md', policy()).commit('Draft', CEO, '2026-01-05');
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve my own', CEO, '2026-01-10');
    const { findings } = await validate(repo);
    // The switch did not take effect: the self-approval it was meant to allow is judged as one.
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'git-config-change', message: expect.stringContaining(`committed in ${short(change)} (R. Adeyemi <ceo@example.com>, 2026-01-03)`) }),
      expect.objectContaining({ rule: 'git-approval', file: 'policy.md', message: expect.stringMatching(/^R\. Adeyemi approved content they made/) }),
    ]);
  });

  it('judges membership in time: an approval made before a member left stays valid, one made after is an error', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10');
    const successor = REPO_CONFIG.replace('members: [{ name: R. Adeyemi, email: ceo@example.com }]', 'members: [{ name: J. Next, email: next@example.com }]');
    repo.write('isms.config.yaml', successor).commit('R. Adeyemi hands over to J. Next', CISO, '2026-02-01');
    expect((await validate(repo)).findings).toEqual([]);

    const rows = [ROW_01, ROW_10, '| 1.1 | 2026-02-05 | P. Writer | Clarified |'];
    repo.write('policy.md', policy({ status: 'in-review', version: '1.1', rows, body: 'Clarified.', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' })).commit('1.1', WRITER, '2026-02-05');
    const late = repo
      .write('policy.md', policy({ status: 'approved', version: '1.1', rows, body: 'Clarified.', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-02-06 }' }))
      .commit('Approve 1.1', CEO, '2026-02-06');
    const { findings } = await validate(repo);
    expect(findings.map((f) => `${f.rule} ${f.line}`)).toEqual(['git-approval 9']);
    expect(findings[0]!.message).toBe(
      `the approval was committed in ${short(late)} (R. Adeyemi <ceo@example.com>, 2026-02-06), by someone who was not allowed to: it needs a member of "ceo" (J. Next <next@example.com>), as configured before that commit (its author holds no role at all: if this commit imported history from before the organisation adopted isms, set git.baseline to the last such commit)`,
    );
  });

  it('reports a review and an acceptance recorded by someone who holds neither role', async () => {
    const repo = adopted(REPO_CONFIG + RISK_METHOD);
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10');
    repo.write('register.yaml', register()).commit('Assess', WRITER, '2026-01-12');
    const review = repo.write('policy.md', policy({ ...APPROVED_10, review: '{ last: 2026-05-01 }' })).commit('Reviewed, says I', OUTSIDER, '2026-05-01');
    const acceptance = repo.write('register.yaml', register({ acceptance: '{ by: writer, date: 2026-05-01, expires: 2027-05-01 }' })).commit('Accepted, says I', OUTSIDER, '2026-05-01');
    const { findings } = await validate(repo);
    expect(findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual(['git-review policy.md:10', 'git-risk-acceptance register.yaml:19']);
    expect(findings[0]!.message).toMatch(
      new RegExp(`^the review was committed in ${short(review)} \\(E\\. Vil <evil@example\\.net>, 2026-05-01\\), by someone who was not allowed to: it needs a member of "ciso" or "ceo"`),
    );
    expect(findings[1]!.message).toMatch(
      new RegExp(
        `^the acceptance of risk R-001 was committed in ${short(acceptance)} \\(E\\. Vil <evil@example\\.net>, 2026-05-01\\), by someone who was not allowed to: it needs a member of "writer"`,
      ),
    );
  });

  it('reports a review dated in the future, which would silence review-overdue forever', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.write('policy.md', policy({ ...APPROVED_10, review: '{ last: 2099-01-01 }' })).commit('Approve 1.0', CEO, '2026-01-10');
    const { findings } = await validate(repo);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'git-review',
        line: 10,
        message: 'the review is dated 2099-01-01, in the future (today is 2026-06-01): a review is recorded when it happens, with isms review DOC-A5',
      }),
    ]);
  });

  it('reports an approval dated after its commit, and one backdated beyond max_backdate_days', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    const late = repo.write('policy.md', policy({ ...APPROVED_10, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' })).commit('Approve 1.0', CEO, '2026-03-01');
    expect((await validate(repo)).findings).toEqual([
      expect.objectContaining({
        rule: 'git-approval',
        line: 9,
        message: `the approval is dated 2026-01-10 but was committed 50 days later in ${short(late)} (R. Adeyemi <ceo@example.com>, 2026-03-01); sign-offs may be backdated by 30 days at most (git.max_backdate_days)`,
      }),
    ]);
  });

  it('reports an approval dated after the commit that made it', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    const early = repo.write('policy.md', policy({ ...APPROVED_10, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-20 }' })).commit('Approve 1.0', CEO, '2026-01-12');
    expect((await validate(repo)).findings).toEqual([
      expect.objectContaining({
        rule: 'git-approval',
        line: 9,
        message: `the approval is dated 2026-01-20, after the commit that made it: ${short(early)} (R. Adeyemi <ceo@example.com>, 2026-01-12), committed 2026-01-12`,
      }),
    ]);
  });

  it('says an approval in the working tree is not committed yet', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.write('policy.md', policy(APPROVED_10));
    const { findings } = await validate(repo);
    expect(findings.filter((f) => f.rule === 'git-approval').map((f) => f.message)).toEqual([
      'this approval is not committed yet: the approver records it with isms approve DOC-A5, so that git proves who approved',
    ]);
  });

  it('counts a content commit passed off under another author as made by its committer too', async () => {
    const repo = adopted(REPO_CONFIG.replace('"*": [ciso]', '"*": [ciso]\n  manual: [ciso]'));
    repo.write('isms.config.yaml', REPO_CONFIG.replace('policy: [ceo]', 'policy: [ciso]')).commit('The CISO approves policies', CISO, '2026-01-02');
    repo.write('policy.md', policy(IN_REVIEW_10));
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'Written by the intern, says the author field'], {
      GIT_AUTHOR_NAME: 'Pat Intern',
      GIT_AUTHOR_EMAIL: 'pat@example.com',
      GIT_AUTHOR_DATE: '2026-01-10T10:00:00Z',
      GIT_COMMITTER_NAME: CISO.name,
      GIT_COMMITTER_EMAIL: CISO.email,
      GIT_COMMITTER_DATE: '2026-01-10T10:00:00Z',
    });
    repo.write('policy.md', policy({ ...APPROVED_10, approval: '{ by: ciso, name: M. Woolard, date: 2026-01-10 }' })).commit('Approve', CISO, '2026-01-10');
    const { findings } = await validate(repo);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'git-approval', message: expect.stringMatching(/^M\. Woolard approved content they made \([0-9a-f]{7} \(Pat Intern <pat@example\.com>, 2026-01-10\)\)/) }),
    ]);
  });
});

describe('signatures bound to the member', () => {
  const cleanup: string[] = [];
  afterEach(() => cleanup.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function signedRepo() {
    const keys = mkdtempSync(path.join(tmpdir(), 'isms-keys-'));
    cleanup.push(keys);
    const [ceo, ciso, writer] = [keyPair(keys, 'ceo'), keyPair(keys, 'ciso'), keyPair(keys, 'writer')];
    const repo = new TestRepo();
    cleanup.push(repo.dir);
    mkdirSync(path.join(repo.dir, '.isms'));
    const signers = `${CEO.email} namespaces="git" ${ceo.publicKey}\n${CISO.email} namespaces="git" ${ciso.publicKey}\n`;
    repo.write('.isms/allowed_signers', signers);
    repo.write('isms.config.yaml', `${REPO_CONFIG}git:\n  signed_approvals: true\n`).commit('Adopt isms, signed', CISO, '2026-01-01');
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    return { repo, keys: { ceo: ceo.key, ciso: ciso.key, writer: writer.key, writerPublic: writer.publicKey }, signers };
  }

  it('reports an approval authored as the CEO but signed with the key of another member', async () => {
    const { repo, keys } = signedRepo();
    const forged = repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10', { sign: keys.ciso });
    const { findings } = await validate(repo);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'git-approval',
        line: 9,
        message: `the approval in ${short(forged)} (R. Adeyemi <ceo@example.com>, 2026-01-10) is signed with the key of ciso@example.com, not of its author R. Adeyemi: a member's key never signs for another`,
      }),
    ]);
  });

  it('reports the allowed-signers file edited by a non-approver to vouch for their own key', async () => {
    const { repo, keys, signers } = signedRepo();
    const edit = repo.write('.isms/allowed_signers', `${signers}${CEO.email} namespaces="git" ${keys.writerPublic}\n`).commit('Add a key', WRITER, '2026-01-08', { sign: keys.writer });
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10', { sign: keys.writer });
    const { findings } = await validate(repo);
    // The tampering did not take effect: the approval is checked against the file in force, where the writer's key is not the CEO's.
    expect(findings.map((f) => `${f.rule} ${f.file}`)).toEqual(['git-config-change .isms/allowed_signers', 'git-approval policy.md']);
    expect(findings[0]!.message).toContain(`the change to .isms/allowed_signers was committed in ${short(edit)} (P. Writer <writer@example.com>, 2026-01-08), by someone who was not allowed to`);
    expect(findings[1]!.message).toMatch(/^the approval in [0-9a-f]{7} \(R\. Adeyemi <ceo@example\.com>, 2026-01-10\) has a signature by a key it does not trust/);
  });

  it('keeps governing an allowed-signers file after the configuration names another one', async () => {
    const { repo, keys, signers } = signedRepo();
    repo.write('.isms/allowed_signers', `${signers}${CEO.email} namespaces="git" ${keys.writerPublic}\n`).commit('Add a key', WRITER, '2026-01-08', { sign: keys.writer });
    const forged = repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10', { sign: keys.writer });
    // The CISO moves the signers to a new file with the genuine keys: the writer's edit of the old one stays void.
    repo
      .write('.isms/signers', signers)
      .write('isms.config.yaml', `${REPO_CONFIG}git:\n  signed_approvals: true\n  allowed_signers: .isms/signers\n`)
      .commit('Move the signers', CISO, '2026-01-11', { sign: keys.ciso });
    const { findings } = await validate(repo);
    expect(findings.map((f) => `${f.rule} ${f.file}`)).toEqual(['git-config-change .isms/allowed_signers', 'git-approval policy.md']);
    expect(findings[1]!.message).toContain(`the approval in ${short(forged)} (R. Adeyemi <ceo@example.com>, 2026-01-10) has a signature by a key it does not trust`);
  });

  it('requires signatures only for sign-offs made after signing was switched on', async () => {
    const repo = new TestRepo();
    cleanup.push(repo.dir);
    const keys = mkdtempSync(path.join(tmpdir(), 'isms-keys-'));
    cleanup.push(keys);
    const ceo = keyPair(keys, 'ceo');
    repo.write('isms.config.yaml', REPO_CONFIG).commit('Adopt isms', CISO, '2026-01-01');
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0, unsigned', CEO, '2026-01-10');
    mkdirSync(path.join(repo.dir, '.isms'));
    repo
      .write('.isms/allowed_signers', `${CEO.email} namespaces="git" ${ceo.publicKey}\n`)
      .write('isms.config.yaml', `${REPO_CONFIG}git:\n  signed_approvals: true\n`)
      .commit('Switch signing on', CISO, '2026-02-01');
    expect((await validate(repo)).findings).toEqual([]);
    const rows = [ROW_01, ROW_10, '| 1.1 | 2026-02-05 | P. Writer | Clarified |'];
    repo.write('policy.md', policy({ status: 'in-review', version: '1.1', rows, body: 'Clarified.' })).commit('1.1', WRITER, '2026-02-05');
    repo
      .write('policy.md', policy({ status: 'approved', version: '1.1', rows, body: 'Clarified.', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-02-06 }' }))
      .commit('Approve 1.1, unsigned', CEO, '2026-02-06');
    expect(rulesOf((await validate(repo)).findings)).toEqual(['git-approval']);
    repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    repo
      .write('policy.md', policy({ status: 'approved', version: '1.1', rows, body: 'Clarified.', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-02-06 }' }))
      .commit('Approve 1.1, signed', CEO, '2026-02-06', { sign: ceo.key });
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('reports a signed sign-off dated before its parent, which would revive a retired key', async () => {
    const keys = mkdtempSync(path.join(tmpdir(), 'isms-keys-'));
    cleanup.push(keys);
    const [leaked, current, ciso] = [keyPair(keys, 'ceo-old'), keyPair(keys, 'ceo-new'), keyPair(keys, 'ciso')];
    const repo = new TestRepo();
    cleanup.push(repo.dir);
    mkdirSync(path.join(repo.dir, '.isms'));
    const cisoLine = `${CISO.email} namespaces="git" ${ciso.publicKey}\n`;
    repo.write('.isms/allowed_signers', `${cisoLine}${CEO.email} namespaces="git" ${leaked.publicKey}\n`);
    repo.write('isms.config.yaml', `${REPO_CONFIG}git:\n  signed_approvals: true\n`).commit('Adopt isms, signed', CISO, '2026-01-01');
    const retiredKey = `${CEO.email} namespaces="git",valid-before="20260228" ${leaked.publicKey}\n`;
    repo.write('.isms/allowed_signers', `${cisoLine}${retiredKey}${CEO.email} namespaces="git" ${current.publicKey}\n`).commit('Retire the leaked CEO key', CISO, '2026-03-01', { sign: ciso.key });
    const rows = ['| 0.1 | 2026-02-10 | P. Writer | First draft |', '| 1.0 | 2026-02-19 | P. Writer | First published |'];
    repo.write('policy.md', policy({ ...IN_REVIEW_10, rows })).commit('1.0 for review', WRITER, '2026-03-02');
    const approved = { ...APPROVED_10, rows, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-02-20 }' };
    const backdated = repo.write('policy.md', policy(approved)).commit('Approve 1.0', CEO, '2026-02-20', { sign: leaked.key });
    expect((await validate(repo)).findings).toEqual([
      expect.objectContaining({
        rule: 'git-approval',
        message: `the approval in ${short(backdated)} (R. Adeyemi <ceo@example.com>, 2026-02-20) is dated before its parent commit: git checks a signature at the date its committer chose, so a signed sign-off must not be dated earlier than the history it follows`,
      }),
    ]);
    repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    repo.write('policy.md', policy({ ...approved, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-03-03 }' })).commit('Approve 1.0', CEO, '2026-03-03', { sign: current.key });
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('never runs a signature program configured in the repository', async () => {
    const { repo, keys } = signedRepo();
    const marker = path.join(repo.dir, '..', `${path.basename(repo.dir)}-program-ran`);
    cleanup.push(marker);
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10', { sign: keys.writer });
    repo.git(['config', 'gpg.ssh.program', `/bin/sh -c 'touch ${marker}; exit 0'`]);
    const { findings } = await validate(repo);
    expect(rulesOf(findings)).toEqual(['git-approval']);
    expect(() => readFileSync(marker)).toThrow();
  });
});

describe('history read within the same caps as the working tree', () => {
  it('does not read a revision larger than a document may be, and names its commit', async () => {
    const repo = new TestRepo();
    try {
      repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).commit('Draft', WRITER, '2026-01-05');
      const huge = repo.write('policy.md', policy({ body: 'x'.repeat(3 * 1024 * 1024) })).commit('Paste a dump', WRITER, '2026-01-06');
      repo.write('policy.md', policy()).commit('Take it out again', WRITER, '2026-01-07');
      const { findings } = await validate(repo);
      expect(findings).toEqual([
        expect.objectContaining({
          rule: 'git-history',
          file: 'isms.config.yaml',
          line: 1,
          message: expect.stringMatching(
            new RegExp(
              `^policy\\.md in commit ${short(huge)} \\(P\\. Writer <writer@example\\.com>, 2026-01-06\\) is 3146\\d{3} bytes, more than the 1 MiB a document may have: that revision was not read`,
            ),
          ),
        }),
      ]);
    } finally {
      repo.remove();
    }
  });
});

describe('metadata read as the loader reads it', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

  it.each([
    ['a quoted key', (text: string) => text.replace('status: approved', '"status": approved')],
    ['an explicit key', (text: string) => text.replace('status: approved', '? status\n: approved')],
    [
      'front matter indented by one space',
      (text: string) =>
        text.replace(
          /^---\n([\s\S]*?)\n---\n/,
          (_, yaml: string) =>
            `---\n${yaml
              .split('\n')
              .map((line) => ` ${line}`)
              .join('\n')}\n---\n`,
        ),
    ],
    [
      'front matter as one flow map',
      (text: string) =>
        text.replace(
          /^---\n([\s\S]*?)\n---\n/,
          '---\n{ id: DOC-A5, title: Information Security Policy, type: policy, owner: ciso, classification: internal, status: approved, version: "1.0", approval: { by: ceo, name: R. Adeyemi, date: 2026-01-10 } }\n---\n',
        ),
    ],
  ])('catches a forged approval written with %s', async (_, spell) => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).commit('Adopt isms', CISO, '2026-01-01');
    repo.write('policy.md', spell(policy(APPROVED_10))).commit('Add the approved policy', WRITER, '2026-01-10');
    const { findings } = await validate(repo);
    expect(findings.filter((f) => f.rule === 'git-approval').map((f) => f.message)).toEqual([
      expect.stringMatching(/^the approval was committed in [0-9a-f]{7} \(P\. Writer <writer@example\.com>, 2026-01-10\), by someone who was not allowed to/),
    ]);
  });

  it('catches a forged acceptance under a quoted risks key', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo
      .write('isms.config.yaml', REPO_CONFIG + RISK_METHOD)
      .write('register.yaml', register().replace('\nrisks:', '\n"risks":'))
      .commit('Assess', CISO, '2026-01-05');
    repo.write('register.yaml', register({ acceptance: '{ by: writer, date: 2026-05-01, expires: 2027-05-01 }' }).replace('\nrisks:', '\n"risks":')).commit('Accepted, says I', OUTSIDER, '2026-05-01');
    const { findings } = await validate(repo);
    expect(findings.map((f) => f.rule)).toEqual(['git-risk-acceptance']);
  });
});

describe('rules that cannot be bent by the configuration they judge', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));
  const repo = () => {
    const made = new TestRepo();
    repos.push(made);
    return made;
  };

  it.each([
    ['git-config-change turned off', `${REPO_CONFIG}rules: { git-config-change: off }\n`, 'git-config-change cannot be turned off or down'],
    [
      'an allowed-signers file outside the documents folder',
      `${REPO_CONFIG}git:\n  allowed_signers: ../.github/allowed_signers\n`,
      'git.allowed_signers "../.github/allowed_signers" leaves the documents folder',
    ],
    ['an abbreviated baseline hash', `${REPO_CONFIG}git:\n  baseline: "8840340"\n`, 'git.baseline "8840340" is an abbreviated hash'],
  ])('refuses a configuration with %s', async (_, config, message) => {
    const made = repo();
    made.write('isms.config.yaml', config).commit('Adopt', CISO, '2026-01-01');
    const run = await runCli(['validate'], made.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('refuses a configuration that is a symbolic link', async () => {
    const made = repo();
    made.write('evil.yaml', REPO_CONFIG).commit('Adopt', CISO, '2026-01-01');
    execFileSync('ln', ['-s', 'evil.yaml', 'isms.config.yaml'], { cwd: made.dir });
    const run = await runCli(['validate'], made.dir);
    expect(run).toMatchObject({ code: 2 });
    expect(run.stderr).toContain('the configuration is a symbolic link');
  });

  it.each(['adoption', 'main'])('refuses a baseline named by a ref (%s), which anyone who can push it could move later to import other history', async (ref) => {
    const made = repo();
    made.write('isms.config.yaml', REPO_CONFIG).commit('Adopt', CISO, '2026-01-01');
    made.git(['tag', 'adoption']);
    made.write('isms.config.yaml', `${REPO_CONFIG}git:\n  baseline: ${ref}\n`).commit('Baseline by name', CISO, '2026-01-02');
    const run = await runCli(['validate'], made.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`git.baseline "${ref}" is not a full commit hash: a tag or branch can be moved later, by anyone who can push it, to import other history`);
  });

  it('reports two risks with one id, which would share one acceptance', async () => {
    const made = repo();
    const twice = register({ acceptance: '{ by: writer, date: 2026-01-05, expires: 2027-01-05 }' }).replace(/risks:\n([\s\S]*)$/, (_, risk: string) => `risks:\n${risk}${risk}`);
    made
      .write('isms.config.yaml', REPO_CONFIG + RISK_METHOD)
      .write('register.yaml', twice)
      .commit('Assess', WRITER, '2026-01-05');
    const { findings } = await validate(made);
    expect(findings).toEqual([expect.objectContaining({ rule: 'duplicate-id', line: 21, message: 'risk id "R-001" is already used at line 12' })]);
  });

  it('reports an approved document retired by someone who may not approve it', async () => {
    const made = repo();
    made.write('isms.config.yaml', REPO_CONFIG).commit('Adopt', CISO, '2026-01-01');
    made.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    made.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10');
    const retired = made.write('policy.md', policy({ ...APPROVED_10, status: 'retired' })).commit('Withdraw it', WRITER, '2026-02-01');
    expect((await validate(made)).findings).toEqual([
      expect.objectContaining({ rule: 'git-approval', line: 7, message: expect.stringMatching(new RegExp(`^the retirement was committed in ${short(retired)} \\(P\\. Writer`)) }),
    ]);
  });

  it('reports a version history column that would hold text outside the content', async () => {
    const made = repo();
    const extra = policy().replace(
      '| Version | Date | Author(s) | Details |\n|---|---|---|---|\n| 0.1 | 2026-01-05 | P. Writer | First draft |',
      '| Version | Date | Author(s) | Details | Note |\n|---|---|---|---|---|\n| 0.1 | 2026-01-05 | P. Writer | First draft | Staff may share passwords |',
    );
    made.write('isms.config.yaml', REPO_CONFIG).write('policy.md', extra).commit('Draft', WRITER, '2026-01-05');
    expect((await validate(made)).findings).toEqual([
      expect.objectContaining({ rule: 'version-table', message: expect.stringMatching(/^version history column "Note" is not Version, Date, Author\(s\) or Details/) }),
    ]);
  });
});

describe('history that merges try to hide', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));
  const as_ = (who: Person, date: string) => ({
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_AUTHOR_DATE: `${date}T10:00:00Z`,
    GIT_COMMITTER_DATE: `${date}T10:00:00Z`,
  });

  it('reports a merge that drops a change to the configuration (git merge -s ours)', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    const acting = REPO_CONFIG.replace('members: [{ name: R. Adeyemi, email: ceo@example.com }]', 'members: [{ name: R. Adeyemi, email: ceo@example.com }, { name: E. Vil, email: evil@example.net }]');
    repo.write('isms.config.yaml', acting).commit('Adopt', CISO, '2026-01-01');
    repo.git(['branch', 'old']);
    repo.write('isms.config.yaml', REPO_CONFIG).commit('E. Vil leaves the CEO role', CISO, '2026-02-01');
    repo.git(['checkout', '-q', 'old']);
    repo.git(['merge', '-q', '-s', 'ours', 'main', '-m', "Merge branch 'main'"], as_(OUTSIDER, '2026-02-03'));
    const merge = repo.git(['rev-parse', 'HEAD']).trim();
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--ff-only', 'old']);
    const { findings } = await validate(repo);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'git-config-change',
        message: expect.stringMatching(
          new RegExp(
            `^the change to isms\\.config\\.yaml was made in a merge, ${short(merge)} \\(E\\. Vil <evil@example\\.net>, 2026-02-03\\): a sign-off or a change of the rules is recorded in an ordinary commit`,
          ),
        ),
      }),
    ]);
  });

  it('accepts an ordinary merge of the main branch, with its configuration change, into a working branch', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).commit('Adopt', CISO, '2026-01-01');
    repo.git(['checkout', '-q', '-b', 'work']);
    repo
      .write('policy.md', policy({ version: '0.2', rows: ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 0.2 | 2026-02-02 | P. Writer | More |'], body: 'More.' }))
      .commit('0.2', WRITER, '2026-02-02');
    repo.git(['checkout', '-q', 'main']);
    repo.write('isms.config.yaml', `${REPO_CONFIG}review_interval_months: 6\n`).commit('Review twice a year', CISO, '2026-02-01');
    repo.git(['checkout', '-q', 'work']);
    repo.git(['merge', '-q', '--no-ff', 'main', '-m', 'Update from main'], as_(WRITER, '2026-02-03'));
    expect((await validate(repo)).findings).toEqual([]);
  });

  /** Commits the working tree as a merge of HEAD and `other`, as `who` (git commit-tree, as an attacker would). */
  function mergeCommit(repo: TestRepo, other: string, who: Person, date: string): string {
    repo.git(['add', '-A']);
    const tree = repo.git(['write-tree']).trim();
    const hash = repo.git(['commit-tree', tree, '-p', 'HEAD', '-p', other, '-m', 'Merge'], as_(who, date)).trim();
    repo.git(['reset', '-q', '--hard', hash]);
    return hash;
  }

  it('refuses an approval made in a merge, whose author could pick the laxest parent', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).commit('Adopt', CISO, '2026-01-01');
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.git(['branch', 'side']);
    repo.write('notes.txt', 'x').commit('Unrelated', WRITER, '2026-01-11');
    repo.write('policy.md', policy(APPROVED_10));
    const merge = mergeCommit(repo, 'side', CEO, '2026-01-12');
    expect((await validate(repo)).findings).toEqual([
      expect.objectContaining({ rule: 'git-approval', message: expect.stringMatching(new RegExp(`^the approval was made in a merge, ${short(merge)} \\(R\\. Adeyemi`)) }),
    ]);
  });

  it('does not let a merge bring a retired approval back, carried or with -s ours', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).commit('Adopt', CISO, '2026-01-01');
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    const approval = repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10');
    repo.write('policy.md', policy({ ...APPROVED_10, status: 'retired' })).commit('Withdraw it', CEO, '2026-03-01');
    expect((await validate(repo)).findings).toEqual([]);
    repo.git(['branch', 'retired']);
    repo.write('policy.md', policy(APPROVED_10));
    mergeCommit(repo, approval, OUTSIDER, '2026-04-01');
    expect((await validate(repo)).findings.map((f) => f.rule)).toEqual(['git-approval']);
    // The same through `git merge -s ours` from a branch made before the withdrawal.
    repo.git(['checkout', '-q', '-B', 'main', 'retired']);
    repo.git(['checkout', '-q', '-b', 'revive', approval]);
    repo.git(['merge', '-q', '-s', 'ours', 'retired', '-m', 'Merge'], as_(OUTSIDER, '2026-04-02'));
    expect((await validate(repo)).findings.map((f) => f.rule)).toEqual(['git-approval']);
  });

  it('counts the content an approver wrote even when a parallel branch lists an older approval after it', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    const row11 = '| 1.1 | 2026-01-20 | R. Adeyemi | Exceptions for executives |';
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.git(['checkout', '-q', '-b', 'approve-10']);
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-12');
    repo.git(['checkout', '-q', 'main']);
    const own = repo
      .write('policy.md', policy({ status: 'in-review', version: '1.1', rows: [ROW_01, ROW_10, row11], body: 'We protect information, except for executives.' }))
      .commit('1.1 for review', CEO, '2026-01-20');
    repo.git(['merge', '-q', '-s', 'ours', 'approve-10', '-m', 'Merge approval of 1.0'], as_(CEO, '2026-01-21'));
    repo
      .write(
        'policy.md',
        policy({
          status: 'approved',
          version: '1.1',
          rows: [ROW_01, ROW_10, row11],
          body: 'We protect information, except for executives.',
          approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-21 }',
        }),
      )
      .commit('Approve 1.1', CEO, '2026-01-21');
    expect((await validate(repo)).findings).toEqual([
      expect.objectContaining({ rule: 'git-approval', message: expect.stringMatching(new RegExp(`^R\\. Adeyemi approved content they made \\(${short(own)} `)) }),
    ]);
  });

  it('never lets an approval dated with something that is not a date pass the backdating bound', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-05');
    repo.write('policy.md', policy({ ...APPROVED_10, approval: '{ by: ceo, name: R. Adeyemi, date: 2019-03-01T09:00 }' })).commit('Approve 1.0', CEO, '2026-06-10');
    expect((await validate(repo, '2026-06-11')).findings).toContainEqual(
      expect.objectContaining({ rule: 'git-approval', message: 'the approval is dated "2019-03-01T09:00", which is not a date (YYYY-MM-DD): its backdating cannot be checked' }),
    );
  });

  it('counts the content an approver wrote even when they hide it behind an approval of their own, or of an outsider, before approving again', async () => {
    for (const interim of [CEO, OUTSIDER]) {
      const repo = new TestRepo();
      repos.push(repo);
      const row11 = '| 1.1 | 2026-02-01 | R. Adeyemi | CEO exemption |';
      const body = 'We protect information. The CEO may skip all controls.';
      const v11 = (status: string, approval?: string) => policy({ status, version: '1.1', rows: [ROW_01, ROW_10, row11], body, ...(approval ? { approval } : {}) });
      repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-05');
      repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10');
      const own = repo.write('policy.md', v11('in-review')).commit('1.1 for review', CEO, '2026-02-01');
      // An approval that is not valid (a self-approval, or an outsider's) covers nothing...
      repo.write('policy.md', v11('approved', '{ by: ceo, name: R. Adeyemi, date: 2026-02-01 }')).commit('Approve 1.1', interim, '2026-02-01');
      // ...so approving again (a new date) is still a self-approval of the CEO's own content.
      repo.write('policy.md', v11('approved', '{ by: ceo, name: R. Adeyemi, date: 2026-02-02 }')).commit('Approve 1.1 again', CEO, '2026-02-02');
      expect((await validate(repo)).findings).toEqual([
        expect.objectContaining({ rule: 'git-approval', message: expect.stringMatching(new RegExp(`^R\\. Adeyemi approved content they made \\(${short(own)} `)) }),
      ]);
    }
  });
});

describe('adopting isms', () => {
  it('lets whoever ran isms init fill in the roles after the first commit, and nobody else', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-adopt-'));
    const today = todayIso();
    try {
      expect((await as(CISO, ['init', '--organization', 'Acme'], { dir })).code).toBe(0);
      const docs = path.join(dir, 'isms-docs');
      const git = (who: Person, ...args: string[]) =>
        execFileSync('git', args, {
          cwd: docs,
          env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email },
        });
      const config = readFileSync(path.join(docs, 'isms.config.yaml'), 'utf8');
      expect(config).toContain('config_approvers:\n    - ciso');
      git(CISO, 'add', '-A');
      git(CISO, 'commit', '-q', '-m', 'isms init');
      const filled = config.replace(
        'ceo:\n    title: Chief Executive Officer\n    members: []',
        `ceo:\n    title: Chief Executive Officer\n    members:\n      - { name: ${CEO.name}, email: ${CEO.email} }`,
      );
      expect(filled).not.toBe(config);
      writeFileSync(path.join(docs, 'isms.config.yaml'), filled);
      git(CISO, 'commit', '-q', '-am', 'Roles: the CEO');
      const clean = await runCli(['validate', '--format', 'json', '--as-of', today], dir);
      expect(clean.stderr).toBe('');
      expect(JSON.parse(clean.stdout).diagnostics).toEqual([]);
      writeFileSync(
        path.join(docs, 'isms.config.yaml'),
        filled.replace(`{ name: ${CEO.name}, email: ${CEO.email} }`, `{ name: ${CEO.name}, email: ${CEO.email} }\n      - { name: ${OUTSIDER.name}, email: ${OUTSIDER.email} }`),
      );
      git(OUTSIDER, 'commit', '-q', '-am', 'Me too');
      const caught = await runCli(['validate', '--format', 'json', '--as-of', today], dir);
      expect(JSON.parse(caught.stdout).diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['git-config-change']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what an honest CISO meets', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));
  const adopted = () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).commit('Adopt', CISO, '2026-01-01');
    return repo;
  };

  it('accepts an approval dated a day ahead of UTC (an approver east of it), not two', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.write('policy.md', policy({ ...APPROVED_10, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-11 }' })).commit('Approve 1.0', CEO, '2026-01-11');
    expect((await validate(repo, '2026-01-10')).findings).toEqual([]);
    expect((await validate(repo, '2026-01-09')).findings.map((f) => f.rule)).toEqual(['approval-missing']);
  });

  it('bounds backdating by the later of the author and committer dates', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.write('policy.md', policy(APPROVED_10));
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'Approve 1.0'], {
      GIT_AUTHOR_NAME: CEO.name,
      GIT_AUTHOR_EMAIL: CEO.email,
      GIT_AUTHOR_DATE: '2026-01-10T10:00:00Z',
      GIT_COMMITTER_NAME: CEO.name,
      GIT_COMMITTER_EMAIL: CEO.email,
      GIT_COMMITTER_DATE: '2026-06-01T10:00:00Z',
    });
    const { findings } = await validate(repo);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'git-approval',
        message: expect.stringMatching(/^the approval is dated 2026-01-10 but was committed 142 days later in [0-9a-f]{7} \(R\. Adeyemi <ceo@example\.com>, 2026-01-10\) \(committed 2026-06-01\)/),
      }),
    ]);
  });

  it('judges a past review by the owner the document had then', async () => {
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10');
    repo.write('policy.md', policy({ ...APPROVED_10, review: '{ last: 2026-03-01 }' })).commit('Review', CISO, '2026-03-01');
    expect((await validate(repo)).findings).toEqual([]);
    const rows = [ROW_01, ROW_10, '| 1.1 | 2026-04-01 | P. Writer | Owned by the writer |'];
    repo
      .write(
        'policy.md',
        policy({ status: 'in-review', version: '1.1', rows, review: '{ last: 2026-03-01 }', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' }).replace('owner: ciso', 'owner: writer'),
      )
      .commit('1.1', WRITER, '2026-04-01');
    repo
      .write(
        'policy.md',
        policy({ status: 'approved', version: '1.1', rows, review: '{ last: 2026-03-01 }', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-04-02 }' }).replace('owner: ciso', 'owner: writer'),
      )
      .commit('Approve 1.1', CEO, '2026-04-02');
    expect((await validate(repo)).findings).toEqual([]);
  });

  it('says there is nothing to record when a review would change no line', async () => {
    const today = todayIso();
    const repo = adopted();
    repo.write('policy.md', policy(IN_REVIEW_10)).commit('1.0 for review', WRITER, '2026-01-10');
    repo.write('policy.md', policy(APPROVED_10)).commit('Approve 1.0', CEO, '2026-01-10');
    expect((await as(CISO, ['review', 'DOC-A5'], repo)).code).toBe(0);
    const again = await as(CISO, ['review', 'DOC-A5'], repo);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^isms: nothing to record: DOC-A5 already says exactly this/);
    expect(readFileSync(path.join(repo.dir, 'policy.md'), 'utf8')).toContain(`last: ${today}`);
  });
});
