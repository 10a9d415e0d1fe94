import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2026-06-01'];
const ESC = '\u001b[';

describe('CLI conventions', () => {
  const temporary: string[] = [];
  afterEach(() => temporary.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-conventions-'));
    temporary.push(dir);
    return dir;
  };
  /** The `broken` fixture as `<dir>/isms-docs`, outside this repository. */
  const brokenDocs = () => {
    const dir = tempDir();
    cpSync(fixture('broken'), path.join(dir, 'isms-docs'), { recursive: true });
    return dir;
  };

  describe('configuration discovery', () => {
    it('finds the configuration in a folder above the current one, and shows paths from where it runs', async () => {
      const dir = brokenDocs();
      const run = await runCli(['validate', '--no-git', '--format', 'json'], path.join(dir, 'isms-docs', 'policies'));
      expect(run.code).toBe(1);
      const files = new Set(JSON.parse(run.stdout).diagnostics.map((d: { file: string }) => d.file));
      expect(files).toEqual(new Set(['policy.md', '../procedure.md', '../register.yaml', '../manual.md']));
    });

    it('uses the nearest configuration when folders above hold another', async () => {
      const dir = tempDir();
      cpSync(fixture('broken'), dir, { recursive: true });
      cpSync(fixture('clean'), path.join(dir, 'team'), { recursive: true });
      const run = await runCli(['validate', ...AS_OF, '--no-git'], path.join(dir, 'team', 'policies'));
      expect(run).toEqual({ code: 0, stdout: '2 documents checked, no problems\n', stderr: '' });
    });

    it('refuses to choose between a configuration above and one in isms-docs/ below', async () => {
      const dir = brokenDocs();
      mkdirSync(path.join(dir, 'work'));
      writeFileSync(path.join(dir, 'work', 'isms.config.yaml'), 'organization: Above\n');
      cpSync(path.join(dir, 'isms-docs'), path.join(dir, 'work', 'inner', 'isms-docs'), { recursive: true });
      const run = await runCli(['validate', '--no-git'], path.join(dir, 'work', 'inner'));
      expect(run).toMatchObject({
        code: 2,
        stderr: 'isms: ../isms.config.yaml and isms-docs/isms.config.yaml are both configurations where isms looks for one: name the one that governs with --config, and remove the other\n',
      });
    });
  });

  describe('paths and globs', () => {
    it('reports on the documents a quoted glob matches', async () => {
      const dir = brokenDocs();
      const run = await runCli(['validate', '--no-git', '--format', 'json', 'isms-docs/policies/*.md'], dir);
      const output = JSON.parse(run.stdout);
      expect(output.summary.documents).toBe(1);
      expect(new Set(output.diagnostics.map((d: { file: string }) => d.file))).toEqual(new Set(['isms-docs/policies/policy.md']));
    });

    it('takes ** and brace globs, and a glob that names folders reports on the documents in them', async () => {
      const dir = brokenDocs();
      const yaml = await runCli(['validate', '--no-git', '--format', 'json', 'isms-docs/**/*.{yaml,yml}'], dir);
      expect(JSON.parse(yaml.stdout).summary.documents).toBe(1);
      const folders = await runCli(['validate', '--no-git', '--format', 'json', 'isms-docs/pol*'], dir);
      expect(JSON.parse(folders.stdout).summary.documents).toBe(1);
    });

    it('exits 2 for a glob that matches no document, saying so', async () => {
      const dir = brokenDocs();
      const run = await runCli(['validate', '--no-git', 'isms-docs/procedures/*.md'], dir);
      expect(run).toEqual({ code: 2, stdout: '', stderr: 'isms: no controlled document matches isms-docs/procedures/*.md (a glob is matched against paths relative to the current folder)\n' });
    });

    it('takes a file whose name has glob characters literally', async () => {
      const dir = tempDir();
      cpSync(fixture('clean'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'manual[old].md'), readFileSync(path.join(dir, 'manual.md'), 'utf8').replace('id: ISMS-MAN', 'id: ISMS-OLD'));
      const run = await runCli(['validate', '--no-git', '--format', 'json', 'manual[old].md'], dir);
      expect(JSON.parse(run.stdout).summary.documents).toBe(1);
    });
  });

  describe('--quiet', () => {
    it('reports errors only, and says no errors rather than no problems', async () => {
      const quiet = await runCli(['validate', ...AS_OF, '--quiet'], fixture('warnings'));
      expect(quiet).toEqual({ code: 0, stdout: '2 documents checked, no errors\n', stderr: '' });
      const json = await runCli(['validate', ...AS_OF, '--quiet', '--format', 'json'], fixture('warnings'));
      expect(JSON.parse(json.stdout)).toMatchObject({ summary: { documents: 2, errors: 0, warnings: 0 }, diagnostics: [] });
    });

    it('still counts the warnings it hides against --max-warnings', async () => {
      const run = await runCli(['validate', ...AS_OF, '-q', '--max-warnings', '0'], fixture('warnings'));
      expect(run).toEqual({ code: 1, stdout: '2 documents checked, no errors\n', stderr: 'isms: 1 warning found; --max-warnings allows 0\n' });
    });

    it('keeps every error', async () => {
      const run = await runCli(['validate', '--no-git', '--quiet', '--format', 'json'], fixture('broken'));
      expect(JSON.parse(run.stdout).summary.errors).toBe(10);
    });
  });

  describe('colour', () => {
    const onTerminal = async (args: string[], env: Record<string, string> = {}) => {
      let stdout = '';
      const { main } = await import('../../src/cli/main.js');
      const code = await main(['validate', ...AS_OF, ...args], {
        stdout: { write: (text: string) => (stdout += text), isTTY: true },
        stderr: { write: () => true, isTTY: true },
        cwd: fixture('warnings'),
        env,
      });
      return { code, stdout };
    };

    it('colours a terminal, and not with NO_COLOR, --no-color or FORCE_COLOR=0', async () => {
      expect((await onTerminal([])).stdout).toContain(ESC);
      expect((await onTerminal([], { NO_COLOR: '1' })).stdout).not.toContain(ESC);
      expect((await onTerminal(['--no-color'])).stdout).not.toContain(ESC);
      expect((await onTerminal([], { FORCE_COLOR: '0' })).stdout).not.toContain(ESC);
    });

    it('ignores an empty NO_COLOR, as no-color.org says', async () => {
      expect((await onTerminal([], { NO_COLOR: '' })).stdout).toContain(ESC);
    });

    it('colours a pipe with --color or FORCE_COLOR, which wins over NO_COLOR; --no-color wins over both', async () => {
      const plain = await runCli(['validate', ...AS_OF], fixture('warnings'));
      expect(plain.stdout).not.toContain(ESC);
      expect((await runCli(['validate', ...AS_OF, '--color'], fixture('warnings'))).stdout).toContain(`${ESC}33m`);
      expect((await runCli(['validate', ...AS_OF], fixture('warnings'), { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).toContain(ESC);
      expect((await runCli(['validate', ...AS_OF, '--no-color'], fixture('warnings'), { FORCE_COLOR: '1' })).stdout).not.toContain(ESC);
    });
  });

  describe('--help', () => {
    const COMMANDS = [[], ['validate'], ['build'], ['verify'], ['status'], ['version'], ['approve'], ['review'], ['accept'], ['init'], ['new'], ['soa'], ['soa', 'migrate'], ['rules'], ['schema']];

    it.each(COMMANDS.map((command) => [command.join(' ') || 'isms', command] as const))('%s --help shows examples and the environment variables', async (_name, command) => {
      const run = await runCli([...command, '--help'], fixture('clean'));
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/\nExamples:\n {2}# .+\n {2}\$ isms /);
      expect(run.stdout).toMatch(/\nEnvironment variables:\n( {2}[A-Z_, ]+ {2}.+\n)+/);
      expect(run.stdout).toContain('ISMS_DEBUG');
    });

    it('names the colour variables for validate and the signing passphrase for build', async () => {
      const validate = await runCli(['validate', '--help'], fixture('clean'));
      for (const name of ['NO_COLOR', 'FORCE_COLOR', '--quiet', '--color', '--no-color', 'markdown']) expect(validate.stdout).toContain(name);
      const build = await runCli(['build', '--help'], fixture('clean'));
      expect(build.stdout).toContain('ISMS_SIGN_PASSPHRASE');
      expect(build.stdout).toContain('SOURCE_DATE_EPOCH');
    });
  });
});
