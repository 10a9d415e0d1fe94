import { compareRatings, describeRating, ratingsOf } from '../risk/method.js';
import { label, registerDocuments, riskEntries } from './entries.js';
import { misspelt } from './misspelt.js';
import type { Rule } from './rule.js';

export const riskTreatment: Rule = {
  id: 'risk-treatment',
  description: 'modify without controls or residual; a residual above inherent',
  defaultSeverity: 'error',
  check(context) {
    const method = context.config.risk;
    for (const doc of registerDocuments(context)) {
      for (const entry of riskEntries(doc)) {
        const treatment = entry.data['treatment'];
        const name = label(entry, 'risk');
        const at = doc.map.valueAt(`${entry.pointer}/treatment`);
        const controls = entry.data['controls'];
        if (treatment === 'modify' && (!Array.isArray(controls) || controls.length === 0) && !misspelt(context, doc, `${entry.pointer}/controls`)) {
          context.report(doc, at, `${name} is treated by modify without controls: list the Annex A controls that reduce it`);
        }
        if ((treatment === 'modify' || treatment === 'share') && entry.data['residual'] === undefined && !misspelt(context, doc, `${entry.pointer}/residual`)) {
          context.report(doc, at, `${name} is treated by ${treatment} without a residual rating: add residual { likelihood, impact }`);
        }
        if (!method) continue;
        const { inherent, residual, residualGiven } = ratingsOf(method, entry.data);
        if (treatment === 'retain' && residualGiven && inherent && residual && compareRatings(method, residual, inherent) !== 0) {
          context.report(
            doc,
            doc.map.keyAt(`${entry.pointer}/residual`),
            `${name} is retained, so its residual is its inherent rating ${describeRating(inherent)}, not ${describeRating(residual)}: remove the residual or change the treatment`,
          );
        } else if (inherent && residual && compareRatings(method, residual, inherent) > 0) {
          context.report(doc, doc.map.keyAt(`${entry.pointer}/residual`), `${name} has a residual rating ${describeRating(residual)} above its inherent rating ${describeRating(inherent)}`);
        }
      }
    }
  },
};
