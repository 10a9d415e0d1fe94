import { catalogOf } from '../catalog/catalog.js';
import { annexAControlSpelled, otherSourceOf, resolveControlId } from '../catalog/control-id.js';
import { controlEntries, soaDocuments, text } from './entries.js';
import { misspelt } from './misspelt.js';
import { standardOf } from '../soa/soa-summary.js';
import type { Rule } from './rule.js';

export const soaCoverage: Rule = {
  id: 'soa-coverage',
  description:
    'catalogue controls missing from the SoA; unknown or duplicate controls (entries with `source:` are controls from other sources, with ids of their own); 2013 ids in a 2022 SoA (with the 2022 mapping as hint)',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of soaDocuments(context)) {
      if (!Array.isArray(doc.data?.['controls'])) continue; // the schema reports a missing list
      const standard = standardOf(doc, context.config);
      const catalog = catalogOf(standard);
      const seen = new Map<string, number>();
      const ownIds = new Map<string, number>();
      for (const entry of controlEntries(doc)) {
        const raw = text(entry, 'control');
        if (raw === undefined) {
          // Written under a misspelt key, the control still has its decision: the schema reports the key.
          const written = misspelt(context, doc, `${entry.pointer}/control`)?.value;
          const resolved = typeof written === 'string' ? resolveControlId(written, standard) : undefined;
          if (resolved?.ok && !seen.has(resolved.id)) seen.set(resolved.id, doc.map.keyAt(entry.pointer).line);
          continue;
        }
        const at = doc.map.valueAt(`${entry.pointer}/control`);
        if (otherSourceOf(entry.data) !== undefined) {
          // A control from another source (6.1.3 b) has an id of its own, which must not pass for an Annex A control, however spelt.
          const resolved = resolveControlId(raw, standard);
          if (resolved.ok) {
            context.report(
              doc,
              at,
              `${raw} is control ${resolved.id} of ${catalog.name} Annex A, but the entry gives a source: a control from another source needs an id of its own (WW-1); remove "source" for an Annex A control`,
            );
            continue;
          }
          const spelled = annexAControlSpelled(raw, standard);
          if (spelled) {
            const { control } = spelled;
            context.report(
              doc,
              at,
              `${raw.trim()} uses an Annex A id (${catalogOf(spelled.standard).name} ${control.id} ${control.title}): give controls from other sources ids of your own (WW-1), or remove "source" for an Annex A control`,
            );
            continue;
          }
          const first = ownIds.get(raw.trim());
          if (first !== undefined) context.report(doc, at, `control ${raw.trim()} is listed twice (first at line ${first})`);
          else ownIds.set(raw.trim(), at.line);
          continue;
        }
        const resolved = resolveControlId(raw, standard);
        if (!resolved.ok) {
          context.report(doc, at, resolved.unknown ? `${resolved.message} (a control from another source says where it comes from: source: <text>)` : resolved.message);
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
