import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';

function gitConfig(key: string, cwd: string): string | undefined {
  try {
    const value = execFileSync('git', ['config', '--get', key], {
      cwd,
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    }).trim();
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** The person running the command, as git knows them (user.name, user.email). */
export function gitIdentity(cwd: string): { name: string; email: string } | undefined {
  const name = gitConfig('user.name', cwd);
  const email = gitConfig('user.email', cwd);
  return name && email ? { name, email } : undefined;
}

/** A name for version-history rows: git's user.name, else the login name. */
export function authorName(cwd: string): string {
  return gitConfig('user.name', cwd) ?? userInfo().username;
}
