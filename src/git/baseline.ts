import type { Baseline, ConfigState } from './evidence.js';
import { describeCommit, type Commit } from './log-parser.js';
import { commitOf } from './commit-of.js';
import { commitsHeld, holds } from './repository.js';

/**
 * The baseline: `git.baseline` (hash or tag) when configured, else the first commit of the documents'
 * history. Imported are the baseline and the commits it holds (its ancestors), never a date.
 */
export async function resolveBaseline(toplevel: string, folder: string, configured: string | undefined, commits: readonly Commit[]): Promise<{ baseline: Baseline; imported: Set<string> }> {
  if (configured === undefined) {
    const first = commits[0];
    return { baseline: { commit: first, configured }, imported: new Set(first ? [first.hash] : []) };
  }
  const hash = await commitOf(toplevel, configured);
  const byHash = new Map(commits.map((c) => [c.hash, c]));
  if (!hash)
    return {
      baseline: { commit: undefined, configured, problem: `git.baseline "${configured}" is not a commit of this repository, so nothing is imported and every sign-off must be proven` },
      imported: new Set(),
    };
  if (!(await holds(toplevel, 'HEAD', hash))) {
    return {
      baseline: {
        commit: undefined,
        configured,
        problem: `git.baseline "${configured}" (${hash.slice(0, 7)}) is not in the history of HEAD, so nothing is imported and every sign-off must be proven`,
      },
      imported: new Set(),
    };
  }
  const imported = await commitsHeld(toplevel, hash, folder);
  const commit = byHash.get(hash) ??
    [...commits].reverse().find((c) => imported.has(c.hash)) ?? { hash, parents: [], authorName: '', authorEmail: '', authorDate: '', committerName: '', committerEmail: '', committerDate: '' };
  return { baseline: { commit, configured }, imported };
}

/**
 * The newest commit that set git.baseline to what it says now must come after the baseline;
 * otherwise the setting could name its own commit (a moved tag) and import itself: then nothing is
 * imported. Records in `baseline` the commit that set it, or why it imports nothing (and empties
 * `imported`). `at` and `before` hold the configuration in and before each commit of `changes`.
 */
export async function checkBaselineSetting(
  toplevel: string,
  baseline: Baseline,
  imported: Set<string>,
  changes: ReadonlyArray<{ commit: Commit }>,
  configs: { at: ReadonlyMap<string, ConfigState>; before: ReadonlyMap<string, ConfigState> },
): Promise<void> {
  if (baseline.configured === undefined || !baseline.commit) return;
  for (const { commit } of [...changes].reverse()) {
    const after = configs.at.get(commit.hash);
    const prior = configs.before.get(commit.hash);
    if (after?.kind === 'ok' && after.config.git.baseline === baseline.configured && !(prior?.kind === 'ok' && prior.config.git.baseline === baseline.configured)) {
      baseline.setIn = commit;
      break;
    }
  }
  // The baseline must be history the commit that named it already had: an ancestor of its parent.
  const parent = baseline.setIn?.parents[0];
  const named = baseline.commit.hash;
  const namedBefore = parent ? await holds(toplevel, parent, named) : false;
  if (!baseline.setIn) {
    // Only a committed setting imports anything: an uncommitted one is nobody's act that git can judge.
    baseline.problem = `git.baseline "${baseline.configured}" is not committed: it imports history only once a commit sets it (and git-config-change judges who did). Until then nothing is imported and every sign-off must be proven`;
    baseline.commit = undefined;
    imported.clear();
  } else if (imported.has(baseline.setIn.hash) || !namedBefore) {
    baseline.problem = `git.baseline "${baseline.configured}" names a commit that is not before the change that set it (${describeCommit(baseline.setIn)}): name a commit before that change. Until then nothing is imported and every sign-off must be proven`;
    baseline.commit = undefined;
    imported.clear();
  }
}
