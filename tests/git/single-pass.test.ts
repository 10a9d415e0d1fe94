import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CEO, CISO, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';

/**
 * Counts the git processes `isms validate` starts, with a `git` first on PATH that notes each one:
 * reading the history must cost the same few processes whatever the number of documents, commits and
 * sign-offs (one log pass, one cat-file process), never a process per file or per commit.
 */
describe('the single pass over history', () => {
  let work: string;
  const repos: TestRepo[] = [];

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'isms-count-'));
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    mkdirSync(path.join(work, 'bin'));
    writeFileSync(path.join(work, 'bin', 'git'), `#!/bin/sh\necho x >> '${path.join(work, 'count')}'\nexec '${realGit}' "$@"\n`);
    chmodSync(path.join(work, 'bin', 'git'), 0o755);
  });
  afterAll(() => {
    repos.forEach((repo) => repo.remove());
    rmSync(work, { recursive: true, force: true });
  });

  /** A repository of `documents` policies, each drafted, versioned, approved and reviewed, with a configuration change. */
  function history(documents: number): TestRepo {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).commit('Adopt', CISO, '2026-01-01');
    const rows = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];
    const each = (write: (n: number) => string, who: typeof WRITER, date: string) => {
      for (let n = 0; n < documents; n++) repo.write(`policy-${n}.md`, write(n).replace('DOC-A5', `DOC-P${n}`));
      repo.commit(`step ${date}`, who, date);
    };
    each(() => policy(), WRITER, '2026-01-05');
    each(() => policy({ status: 'in-review', version: '1.0', rows }), WRITER, '2026-01-10');
    each(() => policy({ status: 'approved', version: '1.0', rows, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' }), CEO, '2026-01-10');
    each(() => policy({ status: 'approved', version: '1.0', rows, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', review: '{ last: 2026-03-01 }' }), CISO, '2026-03-01');
    repo.write('isms.config.yaml', `${REPO_CONFIG}review_interval_months: 12\n`).commit('Review yearly', CISO, '2026-03-02');
    return repo;
  }

  function gitProcesses(repo: TestRepo): number {
    writeFileSync(path.join(work, 'count'), '');
    const run = spawnSync(process.execPath, [path.resolve('bin/isms.js'), 'validate', '--as-of', '2026-06-01'], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${path.join(work, 'bin')}${path.delimiter}${process.env['PATH']}`, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    expect(run.stdout, run.stderr).toMatch(/documents? checked, no problems/);
    return readFileSync(path.join(work, 'count'), 'utf8').split('\n').filter(Boolean).length;
  }

  it('starts the same few git processes for 2 documents as for 40', () => {
    const small = gitProcesses(history(2));
    const large = gitProcesses(history(40));
    expect(small).toBeLessThanOrEqual(7);
    expect(large).toBe(small);
  }, 60_000);
});
