import { Decimal } from '../money/index.js';
import type { Settings } from '../model/index.js';

export type DepositorSchedule = 'monthly' | 'semiweekly';

/** The deposit schedule a company starts the year on, and why. */
export interface ScheduleChoice {
  schedule: DepositorSchedule;
  /** `deposit_schedule` (stated), `lookback_total` (derived), or `default` (neither given: a new employer is monthly). */
  basis: 'deposit_schedule' | 'lookback_total' | 'default';
  reason: string;
  /** Set when both settings are given and disagree. */
  conflict?: string;
}

/**
 * The deposit schedule from `payrecon.yaml`: `deposit_schedule` when stated,
 * else derived from `lookback_total` (Form 941 line 12 total of the lookback
 * period): more than the threshold ($50,000) is semiweekly, otherwise monthly.
 * With neither, monthly (Pub 15: a new employer's lookback liability is zero).
 */
export function chooseSchedule(settings: Pick<Settings, 'deposit_schedule' | 'lookback_total'>, threshold: Decimal): ScheduleChoice {
  const fromLookback = (total: number): DepositorSchedule => (new Decimal(String(total)).greaterThan(threshold) ? 'semiweekly' : 'monthly');
  const lookbackReason = (total: number) =>
    `lookback_total ${total} is ${fromLookback(total) === 'semiweekly' ? 'more than' : 'not more than'} the $${threshold.toFixed(0)} lookback threshold`;
  if (settings.deposit_schedule) {
    const choice: ScheduleChoice = { schedule: settings.deposit_schedule, basis: 'deposit_schedule', reason: `deposit_schedule: ${settings.deposit_schedule} in payrecon.yaml` };
    if (settings.lookback_total !== undefined && fromLookback(settings.lookback_total) !== settings.deposit_schedule) {
      choice.conflict = `payrecon.yaml says deposit_schedule: ${settings.deposit_schedule} but ${lookbackReason(settings.lookback_total)} (${fromLookback(settings.lookback_total)}); deposit_schedule is used`;
    }
    return choice;
  }
  if (settings.lookback_total !== undefined) {
    return { schedule: fromLookback(settings.lookback_total), basis: 'lookback_total', reason: lookbackReason(settings.lookback_total) };
  }
  return { schedule: 'monthly', basis: 'default', reason: 'payrecon.yaml gives neither deposit_schedule nor lookback_total: monthly assumed (a new employer is a monthly depositor)' };
}
