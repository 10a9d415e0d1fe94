import { todayIso } from '../text/dates.js';
import type { SourceDocument } from '../documents/document.js';
import type { Workspace } from '../documents/workspace.js';
import { commitOf } from '../git/commit-of.js';
import type { DocumentEvidence, GitEvidence, Revision } from '../git/evidence.js';
import { isApproval, judgeApproval, judgeApprovalRevision } from '../git/model.js';
import { fingerprintKind, FINGERPRINT_VERSION } from '../git/revision-facts.js';
import type { DocumentClaim } from './pdf-signatures.js';

/** What git says of a claim. */
export interface ClaimCheck {
  /** Git agrees (the fingerprint may be of an older version: then `notes` says it could not be compared). */
  ok: boolean;
  /** How git proves it, as words that follow the id and version: "as approved in 3f2c1a9", "as imported with the baseline in b5b2e05". */
  proof?: string;
  /** Why git does not agree. */
  problem?: string;
  /** What is worth knowing and does not make it wrong: an older fingerprint, a newer approval. */
  notes: string[];
  /** When the approval commit was made (its committer date, ISO 8601): nothing can have been signed as approved before. */
  approvedAt?: string;
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

/** Where a commit a PDF names stands: a commit of HEAD's history, or why not (not a hash, unknown, elsewhere). */
async function commitProblem(workspace: Workspace, git: GitEvidence, named: string, what: string): Promise<string | undefined> {
  const hash = named.toLowerCase();
  if (!COMMIT.test(hash)) return `its ${what} "${named}" is not a commit hash`;
  if (git.graph?.contains(hash)) return undefined;
  const exists = (await commitOf(workspace.config.root, hash)) === hash;
  return exists ? `its ${what} ${short(hash)} is not in the history of HEAD` : `its ${what} ${short(hash)} does not exist in this repository`;
}

/**
 * The file a PDF was built from: its source commit is in HEAD's history, and the document's file in
 * that commit is the blob the PDF names, with the content and version it claims. This binds what the
 * content fingerprint leaves out (history rows, review, approval block, acceptances) to git.
 */
async function sourceProblem(workspace: Workspace, git: GitEvidence, evidence: DocumentEvidence, claim: DocumentClaim, comparable: boolean): Promise<string | undefined> {
  if (claim.sourceCommit === null || claim.sourceBlob === null) {
    return 'it does not name the commit and file it was built from (IsmsSourceCommit, IsmsSourceBlob), so its history, review and approval block cannot be checked against git (isms signs release builds, which name them)';
  }
  const problem = await commitProblem(workspace, git, claim.sourceCommit, 'source commit');
  if (problem) return problem;
  const hash = claim.sourceCommit.toLowerCase();
  const revision = revisionAt(evidence, hash, git);
  if (!revision) return `${claim.id} did not exist at its source commit ${short(hash)}`;
  if (revision.blob !== claim.sourceBlob.toLowerCase()) return `its file is not the one commit ${short(hash)} holds (the blob ids differ): it was not built from that commit as it says`;
  if (revision.facts.version !== claim.version) return `commit ${short(hash)} holds ${claim.id} ${revision.facts.version ?? '(no version)'}, not ${claim.version}`;
  if (comparable && revision.facts.fingerprint !== claim.fingerprint) return `its content is not what its file in commit ${short(hash)} holds (the fingerprints differ)`;
  if (claim.approvalCommit !== null && git.graph && !git.graph.ancestors([hash]).has(claim.approvalCommit.toLowerCase())) {
    return `its approval commit ${short(claim.approvalCommit)} is not in the history of its source commit ${short(hash)}`;
  }
  return undefined;
}

/**
 * Checks a PDF's claims against the repository's history (DESIGN section 5): the approval commit
 * exists, is HEAD or an ancestor of it, validly approved this document at this version, and the
 * document's content then had this fingerprint; a claim without an approval commit (a draft) must name
 * content some commit holds; and the file it was built from is the one its source commit holds.
 * A fingerprint of an older version isms used cannot be compared: that is said, and is not a finding;
 * any other value that is not today's is.
 */
export function gitClaims(workspace: Workspace, git: GitEvidence): ClaimJudge {
  const byId = new Map<string, SourceDocument>();
  for (const doc of workspace.documents) if (doc.meta.id && !byId.has(doc.meta.id)) byId.set(doc.meta.id, doc);
  /** What the claimed approval (or, for a draft, its content) is by git: the words of a verified sentence, or the problem. */
  async function judge(
    claim: DocumentClaim,
    doc: SourceDocument,
    evidence: DocumentEvidence,
    comparable: boolean,
    notes: string[],
  ): Promise<{ proof: string; approvedAt?: string } | { problem: string }> {
    if (claim.approvalCommit === null) {
      if (!comparable) return { proof: 'not approved' };
      const committed = evidence.revisions.filter((r) => r.facts.fingerprint === claim.fingerprint).at(-1);
      if (committed) return { proof: `not approved, content as committed in ${short(committed.commit.hash)}` };
      const working = evidence.working.fingerprint === claim.fingerprint;
      return { problem: working ? 'its content was never committed (built from uncommitted changes)' : 'git knows no revision of it with this content' };
    }
    const hash = claim.approvalCommit.toLowerCase();
    const elsewhere = await commitProblem(workspace, git, claim.approvalCommit, 'approval commit');
    if (elsewhere) return { problem: elsewhere };
    const revision = revisionAt(evidence, hash, git);
    if (!revision) return { problem: `${claim.id} did not exist at its approval commit ${short(hash)}` };
    if (revision.commit.hash !== hash || !isApproval(revision)) return { problem: `commit ${short(hash)} did not approve ${claim.id}` };
    if (revision.facts.version !== claim.version) return { problem: `commit ${short(hash)} approved ${claim.id} ${revision.facts.version ?? '(no version)'}, not ${claim.version}` };
    if (comparable && revision.facts.fingerprint !== claim.fingerprint) return { problem: `its content is not what commit ${short(hash)} approved (the fingerprints differ)` };
    // That commit made it approved; whether it could is the chain of trust's to judge, as validate does.
    const judged = judgeApprovalRevision(git, evidence, evidence.revisions.indexOf(revision), workspace.config);
    if (judged.problems.length > 0) return { problem: `commit ${short(hash)} did not validly approve ${claim.id}: ${judged.problems[0]!.message}` };
    const current = judgeApproval(git, evidence, doc, workspace.config, todayIso());
    const now = `${claim.id}${evidence.working.version ? ` ${evidence.working.version}` : ''}`;
    if (current?.valid && current.commit && current.commit.hash !== hash) notes.push(`superseded: the repository holds ${now}, approved in ${short(current.commit.hash)}`);
    else if (!current?.valid) notes.push(`no longer validly approved: the repository holds ${now} (${evidence.working.status ?? 'no status'}${current ? ', its approval not valid' : ''})`);
    const proof = judged.proof === 'baseline' ? `as imported with the baseline in ${short(hash)}` : `as approved in ${short(hash)}`;
    return { proof, approvedAt: new Date(revision.commit.committerDate).toISOString() };
  }

  return {
    async check(claim) {
      const notes: string[] = [];
      const kind = fingerprintKind(claim.fingerprint);
      if (kind === 'unknown') {
        const shown = claim.fingerprint.length > 80 ? `${claim.fingerprint.slice(0, 80)}...` : claim.fingerprint;
        return { ok: false, problem: `its fingerprint "${shown}" is not one isms makes (${FINGERPRINT_VERSION} and 64 hex digits), so its content cannot be checked`, notes };
      }
      const comparable = kind === 'current';
      if (!comparable)
        notes.push(
          `its fingerprint was made with an older fingerprint version (${claim.fingerprint.split(':')[0] ?? 'unknown'}, not ${FINGERPRINT_VERSION.slice(0, -1)}), so its content cannot be compared with git`,
        );
      const doc = byId.get(claim.id);
      const evidence = doc ? git.document(doc) : undefined;
      if (!doc || !evidence) return { ok: false, problem: `the repository has no document ${claim.id}`, notes };
      const judged = await judge(claim, doc, evidence, comparable, notes);
      if ('problem' in judged) return { ok: false, problem: judged.problem, notes };
      const source = await sourceProblem(workspace, git, evidence, claim, comparable);
      if (source) return { ok: false, problem: source, notes };
      return { ok: true, proof: judged.proof, notes, ...(judged.approvedAt ? { approvedAt: judged.approvedAt } : {}) };
    },
  };
}
