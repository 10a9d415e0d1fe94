import type { RiskMethod } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { isRecord } from '../text/is-record.js';
import { ratingsOf, type Rating } from './method.js';

export const TREATMENTS = ['modify', 'retain', 'avoid', 'share'] as const;
export type Treatment = (typeof TREATMENTS)[number];

/** A risk of a register, rated under the method. */
export interface RatedRisk {
  /** The register's entry, as written. */
  entry: Record<string, unknown>;
  inherent?: Rating;
  /** The residual rating; none for an avoided risk (it no longer exists). */
  residual?: Rating;
  treatment: Treatment | undefined;
}

/** What a risk register holds, worked out once for the status report and the publication. */
export interface RiskSummary {
  risks: RatedRisk[];
  /** Risks by inherent and by residual level name (every level of the method, zero included). */
  inherent: Record<string, number>;
  residual: Record<string, number>;
  treatments: Record<Treatment, number>;
  /** Risks by rating: [likelihood - 1][impact - 1]. */
  inherentGrid: number[][];
  residualGrid: number[][];
}

/** Every risk of a register rated under the method, and the counts by level, treatment and cell. No I/O. */
export function summarizeRisks(doc: SourceDocument, method: RiskMethod): RiskSummary {
  const zero = () => Object.fromEntries(method.levels.map((l) => [l.name, 0])) as Record<string, number>;
  const grid = () => method.likelihood.map(() => method.impact.map(() => 0));
  const summary: RiskSummary = { risks: [], inherent: zero(), residual: zero(), treatments: { modify: 0, retain: 0, avoid: 0, share: 0 }, inherentGrid: grid(), residualGrid: grid() };
  const entries = Array.isArray(doc.data?.['risks']) ? (doc.data['risks'] as unknown[]) : [];
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const ratings = ratingsOf(method, entry);
    const treatment = (TREATMENTS as readonly unknown[]).includes(entry['treatment']) ? (entry['treatment'] as Treatment) : undefined;
    const residual = treatment === 'avoid' ? undefined : ratings.residual;
    const { inherent } = ratings;
    if (inherent) {
      summary.inherent[inherent.levelName] = (summary.inherent[inherent.levelName] ?? 0) + 1;
      summary.inherentGrid[inherent.likelihood - 1]![inherent.impact - 1]!++;
    }
    if (residual) {
      summary.residual[residual.levelName] = (summary.residual[residual.levelName] ?? 0) + 1;
      summary.residualGrid[residual.likelihood - 1]![residual.impact - 1]!++;
    }
    if (treatment) summary.treatments[treatment]++;
    summary.risks.push({ entry, ...(inherent ? { inherent } : {}), ...(residual ? { residual } : {}), treatment });
  }
  return summary;
}
