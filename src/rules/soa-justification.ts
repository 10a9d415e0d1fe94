import { controlEntries, label, soaDocuments, text } from './entries.js';
import { misspelt } from './misspelt.js';
import type { Rule } from './rule.js';

/** Fewer characters than this cannot say why a control does not apply. */
export const MIN_EXCLUSION_JUSTIFICATION = 20;
const SAYS_NOTHING = new Set(['', 'na', 'none', 'not applicable']);

/**
 * Whether an exclusion's justification says nothing: trimmed and without punctuation it is `N/A`, `-`,
 * `none` or `not applicable`, or it is shorter than MIN_EXCLUSION_JUSTIFICATION characters.
 */
export function saysNothing(justification: string): boolean {
  const trimmed = justification.trim();
  const bare = trimmed
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return SAYS_NOTHING.has(bare) || [...trimmed].length < MIN_EXCLUSION_JUSTIFICATION;
}

export const soaJustification: Rule = {
  id: 'soa-justification',
  description: `missing justification; an exclusion whose justification says nothing (N/A, -, none, not applicable, under ${MIN_EXCLUSION_JUSTIFICATION} characters); applicable without reasons`,
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
        } else if (!applicable && justification !== undefined && saysNothing(justification)) {
          context.report(
            doc,
            doc.map.valueAt(`${entry.pointer}/justification`),
            `${label(entry, 'control')} is excluded with a justification that says nothing ("${justification.trim()}"): say why the control does not apply, in ${MIN_EXCLUSION_JUSTIFICATION} characters or more`,
          );
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
