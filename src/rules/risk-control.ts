import { otherSourceOf, resolveControlId } from '../catalog/control-id.js';
import { controlEntries, label, registerDocuments, riskEntries, soaDocuments, text, texts } from './entries.js';
import { standardOf } from '../soa/soa-summary.js';
import type { Rule } from './rule.js';

export const riskControl: Rule = {
  id: 'risk-control',
  description: 'a treatment control unknown, or excluded in the SoA',
  defaultSeverity: 'error',
  check(context) {
    // The SoA of each edition: control id -> where it is excluded; and the ids of controls from other sources.
    const excluded = new Map<string, Map<string, string>>();
    const ownIds = new Map<string, Set<string>>();
    for (const soa of soaDocuments(context)) {
      const standard = standardOf(soa, context.config);
      const map = excluded.get(standard) ?? new Map<string, string>();
      const own = ownIds.get(standard) ?? new Set<string>();
      for (const entry of controlEntries(soa)) {
        const raw = text(entry, 'control');
        if (raw === undefined) continue;
        const fromOtherSource = otherSourceOf(entry.data) !== undefined;
        if (fromOtherSource) own.add(raw.trim());
        const resolved = fromOtherSource ? { ok: true as const, id: raw.trim() } : resolveControlId(raw, standard);
        if (resolved.ok && entry.data['applicable'] === false) map.set(resolved.id, `${soa.file}:${soa.map.keyAt(`${entry.pointer}/control`).line}`);
      }
      excluded.set(standard, map);
      ownIds.set(standard, own);
    }
    for (const doc of registerDocuments(context)) {
      const standard = standardOf(doc, context.config);
      for (const entry of riskEntries(doc)) {
        for (const { value, pointer } of texts(entry, 'controls')) {
          const resolved = ownIds.get(standard)?.has(value.trim()) ? { ok: true as const, id: value.trim() } : resolveControlId(value, standard);
          const at = doc.map.valueAt(pointer);
          if (!resolved.ok) {
            context.report(doc, at, `${label(entry, 'risk')}: ${resolved.message}${resolved.unknown ? ', nor a control from another source in the Statement of Applicability' : ''}`);
            continue;
          }
          const where = excluded.get(standard)?.get(resolved.id);
          if (where) context.report(doc, at, `${label(entry, 'risk')} is treated with control ${resolved.id}, which the Statement of Applicability excludes (${where})`);
        }
      }
    }
  },
};
