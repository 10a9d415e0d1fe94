import { closest } from '../text/suggest.js';
import { controlEntries, label, registerDocuments, riskEntries, soaDocuments, text, texts } from './entries.js';
import { listedReferences } from './references.js';
import type { Rule } from './rule.js';

export const soaReference: Rule = {
  id: 'soa-reference',
  description: 'SoA names a missing document or risk',
  defaultSeverity: 'error',
  check(context) {
    const documentIds = context.documents.flatMap((d) => (d.meta.id ? [d.meta.id] : []));
    const riskIds = registerDocuments(context).flatMap((d) => riskEntries(d).flatMap((e) => text(e, 'id') ?? []));
    for (const doc of soaDocuments(context)) {
      for (const { id, at, list, kind, target } of listedReferences(doc, context)) {
        if (kind !== 'soa-documents' || target) continue;
        const suggestion = closest(id, documentIds);
        context.report(doc, at, `${list} names document ${id}, which no document has${suggestion ? `; did you mean ${suggestion}?` : ''}`);
      }
      for (const entry of controlEntries(doc)) {
        for (const { value, pointer } of texts(entry, 'risks')) {
          if (riskIds.includes(value)) continue;
          const where = riskIds.length === 0 ? 'there is no risk register with risks' : 'no risk register has it';
          context.report(doc, doc.map.valueAt(pointer), `${label(entry, 'control')} names risk ${value}, but ${where}`);
        }
      }
    }
  },
};
