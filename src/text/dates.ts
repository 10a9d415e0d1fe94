const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (2024-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const match = ISO.exec(text);
  if (!match) return false;
  return isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Days of a month of the proleptic Gregorian calendar (no `Date`: it reads years 0-99 as 1900-1999). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Two-digit years as POSIX `strptime %y` reads them: 69-99 are 19xx, 00-68 are 20xx. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year >= 69 ? 1900 + year : 2000 + year;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export type DateProposal = { kind: 'unambiguous'; iso: string } | { kind: 'ambiguous'; monthFirst: string; dayFirst: string };

/**
 * The ISO form of a date written another way: `11/28/18` -> 2018-11-28, `01.01.2019` -> 2019-01-01,
 * `28 November 2018` -> 2018-11-28. `12/07/18` could be either order, so both readings are returned.
 */
export function proposeIsoDate(text: string): DateProposal | undefined {
  const trimmed = text.trim();
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(trimmed);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const year = fullYear(numeric[3] ?? '');
    const monthFirst = isCalendarDate(year, a, b) ? iso(year, a, b) : undefined;
    const dayFirst = isCalendarDate(year, b, a) ? iso(year, b, a) : undefined;
    if (monthFirst && dayFirst && monthFirst !== dayFirst) return { kind: 'ambiguous', monthFirst, dayFirst };
    const only = monthFirst ?? dayFirst;
    return only ? { kind: 'unambiguous', iso: only } : undefined;
  }
  const yearFirst = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(trimmed) ?? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (yearFirst) {
    const [year, month, day] = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
    return isCalendarDate(year, month, day) ? { kind: 'unambiguous', iso: iso(year, month, day) } : undefined;
  }
  const dayMonth = /^(\d{1,2})(?:st|nd|rd|th)?\.? ([A-Za-z]+)\.?,? (\d{4})$/.exec(trimmed);
  const monthDay = /^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(trimmed);
  const named = dayMonth ? { day: dayMonth[1], month: dayMonth[2], year: dayMonth[3] } : monthDay ? { day: monthDay[2], month: monthDay[1], year: monthDay[3] } : undefined;
  if (named) {
    const month = MONTHS.indexOf((named.month ?? '').slice(0, 3).toLowerCase()) + 1;
    const [year, day] = [Number(named.year), Number(named.day)];
    return month > 0 && isCalendarDate(year, month, day) ? { kind: 'unambiguous', iso: iso(year, month, day) } : undefined;
  }
  return undefined;
}

/** The sentence a date diagnostic ends with: what to write instead. */
export function isoDateHint(text: string): string {
  const proposal = proposeIsoDate(text);
  if (!proposal) return 'write dates as YYYY-MM-DD';
  if (proposal.kind === 'unambiguous') return `write ${proposal.iso}`;
  return `write ${proposal.monthFirst} (month first) or ${proposal.dayFirst} (day first)`;
}

/**
 * Whole months added to an ISO date, clamped to the month's last day (2024-01-31 + 1 = 2024-02-29).
 * A result past 9999 is no ISO date (isIsoDate says so): callers treat it as no date.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = total - targetYear * 12 + 1;
  return iso(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function todayIso(now: Date = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * Whether a date is in the future of `today`: later than the day after it. A date is a local calendar
 * day; CI runs in UTC, and an approver east of it is already on the next day.
 */
export function isFutureDate(date: string, today: string): boolean {
  return daysBetween(today, date) > 1;
}
