import path from 'node:path';
import { approversFor, roleOf, type Config } from '../config/config.js';
import { displayPath } from '../text/paths.js';
import type { SourceDocument } from '../documents/document.js';
import type { Workspace } from '../documents/workspace.js';
import type { GitEvidence } from '../git/evidence.js';
import { judgeApproval } from '../git/model.js';

/** A document's version and status at one point. */
export interface DocumentState {
  version: string | null;
  status: string | null;
}

/** A controlled document that a pull request adds, changes or removes (against `--base`). */
export interface ChangedDocument {
  id: string | null;
  title: string | null;
  /** Relative to the current folder, POSIX. */
  file: string;
  change: 'added' | 'modified' | 'removed';
  /** At the base; null for an added document, and for a removed one (isms no longer reads it). */
  before: DocumentState | null;
  /** Now; null for a removed document. */
  after: DocumentState | null;
}

/** A role that may give an approval still needed: its id, title and members' names. */
export interface ApproverRole {
  id: string;
  title: string | null;
  members: string[];
}

/** A document that waits for an approval: in review, or claiming one the chain of trust does not prove. */
export interface PendingApproval {
  id: string | null;
  title: string | null;
  file: string;
  version: string | null;
  status: string;
  /** Why it needs one: `in-review`, or the first problem of the approval it claims. */
  reason: { kind: 'in-review' } | { kind: 'not-valid'; problem: string };
  /** The roles allowed to approve its type (by the configuration that judges this run). */
  roles: ApproverRole[];
}

/** What a pull-request summary shows besides the findings (`--format markdown`). */
export interface ReviewSummary {
  /** `--base` as given; null without it. */
  base: string | null;
  /** The documents changed against the base, in path order; null without `--base`. */
  changes: ChangedDocument[] | null;
  approvals: PendingApproval[];
  /** Where each file is shown (a web address, or its path): the reporter adds `#L<line>`. */
  fileLinks: Record<string, string>;
  /** Whether the run passes the gate (its exit code is 0), and the warning limit it applied. */
  gate: { passed: boolean; maxWarnings: number | null };
}

/**
 * The documents changed against `--base` (added, modified, removed or no longer checked) and the
 * approvals still needed among the documents reported on. No I/O: the workspace and the git evidence
 * are already read.
 */
export function reviewFindings(
  workspace: Workspace,
  git: GitEvidence | undefined,
  cwd: string,
  asOf: string,
  include: (doc: SourceDocument) => boolean = () => true,
): Pick<ReviewSummary, 'base' | 'changes' | 'approvals'> {
  const reported = workspace.documents.filter(include);
  const base = git?.baseRef ?? null;
  return {
    base,
    changes: git && base !== null ? changedDocuments(reported, git, workspace.config, cwd) : null,
    approvals: reported.flatMap((doc) => pendingApproval(doc, workspace.config, git, asOf) ?? []),
  };
}

const stateOf = (version: string | undefined, status: string | undefined): DocumentState => ({ version: version ?? null, status: status ?? null });

function changedDocuments(documents: readonly SourceDocument[], git: GitEvidence, config: Config, cwd: string): ChangedDocument[] {
  const changes: ChangedDocument[] = [];
  for (const doc of documents) {
    const evidence = git.document(doc);
    if (!evidence || evidence.base === undefined) continue;
    const after = stateOf(doc.meta.version, doc.meta.status);
    const common = { id: doc.meta.id ?? null, title: doc.meta.title ?? null, file: doc.file, after };
    if (evidence.base === null) {
      changes.push({ ...common, change: 'added', before: null });
      continue;
    }
    // The same blob at the base and at HEAD, with nothing uncommitted, is the same file.
    if (evidence.uncommitted === 'clean' && evidence.baseBlob !== undefined && evidence.baseBlob === evidence.headBlob) continue;
    changes.push({ ...common, change: 'modified', before: stateOf(evidence.base.version, evidence.base.status) });
  }
  for (const relative of git.uncheckedAtBase) {
    changes.push({ id: null, title: null, file: displayPath(cwd, path.join(config.root, relative)), change: 'removed', before: null, after: null });
  }
  return changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function pendingApproval(doc: SourceDocument, config: Config, git: GitEvidence | undefined, asOf: string): PendingApproval | undefined {
  const { status, type } = doc.meta;
  let reason: PendingApproval['reason'] | undefined;
  if (status === 'in-review') reason = { kind: 'in-review' };
  else if (status === 'approved' && git) {
    const evidence = git.document(doc);
    const judged = evidence ? judgeApproval(git, evidence, doc, config, asOf) : undefined;
    if (judged && !judged.valid) reason = { kind: 'not-valid', problem: judged.problems[0]?.message ?? 'the approval is not complete' };
  }
  if (!reason || status === undefined) return undefined;
  const roles = (type ? approversFor(config, type) : []).map((id) => {
    const role = roleOf(config, id);
    return { id, title: role?.title ?? null, members: role?.members.map((member) => member.name) ?? [] };
  });
  return { id: doc.meta.id ?? null, title: doc.meta.title ?? null, file: doc.file, version: doc.meta.version ?? null, status, reason, roles };
}
