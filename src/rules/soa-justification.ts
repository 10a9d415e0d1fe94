import { wordsOf } from '../text/says-nothing.js';
import { controlEntries, label, soaDocuments, text } from './entries.js';
import { misspelt } from './misspelt.js';
import type { Rule } from './rule.js';

/** Fewer characters than this cannot say why a control does not apply. */
export const MIN_EXCLUSION_JUSTIFICATION = 20;
/**
 * Fewer distinct words of substance than this do not say why either. Two, not three: "Development is
 * not outsourced." says why 8.30 does not apply in two.
 */
export const MIN_SUBSTANCE_WORDS = 2;

/**
 * Words that say nothing of why a control is excluded: what "N/A", "not applicable", "excluded, see
 * above" and "this control is not required here" are made of, the grammar around them, and lorem ipsum.
 */
const FILLER = new Set([
  // not applicable, excluded, see above
  ...['not', 'applicable', 'inapplicable', 'applicability', 'apply', 'applies', 'applied', 'relevant', 'irrelevant', 'required', 'requirement', 'needed', 'necessary'],
  ...['excluded', 'exclude', 'excludes', 'exclusion', 'control', 'controls', 'annex', 'iso', 'iec', 'see', 'above', 'below', 'same', 'reason', 'reasons', 'justification', 'justified'],
  ...['none', 'nothing', 'nil', 'tbd', 'tbc', 'todo', 'unknown', 'scope', 'currently', 'present', 'considered', 'deemed', 'decided', 'organisation', 'organization', 'company', 'business'],
  // grammar
  ...['the', 'and', 'for', 'are', 'our', 'its', 'was', 'were', 'has', 'have', 'had', 'with', 'from', 'into', 'any', 'all', 'but', 'nor', 'yet', 'can', 'may', 'does', 'did'],
  ...['been', 'being', 'will', 'would', 'should', 'shall', 'also', 'etc', 'via', 'who', 'which', 'what', 'than', 'then', 'them', 'they', 'their', 'there', 'here', 'this', 'that', 'these', 'those'],
  // lorem ipsum
  ...['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit', 'sed', 'eiusmod', 'tempor', 'incididunt', 'labore', 'dolore', 'magna', 'aliqua', 'enim', 'minim'],
  ...['veniam', 'quis', 'nostrud', 'exercitation', 'ullamco', 'laboris', 'nisi', 'aliquip', 'commodo', 'consequat'],
]);

/** The distinct words of substance of a text: three letters or more, and none of FILLER. */
export function substance(text: string): string[] {
  return [...new Set(wordsOf(text).filter((word) => word.length >= 3 && /\p{L}/u.test(word) && !FILLER.has(word)))];
}

/**
 * Why an exclusion's justification says nothing, if it does: shorter than MIN_EXCLUSION_JUSTIFICATION
 * characters (`short`), or fewer than MIN_SUBSTANCE_WORDS distinct words of substance once fillers,
 * punctuation and repeated words are left out (`filler`: "Not applicable (N/A).", "Excluded, see above.").
 */
export function emptyJustification(justification: string): 'short' | 'filler' | undefined {
  if ([...justification.trim()].length < MIN_EXCLUSION_JUSTIFICATION) return 'short';
  return substance(justification).length < MIN_SUBSTANCE_WORDS ? 'filler' : undefined;
}

export const soaJustification: Rule = {
  id: 'soa-justification',
  description: `missing justification; an exclusion whose justification says nothing (under ${MIN_EXCLUSION_JUSTIFICATION} characters, or under ${MIN_SUBSTANCE_WORDS} words of substance once N/A, not applicable, see above and other fillers are left out); applicable without reasons`,
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
        } else if (!applicable && justification !== undefined) {
          const empty = emptyJustification(justification);
          const remedy =
            empty === 'short'
              ? `in ${MIN_EXCLUSION_JUSTIFICATION} characters or more`
              : `in ${MIN_SUBSTANCE_WORDS} words of substance or more (fillers such as N/A, not applicable and see above do not count)`;
          if (empty)
            context.report(
              doc,
              doc.map.valueAt(`${entry.pointer}/justification`),
              `${label(entry, 'control')} is excluded with a justification that says nothing ("${justification.trim()}"): say why the control does not apply, ${remedy}`,
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
