import { spawn } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Settings on every call: no pager, no prompts, no fsmonitor hook, paths as bytes, pathspecs literal. */
const SAFE_CONFIG = ['-c', 'core.quotePath=false', '-c', 'core.fsmonitor=false', '-c', 'core.pager=cat', '-c', 'log.showSignature=false', '--literal-pathspecs'];

/** The environment git runs in: the user's, less anything secret or steering (SAFETY.md items 2, 8, 9). */
export function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'ISMS_SIGN_PASSPHRASE' || key.startsWith('GIT_TRACE') || key === 'GIT_EXTERNAL_DIFF' || key === 'GIT_PAGER') continue;
    env[key] = value;
  }
  env['GIT_TERMINAL_PROMPT'] = '0';
  env['GIT_OPTIONAL_LOCKS'] = '0';
  env['LC_ALL'] = 'C';
  return env;
}

export const GIT_TIMEOUT_MS = 60_000;

/** Runs one git command to completion. Callers put user paths after `--` and refs after `--end-of-options`. */
export function runGit(cwd: string, args: readonly string[], options: { input?: string; extraConfig?: string[] } = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...SAFE_CONFIG, ...(options.extraConfig ?? []), ...args], {
      cwd,
      env: gitEnvironment(),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), GIT_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out), stderr: err });
    });
    if (child.stdin) {
      // git may exit before reading its input; that shows in its exit code, not as a crash here.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}
