import path from 'node:path';
import type { SourceDocument } from '../documents/document.js';
import type { Workspace } from '../documents/workspace.js';
import { UsageError } from './io.js';
import { messages } from './messages.js';

/** A document named by its path (from the current folder) or by its id. */
export function findDocument(workspace: Workspace, name: string, cwd: string): SourceDocument {
  const absolute = path.resolve(cwd, name);
  const doc = workspace.documents.find((d) => d.absolutePath === absolute) ?? workspace.documents.find((d) => d.meta.id === name);
  if (!doc) throw new UsageError(messages.noSuchDocument(name));
  // Its paths show the name with escapes: writing to them would make another file.
  if (doc.bytes) throw new UsageError(messages.nameNotUtf8(doc.file));
  return doc;
}
