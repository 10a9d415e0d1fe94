import { realpathSync } from 'node:fs';
import path from 'node:path';
import { runGit } from './run-git.js';
import { toPosix } from '../text/paths.js';

export type CommitResult = { ok: true; hash: string } | { ok: false; reason: string };

/**
 * Commits exactly these files (`git commit --only`), as the git user, signed with `sign`; whatever
 * else is staged stays staged. The sign-off commands' one way of writing history.
 */
export async function commitFiles(cwd: string, files: readonly string[], message: string, sign: boolean): Promise<CommitResult> {
  const toplevelResult = await runGit(cwd, ['rev-parse', '--show-toplevel']);
  if (toplevelResult.code !== 0) return { ok: false, reason: toplevelResult.stderr.trim().split('\n')[0] ?? 'not a git repository' };
  const toplevel = realpathSync(toplevelResult.stdout.toString('utf8').trim());
  const paths = files.map((file) => toPosix(path.relative(toplevel, realpathSync(file))));
  const commit = await runGit(toplevel, ['commit', '--only', '-q', ...(sign ? ['-S'] : []), '-m', message, '--', ...paths]);
  if (commit.code !== 0) return { ok: false, reason: (commit.stderr.trim() || commit.stdout.toString('utf8').trim()).split('\n')[0] || 'git commit failed' };
  const hash = (await runGit(toplevel, ['rev-parse', 'HEAD'])).stdout.toString('utf8').trim();
  return { ok: true, hash };
}
