import path from 'node:path';
import type { Range } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../documents/document.js';
import type { DocumentEvidence, GitEvidence } from '../git/evidence.js';
import { readable, type RuleContext } from './rule.js';

/** Calls `visit` for every readable document git has evidence of; nothing at all with --no-git. */
export function forEachEvidence(context: RuleContext, visit: (doc: SourceDocument, evidence: DocumentEvidence, git: GitEvidence) => void): void {
  const git = context.git;
  if (!git) return;
  for (const doc of readable(context)) {
    const evidence = git.document(doc);
    if (evidence) visit(doc, evidence, git);
  }
}

/** Where the row of a version stands in the document (its table row or `versions` item), else the history. */
export function rowRange(doc: SourceDocument, version: string, cell?: 'version' | 'date'): Range {
  const row = doc.history?.rows.find((r) => r.version === version);
  if (!row) return doc.history?.at ?? doc.map.fallback;
  return cell ? row.cells[cell] : row.at;
}

/** A file named relative to the documents root (as git evidence names governed files), as output shows it. */
export function shownFromRoot(context: RuleContext, file: string): string {
  return file === path.posix.basename(context.configFile) ? context.configFile : path.posix.join(path.posix.dirname(context.configFile), file);
}
