import { nextVersion, planNewVersion } from '../edit/plan-edits.js';
import { fileForm, inForm } from '../edit/text-edits.js';
import { escapeControls } from '../text/controls.js';
import { isIsoDate, todayIso } from '../text/dates.js';
import { findDocument } from './find-document.js';
import { authorName } from '../git/identity.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { openWorkspace } from './open-workspace.js';
import { writeFileAtomically } from './write-output.js';

export async function versionCommand(name: string, options: { details: string; major?: boolean; date?: string; config?: string }, io: CliIo): Promise<ExitCode> {
  const date = options.date ?? todayIso();
  if (!isIsoDate(date)) throw new UsageError(messages.badDate(date));
  if (options.details.trim() === '') throw new UsageError(messages.emptyDetails());
  const workspace = await openWorkspace(io, options.config);
  const doc = findDocument(workspace, name, io.cwd);
  const version = nextVersion(doc, options.major === true);
  if (!version) throw new UsageError(messages.noVersionToFollow(doc.file));
  const author = await authorName(workspace.config.root);
  const planned = planNewVersion(doc, { version, date, author, details: options.details.trim() });
  if (!planned.ok) throw new UsageError(planned.message);
  writeFileAtomically(doc.absolutePath, inForm(planned.text, fileForm(doc.absolutePath)));
  const status = version.startsWith('0.') ? 'draft' : 'in-review';
  io.stdout.write(escapeControls(`${doc.meta.id ?? doc.file}: version ${version} (${status}) by ${author} on ${date}: ${options.details.trim()}`) + '\n');
  return EXIT.ok;
}
