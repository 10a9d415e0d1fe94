import { runGit } from './run-git.js';

/** A user-given ref's commit, or undefined when it names none here (`rev-parse --verify --end-of-options`, SAFETY.md item 2). */
export async function commitOf(cwd: string, ref: string): Promise<string | undefined> {
  const result = await runGit(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

/** The top folder of the repository that holds `cwd`, and its HEAD commit; undefined outside a repository or before the first commit. */
export async function headOf(cwd: string): Promise<{ top: string; commit: string } | undefined> {
  const result = await runGit(cwd, ['rev-parse', '--show-toplevel', '--verify', '--quiet', 'HEAD^{commit}']);
  if (result.code !== 0) return undefined;
  const [top, commit] = result.stdout.toString('utf8').trim().split('\n');
  return top && commit ? { top, commit } : undefined;
}
