import { roleOf } from '../config/config.js';
import { describeRating, needsEscalation, ratingsOf } from '../risk/method.js';
import { addMonths, isFutureDate, isIsoDate } from '../text/dates.js';
import { label, registerDocuments, riskEntries, text } from './entries.js';
import { misspelt } from './misspelt.js';
import type { Rule } from './rule.js';
import { isRecord } from '../text/is-record.js';

const NEEDS_ACCEPTANCE = new Set(['modify', 'share', 'retain']);

export const riskAcceptance: Rule = {
  id: 'risk-acceptance',
  description:
    'residual not accepted by the risk owner; above `acceptable` without the escalation role; expired acceptance; an acceptance longer than `risk.max_acceptance_months`, or without `expires` under that limit',
  defaultSeverity: 'error',
  check(context) {
    const method = context.config.risk;
    for (const doc of registerDocuments(context)) {
      for (const entry of riskEntries(doc)) {
        const treatment = entry.data['treatment'];
        if (typeof treatment !== 'string') continue;
        const name = label(entry, 'risk');
        const acceptance = entry.data['acceptance'];
        if (treatment === 'avoid') {
          if (acceptance !== undefined) context.report(doc, doc.map.keyAt(`${entry.pointer}/acceptance`), `${name} is avoided, so there is no residual risk to accept: remove the acceptance`);
          continue;
        }
        if (!NEEDS_ACCEPTANCE.has(treatment)) continue;
        if (!isRecord(acceptance)) {
          if (acceptance === undefined && misspelt(context, doc, `${entry.pointer}/acceptance`)) continue;
          context.report(
            doc,
            doc.map.valueAt(`${entry.pointer}/treatment`),
            `${name} (${treatment}) has no acceptance of its residual risk: add acceptance { by, date } by the risk owner (ISO/IEC 27001 6.1.3 f)`,
          );
          continue;
        }
        const by = typeof acceptance['by'] === 'string' ? acceptance['by'] : undefined;
        const owner = text(entry, 'owner');
        const residual = method ? ratingsOf(method, entry.data).residual : undefined;
        const escalate = method ? needsEscalation(method, entry.data) : false;
        const byAt = doc.map.valueAt(`${entry.pointer}/acceptance/by`);
        if (method && escalate && by !== method.escalation) {
          context.report(
            doc,
            byAt,
            `${name} has a residual rating ${describeRating(residual!)} above the acceptable level (${method.acceptable}): it must be accepted by ${method.escalation}, not ${by ?? 'nobody'}`,
          );
          // An owner that is not a role (`CISO`) is unknown-role's to report, with the role it may mean.
        } else if (!escalate && by !== undefined && owner !== undefined && roleOf(context.config, owner) && by !== owner) {
          context.report(doc, byAt, `${name} is owned by ${owner}, so ${owner} accepts its residual risk, not ${by}`);
        }
        const date = typeof acceptance['date'] === 'string' ? acceptance['date'] : undefined;
        if (date && isIsoDate(date) && isFutureDate(date, context.asOf)) {
          context.report(doc, doc.map.valueAt(`${entry.pointer}/acceptance/date`), `${name} was accepted on ${date}, in the future (today is ${context.asOf})`);
        }
        const expires = typeof acceptance['expires'] === 'string' ? acceptance['expires'] : undefined;
        if (expires && isIsoDate(expires) && expires < context.asOf) {
          context.report(doc, doc.map.valueAt(`${entry.pointer}/acceptance/expires`), `${name}: the acceptance expired on ${expires}; the owner must accept the residual risk again`);
        }
        const limit = method?.maxAcceptanceMonths;
        if (limit !== undefined && date && isIsoDate(date)) {
          const latest = addMonths(date, limit);
          const months = `${limit} ${limit === 1 ? 'month' : 'months'}`;
          if (expires === undefined) {
            context.report(
              doc,
              doc.map.keyAt(`${entry.pointer}/acceptance`),
              `${name}: the acceptance has no expiry, but the method lets an acceptance last ${months} at most (risk.max_acceptance_months): add expires: ${latest} or earlier`,
            );
          } else if (isIsoDate(expires) && expires > latest) {
            context.report(
              doc,
              doc.map.valueAt(`${entry.pointer}/acceptance/expires`),
              `${name} is accepted until ${expires}, longer than the method allows: an acceptance of ${date} lasts ${months} at most (risk.max_acceptance_months), until ${latest}`,
            );
          }
        }
      }
    }
  },
};
