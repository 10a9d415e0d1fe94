import { approversFor, memberOf, reviewersFor, roleOf, sameEmail, type Config, type RoleMember } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import type { CommitGraph } from './commit-graph.js';
import type { DocumentEvidence, GitEvidence, Revision } from './evidence.js';
import { commitDays, describeCommit, type Commit } from './log-parser.js';
import { daysBetween, isFutureDate, isIsoDate } from '../text/dates.js';
import type { HistoryRow } from '../documents/version-history.js';
import type { RevisionFacts } from './revision-facts.js';

// Judging revisions needs none of the parsers that read them (revision-facts.ts): the rules stay light to load.
function sameRow(a: HistoryRow, b: HistoryRow): boolean {
  return a.version === b.version && a.date === b.date && a.author === b.author && a.details === b.details;
}

function sameApproval(a: RevisionFacts['approval'], b: RevisionFacts['approval']): boolean {
  return a !== undefined && b !== undefined && a.by === b.by && a.name === b.name && a.date === b.date;
}

/** The oldest revision whose history has a row of this version (undefined: not committed yet). */
export function revisionAddingRow(evidence: DocumentEvidence, version: string): Revision | undefined {
  return evidence.revisions.find((revision) => revision.facts.rows.some((row) => row.version === version));
}

/** The first revision after `index` whose content differs from `fingerprint`. */
export function firstContentChangeAfter(evidence: DocumentEvidence, index: number, fingerprint: string): Revision | undefined {
  return evidence.revisions.slice(index + 1).find((revision) => revision.facts.fingerprint !== fingerprint);
}

/** Whether a revision changed the content (a new document is all new content). */
export function changesContent(revision: Revision): boolean {
  return !revision.carried && (revision.before === undefined || revision.before.fingerprint !== revision.facts.fingerprint);
}

/**
 * Whether a revision is an approval: the document became `approved` in it (its parent had another
 * status, another version or another approval, or no such document). Approving again on the same
 * day with an identical block is a new approval, because the parent was `in-review`.
 */
export function isApproval(revision: Revision): boolean {
  return !revision.carried && becameApproved(revision.before, revision.facts);
}

function becameApproved(before: RevisionFacts | undefined, after: RevisionFacts): boolean {
  if (after.status !== 'approved') return false;
  return before === undefined || before.status !== 'approved' || before.version !== after.version || !sameApproval(before.approval, after.approval);
}

/** How the working tree's approval stands with git. */
export type ApprovalProof =
  /** HEAD does not hold this approval: nobody committed it. */
  | { kind: 'uncommitted' }
  /** The newest commit in which the document became approved. */
  | { kind: 'committed'; revision: Revision; index: number };

/** The proof of the approval the working tree claims; undefined when it claims none. */
export function approvalProof(evidence: DocumentEvidence): ApprovalProof | undefined {
  const { working, head } = evidence;
  if (working.status !== 'approved') return undefined;
  if (!head || head.status !== 'approved' || head.version !== working.version || !sameApproval(head.approval, working.approval)) return { kind: 'uncommitted' };
  // The newest approval of exactly what HEAD claims (a merge may bring in an older one from a branch).
  const found = newestChange(evidence, (before, after) => becameApproved(before, after) && after.version === head.version && sameApproval(after.approval, head.approval));
  return found ? { kind: 'committed', ...found } : { kind: 'uncommitted' };
}

/** Everyone who made a commit: its author and its committer (a committer can pass off their work under another author's name). */
export function makersOf(commit: Commit): string[] {
  return sameEmail(commit.authorEmail, commit.committerEmail) ? [commit.authorEmail] : [commit.authorEmail, commit.committerEmail];
}

/**
 * The revisions that brought the content an approval covers: every content change it holds (its
 * ancestors) that no earlier approval it holds had already covered (`covers`: by default any approval;
 * the chain of trust counts only valid ones). With `index` equal to the number
 * of revisions, the content waiting for an approval (HEAD's). Ancestry comes from the commit graph;
 * without one (unit tests), from the order of the revisions.
 */
export function contentChangesBefore(evidence: DocumentEvidence, index: number, graph?: CommitGraph, covers: (index: number) => boolean = (i) => isApproval(evidence.revisions[i]!)): Revision[] {
  const { revisions } = evidence;
  if (graph && !graph.linear) {
    const target = revisions[index]?.commit.hash ?? graph.head;
    const held = graph.ancestors([target]);
    const earlier = revisions.filter((revision, i) => i !== index && revision.commit.hash !== target && held.has(revision.commit.hash) && covers(i));
    const covered = graph.ancestors(earlier.map((revision) => revision.commit.hash));
    return revisions.filter((revision, i) => i <= index && !revision.imported && changesContent(revision) && held.has(revision.commit.hash) && !covered.has(revision.commit.hash));
  }
  let since = 0;
  for (let i = Math.min(index, revisions.length) - 1; i >= 0; i--) {
    if (covers(i)) {
      since = i + 1;
      break;
    }
  }
  // Content imported with the baseline is nobody's to approve or not: it came before the proof.
  return revisions.slice(since, index + 1).filter((revision) => !revision.imported && changesContent(revision));
}

/** The content change among `changes` made (authored or committed) by this email, if any: self-approval. */
export function ownChange(changes: readonly Revision[], email: string): Revision | undefined {
  return changes.find((revision) => makersOf(revision.commit).some((maker) => sameEmail(maker, email)));
}

/** The newest revision (not carried by a merge) where `changed(before, after)` holds. */
export function newestChange(evidence: DocumentEvidence, changed: (before: RevisionFacts | undefined, after: RevisionFacts) => boolean): { revision: Revision; index: number } | undefined {
  for (let index = evidence.revisions.length - 1; index >= 0; index--) {
    const revision = evidence.revisions[index]!;
    if (!revision.carried && changed(revision.before, revision.facts)) return { revision, index };
  }
  return undefined;
}

/**
 * The state of a document in a commit: its newest revision made in that commit or one of its
 * ancestors (`held`, from the commit graph); undefined when the document did not exist there.
 */
export function revisionHeldBy(evidence: DocumentEvidence, held: ReadonlySet<string>): Revision | undefined {
  for (let index = evidence.revisions.length - 1; index >= 0; index--) {
    const revision = evidence.revisions[index]!;
    if (held.has(revision.commit.hash)) return revision;
  }
  return undefined;
}

/**
 * The last sign-off that checked a document, as the chain of trust judges it: its approval commit when
 * judgeApproval finds the approval valid, or a review recorded after it that judgeReview finds valid
 * (recording a review says the document still holds); when the approval it claims is not valid, the
 * newest approval that was (newestValidApproval). Undefined when none was valid.
 */
export function lastSignOff(git: GitEvidence, evidence: DocumentEvidence, doc: SourceDocument, config: Config, asOf: string): { act: 'approved' | 'reviewed'; revision: Revision } | undefined {
  const approval = approvalProof(evidence);
  if (approval?.kind !== 'committed' || !judgeApproval(git, evidence, doc, config, asOf)?.valid) {
    const older = newestValidApproval(git, evidence, config, asOf);
    return older ? { act: 'approved', revision: older } : undefined;
  }
  const review = judgeReview(git, evidence, doc, asOf);
  if (review?.proof.kind === 'committed' && !review.problem && evidence.revisions.indexOf(review.proof.revision) > approval.index) return { act: 'reviewed', revision: review.proof.revision };
  return { act: 'approved', revision: approval.revision };
}

/** A recorded review judged: the commit that recorded it (or none), and the first thing wrong with it, where it is. */
export interface ReviewJudgement {
  proof: { kind: 'uncommitted' } | { kind: 'committed'; revision: Revision };
  problem?: { at: '/review' | '/review/last'; message: string };
}

/**
 * Judges the review a document records now (`review.last`): not dated after `asOf`, committed, and
 * (after the baseline) by a member of its owner role or of a role that approves its type, by the
 * configuration before that commit (the owner and type of that time), dated within the bounds of a
 * sign-off. git-review reports the problem; a review with one re-checks nothing. Undefined when the
 * document records no review.
 */
export function judgeReview(git: GitEvidence, evidence: DocumentEvidence, doc: SourceDocument, asOf: string): ReviewJudgement | undefined {
  const proof = reviewProof(evidence);
  if (!proof) return undefined;
  const last = doc.meta.review?.last;
  const name = doc.meta.id ?? doc.file;
  if (last !== undefined && isIsoDate(last) && isFutureDate(last, asOf)) {
    return { proof, problem: { at: '/review/last', message: `the review is dated ${last}, in the future (today is ${asOf}): a review is recorded when it happens, with isms review ${name}` } };
  }
  if (proof.kind === 'uncommitted')
    return { proof, problem: { at: '/review', message: `this review is not committed yet: the reviewer records it with isms review ${name}, so that git proves who reviewed` } };
  const { revision } = proof;
  if (revision.imported) return { proof };
  // The owner and type the document had when it was reviewed: a later change of owner does not
  // make an earlier review someone else's.
  const owner = revision.facts.owner ?? doc.meta.owner;
  const type = revision.facts.type ?? doc.meta.type;
  const signOff = judgeSignOff(git, revision.commit, (config) => reviewersFor(config, owner, type), 'the review');
  if (!signOff.ok) return { proof, problem: { at: '/review', message: signOff.message } };
  const dated = last === undefined ? undefined : signOffDateProblem(last, revision.commit, signOff.config.git.maxBackdateDays);
  return dated ? { proof, problem: { at: '/review/last', message: `the review ${dated}` } } : { proof };
}

/** The commit that retired the document, when the working tree says it is retired. */
export function retirementProof(evidence: DocumentEvidence): { revision: Revision } | undefined {
  if (evidence.working.status !== 'retired') return undefined;
  return newestChange(evidence, (before, after) => after.status === 'retired' && before?.status !== 'retired');
}

/**
 * Judges the retirement a document claims: the commit that retired it must be by a member of a role
 * that approves its type (withdrawing a document takes the same authority as approving it), by the
 * configuration before it; one the baseline imported is trusted. Undefined when no commit retired it.
 */
export function judgeRetirement(git: GitEvidence, evidence: DocumentEvidence, type: string): { revision: Revision; signOff?: SignOff; valid: boolean } | undefined {
  const retired = retirementProof(evidence);
  if (!retired) return undefined;
  const { revision } = retired;
  if (revision.imported) return { revision, valid: true };
  const signOff = judgeSignOff(git, revision.commit, (config) => approversFor(config, type), 'the retirement');
  return { revision, signOff, valid: signOff.ok };
}

/**
 * Every sign-off commit the git rules judge for a document (approval, retirement, review, each
 * acceptance) that is not imported: the evidence reads the configuration before each of them.
 */
export function signOffsOf(evidence: DocumentEvidence): Revision[] {
  const found: Array<Revision | undefined> = [];
  const approval = approvalProof(evidence);
  if (approval?.kind === 'committed') found.push(approval.revision);
  found.push(retirementProof(evidence)?.revision);
  const review = reviewProof(evidence);
  if (review?.kind === 'committed') found.push(review.revision);
  for (const riskId of evidence.working.risks?.keys() ?? []) {
    const acceptance = acceptanceProof(evidence, riskId);
    if (acceptance?.kind === 'committed') found.push(acceptance.revision);
  }
  return found.filter((revision): revision is Revision => revision !== undefined && !revision.imported);
}

/** The commit that recorded the working tree's review, or why there is none to judge. */
export function reviewProof(evidence: DocumentEvidence): { kind: 'uncommitted' } | { kind: 'committed'; revision: Revision } | undefined {
  const review = evidence.working.review;
  if (!review) return undefined;
  if (evidence.head?.review?.block !== review.block) return { kind: 'uncommitted' };
  const found = newestChange(evidence, (before, after) => after.review?.block === review.block && before?.review?.block !== review.block);
  return found ? { kind: 'committed', revision: found.revision } : { kind: 'uncommitted' };
}

/** The commit that recorded a risk's current acceptance, and the first later change of what it covers. */
export function acceptanceProof(
  evidence: DocumentEvidence,
  riskId: string,
): { kind: 'uncommitted' } | { kind: 'committed'; revision: Revision; staleIn: Revision | 'working' | undefined } | undefined {
  const current = evidence.working.risks?.get(riskId);
  if (!current?.acceptance) return undefined;
  if (evidence.head?.risks?.get(riskId)?.acceptance !== current.acceptance) return { kind: 'uncommitted' };
  const found = newestChange(evidence, (before, after) => after.risks?.get(riskId)?.acceptance === current.acceptance && before?.risks?.get(riskId)?.acceptance !== current.acceptance);
  if (!found) return { kind: 'uncommitted' };
  const basis = found.revision.facts.risks?.get(riskId)?.basis;
  const later = evidence.revisions.slice(found.index + 1).find((revision) => revision.facts.risks?.get(riskId)?.basis !== basis);
  const staleIn = later ?? (current.basis !== basis ? 'working' : undefined);
  return { kind: 'committed', revision: found.revision, staleIn };
}

/** A risk's current acceptance judged by the chain of trust (DESIGN section 4). */
export type AcceptanceJudgement =
  /** HEAD does not hold this acceptance: nobody committed it. */
  | { kind: 'uncommitted' }
  | {
      kind: 'committed';
      /** The commit that recorded it. */
      revision: Revision;
      /** Its recording judged by the configuration before it; undefined when imported with the baseline. */
      signOff?: SignOff;
      /** Why its date is out of bounds (after its commit, or backdated too far), when it is. */
      dateProblem?: string;
      /** The first later change of what it covers (ratings, treatment, controls, residual): then it covers that no longer. */
      staleIn: Revision | 'working' | undefined;
      /** Imported, or recorded by a member of its `by` role within the date bounds, and covering the risk as it is. */
      valid: boolean;
    };

/**
 * Judges the acceptance a risk of a register carries now: the commit that recorded it must be by a
 * member of its `by` role (by the configuration before it, signed when that requires it), dated
 * within bounds, and nothing it covers may have changed since. Undefined when the risk has none.
 */
export function judgeAcceptance(git: GitEvidence, evidence: DocumentEvidence, riskId: string): AcceptanceJudgement | undefined {
  const proof = acceptanceProof(evidence, riskId);
  if (!proof || proof.kind === 'uncommitted') return proof;
  const { revision, staleIn } = proof;
  if (revision.imported) return { kind: 'committed', revision, staleIn, valid: staleIn === undefined };
  const accepted = evidence.working.risks?.get(riskId);
  const by = accepted?.by;
  const signOff = judgeSignOff(git, revision.commit, () => (by ? [by] : []), `the acceptance of risk ${riskId}`);
  const dateProblem = signOff.ok && accepted?.date !== undefined ? signOffDateProblem(accepted.date, revision.commit, signOff.config.git.maxBackdateDays) : undefined;
  return { kind: 'committed', revision, signOff, ...(dateProblem ? { dateProblem } : {}), staleIn, valid: signOff.ok && !dateProblem && staleIn === undefined };
}

const SIGNATURE_WORDS: Record<string, string> = {
  B: 'a bad signature',
  U: 'a signature by a key it does not trust (not in the allowed-signers file, or an untrusted GPG key)',
  X: 'a good signature that has expired',
  Y: 'a good signature by an expired key',
  R: 'a good signature by a revoked key',
  E: 'a signature that cannot be checked (key not in the allowed-signers file or the keyring)',
  N: 'no signature',
};

/** The email in a signer's name: an SSH principal is one; a GPG user id holds one in angle brackets. */
function signerEmail(signer: string): string {
  return /<([^<>]+)>\s*$/.exec(signer)?.[1] ?? signer;
}

/** A sign-off judged: the member who made it and the configuration that judged it, or what is wrong. */
export type SignOff = { ok: true; member: RoleMember; role: string; config: Config } | { ok: false; message: string };

/**
 * Judges a sign-off commit (approval, review, acceptance, configuration change) by the configuration
 * as it stood in its first parent: its author must be a member of one of `roles(config)`, and when
 * that configuration requires signatures, the commit must carry a good signature by that same member.
 * `what` names the act in messages ("the approval").
 */
export function judgeSignOff(
  git: Pick<GitEvidence, 'configBefore' | 'overruledBefore' | 'configAtMerge' | 'signature' | 'datedBeforeParent'>,
  commit: Commit,
  roles: (config: Config) => readonly string[],
  what: string,
): SignOff {
  const described = describeCommit(commit);
  // A merge has a configuration per parent, and its author could pick the laxest as first parent:
  // sign-offs are recorded in ordinary commits (isms approve, review and accept make one).
  if (commit.parents.length > 1) {
    return {
      ok: false,
      message: `${what} was made in a merge, ${described}: a sign-off or a change of the rules is recorded in an ordinary commit, judged by the one configuration before it (isms approve, review and accept make one)`,
    };
  }
  const state = git.configBefore(commit.hash);
  if (state.kind !== 'ok') {
    const why =
      state.kind === 'missing'
        ? 'there was no isms.config.yaml before it'
        : state.kind === 'broken'
          ? `the isms.config.yaml before it was not valid (${state.message})`
          : 'the isms.config.yaml before it is too large to read';
    return {
      ok: false,
      message: `${what} in ${described} cannot be proven: ${why}, so no role could authorise it. If this commit predates the adoption of isms, set git.baseline to the adoption commit`,
    };
  }
  const { config } = state;
  const allowed = roles(config);
  const found = memberOf(config, allowed, commit.authorEmail);
  if (found) {
    const { member, role } = found;
    if (config.git.signedApprovals) {
      const signature = git.signature(commit.hash);
      if (!signature || signature.status !== 'G') {
        return {
          ok: false,
          message: `${what} in ${described} has ${SIGNATURE_WORDS[signature?.status ?? 'N'] ?? `signature status ${signature?.status}`}; git.signed_approvals requires a good signature by ${member.name}`,
        };
      }
      if (git.datedBeforeParent(commit.hash)) {
        return {
          ok: false,
          message: `${what} in ${described} is dated before its parent commit: git checks a signature at the date its committer chose, so a signed sign-off must not be dated earlier than the history it follows`,
        };
      }
      if (!sameEmail(signerEmail(signature.signer), commit.authorEmail)) {
        return {
          ok: false,
          message: `${what} in ${described} is signed with the key of ${signature.signer || 'an unnamed signer'}, not of its author ${member.name}: a member's key never signs for another`,
        };
      }
    }
    // A sign-off made on a branch takes effect when it is merged: by then its author must still be allowed
    // (a member removed since cannot approve on a branch forked before the removal and merge it later).
    const merged = git.configAtMerge?.(commit.hash);
    if (merged?.state.kind === 'ok' && !memberOf(merged.state.config, roles(merged.state.config), commit.authorEmail)) {
      return {
        ok: false,
        message: `${what} in ${described} was merged in ${merged.merge.slice(0, 7)}, when its author was no longer allowed to make it: it needs a member of ${
          roles(merged.state.config)
            .map((r) => `"${r}"`)
            .join(' or ') || 'no role'
        }, as configured in force at that merge`,
      };
    }
    return { ok: true, member, role, config };
  }
  const members = allowed.flatMap((role) => roleOf(config, role)?.members.map((m) => `${m.name} <${m.email}>`) ?? []);
  const who = allowed.length === 0 ? 'no role was allowed to make it' : `it needs a member of ${allowed.map((r) => `"${r}"`).join(' or ')} (${members.join(', ') || 'none listed'})`;
  const overruled = git.overruledBefore(commit.hash);
  if (overruled) {
    const why = overruled.reason === 'unreadable' ? 'left isms.config.yaml unreadable' : 'was made by someone not allowed to make it';
    return {
      ok: false,
      message: `${what} was committed in ${described}, by someone who was not allowed to: ${who}, by the configuration in force before that commit (the change of the rules in ${describeCommit(overruled.commit)} ${why}, so it did not take effect)`,
    };
  }
  const stranger = !Object.values(config.roles).some((role) => role.members.some((m) => sameEmail(m.email, commit.authorEmail)));
  const hint = stranger ? ` (its author holds no role at all: if this commit imported history from before the organisation adopted isms, set git.baseline to the last such commit)` : '';
  return { ok: false, message: `${what} was committed in ${described}, by someone who was not allowed to: ${who}, as configured before that commit${hint}` };
}

/** Dates a sign-off may carry: not after its commit, and not earlier than `max_backdate_days` before it. */
export function signOffDateProblem(date: string, commit: Commit, maxDays: number): string | undefined {
  // A date that is not a calendar date bounds nothing: it must never let a sign-off pass unchecked.
  if (!isIsoDate(date)) return `is dated "${date}", which is not a date (YYYY-MM-DD): its backdating cannot be checked`;
  const { authored, committed, latest } = commitDays(commit);
  if (date > committed || date > authored) return `is dated ${date}, after the commit that made it: ${describeCommit(commit)}, committed ${committed}`;
  // With signatures the committer date is also bounded by the history it follows.
  const days = daysBetween(date, latest);
  if (days > maxDays)
    return `is dated ${date} but was committed ${days} days later in ${describeCommit(commit)}${committed !== authored ? ` (committed ${committed})` : ''}; sign-offs may be backdated by ${maxDays} days at most (git.max_backdate_days)`;
  return undefined;
}

/**
 * Committed rows that the working tree no longer has as they were first committed: for each, the row,
 * what became of it, and the first revision that changed it (undefined: the working tree did).
 */
export function rewrittenRows(evidence: DocumentEvidence): Array<{ row: HistoryRow; now: HistoryRow | undefined; changedIn: Revision | undefined }> {
  const firstForm = new Map<string, { row: HistoryRow; index: number }>();
  evidence.revisions.forEach((revision, index) => {
    for (const row of revision.facts.rows) if (!firstForm.has(row.version)) firstForm.set(row.version, { row, index });
  });
  const result: Array<{ row: HistoryRow; now: HistoryRow | undefined; changedIn: Revision | undefined }> = [];
  for (const { row, index } of firstForm.values()) {
    const now = evidence.working.rows.find((r) => r.version === row.version);
    if (now && sameRow(now, row)) continue;
    const changedIn = evidence.revisions.slice(index + 1).find((revision) => {
      const later = revision.facts.rows.find((r) => r.version === row.version);
      return !later || !sameRow(later, row);
    });
    result.push({ row, now, changedIn });
  }
  return result;
}

/** How an approval stands, as registers and publications show it. */
export interface ApprovalEvidence {
  /** `commit`: proven by the commit that made it; `baseline`: imported with the baseline; `uncommitted`: nobody committed it. */
  proof: 'commit' | 'baseline' | 'uncommitted';
  commit?: Commit;
  /** Whether the configuration that judged it required a signature (false: the author field is all that names the approver). */
  signed: boolean;
}

/** The evidence of a document's current approval; undefined when it claims none or git has nothing on it. */
export function approvalEvidence(git: GitEvidence, evidence: DocumentEvidence | undefined): ApprovalEvidence | undefined {
  const proof = evidence ? approvalProof(evidence) : undefined;
  if (!proof) return undefined;
  if (proof.kind === 'uncommitted') return { proof: 'uncommitted', signed: false };
  const { commit, imported } = proof.revision;
  if (imported) return { proof: 'baseline', commit, signed: false };
  const state = git.configBefore(commit.hash);
  return { proof: 'commit', commit, signed: state.kind === 'ok' && state.config.git.signedApprovals && git.signature(commit.hash)?.status === 'G' };
}

/**
 * What is wrong with an approval, by kind; each kind is reported by one rule (one defect, one
 * diagnostic): `role`, `member`, `predates` and `future` by approval-missing, `stale` by git-approval-stale,
 * the rest by git-approval.
 */
export type ApprovalProblemKind = 'not-read' | 'uncommitted' | 'sign-off' | 'role' | 'member' | 'predates' | 'future' | 'name' | 'date' | 'self' | 'stale';

/** The rule that reports each kind of approval problem. */
export const APPROVAL_PROBLEM_RULES: Readonly<Record<ApprovalProblemKind, 'approval-missing' | 'git-approval' | 'git-approval-stale'>> = {
  role: 'approval-missing',
  member: 'approval-missing',
  predates: 'approval-missing',
  future: 'approval-missing',
  stale: 'git-approval-stale',
  'not-read': 'git-approval',
  uncommitted: 'git-approval',
  'sign-off': 'git-approval',
  name: 'git-approval',
  date: 'git-approval',
  self: 'git-approval',
};

/** The kinds of approval problem a rule reports. */
export function approvalProblemsOf(rule: string): ReadonlySet<ApprovalProblemKind> {
  return new Set((Object.keys(APPROVAL_PROBLEM_RULES) as ApprovalProblemKind[]).filter((kind) => APPROVAL_PROBLEM_RULES[kind] === rule));
}

export interface ApprovalProblem {
  kind: ApprovalProblemKind;
  /** The metadata it concerns, as a JSON pointer into the document. */
  at: '/status' | '/approval' | '/approval/by' | '/approval/name' | '/approval/date';
  message: string;
}

/** An approval as the chain of trust judges it (DESIGN section 4). */
export interface ApprovalJudgement {
  /** What proves it: the commit after the baseline that made it, or the baseline that imported it; undefined: nothing does. */
  proof: 'commit' | 'baseline' | undefined;
  commit?: Commit;
  /** A good signature by the approver, required by the configuration that judged it. */
  signed: boolean;
  /** Everything wrong with it; an approval with any problem is not valid, whatever severity a rule has. */
  problems: ApprovalProblem[];
  /** Proven, complete and without problems: the only approval a publication shows as approved. */
  valid: boolean;
}

/**
 * Whether the approver's role may approve the document's type, and (`checkName`, for approvals no
 * commit of the approver proves) whether the named approver is a member of it, by `config`.
 */
export function approverProblems(config: Config, type: string | undefined, approval: { by?: string; name?: string }, checkName: boolean): ApprovalProblem[] {
  const { by, name } = approval;
  const role = by ? roleOf(config, by) : undefined;
  if (!by || !type || !role) return [];
  const allowed = approversFor(config, type);
  if (!allowed.includes(by)) {
    const who = allowed.length > 0 ? `approvers for a ${type}: ${allowed.join(', ')}` : `no role approves a ${type}: add it to "approvers" in isms.config.yaml`;
    return [{ kind: 'role', at: '/approval/by', message: `role "${by}" may not approve a ${type} (${who})` }];
  }
  if (checkName && name && !role.members.some((member) => member.name === name)) {
    const list = role.members.length > 0 ? role.members.map((m) => m.name).join(', ') : 'none listed';
    return [{ kind: 'member', at: '/approval/name', message: `"${name}" is not a member of role "${by}" (members: ${list})` }];
  }
  return [];
}

/** The approval is stale when content changed after the commit that made it. */
function staleness(evidence: DocumentEvidence, doc: SourceDocument, config: Config, revision: Revision, index: number): ApprovalProblem[] {
  if (revision.facts.fingerprint === evidence.working.fingerprint) return [];
  const changed = firstContentChangeAfter(evidence, index, revision.facts.fingerprint);
  const where = changed ? `in commit ${describeCommit(changed.commit)}` : 'in uncommitted changes';
  const name = doc.meta.id ?? doc.file;
  const roles = doc.meta.type ? approversFor(config, doc.meta.type) : [];
  const members = roles.flatMap((role) => roleOf(config, role)?.members.map((m) => m.name) ?? []);
  const by = members.length > 0 ? ` by ${members.join(' or ')} (${roles.join(', ')})` : roles.length > 0 ? ` by a member of ${roles.join(', ')}` : '';
  return [
    {
      kind: 'stale',
      at: '/status',
      message: `content changed ${where} after it was approved in ${describeCommit(revision.commit)}: the approval does not cover it. Record a version (isms version ${name} --details "..."), commit it, and have it approved again: isms approve ${name}${by}`,
    },
  ];
}

/** An approval commit judged: what proves it, and what is wrong with it (staleness aside). */
export interface ApprovalCommitJudgement {
  proof: 'commit' | 'baseline';
  commit: Commit;
  signed: boolean;
  problems: ApprovalProblem[];
}

/**
 * Judges the approval made in revision `index` of a document (its current approval, or an older one a
 * PDF names) by the chain of trust: after the baseline, its commit must be by a member of the role the
 * approval names, allowed to approve the document's type, by the configuration before that commit
 * (signed when that configuration requires it; not approving their own content; naming themselves;
 * dated within bounds); imported with the baseline, the role must have been allowed to approve it,
 * and the approver a member, by the configuration the baseline held. `config` (the current one) judges
 * when the configuration of the time cannot be read.
 */
export function judgeApprovalRevision(git: GitEvidence, evidence: DocumentEvidence, index: number, config: Config): ApprovalCommitJudgement {
  const revision = evidence.revisions[index]!;
  const { commit, facts } = revision;
  const approval = facts.approval ?? {};
  if (revision.imported) {
    const state = git.configAt(commit.hash);
    return { proof: 'baseline', commit, signed: false, problems: approverProblems(state.kind === 'ok' ? state.config : config, facts.type, approval, true) };
  }
  const state = git.configBefore(commit.hash);
  const problems = approverProblems(state.kind === 'ok' ? state.config : config, facts.type, approval, false);
  const byRole = approval.by;
  // Whether the role may approve the type is approverProblems' to say (judged by the same configuration).
  const signOff = judgeSignOff(git, commit, () => (byRole ? [byRole] : []), 'the approval');
  if (!signOff.ok) {
    problems.push({ kind: 'sign-off', at: '/approval', message: signOff.message });
  } else {
    const { member, config: before } = signOff;
    if (approval.name !== undefined && approval.name !== member.name) {
      problems.push({ kind: 'name', at: '/approval/name', message: `the approval names ${approval.name} but was committed by ${member.name} in ${describeCommit(commit)}` });
    }
    if (approval.date !== undefined) {
      const problem = signOffDateProblem(approval.date, commit, before.git.maxBackdateDays);
      if (problem) problems.push({ kind: 'date', at: '/approval/date', message: `the approval ${problem}` });
    }
    const own = selfApprovedChange(git, evidence, index, commit.authorEmail, before, config);
    if (own)
      problems.push({
        kind: 'self',
        at: '/approval',
        message: `${member.name} approved content they made (${describeCommit(own.commit)}): another member of an approving role must approve, or set git.allow_self_approval`,
      });
  }
  const signed = state.kind === 'ok' && state.config.git.signedApprovals && git.signature(commit.hash)?.status === 'G';
  return { proof: 'commit', commit, signed, problems };
}

/**
 * The self-approval policy, one for the git-approval rule and for `isms approve`: the content change
 * that `email` made (as author or committer) among those an approval in revision `index` covers, unless
 * `policy` (the configuration that judges the approval) allows self-approval. Only a valid earlier
 * approval covers content: an invalid one (a self-approval, a non-member's) must not hide what the
 * approver made. `index` equal to the number of revisions asks about an approval not yet made, of the
 * content HEAD holds. `config` (the current one) judges earlier approvals whose configuration cannot be read.
 */
export function selfApprovedChange(git: GitEvidence, evidence: DocumentEvidence, index: number, email: string, policy: Config, config: Config): Revision | undefined {
  if (policy.git.allowSelfApproval) return undefined;
  const coveredBy = (i: number) => isApproval(evidence.revisions[i]!) && validApprovalAt(git, evidence, i, config);
  return ownChange(contentChangesBefore(evidence, index, git.graph, coveredBy), email);
}

/** Whether the approval made in revision `index` was valid when made (its commit judged; staleness aside), once per revision. */
function validApprovalAt(git: GitEvidence, evidence: DocumentEvidence, index: number, config: Config): boolean {
  let known = validApprovals.get(evidence);
  if (known?.git !== git || known.config !== config) validApprovals.set(evidence, (known = { git, config, valid: new Map() }));
  let valid = known.valid.get(index);
  if (valid === undefined) known.valid.set(index, (valid = judgeApprovalRevision(git, evidence, index, config).problems.length === 0));
  return valid;
}

const validApprovals = new WeakMap<DocumentEvidence, { git: GitEvidence; config: Config; valid: Map<number, boolean> }>();

/**
 * What the approval's date says against the document itself, with or without git: an approval older
 * than the newest version approves an earlier text, and one dated after `asOf` (today, or the build's
 * date) has not happened yet. Either makes the approval not valid.
 */
export function approvalDateProblems(doc: SourceDocument, asOf: string, rowsRead: readonly HistoryRow[] = []): ApprovalProblem[] {
  // Read without its body (an export), a document's rows are the ones git reads from the same text.
  return datedApprovalProblems(doc.meta.approval?.date, doc.meta.version, doc.history?.rows ?? rowsRead, asOf);
}

/** approvalDateProblems of an approval dated `date` of `version`, given the version history's rows. */
function datedApprovalProblems(date: string | undefined, version: string | undefined, rows: ReadonlyArray<HistoryRow & { at?: { line: number } }>, asOf: string): ApprovalProblem[] {
  if (!date || !isIsoDate(date)) return [];
  const problems: ApprovalProblem[] = [];
  // The row of the version approved (a table may list versions newest first), else the last row.
  const newest = rows.find((row) => row.version === version) ?? rows.at(-1);
  if (newest && isIsoDate(newest.date) && date < newest.date) {
    problems.push({
      kind: 'predates',
      at: '/approval/date',
      message: `approval dated ${date} predates version ${newest.version} (${newest.date}${newest.at ? `, line ${newest.at.line}` : ''}): approve the current version`,
    });
  }
  if (isFutureDate(date, asOf)) problems.push({ kind: 'future', at: '/approval/date', message: `approval is dated ${date}, in the future (today is ${asOf})` });
  return problems;
}

/**
 * The newest revision a valid approval made: judged as judgeApproval judges the approval a document
 * claims (its commit by judgeApprovalRevision, its block complete, its date neither before its version
 * nor after `asOf`), staleness aside (a revision holds the content its own approval covers). What a
 * document said when it was last validly approved, whatever its working text says now; undefined when
 * no approval of it was valid.
 */
export function newestValidApproval(git: GitEvidence, evidence: DocumentEvidence, config: Config, asOf: string): Revision | undefined {
  for (let index = evidence.revisions.length - 1; index >= 0; index--) {
    const revision = evidence.revisions[index]!;
    if (!isApproval(revision)) continue;
    const { approval, version, rows } = revision.facts;
    if (!approval?.by || !approval.name || !approval.date) continue;
    if (datedApprovalProblems(approval.date, version, rows, asOf).length > 0) continue;
    if (validApprovalAt(git, evidence, index, config)) return revision;
  }
  return undefined;
}

/**
 * Judges the approval a document claims (status approved): its approval commit (judgeApprovalRevision),
 * and no content changed since. The git-approval, git-approval-stale and approval-missing rules report
 * these problems, and a publication shows as approved only an approval that has none, whatever
 * severity those rules have. Undefined when the document does not claim to be approved.
 */
export function judgeApproval(git: GitEvidence, evidence: DocumentEvidence, doc: SourceDocument, config: Config, asOf: string): ApprovalJudgement | undefined {
  // Three rules and the publication ask about the same approval: judge it once.
  const known = judgements.get(evidence);
  if (known?.git === git && known.doc === doc && known.config === config && known.asOf === asOf) return known.judgement;
  const judgement = judge(git, evidence, doc, config, asOf);
  judgements.set(evidence, { git, doc, config, asOf, judgement });
  return judgement;
}

const judgements = new WeakMap<DocumentEvidence, { git: GitEvidence; doc: SourceDocument; config: Config; asOf: string; judgement: ApprovalJudgement | undefined }>();

function judge(git: GitEvidence, evidence: DocumentEvidence, doc: SourceDocument, config: Config, asOf: string): ApprovalJudgement | undefined {
  if (doc.meta.status !== 'approved') return undefined;
  const complete = Boolean(doc.meta.approval?.by && doc.meta.approval.name && doc.meta.approval.date);
  const dated = approvalDateProblems(doc, asOf, evidence.working.rows);
  const unproven = (...problems: ApprovalProblem[]): ApprovalJudgement => ({ proof: undefined, signed: false, problems: [...problems, ...dated], valid: false });
  const proof = approvalProof(evidence);
  // Without an approver there is nothing to judge but its staleness: the missing block is approval-missing's to say.
  if (!evidence.working.approval?.by) return unproven(...(proof?.kind === 'committed' ? staleness(evidence, doc, config, proof.revision, proof.index) : []));
  if (!proof) {
    // The loader reads an approval that git's reading of the same text does not: never trust it.
    return unproven({
      kind: 'not-read',
      at: '/approval',
      message: 'this approval cannot be proven: git does not read the document as approved; write status and approval as plain keys of the metadata',
    });
  }
  if (proof.kind === 'uncommitted') {
    return unproven({
      kind: 'uncommitted',
      at: '/approval',
      message: `this approval is not committed yet: the approver records it with isms approve ${doc.meta.id ?? doc.file}, so that git proves who approved`,
    });
  }
  const judged = judgeApprovalRevision(git, evidence, proof.index, config);
  const problems = [...judged.problems, ...dated, ...staleness(evidence, doc, config, proof.revision, proof.index)];
  return { ...judged, problems, valid: complete && problems.length === 0 };
}
