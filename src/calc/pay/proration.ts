import { countWeekdays, daysBetween, maxDate, minDate, type CivilDate } from '../../dates/index.js';
import { Decimal, roundCents } from '../../money/index.js';

export type ProrationBasis = 'weekdays' | 'calendar_days';

export interface Proration {
  /** Days employed in the period / days in the period, by the basis. */
  employedDays: number;
  periodDays: number;
  amount: Decimal;
  prorated: boolean;
}

/**
 * A salaried period's pay, prorated for a hire or termination inside the
 * period: `hire` is the first day employed, `termination` the last.
 */
export function prorateSalary(
  periodPay: Decimal,
  period: { start: CivilDate; end: CivilDate },
  hire: CivilDate,
  termination: CivilDate | undefined,
  basis: ProrationBasis,
): Proration {
  const from = maxDate(period.start, hire);
  const to = termination ? minDate(period.end, termination) : period.end;
  const count = (a: CivilDate, b: CivilDate) => (a > b ? 0 : basis === 'weekdays' ? countWeekdays(a, b) : daysBetween(a, b) + 1);
  const periodDays = count(period.start, period.end);
  const employedDays = count(from, to);
  if (from === period.start && to === period.end) return { employedDays, periodDays, amount: roundCents(periodPay), prorated: false };
  const amount = periodDays === 0 ? new Decimal(0) : roundCents(periodPay.times(employedDays).div(periodDays));
  return { employedDays, periodDays, amount, prorated: true };
}
