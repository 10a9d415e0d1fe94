import type { Config } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import type { CommitGraph } from './commit-graph.js';
import type { Commit } from './log-parser.js';
import type { RevisionFacts } from './revision-facts.js';

/** What git could tell about the repository as a whole. */
export type RepositoryStatus =
  { kind: 'ok' } | { kind: 'not-repository' } | { kind: 'no-commits' } | { kind: 'shallow' } | { kind: 'dubious-ownership'; path: string } | { kind: 'error'; message: string };

/** Why git history could not be read, in words that follow "because" or stand in parentheses. */
export function repositoryStatusWords(status: RepositoryStatus): string {
  switch (status.kind) {
    case 'not-repository':
      return 'the documents folder is not in a git repository';
    case 'no-commits':
      return 'the repository has no commits';
    case 'shallow':
      return 'a shallow clone cuts the history off (fetch it all: fetch-depth: 0)';
    case 'dubious-ownership':
      return `git refuses to read ${status.path}, which belongs to another user`;
    case 'error':
      return `git history could not be read: ${status.message}`;
    default:
      return 'no history';
  }
}

/** One committed state of a document: the commit, the path it had, and what it said. */
export interface Revision {
  commit: Commit;
  path: string;
  /** The git blob id of the file in that commit. */
  blob: string;
  facts: RevisionFacts;
  /** The document in the commit's first parent; undefined when it was not there (a new document). */
  before: RevisionFacts | undefined;
  /** Part of the imported history (the baseline and what it holds): trusted, not proven. */
  imported: boolean;
  /** A merge that took this state whole from another parent: the branch commit made the change, not the merge. */
  carried: boolean;
}

/** A verified signature of a sign-off commit (`git log --format=%G?%GS`). */
export interface SignatureCheck {
  /** git's %G? letter: G good, B bad, U good with unknown validity, X/Y expired, R revoked, E cannot check, N none. */
  status: string;
  /** %GS: the signer (the allowed_signers principal of an SSH key, the user id of a GPG key). */
  signer: string;
}

/** The configuration as it stood at some commit, read from git objects. */
export type ConfigState =
  | { kind: 'ok'; config: Config }
  /** No configuration file at that commit. */
  | { kind: 'missing' }
  /** A configuration that did not validate then: it proves nobody's authority. */
  | { kind: 'broken'; message: string }
  /** Over the size cap: not read. */
  | { kind: 'too-large'; size: number };

/** A commit after the baseline that changed the configuration or the allowed-signers file. */
export interface ConfigChange {
  commit: Commit;
  /** The governed files it changed, relative to the documents root. */
  paths: string[];
}

/** Where proof starts: the adoption commit and how it was chosen. */
export interface Baseline {
  /** The baseline commit; undefined when `git.baseline` names nothing usable (then nothing is imported). */
  commit: Commit | undefined;
  /** `git.baseline` as written; undefined: the first commit of the documents' history. */
  configured: string | undefined;
  /** Why the configured baseline cannot be used, when it cannot. */
  problem?: string;
  /** The commit that set the current `git.baseline`, when it is committed. */
  setIn?: Commit;
}

/** A revision of a file that is larger than a document may be: it was not read. */
export interface OversizedRevision {
  commit: Commit;
  path: string;
  size: number;
}

/** A controlled document deleted by a commit, under a path that no document of the tip has (had) as its name. */
export interface RemovedDocument {
  commit: Commit;
  /** Its path when it was deleted, relative to the documents root. */
  path: string;
  /** What it said just before; undefined when it could not be read. */
  facts: RevisionFacts | undefined;
  /** Its revisions up to the deletion (what it said just before stands in for its working text). */
  evidence?: DocumentEvidence;
}

/** Everything git says of one document. */
export interface DocumentEvidence {
  /** Committed states reachable from HEAD, oldest first (topological order); empty when never committed. */
  revisions: Revision[];
  /** The document as HEAD has it; undefined when HEAD does not have it. */
  head: RevisionFacts | undefined;
  /** The git blob id of the document's file in HEAD; undefined when HEAD does not have it. */
  headBlob?: string;
  /** The working tree's text, read the same way as the revisions. */
  working: RevisionFacts;
  /** How the working tree differs from HEAD. */
  uncommitted: 'clean' | 'modified' | 'untracked';
  /** At `--base`: the document's state there, or null when it did not exist there. */
  base?: RevisionFacts | null;
  /** At `--base`: the git blob id of the document's file there, when it existed there. */
  baseBlob?: string;
}

/** The history index as rules see it (an in-memory fake in unit tests). */
export interface GitEvidence {
  status: RepositoryStatus;
  /** With --at: the commit the ISMS was read at (full hash), which stands in for HEAD. */
  at?: string;
  /** `--base` as given, when given. */
  baseRef?: string;
  baseline?: Baseline;
  document(doc: SourceDocument): DocumentEvidence | undefined;
  /** The configuration in the first parent of a sign-off commit: what judges it (DESIGN section 4). */
  configBefore(hash: string): ConfigState;
  /**
   * The newest change of the rules behind a judged commit that did not take effect (made by someone
   * not allowed), when `configBefore` is therefore older than the commit's parent.
   */
  overruledBefore(hash: string): { commit: Commit; reason: 'not-allowed' | 'unreadable' } | undefined;
  /**
   * For a sign-off made on a branch: the merge that brought it into HEAD's first-parent line, and the
   * configuration in force once that merge was made (a sign-off takes effect when it is merged).
   */
  configAtMerge?(hash: string): { merge: string; state: ConfigState } | undefined;
  /** The configuration in a commit itself (for approvals imported with the baseline). */
  configAt(hash: string): ConfigState;
  /** Changes to the configuration and the allowed-signers file after the baseline, oldest first. */
  configChanges: ConfigChange[];
  /** The governed files (configuration, allowed signers) that differ from HEAD in the working tree, relative to the documents root. */
  uncommittedConfig: string[];
  /** With `--base`, why the configuration could not be read from the base (then the working one judged). */
  baseConfigProblem?: string;
  /** With `--base`, controlled documents of the base (relative to the documents root) that this run no longer checks. */
  uncheckedAtBase: string[];
  /** Revisions too large to read. */
  oversized: OversizedRevision[];
  /** Controlled documents deleted in the history read, oldest first. */
  removed: RemovedDocument[];
  /** Which commit is an ancestor of which (undefined in unit tests: the order of revisions stands in). */
  graph?: CommitGraph;
  /** Signature checks of sign-off commits whose configuration required signatures. */
  signature(hash: string): SignatureCheck | undefined;
  /** Whether a signed sign-off is dated before one of its parents (its signature was checked at a date of its own choosing). */
  datedBeforeParent(hash: string): boolean;
}

/** Evidence of nothing (no repository, no history): every question answered with "none". */
export function noEvidence(status: RepositoryStatus): GitEvidence {
  return {
    status,
    document: () => undefined,
    configBefore: () => ({ kind: 'missing' }),
    overruledBefore: () => undefined,
    configAt: () => ({ kind: 'missing' }),
    configChanges: [],
    uncommittedConfig: [],
    uncheckedAtBase: [],
    oversized: [],
    removed: [],
    signature: () => undefined,
    datedBeforeParent: () => false,
  };
}
