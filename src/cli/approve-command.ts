import { approversFor, memberOf } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import type { Workspace } from '../documents/workspace.js';
import { check } from '../engine/check.js';
import { placeholder } from '../rules/placeholder.js';
import { planApproval } from '../edit/plan-edits.js';
import { describeCommit } from '../git/log-parser.js';
import { selfApprovedChange } from '../git/model.js';
import { escapeControls } from '../text/controls.js';
import { todayIso } from '../text/dates.js';
import { findDocument } from './find-document.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { openWorkspace } from './open-workspace.js';
import { commitSignOff, committedEvidence, signer } from './sign-off.js';

/**
 * Records the git user's approval of a document and commits it, so that the commit author proves
 * who approved. Refuses when the user may not approve the type, when they made content being
 * approved (unless allowed: selfApprovedChange, the policy the git-approval rule judges by), and
 * when the document has uncommitted changes.
 */
export async function approveCommand(name: string, options: { sign?: boolean; config?: string }, io: CliIo): Promise<ExitCode> {
  const workspace = await openWorkspace(io, options.config);
  const { config } = workspace;
  const doc = findDocument(workspace, name, io.cwd);
  const type = doc.meta.type;
  if (!type || doc.data === undefined) throw new UsageError(messages.cannotApproveUnreadable(doc.file));
  const newest = doc.history?.rows.at(-1);
  if (!newest || newest.version !== doc.meta.version) throw new UsageError(messages.versionNotRecorded(doc.file));

  const identity = await signer(workspace);
  const allowed = approversFor(config, type);
  const found = memberOf(config, allowed, identity.email);
  if (!found) throw new UsageError(messages.notAnApprover(identity.email, type, allowed));
  const { role, member } = found;

  const { git, evidence } = await committedEvidence(workspace, doc, 'approval');
  // The policy the git-approval rule will judge this approval by, as the configuration stands now.
  const own = selfApprovedChange(git, evidence, evidence.revisions.length, identity.email, config, config);
  if (own) throw new UsageError(messages.selfApproval(member.name, describeCommit(own.commit)));

  const date = todayIso();
  const planned = planApproval(doc, { by: role, name: member.name, date });
  if (!planned.ok) throw new UsageError(planned.message);
  refusePlaceholders(workspace, doc, date);
  const hash = await commitSignOff(doc, planned.text, `Approve ${doc.meta.id ?? doc.path} version ${doc.meta.version}`, options.sign === true);
  io.stdout.write(
    escapeControls(`Approved ${doc.meta.id ?? doc.file} version ${doc.meta.version} as ${member.name} (${role}) on ${date}: commit ${hash.slice(0, 7)}${options.sign ? ' (signed)' : ''}`) + '\n',
  );
  return EXIT.ok;
}

/**
 * A document approved with placeholder text or an empty required section would fail validation at
 * once: say where (lines of the file as it is), approve nothing (unless the configuration turned
 * placeholder down from error).
 */
function refusePlaceholders(workspace: Workspace, doc: SourceDocument, asOf: string): void {
  const approved: SourceDocument = { ...doc, meta: { ...doc.meta, status: 'approved' } };
  const found = check({ ...workspace, documents: [approved] }, { asOf, rules: [placeholder] }).diagnostics.filter((d) => d.severity === 'error');
  if (found.length > 0)
    throw new UsageError(
      messages.placeholdersLeft(doc.meta.id ?? doc.file, found.length),
      found.map((d) => escapeControls(`${d.file}:${d.line}:${d.column}: ${d.message}`)),
    );
}
