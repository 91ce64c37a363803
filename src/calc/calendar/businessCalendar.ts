import { addDays, dayOfWeek, WEEKDAY_NAMES, yearOf, type CivilDate } from '../../dates/index.js';
import type { CalendarDef } from './holidayRules.js';
import { holidaysInYear, type Holiday } from './evaluateHolidays.js';

/** One dated definition of a calendar: the rules in force from `from` to `to`. */
export interface CalendarSegment {
  from: CivilDate;
  to: CivilDate;
  def: CalendarDef;
}

/** A date the calendar has no rules for: no holiday list is carried past its `to`. */
export class CalendarRangeError extends Error {
  constructor(readonly calendar: string, readonly date: CivilDate, readonly from: CivilDate, readonly to: CivilDate) {
    super(`the ${calendar} business-day calendar has no rules for ${date} (it covers ${from} to ${to})`);
    this.name = 'CalendarRangeError';
  }
}

/**
 * A business-day calendar: weekends and legal holidays, evaluated from rules
 * year by year (cached). Pure: no clock, no I/O; dates are civil-date strings.
 */
export class BusinessCalendar {
  readonly name: string;
  private readonly segments: readonly CalendarSegment[];
  private readonly years = new Map<number, Map<CivilDate, Holiday>>();

  constructor(name: string, segments: readonly CalendarSegment[]) {
    if (segments.length === 0) throw new Error(`calendar ${name} has no definition`);
    this.name = name;
    this.segments = [...segments].sort((a, b) => (a.from < b.from ? -1 : 1));
  }

  get from(): CivilDate {
    return this.segments[0]!.from;
  }

  get to(): CivilDate {
    return this.segments[this.segments.length - 1]!.to;
  }

  private segmentAt(date: CivilDate): CalendarSegment {
    const s = this.segments.find((g) => g.from <= date && date <= g.to);
    if (!s) throw new CalendarRangeError(this.name, date, this.from, this.to);
    return s;
  }

  private yearMap(year: number): Map<CivilDate, Holiday> {
    let m = this.years.get(year);
    if (!m) {
      m = new Map();
      // Each segment answers for the dates it covers (a rule change mid-year is honoured).
      for (const seg of this.segments) {
        for (const h of holidaysInYear(seg.def, year)) if (seg.from <= h.date && h.date <= seg.to) m.set(h.date, h);
      }
      this.years.set(year, m);
    }
    return m;
  }

  /** The legal holidays observed in a year, in date order (only dates the calendar covers). */
  holidaysIn(year: number): Holiday[] {
    return [...this.yearMap(year).values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /** The holiday observed on a date, if any. Throws CalendarRangeError outside the calendar's coverage. */
  holidayOn(date: CivilDate): Holiday | undefined {
    this.segmentAt(date);
    return this.yearMap(yearOf(date)).get(date);
  }

  isWeekend(date: CivilDate): boolean {
    return this.segmentAt(date).def.weekend.includes(WEEKDAY_NAMES[dayOfWeek(date)]!);
  }

  isBusinessDay(date: CivilDate): boolean {
    return !this.isWeekend(date) && this.holidayOn(date) === undefined;
  }
}

export function isBusinessDay(cal: BusinessCalendar, date: CivilDate): boolean {
  return cal.isBusinessDay(date);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(cal: BusinessCalendar, date: CivilDate): CivilDate {
  let d = addDays(date, 1);
  while (!cal.isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** `date` itself when it is a business day, else the next business day (the "due on a weekend or holiday" rule). */
export function businessDayOnOrAfter(cal: BusinessCalendar, date: CivilDate): CivilDate {
  return cal.isBusinessDay(date) ? date : nextBusinessDay(cal, date);
}

/**
 * The n-th business day after `date` (n ≥ 1), or before it when n is
 * negative; `date` itself when n is 0. `date` need not be a business day.
 */
export function addBusinessDays(cal: BusinessCalendar, date: CivilDate, n: number): CivilDate {
  if (!Number.isInteger(n)) throw new RangeError(`addBusinessDays: ${n} is not a whole number`);
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (cal.isBusinessDay(d)) left--;
  }
  return d;
}

/** Business days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function businessDaysBetween(cal: BusinessCalendar, from: CivilDate, to: CivilDate): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isBusinessDay(d)) n++;
  return n;
}
