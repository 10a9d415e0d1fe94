import { describe, expect, it } from 'vitest';
import { closest } from '../../src/text/suggest.js';

describe('closest', () => {
  it.each([
    ['clasification', ['classification', 'status'], 'classification'],
    ['titel', ['title', 'type'], 'title'],
    ['CISO', ['ceo', 'ciso'], 'ciso'],
    ['Approved', ['draft', 'approved'], 'approved'],
    ['policy-statment', ['scope', 'policy-statement'], 'policy-statement'],
  ])('proposes for %j among %j: %j', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });

  it.each([
    ['ciso', ['ciso', 'ceo']],
    ['board', ['ciso', 'ceo']],
    ['x'.repeat(101), ['x'.repeat(101)]],
  ])('proposes nothing for %j among %j', (word, candidates) => {
    expect(closest(word, candidates)).toBeUndefined();
  });

  it('prefers a candidate that differs only in case over one a letter away', () => {
    expect(closest('Ciso', ['cisa', 'ciso'])).toBe('ciso');
  });
});
