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
