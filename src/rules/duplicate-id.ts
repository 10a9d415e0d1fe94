import type { SourceDocument } from '../documents/document.js';
import { readable, type Rule } from './rule.js';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  description: 'two documents with one `id`',
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
  },
};
