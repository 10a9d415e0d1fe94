import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CEO, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';

const BIN = path.resolve('bin/isms.js');
const READ_ONLY = ['cat-file', 'log', 'ls-files', 'ls-tree', 'rev-parse'];
const HOOKS = [
  'applypatch-msg',
  'pre-applypatch',
  'post-applypatch',
  'pre-commit',
  'pre-merge-commit',
  'prepare-commit-msg',
  'commit-msg',
  'post-commit',
  'pre-rebase',
  'post-checkout',
  'post-merge',
  'pre-push',
  'pre-auto-gc',
  'post-rewrite',
  'reference-transaction',
  'post-index-change',
  'fsmonitor-watchman',
];

/**
 * Runs the built CLI with a `git` first on PATH that notes each subcommand, in a repository whose
 * configuration asks git to run a program wherever it can: filters, diff drivers, fsmonitor and every hook.
 */
describe('git as isms runs it to validate and build', () => {
  let repo: TestRepo;
  let work: string;
  const sentinel = () => path.join(work, 'a-repository-program-ran');
  const subcommands = () => readFileSync(path.join(work, 'git.log'), 'utf8').split('\n').filter(Boolean);

  beforeAll(() => {
    repo = new TestRepo();
    work = mkdtempSync(path.join(tmpdir(), 'isms-readonly-'));
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).write('.gitattributes', '* filter=evil diff=evil\n').commit('Draft', WRITER, '2026-01-05');
    const rows = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 0.2 | 2026-01-06 | P. Writer | Wider scope |'];
    repo.write('policy.md', policy({ version: '0.2', rows, body: 'We protect all information.' })).commit('Edit', WRITER, '2026-01-06');
    // A release publishes approved documents only.
    const published = [...rows, '| 1.0 | 2026-01-07 | P. Writer | First published |'];
    repo.write('policy.md', policy({ status: 'in-review', version: '1.0', rows: published, body: 'We protect all information.' })).commit('Version 1.0', WRITER, '2026-01-07');
    repo
      .write('policy.md', policy({ status: 'approved', version: '1.0', rows: published, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-07 }', body: 'We protect all information.' }))
      .commit('Approve', CEO, '2026-01-07');

    const touch = `touch '${sentinel()}'`;
    const hooks = path.join(work, 'hooks');
    mkdirSync(hooks);
    for (const hook of HOOKS) {
      for (const folder of [hooks, path.join(repo.dir, '.git', 'hooks')]) {
        writeFileSync(path.join(folder, hook), `#!/bin/sh\n${touch}\n`);
        chmodSync(path.join(folder, hook), 0o755);
      }
    }
    const programs: Record<string, string> = {
      'filter.evil.clean': `${touch}; cat`,
      'filter.evil.smudge': `${touch}; cat`,
      'filter.evil.process': touch,
      'diff.evil.textconv': `${touch}; cat`,
      'diff.evil.command': touch,
      'diff.external': touch,
      'core.fsmonitor': touch,
      'core.hooksPath': hooks,
    };
    for (const [key, value] of Object.entries(programs)) repo.git(['config', key, value]);

    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    mkdirSync(path.join(work, 'bin'));
    writeFileSync(
      path.join(work, 'bin', 'git'),
      `#!/bin/sh\nskip=\nfor a in "$@"; do\n  if [ -n "$skip" ]; then skip=; continue; fi\n  case "$a" in -c) skip=1 ;; -*) ;; *) echo "$a" >> '${path.join(work, 'git.log')}'; break ;; esac\ndone\nexec '${realGit}' "$@"\n`,
    );
    chmodSync(path.join(work, 'bin', 'git'), 0o755);
  });
  afterAll(() => {
    repo.remove();
    rmSync(work, { recursive: true, force: true });
  });

  it.each(['validate', 'validate --base HEAD~1', 'status', 'build --html --out OUT', 'build --release --html --out OUT'])(
    'isms %s runs only log, ls-tree, cat-file, rev-parse and ls-files, and no program of the repository',
    (command) => {
      const args = command.split(' ');
      writeFileSync(path.join(work, 'git.log'), '');
      const out = path.join(work, `site-${args.join('-').replace(/\W+/g, '')}`);
      const run = spawnSync(process.execPath, [BIN, ...args.map((arg) => (arg === 'OUT' ? out : arg))], {
        cwd: repo.dir,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${path.join(work, 'bin')}${path.delimiter}${process.env['PATH']}`, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
      });
      expect(run.status, run.stderr + run.stdout).not.toBe(2);
      if (args[0] === 'build') expect(existsSync(path.join(out, 'manifest.json')), run.stderr).toBe(true);
      expect(subcommands().length).toBeGreaterThan(0);
      expect([...new Set(subcommands())].filter((command) => !READ_ONLY.includes(command))).toEqual([]);
      expect(existsSync(sentinel())).toBe(false);
    },
    60_000,
  );
});
