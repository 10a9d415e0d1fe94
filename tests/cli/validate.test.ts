import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2026-06-01'];

describe('isms validate', () => {
  const temporary: string[] = [];
  afterEach(() => temporary.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-cli-'));
    temporary.push(dir);
    return dir;
  };

  it('exits 0 and says so when every document is clean', async () => {
    const run = await runCli(['validate', ...AS_OF], fixture('clean'));
    expect(run).toEqual({ code: 0, stdout: '2 documents checked, no problems\n', stderr: '' });
  });

  it('reports every broken file in one run and exits 1', async () => {
    const run = await runCli(['validate', ...AS_OF], fixture('broken'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('policies/policy.md\n  1:1');
    expect(run.stdout).toContain('"---js" front matter is not read');
    expect(run.stdout).toContain('register.yaml\n  10:29');
    expect(run.stdout).toContain('write 2018-11-28');
    expect(run.stdout).toContain('did you mean "approved"?');
    expect(run.stdout).toContain('DOC-A9');
    expect(run.stdout).toMatch(/✖ 10 problems \(10 errors, 0 warnings\) in 4 documents/);
    expect(run.stderr).toBe('');
  });

  it('never runs JavaScript front matter', async () => {
    await runCli(['validate'], fixture('broken'));
    expect((globalThis as Record<string, unknown>)['__ISMS_FIXTURE_RAN__']).toBeUndefined();
  });

  it('exits 2 naming file, line and column for a broken configuration', async () => {
    const run = await runCli(['validate'], fixture('broken-config'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('isms: the configuration has a problem; nothing was checked\n  isms.config.yaml:7:19: "rules.review-overdue" must be one of off, warn, error, found "sometimes"\n');
  });

  it('exits 2 when there is no configuration, and says where it looked', async () => {
    const run = await runCli(['validate'], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^isms: no isms\.config\.yaml in \., a folder above it, or isms-docs\/: pass --config FILE/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('finds the configuration in isms-docs/ and prints paths relative to the current folder', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'isms-docs'));
    writeFileSync(path.join(dir, 'isms-docs', 'isms.config.yaml'), readFileSync(path.join(fixture('broken'), 'isms.config.yaml')));
    writeFileSync(path.join(dir, 'isms-docs', 'notes.md'), '# Notes\n');
    const run = await runCli(['validate', '--no-git', '--format', 'json'], dir);
    expect(JSON.parse(run.stdout).diagnostics[0].file).toBe('isms-docs/notes.md');
  });

  it('uses --config from another folder and prints paths from the current folder', async () => {
    const run = await runCli(['validate', '--config', 'tests/fixtures/broken/isms.config.yaml', '--format', 'json'], path.resolve('.'));
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics[0].file).toBe('tests/fixtures/broken/manual.md');
  });

  it('exits 0 with warnings, and 1 when they exceed --max-warnings', async () => {
    const within = await runCli(['validate', ...AS_OF], fixture('warnings'));
    expect(within.code).toBe(0);
    expect(within.stdout).toContain('review overdue by 111 days');
    const over = await runCli(['validate', ...AS_OF, '--max-warnings', '0'], fixture('warnings'));
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('isms: 1 warning found; --max-warnings allows 0\n');
  });

  it('turns a rule off or into a warning through the configuration', async () => {
    const dir = tempDir();
    const config = readFileSync(path.join(fixture('broken'), 'isms.config.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'isms.config.yaml'), `${config}rules:\n  schema: off\n  broken-reference: warn\n`);
    writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nSee DOC X1.\n');
    const run = await runCli(['validate', '--no-git', '--format', 'json'], dir);
    const output = JSON.parse(run.stdout);
    expect(output.diagnostics.map((d: { rule: string; severity: string }) => `${d.rule}:${d.severity}`)).toEqual(['broken-reference:warning']);
  });

  it('reports only on the paths it is given, while still reading every document', async () => {
    const run = await runCli(['validate', '--format', 'json', 'procedure.md'], fixture('broken'));
    const output = JSON.parse(run.stdout);
    expect(output.summary.documents).toBe(1);
    expect(new Set(output.diagnostics.map((d: { file: string }) => d.file))).toEqual(new Set(['procedure.md']));
  });

  it('exits 2 for a path that holds no document', async () => {
    const run = await runCli(['validate', 'nowhere.md'], fixture('clean'));
    expect(run).toMatchObject({ code: 2, stderr: 'isms: no controlled document at nowhere.md\n' });
  });

  it('writes the report to --output and nothing to stdout', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.sarif');
    const run = await runCli(['validate', '--format', 'sarif', '--output', file], fixture('broken'));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe('2.1.0');
  });

  it.each([
    ['stylish', (out: string) => expect(out).toContain('✖ 10 problems')],
    ['json', (out: string) => expect(JSON.parse(out).summary.errors).toBe(10)],
    ['sarif', (out: string) => expect(JSON.parse(out).runs[0].results).toHaveLength(10)],
    ['junit', (out: string) => expect(out.match(/<failure /g)).toHaveLength(4)],
    [
      'github',
      (out: string) =>
        expect(
          out
            .trim()
            .split('\n')
            .filter((l) => l.startsWith('::error file=')),
        ).toHaveLength(10),
    ],
  ])('reports the broken fixture in %s and exits 1', async (format, check) => {
    const run = await runCli(['validate', '--no-git', '--format', format], fixture('broken'));
    expect(run.code).toBe(1);
    check(run.stdout);
  });

  it('exits 2 for an unknown format, a bad --as-of and a bad --max-warnings', async () => {
    expect(await runCli(['validate', '--format', 'xml'], fixture('clean'))).toMatchObject({
      code: 2,
      stderr: 'isms: unknown format "xml": use one of stylish, json, sarif, junit, github, markdown\n',
    });
    expect(await runCli(['validate', '--as-of', '11/28/18'], fixture('clean'))).toMatchObject({ code: 2, stderr: 'isms: --as-of takes a date YYYY-MM-DD, not "11/28/18"\n' });
    expect(await runCli(['validate', '--max-warnings', '-1'], fixture('clean'))).toMatchObject({ code: 2 });
  });

  it('exits 2 for an unknown command or option, without a stack trace', async () => {
    const run = await runCli(['valdate'], fixture('clean'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'valdate'");
    expect(run.stderr).toContain('validate');
  });

  it('validates the bundled isms-docs with no finding from the project root', async () => {
    const run = await runCli(['validate', '--no-git'], path.resolve('.'));
    expect(run).toEqual({ code: 0, stdout: '15 documents checked, no problems\n', stderr: '' });
  });

  it('proves the bundled isms-docs from the project history with no error', async () => {
    // Warnings are allowed: a developer's uncommitted edits show as git-uncommitted.
    const run = await runCli(['validate', '--format', 'json'], path.resolve('.'));
    expect(JSON.parse(run.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(run.code).toBe(0);
  });
});
