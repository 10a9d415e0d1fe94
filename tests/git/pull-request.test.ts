import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CEO, CISO, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';

const ROWS = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];
const APPROVED = { status: 'approved', version: '1.0', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', rows: ROWS };

async function validate(dir: string, ...args: string[]) {
  const run = await runCli(['validate', '--format', 'json', '--as-of', '2026-06-01', ...args], dir);
  if (run.code === 2) throw new Error(run.stderr);
  const report = JSON.parse(run.stdout) as { summary: { documents: number }; diagnostics: Array<{ rule: string; file: string; message: string }> };
  return { code: run.code, documents: report.summary.documents, findings: report.diagnostics };
}

/** Documents in isms-docs/ with an approved policy on main, and a pull request branch made by the writer. */
function repository(): TestRepo {
  const repo = new TestRepo();
  repo
    .write('isms-docs/isms.config.yaml', REPO_CONFIG)
    .write('isms-docs/policy.md', policy({ status: 'in-review', version: '1.0', rows: ROWS }))
    .commit('1.0 for review', WRITER, '2026-01-10');
  repo.write('isms-docs/policy.md', policy(APPROVED)).commit('Approve 1.0', CEO, '2026-01-10');
  repo.git(['branch', 'base']);
  return repo;
}

describe('--base reads the rules from the base, as CODEOWNERS does', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));
  const track = (repo: TestRepo) => (repos.push(repo), repo);

  it('keeps checking every document when the pull request ignores them all', async () => {
    const repo = track(repository());
    repo
      .write('isms-docs/isms.config.yaml', `${REPO_CONFIG}ignore: ["**"]\n`)
      .write('isms-docs/policy.md', policy({ ...APPROVED, body: 'Anything goes.' }))
      .commit('Quietly', WRITER, '2026-02-01');
    expect((await validate(repo.dir)).documents).toBe(0);
    const { code, documents, findings } = await validate(repo.dir, '--base', 'base');
    expect(code).toBe(1);
    expect(documents).toBe(1);
    expect(findings.map((f) => `${f.rule} ${f.file}`)).toEqual([
      'git-config-change isms-docs/isms.config.yaml',
      'git-approval-stale isms-docs/policy.md',
      'git-version-bump isms-docs/policy.md',
      'git-version-bump isms-docs/policy.md',
    ]);
  });

  it('refuses a new configuration that would shadow the base one', async () => {
    const repo = track(repository());
    repo
      .write('isms.config.yaml', `${REPO_CONFIG}ignore: ["isms-docs/**"]\n`)
      .write('isms-docs/policy.md', policy({ ...APPROVED, body: 'Anything goes.' }))
      .commit('Shadow', WRITER, '2026-02-01');
    for (const args of [[], ['--base', 'base']]) {
      const run = await runCli(['validate', ...args], repo.dir);
      expect(run).toMatchObject({
        code: 2,
        stderr: 'isms: isms.config.yaml and isms-docs/isms.config.yaml are both configurations where isms looks for one: name the one that governs with --config, and remove the other\n',
      });
    }
    const { documents, findings } = await validate(repo.dir, '--base', 'base', '--config', 'isms-docs/isms.config.yaml');
    expect(documents).toBe(1);
    expect(findings.map((f) => `${f.rule} ${f.file}`)).toContain('git-approval-stale isms-docs/policy.md');
  });

  it('reports a document of the base that the pull request deletes or moves out of the documents folder', async () => {
    const repo = track(repository());
    repo.rename('isms-docs/policy.md', 'elsewhere/policy.md').commit('Move it out', WRITER, '2026-02-01');
    const { findings } = await validate(repo.dir, '--base', 'base');
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'git-config-change',
        file: 'isms-docs/policy.md',
        message:
          'policy.md is a controlled document at base and is no longer checked (deleted, moved out of the documents folder, ignored or shadowed by another configuration): retire it (status: retired) instead, or have a configuration approver make the change',
      }),
    ]);
  });

  it('accepts a document renamed inside the documents folder', async () => {
    const repo = track(repository());
    repo.rename('isms-docs/policy.md', 'isms-docs/policies/policy.md').commit('Into a folder', WRITER, '2026-02-01');
    expect((await validate(repo.dir, '--base', 'base')).findings).toEqual([]);
  });

  it('says so when the base has no configuration, and judges with the pull request one', async () => {
    const repo = track(new TestRepo());
    repo.write('README.md', 'Before isms\n').commit('Start', CISO, '2026-01-01');
    repo.git(['branch', 'base']);
    repo.write('isms-docs/isms.config.yaml', REPO_CONFIG).write('isms-docs/policy.md', policy()).commit('Adopt isms', CISO, '2026-01-05');
    const { findings } = await validate(repo.dir, '--base', 'base');
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'git-config-change', message: 'no isms.config.yaml at base: the pull request brings its own configuration, which nothing at the base governs' }),
    ]);
  });
});
