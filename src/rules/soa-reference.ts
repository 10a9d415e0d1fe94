import { DOCUMENT_TYPES } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { isRecord } from '../text/is-record.js';
import { closest } from '../text/suggest.js';
import { controlEntries, label, registerDocuments, riskEntries, soaDocuments, text, texts } from './entries.js';
import { listedReferences } from './references.js';
import { misspelt, misspeltIds, misspeltText } from './misspelt.js';
import { readable, type Rule } from './rule.js';

export const soaReference: Rule = {
  id: 'soa-reference',
  description: 'SoA names a missing document or risk',
  defaultSeverity: 'error',
  check(context) {
    const documentIds = context.documents.flatMap((d) => (d.meta.id ? [d.meta.id] : []));
    const riskIds = registerDocuments(context).flatMap((d) => riskEntries(d).flatMap((e) => text(e, 'id') ?? misspeltText(context, d, `${e.pointer}/id`) ?? []));
    // A register whose list is under a misspelt key (`risk:`), or whose type is misspelt, still has its
    // risks: the schema reports the key or the type, once.
    const unsureType = (doc: SourceDocument) => !(DOCUMENT_TYPES as readonly string[]).includes(doc.meta.type ?? '');
    for (const doc of readable(context)) {
      if (unsureType(doc) && doc.data) riskIds.push(...riskEntries(doc).flatMap((e) => text(e, 'id') ?? []));
      if (doc.meta.type !== 'risk-register') continue;
      const list = misspelt(context, doc, '/risks')?.value;
      if (Array.isArray(list)) riskIds.push(...list.flatMap((item) => (isRecord(item) && typeof item['id'] === 'string' ? [item['id']] : [])));
    }
    const misspeltDocumentIds = misspeltIds(context);
    for (const doc of soaDocuments(context)) {
      for (const { id, at, list, kind, target } of listedReferences(doc, context)) {
        if (kind !== 'soa-documents' || target || misspeltDocumentIds.has(id)) continue;
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
