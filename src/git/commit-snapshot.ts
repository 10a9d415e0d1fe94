import { realpathSync } from 'node:fs';
import path from 'node:path';
import { toPosix } from '../text/paths.js';
import { BlobReader, type ObjectRead } from './cat-file.js';
import { listTree, type TreeFile } from './list-tree.js';
import { runGit } from './run-git.js';

/** The files of the documents folder as one commit holds them, read from git objects, never from the working tree. */
export interface CommitSnapshot {
  /** The commit (full hash). */
  commit: string;
  /** Every file under the documents folder, by path relative to it (POSIX): its mode and blob. */
  files: ReadonlyMap<string, TreeFile>;
  /** A file's bytes, by path relative to the documents folder (one `cat-file --batch` process for all). */
  read(relative: string): Promise<ObjectRead>;
  /** Ends the reader; call it once the files needed are read. */
  close(): void;
}

/**
 * The documents folder `root` (absolute, a folder of the working tree) at `commit`: one `git ls-tree`
 * and one `git cat-file --batch` process. Undefined when git cannot list the commit's tree.
 */
export async function openCommitSnapshot(root: string, commit: string): Promise<CommitSnapshot | undefined> {
  const where = await runGit(root, ['rev-parse', '--show-toplevel']);
  if (where.code !== 0) return undefined;
  const top = realpathSync(where.stdout.toString('utf8').trim());
  const folder = toPosix(path.relative(top, realpathSync(root))) || '.';
  const tree = await listTree(top, commit, folder);
  if (!tree) return undefined;
  const prefix = folder === '.' ? '' : `${folder}/`;
  const files = new Map<string, TreeFile>();
  for (const [repoPath, entry] of tree) if (repoPath.startsWith(prefix)) files.set(repoPath.slice(prefix.length), entry);
  const reader = new BlobReader(top);
  return {
    commit,
    files,
    read: (relative) => {
      const entry = files.get(relative);
      return entry ? reader.readObject(entry.blob) : Promise.resolve({ kind: 'missing' });
    },
    close: () => reader.close(),
  };
}
