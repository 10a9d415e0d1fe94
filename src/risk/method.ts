import type { Config, RiskMethod } from '../config/config.js';
import { isRecord } from '../text/is-record.js';

export interface Rating {
  likelihood: number;
  impact: number;
  /** likelihood x impact (shown to people under both scorings). */
  score: number;
  /** Index into the method's levels. */
  level: number;
  levelName: string;
}

/** Whether a value is on a scale of the method (1..N, whole numbers). */
export function onScale(value: unknown, scale: readonly string[]): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= scale.length;
}

/** The rating of a likelihood and impact under the method; undefined when either is off its scale. */
export function rate(method: RiskMethod, likelihood: unknown, impact: unknown): Rating | undefined {
  if (!onScale(likelihood, method.likelihood) || !onScale(impact, method.impact)) return undefined;
  const score = likelihood * impact;
  const level =
    method.scoring === 'grid'
      ? (method.grid?.[likelihood - 1]?.[impact - 1] ?? method.levels.length - 1)
      : Math.max(
          0,
          method.levels.findIndex((l) => l.max !== undefined && score <= l.max),
        );
  return { likelihood, impact, score, level, levelName: method.levels[level]?.name ?? String(level) };
}

/** Orders two ratings: by level, then (multiply only) by score. */
export function compareRatings(method: RiskMethod, a: Rating, b: Rating): number {
  if (a.level !== b.level) return a.level - b.level;
  return method.scoring === 'multiply' ? a.score - b.score : 0;
}

export function acceptableLevel(method: RiskMethod): number {
  return method.levels.findIndex((l) => l.name === method.acceptable);
}

export function describeRating(rating: Rating): string {
  return `${rating.levelName} (${rating.likelihood}x${rating.impact}=${rating.score})`;
}

/** A risk's inherent rating and its residual one: a `retain` risk without a residual keeps its inherent rating. */
export function ratingsOf(method: RiskMethod, risk: Record<string, unknown>): { inherent?: Rating; residual?: Rating; residualGiven: boolean } {
  const inherent = rate(method, risk['likelihood'], risk['impact']);
  const residual = risk['residual'];
  if (isRecord(residual)) return { inherent, residual: rate(method, residual['likelihood'], residual['impact']), residualGiven: true };
  return { inherent, residual: risk['treatment'] === 'retain' ? inherent : undefined, residualGiven: false };
}

/** Whether a risk's residual rating is above the level its owner may accept (so the escalation role accepts it). */
export function needsEscalation(method: RiskMethod, risk: Record<string, unknown>): boolean {
  const residual = ratingsOf(method, risk).residual;
  return residual !== undefined && residual.level > acceptableLevel(method);
}

/** The role that accepts a risk's residual risk: the escalation role above the acceptable level, else the risk owner. */
export function acceptingRole(config: Config, risk: Record<string, unknown>): string | undefined {
  if (config.risk && needsEscalation(config.risk, risk)) return config.risk.escalation;
  return typeof risk['owner'] === 'string' ? risk['owner'] : undefined;
}
