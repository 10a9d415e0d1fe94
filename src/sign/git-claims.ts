import type { SourceDocument } from '../documents/document.js';
import type { Workspace } from '../documents/workspace.js';
import { commitOf } from '../git/commit-of.js';
import type { DocumentEvidence, GitEvidence, Revision } from '../git/evidence.js';
import { isApproval, judgeApproval, judgeApprovalRevision } from '../git/model.js';
import { FINGERPRINT_VERSION } from '../git/revision-facts.js';

/** What a PDF says it is: a document at a version, approved in a commit (or not), with a content fingerprint. */
export interface DocumentClaim {
  id: string;
  version: string;
  approvalCommit: string | null;
  fingerprint: string;
}

/** What git says of a claim. */
export interface ClaimCheck {
  /** Git agrees (the fingerprint may be of an older version: then `notes` says it could not be compared). */
  ok: boolean;
  /** How git proves it, as words that follow the id and version: "as approved in 3f2c1a9". */
  proof?: string;
  /** Why git does not agree. */
  problem?: string;
  /** What is worth knowing and does not make it wrong: an older fingerprint, a newer approval. */
  notes: string[];
}

/** Judges claims against the documents repository. */
export interface ClaimJudge {
  check(claim: DocumentClaim): Promise<ClaimCheck>;
}

const short = (hash: string) => hash.slice(0, 7);
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** The state of a document at a commit: the newest of its revisions that the commit holds. */
function revisionAt(evidence: DocumentEvidence, hash: string, git: GitEvidence): Revision | undefined {
  const exact = evidence.revisions.filter((r) => r.commit.hash === hash).at(-1);
  if (exact || !git.graph) return exact;
  const held = git.graph.ancestors([hash]);
  return evidence.revisions.filter((r) => held.has(r.commit.hash)).at(-1);
}

/**
 * Checks a PDF's claims against the repository's history (DESIGN section 5): the approval commit
 * exists, is HEAD or an ancestor of it, approved this document at this version, and the document's
 * content then had this fingerprint. A claim without an approval commit (a draft) must name content
 * some commit holds. Fingerprints of another version than today's cannot be compared: that is said,
 * and is not a finding.
 */
export function gitClaims(workspace: Workspace, git: GitEvidence): ClaimJudge {
  const byId = new Map<string, SourceDocument>();
  for (const doc of workspace.documents) if (doc.meta.id && !byId.has(doc.meta.id)) byId.set(doc.meta.id, doc);
  return {
    async check(claim) {
      const notes: string[] = [];
      const comparable = claim.fingerprint.startsWith(FINGERPRINT_VERSION);
      if (!comparable) notes.push(`its fingerprint was made with another fingerprint version (${claim.fingerprint.split(':')[0] ?? 'unknown'}, not ${FINGERPRINT_VERSION.slice(0, -1)}), so its content cannot be compared with git`);
      const doc = byId.get(claim.id);
      const evidence = doc ? git.document(doc) : undefined;
      if (!doc || !evidence) return { ok: false, problem: `the repository has no document ${claim.id}`, notes };
      if (claim.approvalCommit === null) {
        if (!comparable) return { ok: true, proof: 'not approved', notes };
        const committed = evidence.revisions.filter((r) => r.facts.fingerprint === claim.fingerprint).at(-1);
        if (committed) return { ok: true, proof: `not approved, content as committed in ${short(committed.commit.hash)}`, notes };
        const working = evidence.working.fingerprint === claim.fingerprint;
        return { ok: false, problem: working ? 'its content was never committed (built from uncommitted changes)' : 'git knows no revision of it with this content', notes };
      }
      const hash = claim.approvalCommit.toLowerCase();
      if (!COMMIT.test(hash)) return { ok: false, problem: `its approval commit "${claim.approvalCommit}" is not a commit hash`, notes };
      if (!git.graph?.contains(hash)) {
        const exists = (await commitOf(workspace.config.root, hash)) === hash;
        return { ok: false, problem: exists ? `its approval commit ${short(hash)} is not in the history of HEAD` : `its approval commit ${short(hash)} does not exist in this repository`, notes };
      }
      const revision = revisionAt(evidence, hash, git);
      if (!revision) return { ok: false, problem: `${claim.id} did not exist at its approval commit ${short(hash)}`, notes };
      if (revision.commit.hash !== hash || !isApproval(revision)) return { ok: false, problem: `commit ${short(hash)} did not approve ${claim.id}`, notes };
      if (revision.facts.version !== claim.version) return { ok: false, problem: `commit ${short(hash)} approved ${claim.id} ${revision.facts.version ?? '(no version)'}, not ${claim.version}`, notes };
      if (comparable && revision.facts.fingerprint !== claim.fingerprint) return { ok: false, problem: `its content is not what commit ${short(hash)} approved (the fingerprints differ)`, notes };
      // That commit made it approved; whether it could is the chain of trust's to judge, as validate does.
      const judged = judgeApprovalRevision(git, evidence, evidence.revisions.indexOf(revision), workspace.config);
      if (judged.problems.length > 0) return { ok: false, problem: `commit ${short(hash)} did not validly approve ${claim.id}: ${judged.problems[0]!.message}`, notes };
      const current = judgeApproval(git, evidence, doc, workspace.config);
      const now = `${claim.id}${evidence.working.version ? ` ${evidence.working.version}` : ''}`;
      if (current?.valid && current.commit && current.commit.hash !== hash) notes.push(`superseded: the repository holds ${now}, approved in ${short(current.commit.hash)}`);
      else if (!current?.valid) notes.push(`no longer validly approved: the repository holds ${now} (${evidence.working.status ?? 'no status'}${current ? ', its approval not valid' : ''})`);
      return { ok: true, proof: `as approved in ${short(hash)}`, notes };
    },
  };
}
