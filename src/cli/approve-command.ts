import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { approversFor, memberWithEmail, sameEmail } from '../config/config.js';
import { toPosix } from '../documents/discover.js';
import { planApproval } from '../edit/plan-edits.js';
import { fileForm, inForm } from '../edit/text-edits.js';
import { buildEvidence } from '../git/build-evidence.js';
import { describeCommit } from '../git/log-parser.js';
import { contentAuthorsBefore } from '../git/model.js';
import { runGit } from '../git/run-git.js';
import { todayIso } from '../text/dates.js';
import { findDocument } from './find-document.js';
import { gitIdentity } from './git-identity.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { openWorkspace } from './open-workspace.js';
import { writeFileAtomically } from './write-output.js';

/**
 * Records the git user's approval of a document and commits it, so that the commit author proves
 * who approved. Refuses when the user may not approve the type, when they wrote the content being
 * approved (unless allowed), and when the document has uncommitted changes.
 */
export async function approveCommand(name: string, options: { sign?: boolean; config?: string }, io: CliIo): Promise<ExitCode> {
  const workspace = await openWorkspace(io, options.config);
  const { config } = workspace;
  const doc = findDocument(workspace, name, io.cwd);
  const type = doc.meta.type;
  if (!type || doc.data === undefined) throw new UsageError(messages.cannotApproveUnreadable(doc.file));
  const newest = doc.history?.rows.at(-1);
  if (!newest || newest.version !== doc.meta.version) throw new UsageError(messages.versionNotRecorded(doc.file));

  const identity = gitIdentity(config.root);
  if (!identity) throw new UsageError(messages.noGitIdentity());
  const allowed = approversFor(config, type);
  const role = allowed.find((id) => memberWithEmail(config, id, identity.email));
  const member = role ? memberWithEmail(config, role, identity.email) : undefined;
  if (!role || !member) throw new UsageError(messages.notAnApprover(identity.email, type, allowed));

  const git = await buildEvidence(workspace);
  if (git.status.kind !== 'ok') throw new UsageError(messages.approveNeedsHistory(git.status.kind));
  const evidence = git.document(doc);
  if (!evidence || evidence.uncommitted === 'untracked') throw new UsageError(messages.approveUncommittedDocument(doc.file));
  if (evidence.uncommitted === 'modified') throw new UsageError(messages.approveModifiedDocument(doc.file));
  if (!config.git.allowSelfApproval) {
    const own = contentAuthorsBefore(evidence, evidence.revisions.length - 1).find((r) => sameEmail(r.commit.authorEmail, identity.email));
    if (own) throw new UsageError(messages.selfApproval(member.name, describeCommit(own.commit)));
  }

  const date = todayIso();
  const planned = planApproval(doc, { by: role, name: member.name, date });
  if (!planned.ok) throw new UsageError(planned.message);
  const original = readFileSync(doc.absolutePath);
  writeFileAtomically(doc.absolutePath, inForm(planned.text, fileForm(doc.absolutePath)));

  const toplevel = (await runGit(config.root, ['rev-parse', '--show-toplevel'])).stdout.toString('utf8').trim();
  const repoPath = toPosix(path.relative(realpathSync(toplevel), realpathSync(doc.absolutePath)));
  const message = `Approve ${doc.meta.id ?? repoPath} version ${doc.meta.version}`;
  const commit = await runGit(toplevel, ['commit', '--only', '-q', ...(options.sign ? ['-S'] : []), '-m', message, '--', repoPath]);
  if (commit.code !== 0) {
    writeFileAtomically(doc.absolutePath, original.toString('utf8'));
    throw new UsageError(messages.commitFailed(commit.stderr.trim().split('\n')[0] ?? 'git commit failed'));
  }
  const hash = (await runGit(toplevel, ['rev-parse', '--short=7', 'HEAD'])).stdout.toString('utf8').trim();
  io.stdout.write(`Approved ${doc.meta.id ?? doc.file} version ${doc.meta.version} as ${member.name} (${role}) on ${date}: commit ${hash}${options.sign ? ' (signed)' : ''}\n`);
  return EXIT.ok;
}
