import type { Range } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../documents/document.js';

/** Where the row of a version stands in the document (its table row or `versions` item), else the history. */
export function rowRange(doc: SourceDocument, version: string, cell?: 'version' | 'date'): Range {
  const row = doc.history?.rows.find((r) => r.version === version);
  if (!row) return doc.history?.at ?? doc.map.fallback;
  return cell ? row.cells[cell] : row.at;
}
