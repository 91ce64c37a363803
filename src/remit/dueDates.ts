import { addDays, dayOfWeek, daysInMonth, makeDate, parts, WEEKDAY_NAMES, type CivilDate } from '../dates/index.js';
import { addBusinessDays, businessDayOnOrAfter, type BusinessCalendar } from '../calc/calendar/index.js';
import type { DayRule, FormDef, MonthlySchedule, SafeHarbor, SemiweeklySchedule } from './ruleShapes.js';
import { monthEnd } from './periods.js';

/** A due date with the nominal date it came from and a one-line explanation. */
export interface DueDate {
  due: CivilDate;
  /** The date the rule gives before the business-day roll (monthly, quarterly, return dates). */
  nominal: CivilDate;
  why: string;
}

const WEEKDAY_LABEL = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** `2026-02-17 (Tue)`. */
export function labelDate(date: CivilDate): string {
  return `${date} (${WEEKDAY_LABEL[dayOfWeek(date)]})`;
}

/** The day a DayRule gives, counted from the last month of a period ending on `periodEnd`. */
export function applyDayRule(periodEnd: CivilDate, rule: DayRule): CivilDate {
  const { year, month } = parts(periodEnd);
  const idx = year * 12 + (month - 1) + rule.months_after;
  const y = Math.floor(idx / 12), m = (idx % 12) + 1;
  const last = daysInMonth(y, m);
  return makeDate(y, m, rule.day === 'last' ? last : Math.min(rule.day, last));
}

/** Names of the legal holidays from `from` to `to` (both included), for explanations. */
function holidaysBetween(cal: BusinessCalendar, from: CivilDate, to: CivilDate): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const h = cal.holidayOn(d);
    if (h) out.push(`${labelDate(d)} ${h.name}`);
  }
  return out;
}

/** A nominal date rolled to the next business day when it is a weekend day or legal holiday. */
export function rolledDueDate(cal: BusinessCalendar, nominal: CivilDate, rule: string): DueDate {
  const due = businessDayOnOrAfter(cal, nominal);
  if (due === nominal) return { due, nominal, why: `${rule}: ${labelDate(due)}` };
  const hols = holidaysBetween(cal, nominal, addDays(due, -1));
  return {
    due,
    nominal,
    why: `${rule}: ${labelDate(nominal)} is not a business day${hols.length ? ` (${hols.join(', ')})` : ''}, so the next business day ${labelDate(due)}`,
  };
}

/** Monthly schedule: the 15th of the month after the payday, rolled to a business day. */
export function monthlyDueDate(cal: BusinessCalendar, payDate: CivilDate, s: MonthlySchedule): DueDate {
  return rolledDueDate(cal, applyDayRule(monthEnd(payDate), s.due), `monthly schedule, day ${s.due.day} of the month after ${payDate.slice(0, 7)}`);
}

/** The semiweekly deposit period (Wednesday–Friday or Saturday–Tuesday) holding a payday. */
export function semiweeklyPeriod(payDate: CivilDate, s: SemiweeklySchedule): { start: CivilDate; end: CivilDate } {
  const w = WEEKDAY_NAMES[dayOfWeek(payDate)]!;
  const p = s.periods.find((x) => x.paydays.includes(w))!;
  const end = addDays(payDate, (WEEKDAY_NAMES.indexOf(p.ends) - dayOfWeek(payDate) + 7) % 7);
  return { start: addDays(end, -(p.paydays.length - 1)), end };
}

/**
 * Semiweekly schedule: the `business_days_after_period`-th business day after
 * the period closes. With 3, that is the following Wednesday (Wed–Fri paydays)
 * or Friday (Sat–Tue paydays), a day later for each legal holiday among the
 * three weekdays after the period.
 */
export function semiweeklyDueDate(cal: BusinessCalendar, payDate: CivilDate, s: SemiweeklySchedule): DueDate & { periodStart: CivilDate; periodEnd: CivilDate } {
  const { start, end } = semiweeklyPeriod(payDate, s);
  const n = s.business_days_after_period;
  const due = addBusinessDays(cal, end, n);
  const hols = holidaysBetween(cal, addDays(end, 1), due);
  return {
    due,
    nominal: due,
    periodStart: start,
    periodEnd: end,
    why: `semiweekly schedule, ${n} business days after the period ${start}..${end}: ${labelDate(due)}${hols.length ? ` (a day later for ${hols.join(', ')})` : ''}`,
  };
}

/** $100,000 next-day rule: the next business day after the day the threshold was reached. */
export function nextDayDueDate(cal: BusinessCalendar, date: CivilDate, businessDays: number): DueDate {
  const due = addBusinessDays(cal, date, businessDays);
  return { due, nominal: due, why: `$100,000 next-day rule: ${businessDays === 1 ? 'the next business day' : `${businessDays} business days`} after ${labelDate(date)}: ${labelDate(due)}` };
}

/** A return's due date for the return period ending on `periodEnd`. */
export function returnDueDate(cal: BusinessCalendar, periodEnd: CivilDate, form: FormDef, formName: string): DueDate {
  return rolledDueDate(cal, applyDayRule(periodEnd, form.return_due), `Form ${formName} due date for the period ending ${periodEnd}`);
}

/** The later filing date allowed when every deposit of the period was made on time (May 10, Aug 10…). */
export function allDepositsTimelyDate(cal: BusinessCalendar, periodEnd: CivilDate, form: FormDef, formName: string): DueDate | undefined {
  if (!form.all_deposits_timely) return undefined;
  return rolledDueDate(cal, applyDayRule(periodEnd, form.all_deposits_timely), `Form ${formName} filing date when all deposits were timely`);
}

/**
 * Makeup date of a deposit shortfall (Accuracy of Deposits Rule).
 * Monthly depositor: the return due date. Semiweekly depositor: the earlier of
 * the first Wednesday or Friday on or after the 15th of the month after the
 * shortfall (the month of the missed due date) and the return due date.
 */
export function makeupDate(cal: BusinessCalendar, depositDue: CivilDate, schedule: 'monthly' | 'semiweekly', returnDue: CivilDate, sh: SafeHarbor): CivilDate {
  if (schedule === 'monthly') return returnDue;
  const m = sh.semiweekly_makeup;
  let d = applyDayRule(monthEnd(depositDue), { months_after: m.months_after, day: m.on_or_after_day });
  while (!m.weekdays.includes(WEEKDAY_NAMES[dayOfWeek(d)]!)) d = addDays(d, 1);
  d = businessDayOnOrAfter(cal, d);
  return d < returnDue ? d : returnDue;
}
