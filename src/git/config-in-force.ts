import type { CommitGraph } from './commit-graph.js';
import type { Commit } from './log-parser.js';

/** A commit that changed the configuration or the allowed-signers file. */
export interface GovernedChange {
  commit: Commit;
  /** The governed files it changed. */
  paths: string[];
}

/** Why a change of a governed file did not take effect. */
export type VoidReason = 'not-allowed' | 'unreadable';

/** Which version of each governed file is in force before each commit, once the changes to them have been judged. */
export interface InForce {
  /**
   * The commit whose `file` is in force before `commit`: its parent, unless a change of that file that
   * did not take effect lies behind it (then what was in force before that change); undefined for a
   * root commit (nothing was in force).
   */
  revisionBefore(commit: Commit, file: string): string | undefined;
  /** The newest change of one of `files` behind `commit` that did not take effect and still stands, and why. */
  voidBefore(commit: Commit, files: readonly string[]): { commit: Commit; reason: VoidReason } | undefined;
  /** Whether a judged change took effect for `file` (undefined: not judged, or it did not change that file). */
  tookEffect(hash: string, file: string): boolean | undefined;
  /** Whether any judged change of `file` took effect. */
  anyTookEffect(file: string): boolean;
}

/**
 * The governed files in force (DESIGN section 4), file by file: a change of a governed file takes
 * effect only when it was validly signed off, judged by the files in force before it, and leaves the
 * file readable (a configuration that does not parse authorises nobody, so it does not replace the
 * one before it). A change that did not take effect leaves in force what was before it, for the files
 * it changed, until a later change of the same file that took effect is made over it. So a member
 * added by someone not allowed, a configuration approver promoted that way, or an allowed-signers
 * file that maps a member to someone else's key never judges a sign-off, while valid changes of the
 * other file still count. `changes` are those after the baseline; `judge` says whether one was validly
 * made, given where each file in force before it stands; `readable` whether it left a file readable.
 */
export async function configurationsInForce(
  graph: CommitGraph,
  changes: readonly GovernedChange[],
  judge: (change: GovernedChange, revisionOf: (file: string) => string | undefined, revisionBefore: (commit: Commit, file: string) => string | undefined) => Promise<boolean>,
  readable: (change: GovernedChange, file: string) => boolean,
): Promise<InForce> {
  const ordered = [...changes].sort((a, b) => graph.compareOldestFirst(a.commit.hash, b.commit.hash));
  const valid = new Map<string, boolean>();
  const judged: GovernedChange[] = [];
  const memo = new Map<string, { rev: string | undefined; standing: GovernedChange | undefined }>();

  /** Whether `ancestor` is `commit` or one of its ancestors. */
  const holds = (commit: string, ancestor: string) => graph.descendants(ancestor).has(commit);
  const took = (change: GovernedChange, file: string) => change.paths.includes(file) && valid.get(change.commit.hash) === true && readable(change, file);

  const inForce = (commit: Commit, file: string): { rev: string | undefined; standing: GovernedChange | undefined } => {
    const parent = commit.parents[0];
    if (parent === undefined) return { rev: undefined, standing: undefined };
    const key = `${parent}\0${file}`;
    const known = memo.get(key);
    if (known) return known;
    // Changes of this file behind the parent that did not take effect, and that no change of it that took effect was made over since.
    const standing = judged.filter(
      (change) =>
        change.paths.includes(file) &&
        !took(change, file) &&
        holds(parent, change.commit.hash) &&
        !judged.some((over) => over !== change && took(over, file) && holds(over.commit.hash, change.commit.hash) && holds(parent, over.commit.hash)),
    );
    let found: { rev: string | undefined; standing: GovernedChange | undefined } = { rev: parent, standing: undefined };
    if (standing.length > 0) {
      const newest = standing.reduce((a, b) => (graph.compareOldestFirst(a.commit.hash, b.commit.hash) >= 0 ? a : b));
      found = { rev: inForce(newest.commit, file).rev, standing: newest };
    }
    memo.set(key, found);
    return found;
  };

  for (const change of ordered) {
    valid.set(
      change.commit.hash,
      await judge(
        change,
        (file) => inForce(change.commit, file).rev,
        (commit, file) => inForce(commit, file).rev,
      ),
    );
    judged.push(change);
    // What is in force depends on the changes judged so far: later commits are asked after them.
    memo.clear();
  }
  return {
    revisionBefore: (commit, file) => inForce(commit, file).rev,
    voidBefore: (commit, files) => {
      const standing = files.map((file) => inForce(commit, file).standing).filter((change): change is GovernedChange => change !== undefined);
      if (standing.length === 0) return undefined;
      const newest = standing.reduce((a, b) => (graph.compareOldestFirst(a.commit.hash, b.commit.hash) >= 0 ? a : b));
      return { commit: newest.commit, reason: valid.get(newest.commit.hash) === true ? 'unreadable' : 'not-allowed' };
    },
    tookEffect: (hash, file) => {
      const change = judged.find((c) => c.commit.hash === hash);
      return change && change.paths.includes(file) ? took(change, file) : undefined;
    },
    anyTookEffect: (file) => judged.some((change) => took(change, file)),
  };
}
