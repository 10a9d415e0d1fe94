import { runGit } from './run-git.js';

/** A file of a commit's tree: its mode (`100644`, `100755`, `120000` for a symlink) and blob id. */
export interface TreeFile {
  mode: string;
  blob: string;
}

/**
 * The files (blobs) of `commit` under `folder`, by repository-relative path, in one `git ls-tree`;
 * undefined when git refuses. Submodules (gitlinks) are left out: they hold no blob.
 */
export async function listTree(toplevel: string, commit: string, folder: string): Promise<Map<string, TreeFile> | undefined> {
  const result = await runGit(toplevel, ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit, '--', folder]);
  if (result.code !== 0) return undefined;
  const entries = new Map<string, TreeFile>();
  for (const record of result.stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, blob] = record.slice(0, tab).split(' ');
    if (type === 'blob' && mode && blob) entries.set(record.slice(tab + 1), { mode, blob });
  }
  return entries;
}
