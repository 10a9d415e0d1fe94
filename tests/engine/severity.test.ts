import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine/check.js';
import { reviewOverdue } from '../../src/rules/review-overdue.js';
import { BASE_CONFIG, configFrom, markdown, workspaceFrom } from '../helpers/workspace.js';

// Approved 2026-01-10, reviewed every 12 months: overdue by 2028.
const overdue = { 'policy.md': markdown() };
const AS_OF = '2028-01-01';

describe('severity', () => {
  it('reports a rule at the severity the configuration gives it, else its default', () => {
    const severities = (config?: string) => check(workspaceFrom(overdue, configFrom(config)), { asOf: AS_OF, rules: [reviewOverdue] }).diagnostics.map((d) => d.severity);
    expect(severities()).toEqual(['warning']);
    expect(severities(`${BASE_CONFIG}rules:\n  review-overdue: error\n`)).toEqual(['error']);
  });

  it('raises a rule that is on to the severity check() is given, whatever the configuration says', () => {
    const workspace = workspaceFrom(overdue);
    const { diagnostics } = check(workspace, { asOf: AS_OF, rules: [reviewOverdue], severity: { 'review-overdue': 'error' } });
    expect(diagnostics.map((d) => `${d.rule} ${d.severity}`)).toEqual(['review-overdue error']);
  });

  it('leaves a rule the configuration turns off silent, whatever severity check() is given', () => {
    const workspace = workspaceFrom(overdue, configFrom(`${BASE_CONFIG}rules:\n  review-overdue: off\n`));
    expect(check(workspace, { asOf: AS_OF, rules: [reviewOverdue], severity: { 'review-overdue': 'error' } }).diagnostics).toEqual([]);
  });
});
