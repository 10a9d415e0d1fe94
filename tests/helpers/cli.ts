import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export const FIXTURES = path.resolve('tests/fixtures');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, in `cwd`, with captured output (not a terminal, so no colour). */
export async function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd,
    env,
  });
  return { code, stdout, stderr };
}

export const fixture = (name: string) => path.join(FIXTURES, name);

/** The built executable (npm test builds it first). */
export const BIN = path.resolve('bin/isms.js');

/**
 * Runs the built CLI as a child process. `timeout` is a hang guard, not a performance figure: a run
 * that exceeds it is killed and reported as `timedOut`, so a hang fails its test instead of the suite.
 */
export function runBin(args: string[], cwd: string, options: { timeout?: number; env?: Record<string, string> } = {}): CliRun & { timedOut: boolean } {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ISMS_DEBUG: '', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...options.env },
  });
  return { code: run.status ?? -1, stdout: run.stdout ?? '', stderr: run.stderr ?? '', timedOut: run.error !== undefined || run.signal !== null };
}
