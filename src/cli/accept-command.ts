import { memberWithEmail } from '../config/config.js';
import { planAcceptance } from '../edit/plan-edits.js';
import { riskEntries, text } from '../rules/entries.js';
import { acceptingRole } from '../risk/method.js';
import { escapeControls } from '../text/controls.js';
import { addMonths, isIsoDate, todayIso } from '../text/dates.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { openWorkspace } from './open-workspace.js';
import { commitSignOff, committedEvidence, signer } from './sign-off.js';

/** How long an acceptance lasts when --expires is not given: the usual annual risk review. */
const DEFAULT_ACCEPTANCE_MONTHS = 12;

/**
 * Records that the git user accepts the residual risk of a risk, and commits it: the acceptance names
 * the role that must accept (the risk owner, or the escalation role above the acceptable level), and
 * the commit author, a member of that role, proves who accepted.
 */
export async function acceptCommand(riskId: string, options: { expires?: string; sign?: boolean; config?: string }, io: CliIo): Promise<ExitCode> {
  const date = todayIso();
  const expires = options.expires ?? addMonths(date, DEFAULT_ACCEPTANCE_MONTHS);
  if (!isIsoDate(expires)) throw new UsageError(messages.badDate(expires));
  const workspace = await openWorkspace(io, options.config);
  const { config } = workspace;
  const found = workspace.documents
    .filter((doc) => doc.meta.type === 'risk-register' && doc.data !== undefined)
    .flatMap((doc) => riskEntries(doc).map((entry) => ({ doc, entry })))
    .find(({ entry }) => text(entry, 'id') === riskId);
  if (!found) throw new UsageError(messages.noSuchRisk(riskId));
  const { doc, entry } = found;
  if (doc.bytes) throw new UsageError(messages.nameNotUtf8(doc.file));
  if (text(entry, 'treatment') === 'avoid') throw new UsageError(messages.riskNeedsNoAcceptance(riskId));

  const identity = await signer(workspace);
  const role = acceptingRole(config, entry.data);
  const member = role ? memberWithEmail(config, role, identity.email) : undefined;
  if (!role || !member) throw new UsageError(messages.notAnAcceptor(identity.email, riskId, role ?? text(entry, 'owner') ?? '?'));
  await committedEvidence(workspace, doc, 'acceptance');

  const planned = planAcceptance(doc, entry.pointer, { by: role, date, expires });
  if (!planned.ok) throw new UsageError(planned.message);
  const hash = await commitSignOff(doc, planned.text, `Accept risk ${riskId} (${doc.meta.id ?? doc.path}) until ${expires}`, options.sign === true);
  io.stdout.write(escapeControls(`Accepted risk ${riskId} as ${member.name} (${role}) on ${date}, until ${expires}: commit ${hash.slice(0, 7)}${options.sign ? ' (signed)' : ''}`) + '\n');
  return EXIT.ok;
}
