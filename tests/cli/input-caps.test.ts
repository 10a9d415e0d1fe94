import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';
import { runBin } from '../helpers/run-bin.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function documents(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'isms-caps-'));
  roots.push(root);
  cpSync(fixture('clean'), root, { recursive: true });
  return root;
}

const endless = process.platform === 'win32' ? undefined : '/dev/zero';

describe('files the CLI reads are capped at 1 MiB, like documents', () => {
  it.skipIf(!endless)(
    'refuses soa migrate of an endless file instead of reading it forever',
    async () => {
      const run = await runBin(['soa', 'migrate', endless!], documents());
      expect(run).toMatchObject({
        code: 2,
        stdout: '',
        stderr: expect.stringMatching(/^isms: cannot read (\.\.\/)*dev\/zero: file is more than 1048576 bytes; the limit is 1048576 bytes \(1 MiB\)\n$/),
      });
    },
    120_000,
  );

  it('refuses soa migrate of a file over 1 MiB, naming its size', async () => {
    const dir = documents();
    const soa = readFileSync(path.join(fixture('soa-2013'), 'statement-of-applicability.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'big.yaml'), `${soa}\n# ${'x'.repeat(1024 * 1024)}\n`);
    const run = await runCli(['soa', 'migrate', 'big.yaml'], dir);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^isms: cannot read big\.yaml: file is 10\d{5} bytes; the limit is 1048576 bytes \(1 MiB\)\n$/) });
  });

  it.skipIf(!endless)(
    'refuses an endless --config instead of reading it forever',
    async () => {
      const run = await runBin(['validate', '--config', endless!], documents());
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('cannot read the configuration: file is more than 1048576 bytes; the limit is 1048576 bytes (1 MiB)');
    },
    120_000,
  );

  it('refuses a configured template over 1 MiB, and one that leads out of the templates folder', async () => {
    const dir = documents();
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-caps-out-')), 'site');
    roots.push(path.dirname(out));
    mkdirSync(path.join(dir, 'theme'));
    writeFileSync(path.join(dir, 'isms.config.yaml'), `${readFileSync(path.join(dir, 'isms.config.yaml'), 'utf8')}publish:\n  templates: theme\n`);
    writeFileSync(path.join(dir, 'theme', 'site.css'), `body { color: black; }\n/* ${'x'.repeat(1024 * 1024)} */\n`);
    const big = await runCli(['build', '--html', '--out', out], dir);
    expect(big).toMatchObject({ code: 2, stderr: expect.stringMatching(/^isms: template theme\/site\.css: file is 10\d{5} bytes; the limit is 1048576 bytes \(1 MiB\)\n$/) });

    rmSync(path.join(dir, 'theme', 'site.css'));
    writeFileSync(path.join(path.dirname(out), 'secret.txt'), 'not for the site');
    symlinkSync(path.join(path.dirname(out), 'secret.txt'), path.join(dir, 'theme', 'site.css'));
    const outside = await runCli(['build', '--html', '--out', out], dir);
    expect(outside).toMatchObject({ code: 2, stderr: 'isms: template theme/site.css is not a file inside the templates folder\n' });
  });
});
