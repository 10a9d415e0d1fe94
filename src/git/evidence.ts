import type { SourceDocument } from '../documents/document.js';
import type { Commit } from './log-parser.js';
import type { RevisionFacts } from './revision-facts.js';

/** What git could tell about the repository as a whole. */
export type RepositoryStatus =
  | { kind: 'ok' }
  | { kind: 'not-repository' }
  | { kind: 'no-commits' }
  | { kind: 'shallow' }
  | { kind: 'dubious-ownership'; path: string }
  | { kind: 'error'; message: string };

/** One committed state of a document: the commit, the path it had, and what it said. */
export interface Revision {
  commit: Commit;
  path: string;
  facts: RevisionFacts;
}

/** A verified signature of an approval commit (`git log --format=%G?`). */
export interface SignatureCheck {
  /** git's %G? letter: G good, B bad, U good with unknown validity, X/Y expired, R revoked, E cannot check, N none. */
  status: string;
  signer: string;
}

/** Everything git says of one document. */
export interface DocumentEvidence {
  /** Committed states reachable from HEAD, oldest first (topological order); empty when never committed. */
  revisions: Revision[];
  /** The working tree's text, read the same way as the revisions. */
  working: RevisionFacts;
  /** How the working tree differs from HEAD. */
  uncommitted: 'clean' | 'modified' | 'untracked';
  /** At `--base`: the document's state there, or null when it did not exist there. */
  base?: RevisionFacts | null;
}

/** The history index as rules see it (an in-memory fake in unit tests). */
export interface GitEvidence {
  status: RepositoryStatus;
  /** `--base` as given, when given. */
  baseRef?: string;
  document(doc: SourceDocument): DocumentEvidence | undefined;
  /** Signature checks of commits, when `signed_approvals` asked for them. */
  signature(hash: string): SignatureCheck | undefined;
}
