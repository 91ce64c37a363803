/**
 * Civil dates (a day on the calendar, no time, no zone) as ISO strings
 * `YYYY-MM-DD`. All arithmetic goes through day numbers computed in UTC, so
 * results never depend on the machine's time zone. ISO strings sort
 * chronologically, so plain string comparison orders them.
 */
export type CivilDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isCivilDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function parts(date: CivilDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function makeDate(year: number, month: number, day: number): CivilDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// A payroll year touches a few hundred distinct dates, each converted over and over (every workweek of
// every payslip): both directions are remembered (bounded, cleared when full).
const dayNumbers = new Map<CivilDate, number>();
const datesByNumber = new Map<number, CivilDate>();
const MEMO_LIMIT = 100_000;

/** Days since 1970-01-01. */
export function toDayNumber(date: CivilDate): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    const { year, month, day } = parts(date);
    n = Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
    if (dayNumbers.size >= MEMO_LIMIT) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

export function fromDayNumber(n: number): CivilDate {
  let date = datesByNumber.get(n);
  if (date === undefined) {
    const d = new Date(n * MS_PER_DAY);
    date = makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    if (datesByNumber.size >= MEMO_LIMIT) datesByNumber.clear();
    datesByNumber.set(n, date);
  }
  return date;
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CivilDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}

export function quarterOf(date: CivilDate): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

export function addMonths(date: CivilDate, months: number): CivilDate {
  const { year, month, day } = parts(date);
  const idx = year * 12 + (month - 1) + months;
  const y = Math.floor(idx / 12), m = (idx % 12) + 1;
  return makeDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function minDate(a: CivilDate, b: CivilDate): CivilDate {
  return a < b ? a : b;
}

export function maxDate(a: CivilDate, b: CivilDate): CivilDate {
  return a > b ? a : b;
}

export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** First day of the workweek that contains `date`, for a workweek starting on `start`. */
export function workweekStart(date: CivilDate, start: WeekdayName): CivilDate {
  const offset = (dayOfWeek(date) - WEEKDAY_NAMES.indexOf(start) + 7) % 7;
  return addDays(date, -offset);
}

/** Weekdays (Monday–Friday) from `from` to `to`, both included. */
export function countWeekdays(from: CivilDate, to: CivilDate): number {
  let n = 0;
  for (let d = toDayNumber(from), e = toDayNumber(to); d <= e; d++) {
    const w = (((d + 4) % 7) + 7) % 7;
    if (w !== 0 && w !== 6) n++;
  }
  return n;
}
