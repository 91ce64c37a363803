import { addDays, workweekStart, type CivilDate, type WeekdayName } from '../../dates/index.js';
import type { TimeEntry } from '../../model/index.js';
import { Decimal, ZERO, formatMoney, roundCents } from '../../money/index.js';
import type { BoundOvertime } from '../boundRules.js';
import type { DayHours, TraceLine } from '../methods/types.js';
import { entriesBetween } from './timeRange.js';

export interface PeriodPay {
  regularHours: Decimal;
  overtimeHours: Decimal;
  doubletimeHours: Decimal;
  leaveHours: Decimal;
  regularPay: Decimal;
  overtimePay: Decimal;
  doubletimePay: Decimal;
  leavePay: Decimal;
  /** Time entries paid in this period (for the row accounting). */
  entriesUsed: number;
  lines: TraceLine[];
}

export interface HourlyInput {
  /** The employee's time entries, sorted by date. */
  entries: readonly TimeEntry[];
  periodStart: CivilDate;
  periodEnd: CivilDate;
  /** Rate for entries without their own. */
  baseRate: Decimal;
  workweekStart: WeekdayName;
  /** The overtime rule, or undefined for an exempt employee. */
  overtime: BoundOvertime | undefined;
  /** For a salaried non-exempt employee: hours are not paid one by one, only overtime at this regular rate. */
  salariedRegularRate?: Decimal;
  /** false: skip the explain trace (bulk computation). */
  trace?: boolean;
}

const rateOf = (e: TimeEntry, base: Decimal) => e.rate ?? base;

/**
 * Pay for hours: straight time for each day worked in the period, leave
 * (PTO, HOL, SICK) paid but not counted as hours worked, and the overtime of
 * every workweek whose last day falls in the period, at the multiplier times
 * the week's regular rate (the weighted average of the rates worked,
 * 29 CFR §778.115). Overtime hours move from regular to overtime pay.
 */
export function hourlyPay(input: HourlyInput): PeriodPay {
  const { entries, periodStart, periodEnd, baseRate } = input;
  const lines: TraceLine[] = [];
  const T = input.trace !== false;
  let regularHours = ZERO, leaveHours = ZERO, straight = ZERO, leavePay = ZERO;
  let overtimeHours = ZERO, doubletimeHours = ZERO, otPay = ZERO, dtPay = ZERO, otShift = ZERO;
  const inPeriod = entriesBetween(entries, periodStart, periodEnd);
  const salaried = input.salariedRegularRate !== undefined;
  for (const e of inPeriod) {
    const code = e.code ?? 'reg';
    if (code === 'reg') {
      regularHours = regularHours.plus(e.hours);
      if (!salaried) straight = straight.plus(e.hours.times(rateOf(e, baseRate)));
    } else if (!salaried) {
      leaveHours = leaveHours.plus(e.hours);
      leavePay = leavePay.plus(e.hours.times(rateOf(e, baseRate)));
    }
  }
  if (!salaried) {
    T && lines.push({ label: `Hours worked in the period (${inPeriod.filter((e) => (e.code ?? 'reg') === 'reg').length} time entries)`, value: regularHours.toString() });
    T && lines.push({ label: 'Straight-time pay for those hours (hours × rate of each entry)', value: formatMoney(straight) });
    if (leaveHours.gt(0)) T && lines.push({ label: 'Leave hours (PTO, HOL, SICK) × rate', value: `${leaveHours.toString()} h = ${formatMoney(leavePay)}` });
  }

  if (input.overtime) {
    const ot = input.overtime;
    // Workweeks whose last day lies in the period.
    for (let wk = workweekStart(periodStart, input.workweekStart); addDays(wk, 6) <= periodEnd; wk = addDays(wk, 7)) {
      const last = addDays(wk, 6);
      const week = entriesBetween(entries, wk, last).filter((e) => (e.code ?? 'reg') === 'reg');
      if (week.length === 0) continue;
      // Hours by day, days in the order first seen: entries in date order (as a sheet gives them) have a day's
      // together; once one comes out of order, each day is looked for among those seen.
      const days: DayHours[] = [];
      let hours = ZERO;
      let inOrder = true;
      for (const e of week) {
        const last = days[days.length - 1];
        let d = last && last.date === e.date ? last : undefined;
        if (!d && last && (!inOrder || e.date < last.date)) {
          inOrder = false;
          d = days.find((x) => x.date === e.date);
        }
        if (d) d.hours = d.hours.plus(e.hours);
        else days.push({ date: e.date, hours: ZERO.plus(e.hours) }); // through plus: rounded to the working precision, as every sum
        hours = hours.plus(e.hours);
      }
      const split = ot.method.split(days, ot.params, ot.prov as never, T);
      const extra = split.overtime.plus(split.doubletime);
      if (extra.isZero()) continue;
      // The week's straight-time pay, for its regular rate: only a week with overtime needs it.
      let pay = ZERO;
      if (!input.salariedRegularRate) for (const e of week) pay = pay.plus(e.hours.times(rateOf(e, baseRate)));
      const rr = input.salariedRegularRate ?? (hours.isZero() ? ZERO : pay.div(hours));
      T && lines.push({ label: `Workweek ${wk} to ${last}: ${hours.toString()} hours worked`, value: '' });
      if (T) for (const l of split.lines) lines.push({ ...l, label: `  ${l.label}` });
      T && lines.push({ label: `  Regular rate ${salaried ? '(weekly salary ÷ 40)' : '(straight-time pay ÷ hours worked)'}`, value: rr.toDecimalPlaces(6).toString() });
      overtimeHours = overtimeHours.plus(split.overtime);
      doubletimeHours = doubletimeHours.plus(split.doubletime);
      otPay = otPay.plus(split.overtime.times(rr).times(split.overtimeMultiplier));
      dtPay = dtPay.plus(split.doubletime.times(rr).times(split.doubletimeMultiplier));
      if (!salaried) otShift = otShift.plus(extra.times(rr));
      regularHours = regularHours.minus(extra);
    }
  }
  const regularPay = roundCents(straight.minus(otShift));
  const overtimePay = roundCents(otPay);
  const doubletimePay = roundCents(dtPay);
  if (overtimeHours.gt(0) || doubletimeHours.gt(0)) {
    T && lines.push({ label: 'Regular pay (straight time less the overtime hours at the regular rate)', value: formatMoney(regularPay) });
    T && lines.push({ label: `Overtime pay (${overtimeHours.toString()} h × regular rate × multiplier)`, value: formatMoney(overtimePay) });
    if (doubletimeHours.gt(0)) T && lines.push({ label: `Double-time pay (${doubletimeHours.toString()} h × regular rate × multiplier)`, value: formatMoney(doubletimePay) });
  }
  return {
    regularHours,
    overtimeHours,
    doubletimeHours,
    leaveHours,
    regularPay,
    overtimePay,
    doubletimePay,
    leavePay: roundCents(leavePay),
    entriesUsed: inPeriod.length,
    lines,
  };
}
