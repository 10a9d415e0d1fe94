import type { CommitGraph } from './commit-graph.js';
import type { Commit } from './log-parser.js';

/** A commit that changed the configuration or the allowed-signers file. */
export interface GovernedChange {
  commit: Commit;
  /** The governed files it changed. */
  paths: string[];
}

/** Which configuration is in force before each commit, once the changes to it have been judged. */
export interface InForce {
  /**
   * The commit whose configuration and allowed-signers file are in force before `commit`: its parent,
   * unless a change that did not take effect lies behind it (then what was in force before that
   * change); undefined for a root commit (nothing was in force).
   */
  revisionBefore(commit: Commit): string | undefined;
  /** The newest change behind `commit` that did not take effect and still stands overruled (undefined: none). */
  overruledBefore(commit: Commit): Commit | undefined;
  /** Whether a judged change took effect; undefined for a commit that was not judged. */
  tookEffect(hash: string): boolean | undefined;
}

/**
 * The configurations in force (DESIGN section 4): a change to the governed files takes effect only
 * when it was validly signed off, judged by the configuration in force before it. A change that did
 * not take effect leaves in force what was before it, until a later valid change of the same files
 * (made over it, by someone who was allowed) sets them anew. So a member added by someone not allowed,
 * a configuration approver promoted that way, or an allowed-signers file that maps a member to
 * someone else's key never judges a sign-off. `changes` are those after the baseline; `judge` says
 * whether one was validly made, given the commit whose configuration is in force before it.
 */
export async function configurationsInForce(graph: CommitGraph, changes: readonly GovernedChange[], judge: (change: GovernedChange, before: string | undefined) => Promise<boolean>): Promise<InForce> {
  const ordered = [...changes].sort((a, b) => graph.compareOldestFirst(a.commit.hash, b.commit.hash));
  const took = new Map<string, boolean>();
  const judged: GovernedChange[] = [];
  const memo = new Map<string, { rev: string | undefined; overruled: Commit | undefined }>();

  /** Whether `ancestor` is `commit` or one of its ancestors. */
  const holds = (commit: string, ancestor: string) => graph.descendants(ancestor).has(commit);

  const inForce = (commit: Commit): { rev: string | undefined; overruled: Commit | undefined } => {
    const parent = commit.parents[0];
    if (parent === undefined) return { rev: undefined, overruled: undefined };
    const known = memo.get(parent);
    if (known) return known;
    // Changes behind the parent that did not take effect and that no valid change of the same files made over since.
    const void_ = judged.filter((change) => took.get(change.commit.hash) === false && holds(parent, change.commit.hash));
    const standing = void_.filter(
      (change) => !judged.some((over) => over !== change && took.get(over.commit.hash) === true && change.paths.every((p) => over.paths.includes(p)) && holds(over.commit.hash, change.commit.hash) && holds(parent, over.commit.hash)),
    );
    let found: { rev: string | undefined; overruled: Commit | undefined } = { rev: parent, overruled: undefined };
    if (standing.length > 0) {
      const newest = standing.reduce((a, b) => (graph.compareOldestFirst(a.commit.hash, b.commit.hash) >= 0 ? a : b));
      found = { rev: inForce(newest.commit).rev, overruled: newest.commit };
    }
    memo.set(parent, found);
    return found;
  };

  for (const change of ordered) {
    took.set(change.commit.hash, await judge(change, inForce(change.commit).rev));
    judged.push(change);
    // What is in force depends on the changes judged so far: later commits are asked after them.
    memo.clear();
  }
  return { revisionBefore: (commit) => inForce(commit).rev, overruledBefore: (commit) => inForce(commit).overruled, tookEffect: (hash) => took.get(hash) };
}
