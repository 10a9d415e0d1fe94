import { describe, expect, it } from 'vitest';
import { addMonths, isIsoDate, isoDateHint, proposeIsoDate } from '../../src/text/dates.js';

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('2024-2-3')).toBe(false);
  });

  it.each([
    ['11/28/18', '2018-11-28'],
    ['01/01/19', '2019-01-01'],
    ['01.01.2019', '2019-01-01'],
    ['28.11.2018', '2018-11-28'],
    ['2018/11/28', '2018-11-28'],
    ['2018-11-8', '2018-11-08'],
    ['28 November 2018', '2018-11-28'],
    ['Nov 28, 2018', '2018-11-28'],
  ])('proposes the ISO form of %s', (written, iso) => {
    expect(proposeIsoDate(written)).toEqual({ kind: 'unambiguous', iso });
  });

  it('gives both readings of an ambiguous date and none of an impossible one', () => {
    expect(proposeIsoDate('12/07/18')).toEqual({ kind: 'ambiguous', monthFirst: '2018-12-07', dayFirst: '2018-07-12' });
    expect(proposeIsoDate('13/13/18')).toBeUndefined();
    expect(isoDateHint('soon')).toBe('write dates as YYYY-MM-DD');
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-09-30', 12)).toBe('2027-09-30');
  });

  it('counts years before 100 as they are written, not as 19xx', () => {
    expect(addMonths('0000-01-01', 12)).toBe('0001-01-01');
    expect(addMonths('0099-12-15', 1)).toBe('0100-01-15');
    expect(isIsoDate('0000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });

  it('gives no ISO date for an interval past the calendar', () => {
    expect(isIsoDate(addMonths('2026-01-01', 100_000_000_000))).toBe(false);
  });
});
