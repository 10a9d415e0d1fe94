import { onScale } from '../risk/method.js';
import { label, registerDocuments, riskEntries } from './entries.js';
import type { Rule } from './rule.js';
import { isRecord } from '../text/is-record.js';

export const riskScale: Rule = {
  id: 'risk-scale',
  description: "likelihood/impact outside the method's scales",
  defaultSeverity: 'error',
  check(context) {
    const method = context.config.risk;
    for (const doc of registerDocuments(context)) {
      if (!method) {
        context.report(doc, doc.map.keyAt('/risks'), 'isms.config.yaml has no risk method ("risk": scales, scoring, levels, acceptable, escalation), so no risk can be rated');
        continue;
      }
      for (const entry of riskEntries(doc)) {
        const residual = isRecord(entry.data['residual']) ? entry.data['residual'] : {};
        const checks: Array<[string, unknown, string, readonly string[]]> = [
          ['likelihood', entry.data['likelihood'], `${entry.pointer}/likelihood`, method.likelihood],
          ['impact', entry.data['impact'], `${entry.pointer}/impact`, method.impact],
          ['residual likelihood', residual['likelihood'], `${entry.pointer}/residual/likelihood`, method.likelihood],
          ['residual impact', residual['impact'], `${entry.pointer}/residual/impact`, method.impact],
        ];
        for (const [what, value, pointer, scale] of checks) {
          // Non-integers are the schema's; only whole numbers off the scale are this rule's.
          if (typeof value !== 'number' || !Number.isInteger(value) || onScale(value, scale)) continue;
          context.report(doc, doc.map.valueAt(pointer), `${label(entry, 'risk')} has ${what} ${value as number}, outside the scale 1-${scale.length} (${scale.join(', ')})`);
        }
      }
    }
  },
};
