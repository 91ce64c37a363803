import { daysInMonth, makeDate, parts, quarterOf, yearOf, type CivilDate } from '../dates/index.js';

/** Return and deposit periods keyed by civil dates: quarters (`2026Q1`), months (`2026-01`), years. */

export function quarterKey(date: CivilDate): string {
  return `${yearOf(date)}Q${quarterOf(date)}`;
}

export function quarterStart(date: CivilDate): CivilDate {
  return makeDate(yearOf(date), (quarterOf(date) - 1) * 3 + 1, 1);
}

export function quarterEnd(date: CivilDate): CivilDate {
  const y = yearOf(date), m = quarterOf(date) * 3;
  return makeDate(y, m, daysInMonth(y, m));
}

/** The quarter before the one holding `date`, as a key. */
export function previousQuarterKey(date: CivilDate): string {
  const y = yearOf(date), q = quarterOf(date);
  return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
}

export function monthKey(date: CivilDate): string {
  return date.slice(0, 7);
}

export function monthEnd(date: CivilDate): CivilDate {
  const { year, month } = parts(date);
  return makeDate(year, month, daysInMonth(year, month));
}

export function yearEnd(date: CivilDate): CivilDate {
  return makeDate(yearOf(date), 12, 31);
}

/** The key of a return period (`2026Q1` for a quarterly return, `2026` for an annual one). */
export function returnPeriodKey(date: CivilDate, period: 'quarter' | 'year'): string {
  return period === 'quarter' ? quarterKey(date) : String(yearOf(date));
}

/** Last day of a return period given its key. */
export function returnPeriodEnd(key: string): CivilDate {
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(key);
  if (!m) throw new Error(`not a return period key: ${key}`);
  const y = Number(m[1]);
  return m[2] ? quarterEnd(makeDate(y, Number(m[2]) * 3, 1)) : makeDate(y, 12, 31);
}
