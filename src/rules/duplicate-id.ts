import type { SourceDocument } from '../documents/document.js';
import { registerDocuments, riskEntries, text } from './entries.js';
import { readable, type Rule } from './rule.js';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  description: 'two documents with one `id`; two risks of a register with one `id`',
  defaultSeverity: 'error',
  check(context) {
    const first = new Map<string, SourceDocument>();
    for (const doc of readable(context)) {
      const id = doc.meta.id;
      if (!id) continue;
      const earlier = first.get(id);
      if (!earlier) {
        first.set(id, doc);
        continue;
      }
      const line = earlier.map.keyAt('/id').line;
      context.report(doc, doc.map.valueAt('/id'), `id "${id}" is already used by ${earlier.file}:${line}`);
    }
    // A risk's acceptance is proven by its id: two risks with one id would share one proof.
    for (const doc of registerDocuments(context)) {
      const seen = new Map<string, number>();
      for (const entry of riskEntries(doc)) {
        const id = text(entry, 'id');
        if (id === undefined) continue;
        const at = doc.map.valueAt(`${entry.pointer}/id`);
        const line = seen.get(id);
        if (line === undefined) seen.set(id, at.line);
        else context.report(doc, at, `risk id "${id}" is already used at line ${line}`);
      }
    }
  },
};
