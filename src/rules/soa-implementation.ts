import { controlEntries, label, soaDocuments } from './entries.js';
import { misspelt } from './misspelt.js';
import type { Rule } from './rule.js';

export const soaImplementation: Rule = {
  id: 'soa-implementation',
  description: 'applicable without implementation status or owner; excluded with one',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of soaDocuments(context)) {
      for (const entry of controlEntries(doc)) {
        const applicable = entry.data['applicable'];
        if (typeof applicable !== 'boolean') continue;
        const name = label(entry, 'control');
        for (const key of ['implementation', 'owner'] as const) {
          const present = entry.data[key] !== undefined && entry.data[key] !== null;
          if (applicable && !present) {
            if (misspelt(context, doc, `${entry.pointer}/${key}`)) continue;
            const what = key === 'implementation' ? 'an implementation status (implemented, partial, planned, not-implemented)' : 'an owner';
            context.report(doc, doc.map.keyAt(`${entry.pointer}/control`), `${name} is applicable without ${what}`);
          } else if (!applicable && present) {
            context.report(
              doc,
              doc.map.keyAt(`${entry.pointer}/${key}`),
              `${name} is excluded but has ${key === 'implementation' ? 'an implementation status' : 'an owner'}: remove it, or make the control applicable`,
            );
          }
        }
      }
    }
  },
};
