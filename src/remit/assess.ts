import type { CivilDate } from '../dates/index.js';
import { daysBetween } from '../dates/index.js';
import { roundCents, sum, ZERO, type Decimal } from '../money/index.js';
import type { BusinessCalendar } from '../calc/calendar/index.js';
import type { Application } from './applyDeposits.js';
import type { PenaltyModel } from './agencyRules.js';
import type { SafeHarbor } from './ruleShapes.js';
import { makeupDate } from './dueDates.js';
import type { Obligation } from './obligations.js';
import { afterNoticeApplies, daysLate, maxTierRate, penaltyRate, safeHarborLimit } from './penalties.js';

export type RemittanceStatus = 'on_time' | 'short_safe_harbor' | 'late' | 'short' | 'missing' | 'not_due';

/** One piece of an obligation's payment: a deposit applied to it, or the part never paid. */
export interface PaymentPart {
  /** Undefined for the unpaid part. */
  date?: CivilDate;
  amount: Decimal;
  reference?: string;
  /** Calendar days after the due date (0 on time); for the unpaid part, up to `asOf` when given. */
  daysLate?: number;
  rate: Decimal;
  penalty: Decimal;
  /** Forgiven by the Accuracy of Deposits Rule. */
  excused?: boolean;
  afterNotice?: boolean;
}

export interface Assessment {
  obligation: Obligation;
  applications: Application[];
  paid: Decimal;
  paidOnTime: Decimal;
  unpaid: Decimal;
  status: RemittanceStatus;
  parts: PaymentPart[];
  /** Largest days late among the penalised parts. */
  daysLate?: number;
  /** Highest penalty rate applied. */
  penaltyRate?: Decimal;
  penalty: Decimal;
  /** Set when a shortfall was tested against the Accuracy of Deposits Rule. */
  safeHarbor?: { limit: Decimal; makeupDate: CivilDate; shortfall: Decimal; madeUp: Decimal; excused: boolean; pending?: boolean };
  /** Counted as on time in the on-time rates (by count and by dollars). */
  timelyAmount: Decimal;
  /** False when the agency's penalty is not in the rule data: `penalty` is 0 and means "not estimated". */
  penaltyEstimated: boolean;
  /** Interest the agency charges on late amounts, not estimated. */
  interest?: 'not_charged' | 'not_estimated';
  /** Why no penalty is estimated. */
  penaltyNotEstimated?: string;
}

/** What assessing an obligation needs of its agency's rules. */
export interface AssessRules {
  penalty: PenaltyModel;
  /** The Accuracy of Deposits Rule, when it applies to the obligation's return. */
  safeHarbor?: SafeHarbor;
}

export interface AssessOptions {
  /** Audit date: liabilities not yet due on it are `not_due`; unpaid ones age until it. Without it, every liability counts as due and an unpaid one as 16+ days late. */
  asOf?: CivilDate;
  /** First IRS notice date by `form:returnPeriod` (`941:2026Q1`): unpaid more than 10 days after it → 15%. */
  noticeDate?: CivilDate;
}

/** Assess one obligation against the deposits applied to it. */
export function assessObligation(o: Obligation, apps: readonly Application[], rules: AssessRules, cal: BusinessCalendar, opts: AssessOptions = {}): Assessment {
  const due = o.due.due;
  const tiers = rules.penalty.tiers;
  const afterNotice = rules.penalty.afterNotice;
  const rateFor = (dl: number | undefined): Decimal => (!tiers ? ZERO : dl === undefined ? maxTierRate(tiers) : penaltyRate(tiers, dl));
  const sorted = [...apps].sort((a, b) => (a.deposit.paidDate < b.deposit.paidDate ? -1 : a.deposit.paidDate > b.deposit.paidDate ? 1 : 0));
  const paid = sum(sorted.map((a) => a.amount));
  const paidOnTime = sum(sorted.filter((a) => a.deposit.paidDate <= due).map((a) => a.amount));
  const unpaid = o.amount.minus(paid);
  const notDueYet = opts.asOf !== undefined && opts.asOf <= due;

  const parts: PaymentPart[] = sorted.map((a) => {
    const dl = daysLate(due, a.deposit.paidDate);
    const notice = dl > 0 && afterNotice !== undefined && afterNoticeApplies(afterNotice, opts.noticeDate, a.deposit.paidDate);
    const rate = notice ? afterNotice!.rate : rateFor(dl);
    return { date: a.deposit.paidDate, amount: a.amount, reference: a.deposit.reference, daysLate: dl, rate, penalty: roundCents(a.amount.times(rate)), afterNotice: notice || undefined };
  });
  if (unpaid.greaterThan(ZERO) && !notDueYet) {
    const dl = opts.asOf ? daysBetween(due, opts.asOf) : undefined;
    const notice = afterNotice !== undefined && afterNoticeApplies(afterNotice, opts.noticeDate, opts.asOf);
    const rate = notice ? afterNotice!.rate : rateFor(dl);
    parts.push({ amount: unpaid, daysLate: dl, rate, penalty: roundCents(unpaid.times(rate)), afterNotice: notice || undefined });
  }

  // Accuracy of Deposits Rule: a small shortfall made up by the makeup date is not penalised.
  let safeHarbor: Assessment['safeHarbor'];
  const shortfall = o.amount.minus(paidOnTime);
  const sh = rules.safeHarbor;
  const harborApplies = sh !== undefined && (o.kind !== 'next_day' || sh.applies_to_next_day);
  if (!notDueYet && harborApplies && shortfall.greaterThan(ZERO)) {
    const limit = safeHarborLimit(sh, o.amount);
    const mk = makeupDate(cal, due, o.schedule, o.returnDue, sh);
    const madeUp = sum(sorted.filter((a) => a.deposit.paidDate > due && a.deposit.paidDate <= mk).map((a) => a.amount));
    // Within the limit and made up in time, or (auditing before the makeup date) still in time to be.
    const pending = opts.asOf !== undefined && opts.asOf < mk && madeUp.lessThan(shortfall);
    const excused = shortfall.lessThanOrEqualTo(limit) && (madeUp.greaterThanOrEqualTo(shortfall) || pending);
    safeHarbor = { limit, makeupDate: mk, shortfall, madeUp, excused, pending: pending || undefined };
    if (excused && pending) for (const p of parts) if (!p.date) Object.assign(p, { excused: true, penalty: ZERO, rate: ZERO });
    if (excused) for (const p of parts) if (p.date && p.date > due && p.date <= mk) Object.assign(p, { excused: true, penalty: ZERO, rate: ZERO });
  }

  // Without a penalty estimate, the late parts (and the unpaid one) still give the days late.
  const penalised = tiers ? parts.filter((p) => p.penalty.greaterThan(ZERO)) : parts.filter((p) => !p.excused && (!p.date || (p.daysLate ?? 0) > 0));
  const penalty = sum(parts.map((p) => p.penalty));
  let status: RemittanceStatus;
  if (unpaid.lessThanOrEqualTo(ZERO) && paidOnTime.greaterThanOrEqualTo(o.amount)) status = 'on_time';
  else if (notDueYet) status = 'not_due';
  else if (safeHarbor?.excused) status = 'short_safe_harbor';
  else if (paid.isZero()) status = 'missing';
  else if (paidOnTime.isZero()) status = 'late';
  else status = 'short';

  const lateDays = penalised.map((p) => p.daysLate).filter((d): d is number => d !== undefined);
  const rates = tiers ? penalised.map((p) => p.rate) : [];
  const timelyAmount = status === 'on_time' || status === 'short_safe_harbor' ? o.amount : paidOnTime;
  return {
    obligation: o,
    applications: sorted,
    paid,
    paidOnTime,
    unpaid,
    status,
    parts,
    daysLate: lateDays.length ? Math.max(...lateDays) : undefined,
    penaltyRate: rates.length ? rates.reduce((a, b) => (b.greaterThan(a) ? b : a)) : undefined,
    penalty,
    safeHarbor,
    timelyAmount,
    penaltyEstimated: tiers !== undefined,
    ...(rules.penalty.interest ? { interest: rules.penalty.interest } : {}),
    ...(rules.penalty.notEstimated ? { penaltyNotEstimated: rules.penalty.notEstimated } : {}),
  };
}
