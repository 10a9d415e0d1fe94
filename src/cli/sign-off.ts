import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceDocument } from '../documents/document.js';
import type { Workspace } from '../documents/workspace.js';
import { buildEvidence } from '../git/build-evidence.js';
import { commitFiles } from '../git/commit-files.js';
import type { DocumentEvidence, GitEvidence } from '../git/evidence.js';
import { gitIdentity, type GitIdentity } from '../git/identity.js';
import { RULE_IDS } from '../rules/index.js';
import { fileForm, inForm } from '../edit/text-edits.js';
import { UsageError } from './io.js';
import { messages } from './messages.js';
import { writeFileAtomically } from './write-output.js';

/** Who is signing off: git's author identity, which `git commit` will also use. */
export async function signer(workspace: Workspace): Promise<GitIdentity> {
  const identity = await gitIdentity(workspace.config.root);
  if (!identity) throw new UsageError(messages.noGitIdentity());
  return identity;
}

/** The git evidence of a document that must be committed as it is, so that a sign-off covers what git holds. */
export async function committedEvidence(workspace: Workspace, doc: SourceDocument, act: string): Promise<{ git: GitEvidence; evidence: DocumentEvidence }> {
  const git = await buildEvidence(workspace, { knownRules: RULE_IDS });
  if (git.status.kind !== 'ok') throw new UsageError(messages.signOffNeedsHistory(act, git.status.kind));
  const evidence = git.document(doc);
  if (!evidence || evidence.uncommitted === 'untracked') throw new UsageError(messages.signOffUncommittedDocument(act, doc.file));
  if (evidence.uncommitted === 'modified') throw new UsageError(messages.signOffModifiedDocument(act, doc.file));
  return { git, evidence };
}

/** Writes the edited document and commits it alone; on failure the file is restored and nothing is committed. */
export async function commitSignOff(doc: SourceDocument, text: string, message: string, sign: boolean): Promise<string> {
  // git cannot record the same text twice: a sign-off that changes nothing is nothing to commit.
  if (text === doc.text) throw new UsageError(messages.nothingToRecord(doc.meta.id ?? doc.file, message));
  const original = readFileSync(doc.absolutePath);
  writeFileAtomically(doc.absolutePath, inForm(text, fileForm(doc.absolutePath)));
  const result = await commitFiles(path.dirname(doc.absolutePath), [doc.absolutePath], message, sign);
  if (!result.ok) {
    writeFileAtomically(doc.absolutePath, original.toString('utf8'));
    throw new UsageError(messages.commitFailed(result.reason));
  }
  return result.hash;
}
