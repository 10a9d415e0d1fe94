import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixture } from '../helpers/cli.js';

const BIN = path.resolve('bin/isms.js');
const isms = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ISMS_DEBUG: '' } });

describe('the isms executable', () => {
  it('exits 1 on findings and 0 on a clean repository', () => {
    expect(isms(['validate'], fixture('broken')).status).toBe(1);
    expect(isms(['validate', '--as-of', '2026-06-01'], fixture('clean')).status).toBe(0);
  });

  it('exits 2 with one line and no stack trace when there is no configuration', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-bin-'));
    try {
      const run = isms(['validate'], dir);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints its version', () => {
    expect(isms(['--version'], '.').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('internal failures', () => {
  const failingIo = (env: Record<string, string>) => {
    let stderr = '';
    return {
      io: {
        stdout: {
          write: () => {
            throw new Error('stdout closed');
          },
        },
        stderr: { write: (text: string) => (stderr += text) },
        cwd: fixture('clean'),
        env,
      },
      stderr: () => stderr,
    };
  };

  it('become exit code 2 and a message without a stack trace', async () => {
    const { io, stderr } = failingIo({});
    expect(await main(['validate'], io)).toBe(2);
    expect(stderr()).toBe('isms: internal error: stdout closed (run with ISMS_DEBUG=1 for the stack trace)\n');
  });

  it('show the stack trace with ISMS_DEBUG=1', async () => {
    const { io, stderr } = failingIo({ ISMS_DEBUG: '1' });
    expect(await main(['validate'], io)).toBe(2);
    expect(stderr()).toMatch(/\n\s+at /);
  });
});
