import { memberOf, reviewersFor } from '../config/config.js';
import { planReview } from '../edit/plan-edits.js';
import { escapeControls } from '../text/controls.js';
import { todayIso } from '../text/dates.js';
import { findDocument } from './find-document.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { openWorkspace } from './open-workspace.js';
import { commitSignOff, committedEvidence, signer } from './sign-off.js';

/**
 * Records that the git user reviewed a document and found it still fit, without changing it:
 * `review.last` becomes today, committed by the reviewer (a member of the owner role or of a role
 * that approves the type), so that git proves who reviewed.
 */
export async function reviewCommand(name: string, options: { sign?: boolean; config?: string }, io: CliIo): Promise<ExitCode> {
  const workspace = await openWorkspace(io, options.config);
  const { config } = workspace;
  const doc = findDocument(workspace, name, io.cwd);
  const type = doc.meta.type;
  if (!type || doc.data === undefined) throw new UsageError(messages.cannotApproveUnreadable(doc.file));
  if (doc.meta.status !== 'approved') throw new UsageError(messages.reviewNeedsApproval(doc.file, doc.meta.status ?? 'without a status'));

  const identity = await signer(workspace);
  const roles = reviewersFor(config, doc.meta.owner, type);
  const found = memberOf(config, roles, identity.email);
  if (!found) throw new UsageError(messages.notAReviewer(identity.email, roles));
  const { role, member } = found;
  await committedEvidence(workspace, doc, 'review');

  const date = todayIso();
  const planned = planReview(doc, date);
  if (!planned.ok) throw new UsageError(planned.message);
  const hash = await commitSignOff(doc, planned.text, `Review ${doc.meta.id ?? doc.path} version ${doc.meta.version}`, options.sign === true);
  io.stdout.write(
    escapeControls(`Reviewed ${doc.meta.id ?? doc.file} version ${doc.meta.version} as ${member.name} (${role}) on ${date}: commit ${hash.slice(0, 7)}${options.sign ? ' (signed)' : ''}`) + '\n',
  );
  return EXIT.ok;
}
