import { noEvidence, type DocumentEvidence, type GitEvidence, type RepositoryStatus, type Revision } from '../../src/git/evidence.js';
import type { Commit } from '../../src/git/log-parser.js';
import { revisionFacts } from '../../src/git/revision-facts.js';
import type { Workspace } from '../../src/documents/workspace.js';
import { normaliseText } from '../../src/text/decode.js';
import type { Person } from './git-repo.js';

/** One commit of a document's history: who made it, when, and the document's text in it. */
export interface FakeCommit {
  by: Person;
  /** YYYY-MM-DD (10:00 UTC), the author and committer date. */
  date: string;
  text: string;
  /** Who committed it, when not the author. */
  committer?: Person;
  /** Imported with the baseline. */
  imported?: boolean;
}

/**
 * Git evidence without git, for rule tests: each document's history as the texts its commits held,
 * read by the same function the history index uses (revisionFacts). Commits are numbered in the
 * order given across all documents, and named by that number: commit 2 is `0000002`.
 */
export interface FakeGit extends Partial<Omit<GitEvidence, 'document'>> {
  status?: RepositoryStatus;
  /** Histories by document path under the documents root, oldest commit first. */
  history?: Record<string, FakeCommit[]>;
}

/** A commit of the fake history: hash `000000n` followed by `f`s, both dates at 10:00 UTC. */
export function fakeCommit(n: number, by: Person, date: string, committer: Person = by): Commit {
  return {
    hash: String(n).padStart(7, '0') + 'f'.repeat(33),
    parents: n > 1 ? [String(n - 1).padStart(7, '0') + 'f'.repeat(33)] : [],
    authorName: by.name,
    authorEmail: by.email,
    authorDate: `${date}T10:00:00Z`,
    committerName: committer.name,
    committerEmail: committer.email,
    committerDate: `${date}T10:00:00Z`,
  };
}

/**
 * The evidence of a workspace's documents from fake histories: a document without one was never
 * committed (untracked), and the configuration of the workspace judges every commit.
 */
export function fakeGit(fake: FakeGit, workspace: Workspace): GitEvidence {
  const { history = {}, ...rest } = fake;
  let n = 0;
  const evidence = new Map<string, DocumentEvidence>();
  for (const doc of workspace.documents) {
    const steps = history[doc.path] ?? [];
    const revisions: Revision[] = steps.map((step, i) => {
      const facts = revisionFacts(step.text, doc.format);
      const before = i === 0 ? undefined : revisionFacts(steps[i - 1]!.text, doc.format);
      return { commit: fakeCommit(++n, step.by, step.date, step.committer), path: doc.path, blob: `blob-${n}`, facts, before, imported: step.imported === true, carried: false };
    });
    const last = steps.at(-1);
    const head = revisions.at(-1)?.facts;
    const uncommitted = !last ? 'untracked' : normaliseText(last.text) === doc.text ? 'clean' : 'modified';
    evidence.set(doc.path, { revisions, head, working: revisionFacts(doc.text ?? '', doc.format), uncommitted });
  }
  const judging = { kind: 'ok' as const, config: workspace.config };
  return {
    ...noEvidence(fake.status ?? { kind: 'ok' }),
    configBefore: () => judging,
    configAt: () => judging,
    ...rest,
    document: (doc) => evidence.get(doc.path),
  };
}
