import { realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside, toPosix } from '../text/paths.js';
import { commitOf } from './commit-of.js';
import { CACHE_PATH_ARGS, type CachePaths } from './evidence-cache.js';
import type { RepositoryStatus } from './evidence.js';
import { listTree, type TreeFile } from './list-tree.js';
import { runGit } from './run-git.js';

export class GitRefError extends Error {}

/** The one way to say that `--base` names no commit here. */
export function baseRefError(ref: string): GitRefError {
  return new GitRefError(`--base ${ref} is not a commit of this repository (fetch it first, e.g. git fetch origin main)`);
}

/** What `git rev-parse` says of the folder: a repository (and where, and where its cache lives), or why not. */
export async function inspectRepository(cwd: string): Promise<{ status: RepositoryStatus; toplevel?: string; cache?: CachePaths }> {
  let result;
  try {
    result = await runGit(cwd, ['rev-parse', '--show-toplevel', '--is-shallow-repository', ...CACHE_PATH_ARGS]);
  } catch (error) {
    return { status: { kind: 'error', message: `git could not be run: ${(error as Error).message}` } };
  }
  if (result.code !== 0) {
    const dubious = /detected dubious ownership in repository at '([^']+)'/.exec(result.stderr);
    if (dubious) return { status: { kind: 'dubious-ownership', path: dubious[1]! } };
    if (/not a git repository/i.test(result.stderr)) return { status: { kind: 'not-repository' } };
    return { status: { kind: 'error', message: result.stderr.trim().split('\n')[0] ?? 'git rev-parse failed' } };
  }
  const [toplevel = '', shallow = '', folder = '', key = ''] = result.stdout.toString('utf8').trim().split('\n');
  if (shallow.trim() === 'true') return { status: { kind: 'shallow' }, toplevel };
  const head = await runGit(toplevel, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (head.code !== 0) return { status: { kind: 'no-commits' }, toplevel };
  return { status: { kind: 'ok' }, toplevel, ...(folder && key ? { cache: { folder, key } } : {}) };
}

/** The blob of each file under `folder` in a commit. */
export async function treeOf(toplevel: string, folder: string, commit: string): Promise<Map<string, string>> {
  return new Map([...((await listTree(toplevel, commit, folder)) ?? new Map<string, TreeFile>())].map(([file, entry]) => [file, entry.blob]));
}

/** The commit a user-given ref (`--base`) names, or the error that says it names none. */
export async function resolveRef(toplevel: string, ref: string): Promise<string> {
  const commit = await commitOf(toplevel, ref);
  if (!commit) throw baseRefError(ref);
  return commit;
}

/** A file's path in the repository (symlinks resolved); undefined when it is not in it or does not exist. */
export function repoPathOf(top: string, file: string): string | undefined {
  try {
    const real = realpathSync(file);
    return isInside(top, real) ? toPosix(path.relative(top, real)) : undefined;
  } catch {
    return undefined;
  }
}

/** A path under the repository as a lexical path (the file may not exist in the working tree). */
export function lexicalRepoPath(top: string, root: string, relative: string): string | undefined {
  const absolute = path.resolve(root, relative);
  return isInside(top, absolute) ? toPosix(path.relative(top, absolute)) : undefined;
}

/** The commit HEAD names, undefined when there is none. */
export async function headCommit(cwd: string): Promise<string | undefined> {
  return (await runGit(cwd, ['rev-parse', 'HEAD'])).stdout.toString('utf8').trim() || undefined;
}

/** The committer time of HEAD (a release's build time). */
export async function headCommitTime(cwd: string): Promise<Date> {
  const result = await runGit(cwd, ['log', '-1', '--format=%ct', 'HEAD']);
  return new Date(Number(result.stdout.toString('utf8').trim()) * 1000);
}

/** `git init` in the folder unless it is inside a work tree already; true when a repository was made. */
export async function ensureRepository(root: string): Promise<boolean> {
  try {
    if ((await runGit(root, ['rev-parse', '--is-inside-work-tree'])).code === 0) return false;
    return (await runGit(root, ['init', '-q'])).code === 0;
  } catch {
    return false; // no git here: validate will say so (git-history) and suggest --no-git
  }
}
