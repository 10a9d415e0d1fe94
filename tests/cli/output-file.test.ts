import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';
import { CISO, REPO_CONFIG, TestRepo, policy } from '../helpers/git-repo.js';
import { runBin } from '../helpers/run-bin.js';

const REPORT = '2 documents checked, no problems\n';
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A copy of the clean documents in a temporary folder, which is not a git repository. */
function documents(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'isms-output-'));
  roots.push(root);
  cpSync(fixture('clean'), root, { recursive: true });
  return root;
}

const validate = (dir: string, output: string, ...more: string[]) => runCli(['validate', '--no-git', '--as-of', '2026-06-01', '--output', output, ...more], dir);

describe('validate --output onto a link or a special file', () => {
  it('writes through a symbolic link: the link stays, the file it points to gets the report', async () => {
    const dir = documents();
    mkdirSync(path.join(dir, 'reports'));
    writeFileSync(path.join(dir, 'reports', 'latest.txt'), 'old');
    symlinkSync('reports/latest.txt', path.join(dir, 'latest.txt'));
    expect(await validate(dir, 'latest.txt')).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(lstatSync(path.join(dir, 'latest.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'reports', 'latest.txt'), 'utf8')).toBe(REPORT);
  });

  it('creates the missing file a dangling link points to, and keeps the link', async () => {
    const dir = documents();
    symlinkSync('new-report.txt', path.join(dir, 'report.txt'));
    expect((await validate(dir, 'report.txt')).code).toBe(0);
    expect(readlinkSync(path.join(dir, 'report.txt'))).toBe('new-report.txt');
    expect(readFileSync(path.join(dir, 'new-report.txt'), 'utf8')).toBe(REPORT);
  });

  it('writes into /dev/null through a link and leaves both as they were', async () => {
    const dir = documents();
    symlinkSync('/dev/null', path.join(dir, 'discard'));
    expect((await validate(dir, 'discard')).code).toBe(0);
    expect(readlinkSync(path.join(dir, 'discard'))).toBe('/dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes into a device node and never replaces it; a full device is a write error', async ({ skip }) => {
    const dir = documents();
    const made = spawnSync('mknod', [path.join(dir, 'null'), 'c', '1', '3']).status === 0 && spawnSync('mknod', [path.join(dir, 'full'), 'c', '1', '7']).status === 0;
    if (!made) skip('mknod needs root');
    expect((await validate(dir, 'null')).code).toBe(0);
    expect(lstatSync(path.join(dir, 'null')).isCharacterDevice()).toBe(true);
    const full = await validate(dir, 'full');
    expect(full).toMatchObject({ code: 2, stderr: expect.stringMatching(/^isms: cannot write full: ENOSPC/) });
    expect(lstatSync(path.join(dir, 'full')).isCharacterDevice()).toBe(true);
  });

  it('writes into a FIFO for the process reading it, and leaves the FIFO', async ({ skip }) => {
    const dir = documents();
    const fifo = path.join(dir, 'report.pipe');
    if (spawnSync('mkfifo', [fifo]).status !== 0) skip('no mkfifo here');
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString('utf8')));
    const readerDone = new Promise((resolve) => reader.on('close', resolve));
    const run = await runBin(['validate', '--no-git', '--as-of', '2026-06-01', '--output', 'report.pipe'], dir);
    const isFifo = lstatSync(fifo).isFIFO();
    if (!isFifo) reader.kill('SIGKILL');
    await readerDone;
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(isFifo).toBe(true);
    expect(read).toBe(REPORT);
  }, 60_000);

  it('writes --output /dev/stdout to standard output, whether a pipe or a file', async () => {
    const dir = documents();
    const piped = await runBin(['validate', '--no-git', '--as-of', '2026-06-01', '--output', '/dev/stdout'], dir);
    expect(piped).toMatchObject({ code: 0, stdout: REPORT, stderr: '' });

    const file = path.join(dir, 'captured.txt');
    const fd = openSync(file, 'w');
    const before = statSync(file).ino;
    const bin = path.resolve('bin/isms.js');
    const run = spawnSync(process.execPath, [bin, 'validate', '--no-git', '--as-of', '2026-06-01', '--output', '/dev/stdout'], { cwd: dir, stdio: ['ignore', fd, 'pipe'], timeout: 30_000 });
    closeSync(fd);
    expect(run.status).toBe(0);
    expect(statSync(file).ino).toBe(before);
    expect(readFileSync(file, 'utf8')).toBe(REPORT);
  }, 60_000);

  it('refuses a folder', async () => {
    const dir = documents();
    mkdirSync(path.join(dir, 'reports'));
    const run = await validate(dir, 'reports');
    expect(run).toMatchObject({ code: 2, stderr: 'isms: cannot write reports: it is a folder\n' });
  });
});

describe('writing over what the user keeps', () => {
  it('refuses to write a report over a controlled document or the configuration unless --force', async () => {
    const dir = documents();
    const manual = readFileSync(path.join(dir, 'manual.md'), 'utf8');
    expect(await validate(dir, 'manual.md')).toMatchObject({ code: 2, stderr: 'isms: refusing to overwrite manual.md: it is a controlled document (--force overwrites it)\n' });
    expect(readFileSync(path.join(dir, 'manual.md'), 'utf8')).toBe(manual);
    expect((await validate(dir, 'isms.config.yaml')).stderr).toBe('isms: refusing to overwrite isms.config.yaml: it is the configuration (--force overwrites it)\n');
    symlinkSync('policies/policy.md', path.join(dir, 'policy-link.txt'));
    expect((await validate(dir, 'policy-link.txt')).stderr).toBe('isms: refusing to overwrite policy-link.txt: it is a controlled document (--force overwrites it)\n');
    expect((await validate(dir, 'manual.md', '--force')).code).toBe(0);
    expect(readFileSync(path.join(dir, 'manual.md'), 'utf8')).toBe(REPORT);
  });

  it('refuses to write over a file git tracks unless --force, and writes over an untracked one', async () => {
    const repo = new TestRepo();
    try {
      repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy()).write('NOTES.txt', 'kept in git\n').commit('Start', CISO, '2026-01-05');
      const run = await runCli(['validate', '--no-git', '--output', 'NOTES.txt'], repo.dir);
      expect(run).toMatchObject({ code: 2, stderr: 'isms: refusing to overwrite NOTES.txt: git tracks it (--force overwrites it)\n' });
      expect(readFileSync(path.join(repo.dir, 'NOTES.txt'), 'utf8')).toBe('kept in git\n');
      repo.write('report.txt', 'old report');
      expect((await runCli(['validate', '--no-git', '--output', 'report.txt'], repo.dir)).code).toBe(0);
      expect(readFileSync(path.join(repo.dir, 'report.txt'), 'utf8')).toMatch(/^1 document checked/);
      expect((await runCli(['validate', '--no-git', '--output', 'NOTES.txt', '--force'], repo.dir)).code).toBe(0);
    } finally {
      repo.remove();
    }
  });

  it('refuses soa migrate --out over a controlled document unless --force', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-migrate-'));
    roots.push(dir);
    cpSync(fixture('clean'), path.join(dir, 'isms-docs'), { recursive: true });
    cpSync(path.join(fixture('soa-2013'), 'statement-of-applicability.yaml'), path.join(dir, 'soa-2013.yaml'));
    const manual = readFileSync(path.join(dir, 'isms-docs', 'manual.md'), 'utf8');
    const run = await runCli(['soa', 'migrate', 'soa-2013.yaml', '--out', 'isms-docs/manual.md'], dir);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: 'isms: refusing to overwrite isms-docs/manual.md: it is a controlled document (--force overwrites it)\n' });
    expect(readFileSync(path.join(dir, 'isms-docs', 'manual.md'), 'utf8')).toBe(manual);
    const forced = await runCli(['soa', 'migrate', 'soa-2013.yaml', '--out', 'isms-docs/manual.md', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, 'isms-docs', 'manual.md'), 'utf8')).toContain('standard: iso27001-2022');
  });
});
