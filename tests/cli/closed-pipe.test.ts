import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerYaml, risk } from '../helpers/domain.js';
import { BASE_CONFIG } from '../helpers/workspace.js';

/** Runs the built isms and closes its standard output after the first chunk, as `| head` does. */
function readFirstChunk(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string; read: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve('bin/isms.js'), ...args], { cwd, env: { ...process.env, ISMS_DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stderr = '';
    let read = 0;
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.length;
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, read }));
  });
}

describe('a reader that stops early', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('ends isms quietly, without a stack trace, when it closes the pipe (isms export ... | head)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-pipe-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'isms.config.yaml'), BASE_CONFIG);
    // Far more than a pipe's buffer holds (64 KiB), so isms is still writing when the reader leaves.
    const risks = Array.from({ length: 3000 }, (_, i) => risk({ id: `R-${i + 1}`, title: `Risk number ${i + 1} with a title long enough to fill the pipe quickly` }));
    writeFileSync(path.join(dir, 'register.yaml'), registerYaml(risks));
    const run = await readFirstChunk(['export', 'risks', '--format', 'json'], dir);
    expect(run.read).toBeGreaterThan(0);
    expect(run.stderr).not.toMatch(/EPIPE|^\s+at /m);
    expect(run.code).toBe(0);
  });
});
