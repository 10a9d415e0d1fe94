import type { Workspace } from '../documents/workspace.js';
import type { GitEvidence } from '../git/evidence.js';
import { headCommit } from '../git/point-in-history.js';
import type { ExportKind, ExportSource, ExportTable } from '../export/export-table.js';
import { registerExport, risksExport, soaExport, type ExportInput } from '../export/export-tables.js';
import { UsageError } from './io.js';
import { messages } from './messages.js';
import type { HistoryAt } from './open-workspace.js';

/** What was read: the commit of --at, or the working tree at HEAD (and which of its documents differ from HEAD). */
export async function exportSource(workspace: Workspace, git: GitEvidence, at: HistoryAt | undefined): Promise<ExportSource> {
  if (at) return { commit: at.commit.hash, committed: at.commit.committerDate, at: at.given, uncommitted: [] };
  const head = git.status.kind === 'ok' ? await headCommit(workspace.config.root) : undefined;
  if (!head) return { commit: null, committed: null, at: null, uncommitted: [] };
  const documents = workspace.documents.filter((doc) => (git.document(doc)?.uncommitted ?? 'clean') !== 'clean').map((doc) => doc.file);
  return { commit: head.hash, committed: head.committerDate, at: null, uncommitted: [...documents, ...(git.uncommittedConfig.length > 0 ? [workspace.configFile] : [])] };
}

/** The export of one kind; a kind whose document is missing (or ambiguous) is a usage error. */
export function exportTable(kind: ExportKind, input: ExportInput): ExportTable {
  if (kind === 'register') return registerExport(input);
  const result = kind === 'soa' ? soaExport(input) : risksExport(input);
  if (result.ok) return result.table;
  const type = kind === 'soa' ? 'soa' : 'risk-register';
  throw new UsageError(result.problem === 'none' ? messages.nothingToExport(kind, type) : messages.severalToExport(kind, type, result.ids));
}
