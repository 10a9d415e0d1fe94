import { userInfo } from 'node:os';
import { runGit } from './run-git.js';

export interface GitIdentity {
  name: string;
  email: string;
}

/**
 * The person a commit made here would name as its author: `git var GIT_AUTHOR_IDENT`, so that
 * `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL` (as in CI) and `user.name`/`user.email` both count, exactly
 * as `git commit` counts them. Undefined when git has no identity (it refuses to guess one).
 */
export async function gitIdentity(cwd: string): Promise<GitIdentity | undefined> {
  const result = await runGit(cwd, ['var', 'GIT_AUTHOR_IDENT']);
  if (result.code !== 0) return undefined;
  const match = /^(.*?) <([^<>]*)> \d+ [+-]\d{4}$/.exec(result.stdout.toString('utf8').trim());
  if (!match || match[1]!.trim() === '' || match[2]!.trim() === '') return undefined;
  return { name: match[1]!.trim(), email: match[2]!.trim() };
}

/** A name for version-history rows: git's author name, else the login name (a row only; nothing is committed). */
export async function authorName(cwd: string): Promise<string> {
  return (await gitIdentity(cwd))?.name ?? userInfo().username;
}
