import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES } from '../../src/rules/index.js';

describe('the rule registry', () => {
  it('gives every rule an id of its own, in kebab case', () => {
    const seen = new Map<string, number>();
    for (const id of RULE_IDS) seen.set(id, (seen.get(id) ?? 0) + 1);
    expect([...seen].filter(([, count]) => count > 1).map(([id]) => id)).toEqual([]);
    for (const rule of RULES) expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
