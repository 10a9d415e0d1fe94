import { controlEntries, label, soaDocuments, text } from './entries.js';
import { misspelt } from './misspelt.js';
import type { Rule } from './rule.js';

export const soaJustification: Rule = {
  id: 'soa-justification',
  description: 'missing justification; applicable without reasons',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of soaDocuments(context)) {
      for (const entry of controlEntries(doc)) {
        const applicable = entry.data['applicable'];
        if (typeof applicable !== 'boolean') continue; // the schema reports it
        const justification = text(entry, 'justification');
        if ((justification === undefined && !misspelt(context, doc, `${entry.pointer}/justification`)) || justification?.trim() === '') {
          const at = justification === undefined ? doc.map.keyAt(`${entry.pointer}/control`) : doc.map.valueAt(`${entry.pointer}/justification`);
          context.report(doc, at, `${label(entry, 'control')} is ${applicable ? 'included' : 'excluded'} without a justification`);
        }
        const reasons = entry.data['reasons'];
        if (applicable && (!Array.isArray(reasons) || reasons.length === 0) && !(reasons === undefined && misspelt(context, doc, `${entry.pointer}/reasons`))) {
          const at = reasons === undefined ? doc.map.keyAt(`${entry.pointer}/control`) : doc.map.valueAt(`${entry.pointer}/reasons`);
          context.report(doc, at, `${label(entry, 'control')} is applicable without reasons: give one or more of risk, legal, contractual, business`);
        }
      }
    }
  },
};
