import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { RULE_IDS } from '../../src/rules/index.js';
import { RISK_CONFIG } from '../helpers/domain.js';
import { BASE_CONFIG, ROOT } from '../helpers/workspace.js';

const parse = (text: string) => parseConfig(new TextEncoder().encode(text), path.join(ROOT, 'isms.config.yaml'), RULE_IDS);
const problems = (text: string) => {
  const result = parse(text);
  return result.ok ? [] : result.problems.map((p) => `${p.at.line}:${p.at.column} ${p.message}`);
};

describe('the method limits of the configuration', () => {
  it('reads risk.max_acceptance_months, risk.max_review_months and max_review_interval_months', () => {
    const result = parse(`${RISK_CONFIG.replace('  escalation: ceo\n', '  escalation: ceo\n  max_acceptance_months: 12\n  max_review_months: 6\n')}max_review_interval_months: 24\n`);
    expect(result.ok && { risk: [result.config.risk?.maxAcceptanceMonths, result.config.risk?.maxReviewMonths], interval: result.config.maxReviewIntervalMonths }).toEqual({
      risk: [12, 6],
      interval: 24,
    });
  });

  it('reports a default review interval above the limit the configuration sets', () => {
    expect(problems(`${BASE_CONFIG}review_interval_months: 36\nmax_review_interval_months: 24\n`)).toEqual([
      '10:25 review_interval_months 36 is above max_review_interval_months 24: the default interval must keep the limit the configuration sets',
    ]);
  });

  it('refuses a limit that is not a whole number of months', () => {
    expect(problems(`${RISK_CONFIG.replace('  escalation: ceo\n', '  escalation: ceo\n  max_acceptance_months: 0\n')}`)[0]).toMatch(/max_acceptance_months/);
  });
});
