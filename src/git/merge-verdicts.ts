import type { BlobReader } from './cat-file.js';
import type { CommitGraph } from './commit-graph.js';
import { LOG_FORMAT, parseLog, type Commit } from './log-parser.js';
import { runGit } from './run-git.js';

/** What one merge did to one file: carried a side's change, or made a change of its own. */
export interface MergeVerdict {
  commit: Commit;
  path: string;
  /** The merge wrote something no parent had, or kept one side's file and dropped another side's change. */
  made: boolean;
  /** The file's blob in the merge. */
  result: string;
  /** The blob of the side whose state the merge replaced ('' when that side had no such file). */
  replaced: string;
}

/**
 * What each merge reachable from the graph's head (HEAD, or the commit read with --at) did to each file of the folder, judged against every parent and
 * their merge base: it carried a side's change (it took the file whole from the one side that changed
 * it), or it made a change of its own: wrote something no parent had (a conflict resolution), or kept
 * one side's file and dropped the other side's change (`git merge -s ours` over a retirement or a
 * removed member). The default log hides such merges and the side they dropped; --full-history shows
 * them, in one process. Keyed by `<merge hash>\0<path>`.
 */
export async function mergeVerdicts(toplevel: string, folder: string, graph: CommitGraph, reader: BlobReader): Promise<Map<string, MergeVerdict>> {
  const verdicts = new Map<string, MergeVerdict>();
  // A history without a merge has no verdict to give: no process for it.
  if (graph.linear) return verdicts;
  const log = await runGit(toplevel, [
    'log',
    '-z',
    '--raw',
    '--no-abbrev',
    '--full-history',
    '--merges',
    '--diff-merges=separate',
    `--format=${LOG_FORMAT}`,
    '--end-of-options',
    graph.head,
    '--',
    folder,
  ]);
  const bases = new Map<string, string | undefined>();
  const idAt = async (rev: string, file: string) => {
    const read = await reader.readAt(rev, file);
    return read.kind === 'missing' ? '' : read.id;
  };
  for (const { commit, changes } of parseLog(log.stdout)) {
    for (const change of changes) {
      const key = `${commit.hash}\0${change.path}`;
      if (verdicts.has(key)) continue;
      const [result = '', ...sides] = await Promise.all([commit.hash, ...commit.parents].map((rev) => idAt(rev, change.path)));
      if (!bases.has(commit.hash)) bases.set(commit.hash, graph.mergeBase(commit.parents));
      const base = bases.get(commit.hash);
      const atBase = base ? await idAt(base, change.path) : undefined;
      const taken = sides.indexOf(result);
      // Carried: the result is one side's, and every other side kept the base's (or the same) file.
      const carried = taken !== -1 && atBase !== undefined && sides.every((side, i) => i === taken || side === atBase || side === result);
      const replacedIndex =
        taken === 0
          ? Math.max(
              0,
              sides.findIndex((side) => side !== result),
            )
          : 0;
      verdicts.set(key, { commit, path: change.path, made: !carried, result, replaced: sides[replacedIndex] ?? '' });
    }
  }
  return verdicts;
}
