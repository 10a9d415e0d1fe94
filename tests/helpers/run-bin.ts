import { spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve('bin/isms.js');

export interface BinRun {
  /** null when the hang guard killed it. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built executable as a child process, for cases that could hang or exhaust memory if the
 * code were wrong. `timeoutMs` is a hang guard, far above the expected time, not a performance figure.
 */
export function runBin(args: readonly string[], cwd: string, options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=512', BIN, ...args], {
      cwd,
      env: { ...process.env, ISMS_DEBUG: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 30_000,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
