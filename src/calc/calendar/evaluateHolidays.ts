import { addDays, dayOfWeek, daysInMonth, makeDate, WEEKDAY_NAMES, type CivilDate } from '../../dates/index.js';
import type { CalendarDef, HolidayDef, HolidayRule, Observance } from './holidayRules.js';

/** A holiday as observed on a date of a year. */
export interface Holiday {
  /** The day it is observed (a business day is lost on this date). */
  date: CivilDate;
  /** Name as printed; names of holidays observed on one day are joined with "/". */
  name: string;
  /** The holiday's own date when observance moved it (July 4 for a July 3 observance). */
  nominal?: CivilDate;
}

/** The n-th `weekday` (0 = Sunday) of a month, or undefined when the month has no such day. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): CivilDate | undefined {
  const first = makeDate(year, month, 1);
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  const d = 1 + offset + (n - 1) * 7;
  return d <= daysInMonth(year, month) ? makeDate(year, month, d) : undefined;
}

export function lastWeekday(year: number, month: number, weekday: number): CivilDate {
  const last = makeDate(year, month, daysInMonth(year, month));
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

/** The holiday's own date in a year, before observance; undefined when the rule gives none that year. */
export function nominalDate(rule: HolidayRule, year: number): CivilDate | undefined {
  switch (rule.type) {
    case 'fixed':
      return rule.day <= daysInMonth(year, rule.month) ? makeDate(year, rule.month, rule.day) : undefined;
    case 'nth_weekday':
      return nthWeekday(year, rule.month, WEEKDAY_NAMES.indexOf(rule.weekday), rule.n);
    case 'last_weekday':
      return lastWeekday(year, rule.month, WEEKDAY_NAMES.indexOf(rule.weekday));
    case 'every_n_years':
      if (year < rule.first_year || (year - rule.first_year) % rule.every !== 0) return undefined;
      return rule.day <= daysInMonth(year, rule.month) ? makeDate(year, rule.month, rule.day) : undefined;
    case 'weekday_after': {
      const anchor = nthWeekday(year, rule.month, WEEKDAY_NAMES.indexOf(rule.after.weekday), rule.after.n);
      if (!anchor) return undefined;
      // Strictly after the anchor: 1 to 7 days later.
      return addDays(anchor, ((WEEKDAY_NAMES.indexOf(rule.weekday) - dayOfWeek(anchor) + 6) % 7) + 1);
    }
    case 'one_off':
      return Number(rule.date.slice(0, 4)) === year ? rule.date : undefined;
  }
}

/** The date a holiday is observed, given its own date and the observance policy. */
export function observedDate(nominal: CivilDate, observance: Observance): CivilDate {
  const w = dayOfWeek(nominal);
  if (observance === 'none') return nominal;
  if (w === 0) return addDays(nominal, 1);
  if (w === 6 && observance === 'weekend_shift') return addDays(nominal, -1);
  return nominal;
}

function inForce(h: HolidayDef, nominal: CivilDate): boolean {
  return (!h.from || h.from <= nominal) && (!h.to || nominal <= h.to);
}

/**
 * Every holiday observed in a calendar year, in date order. A holiday of the
 * next or previous year may be observed in this one (January 1 on a Saturday
 * is observed on December 31), so neighbouring years are evaluated too.
 */
export function holidaysInYear(def: CalendarDef, year: number): Holiday[] {
  const byDate = new Map<CivilDate, Holiday>();
  for (const h of def.holidays) {
    for (const y of [year - 1, year, year + 1]) {
      const nominal = nominalDate(h.rule, y);
      if (!nominal || !inForce(h, nominal)) continue;
      const date = observedDate(nominal, h.observance ?? def.observance);
      if (Number(date.slice(0, 4)) !== year) continue;
      const hit = byDate.get(date);
      if (hit) {
        if (!hit.name.split('/').includes(h.name)) hit.name = `${hit.name}/${h.name}`;
      } else {
        byDate.set(date, date === nominal ? { date, name: h.name } : { date, name: h.name, nominal });
      }
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
