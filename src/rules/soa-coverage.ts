import { catalogOf } from '../catalog/catalog.js';
import { resolveControlId } from '../catalog/control-id.js';
import { controlEntries, soaDocuments, text } from './entries.js';
import { standardOf } from '../soa/soa-summary.js';
import type { Rule } from './rule.js';

export const soaCoverage: Rule = {
  id: 'soa-coverage',
  description: 'catalogue controls missing from the SoA; unknown or duplicate controls; 2013 ids in a 2022 SoA (with the 2022 mapping as hint)',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of soaDocuments(context)) {
      if (!Array.isArray(doc.data?.['controls'])) continue; // the schema reports a missing list
      const standard = standardOf(doc, context.config);
      const catalog = catalogOf(standard);
      const seen = new Map<string, number>();
      for (const entry of controlEntries(doc)) {
        const raw = text(entry, 'control');
        if (raw === undefined) continue;
        const at = doc.map.valueAt(`${entry.pointer}/control`);
        const resolved = resolveControlId(raw, standard);
        if (!resolved.ok) {
          context.report(doc, at, resolved.message);
          continue;
        }
        const first = seen.get(resolved.id);
        if (first !== undefined) context.report(doc, at, `control ${resolved.id} is listed twice (first at line ${first})`);
        else seen.set(resolved.id, at.line);
      }
      const missingAt = doc.map.keyAt('/controls');
      for (const control of catalog.controls) {
        if (!seen.has(control.id)) {
          context.report(doc, missingAt, `control ${control.id} ${control.title} of ${catalog.name} is missing: every Annex A control needs a decision`);
        }
      }
    }
  },
};
