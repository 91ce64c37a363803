import { addDays, daysBetween, type CivilDate } from '../dates/index.js';
import { maxDec, ZERO, type Decimal } from '../money/index.js';
import type { AfterNotice, PenaltyTiers, SafeHarbor } from './ruleShapes.js';

/**
 * Failure-to-deposit penalty rate for a deposit made `daysLate` calendar days
 * after its due date (0 when on time): 2% for 1–5 days, 5% for 6–15, 10% for
 * 16 or more, as the rule file's tiers say. The tiers replace each other.
 */
export function penaltyRate(tiers: PenaltyTiers, daysLate: number): Decimal {
  if (daysLate <= 0) return ZERO;
  for (const t of tiers) if (t.days_late_up_to === null || daysLate <= t.days_late_up_to) return t.rate;
  return tiers[tiers.length - 1]!.rate;
}

/** The rate of the last (open-ended) tier: amounts never deposited. */
export function maxTierRate(tiers: PenaltyTiers): Decimal {
  return tiers[tiers.length - 1]!.rate;
}

/** The 15% rate applies to amounts still unpaid more than `days_after_notice` days after the first notice. */
export function afterNoticeApplies(n: AfterNotice, noticeDate: CivilDate | undefined, paidOrAsOf: CivilDate | undefined): boolean {
  if (!noticeDate) return false;
  const limit = addDays(noticeDate, n.days_after_notice);
  return paidOrAsOf === undefined || paidOrAsOf > limit;
}

/** The largest shortfall the Accuracy of Deposits Rule forgives: the greater of $100 or 2% of the amount due. */
export function safeHarborLimit(sh: SafeHarbor, amountDue: Decimal): Decimal {
  return maxDec(sh.minimum, amountDue.times(sh.rate));
}

/** Calendar days late, counted from the due date (paid the day after = 1). */
export function daysLate(due: CivilDate, paid: CivilDate): number {
  return Math.max(0, daysBetween(due, paid));
}
