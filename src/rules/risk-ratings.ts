import type { RiskMethod } from '../config/config.js';
import { isRecord } from '../documents/version-history.js';
import { rate, type Rating } from '../risk/method.js';
import type { Entry } from './entries.js';

/** The inherent rating of a risk and its residual (the inherent one for `retain` without a residual). */
export function ratingsOf(method: RiskMethod, entry: Entry): { inherent?: Rating; residual?: Rating; residualGiven: boolean } {
  const inherent = rate(method, entry.data['likelihood'], entry.data['impact']);
  const residualData = entry.data['residual'];
  if (isRecord(residualData)) return { inherent, residual: rate(method, residualData['likelihood'], residualData['impact']), residualGiven: true };
  return { inherent, residual: entry.data['treatment'] === 'retain' ? inherent : undefined, residualGiven: false };
}
