import { formatMoney, ZERO } from '../money/index.js';
import type { Finding } from '../model/index.js';
import { formatProvenance, type Provenance } from '../rules/index.js';
import type { DepositMade } from './applyDeposits.js';
import type { Assessment } from './assess.js';
import { labelDate } from './dueDates.js';
import type { Decimal } from '../money/index.js';

const pct = (r: Decimal) => `${r.times(100).toDecimalPlaces(2).toString()}%`;
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

function liabilityLabel(a: Assessment): string {
  const d = a.obligation.liabilityDates;
  return d.length === 1 ? `pay date ${d[0]}` : `pay dates ${d[0]} to ${d[d.length - 1]} (${d.length})`;
}

/**
 * The rules behind an assessment: the due-date rule, the calendar, and the penalty or safe-harbor rule used.
 * `prov` finds a parameter of the obligation's agency; `penaltyParams` names its penalty parameters
 * (`penalty.tiers` federal, `penalty` for a state), cited when a penalty is estimated, or when a late
 * liability has none because the penalty is not in the rule data.
 */
export function citeRules(a: Assessment, prov: (name: string) => Provenance | undefined, calendarProv: readonly Provenance[], penaltyParams: readonly string[] = ['penalty.tiers']): string {
  const names = [...a.obligation.params];
  const lateWithoutEstimate = !a.penaltyEstimated && (a.status === 'late' || a.status === 'short' || a.status === 'missing');
  if (a.penalty.greaterThan(ZERO) || lateWithoutEstimate) names.push(...penaltyParams);
  if (a.safeHarbor && (a.status === 'short' || a.status === 'short_safe_harbor')) names.push('safe_harbor');
  if (a.parts.some((p) => p.afterNotice)) names.push('penalty.after_notice');
  const provs: Provenance[] = names.map((n) => prov(n)).filter((p): p is Provenance => p !== undefined);
  const cal = calendarProv.find((p) => p.from <= a.obligation.due.due && a.obligation.due.due <= p.to);
  if (cal) provs.push(cal);
  return provs.map(formatProvenance).join(' | ');
}

function details(a: Assessment): Record<string, unknown> {
  const o = a.obligation;
  return {
    agency: o.agency,
    form: o.form,
    return_period: o.returnPeriod,
    deposit_period: o.period,
    kind: o.kind,
    liability_dates: o.liabilityDates,
    due_date: o.due.due,
    due_rule: o.due.why,
    status: a.status,
    days_late: a.daysLate ?? null,
    penalty_rate: a.penaltyRate ? a.penaltyRate.toNumber() : null,
    estimated_penalty: a.penaltyEstimated ? formatMoney(a.penalty) : null,
    ...(a.penaltyEstimated ? {} : { penalty_not_estimated: a.penaltyNotEstimated ?? true }),
    ...(a.interest === 'not_estimated' ? { interest: 'charged by the agency, not estimated' } : {}),
    payments: a.parts.map((p) => ({
      date: p.date ?? null,
      amount: formatMoney(p.amount),
      reference: p.reference ?? null,
      days_late: p.daysLate ?? null,
      rate: a.penaltyEstimated ? p.rate.toNumber() : null,
      penalty: a.penaltyEstimated ? formatMoney(p.penalty) : null,
      ...(p.excused ? { excused_by_safe_harbor: true } : {}),
      ...(p.afterNotice ? { after_notice: true } : {}),
    })),
    ...(a.safeHarbor
      ? { safe_harbor: { limit: formatMoney(a.safeHarbor.limit), shortfall: formatMoney(a.safeHarbor.shortfall), makeup_date: a.safeHarbor.makeupDate, made_up: formatMoney(a.safeHarbor.madeUp), excused: a.safeHarbor.excused, ...(a.safeHarbor.pending ? { makeup_pending: true } : {}) } }
      : {}),
  };
}

/** The finding for an assessment, or none when the liability was deposited on time (or is not due yet). */
export function findingFor(a: Assessment, rule: string): Finding | undefined {
  const o = a.obligation;
  const what = `${o.label} deposit of ${formatMoney(o.amount)} for ${liabilityLabel(a)}`;
  const dueTxt = `due ${labelDate(o.due.due)}`;
  const interest = a.interest === 'not_estimated' ? ' plus interest (not estimated)' : '';
  const pen = a.penalty.greaterThan(ZERO)
    ? `; estimated penalty ${formatMoney(a.penalty)}${a.penaltyRate ? ` (${pct(a.penaltyRate)})` : ''}${interest}`
    : !a.penaltyEstimated
      ? '; no penalty estimate (not in the rule data)'
      : '';
  const late = a.parts.filter((p) => p.date && (p.daysLate ?? 0) > 0 && !p.excused);
  const lateTxt = late.map((p) => `${formatMoney(p.amount)} paid ${p.date}, ${days(p.daysLate!)} late`).join(', ');
  const unpaidTxt = a.unpaid.greaterThan(ZERO) ? `${formatMoney(a.unpaid)} never deposited` : '';
  const base = {
    employee_id: '',
    pay_date: o.liabilityDates[0]!,
    item: `deposit.${o.form}`,
    expected: formatMoney(o.amount),
    actual: formatMoney(a.paidOnTime),
    difference: formatMoney(a.paidOnTime.minus(o.amount)),
    rule,
    details: details(a),
  };
  const why = ` Due date: ${o.due.why}.`;
  switch (a.status) {
    case 'on_time':
    case 'not_due':
      return undefined;
    case 'late':
      return { ...base, severity: 'error', code: 'DEPOSIT_LATE', message: `${what} ${dueTxt}: ${[lateTxt, unpaidTxt].filter(Boolean).join('; ')}${pen}.${why}` };
    case 'missing':
      return {
        ...base,
        severity: 'error',
        code: 'DEPOSIT_MISSING',
        message: `${what} ${dueTxt}: no deposit found${a.daysLate !== undefined ? ` (${days(a.daysLate)} overdue)` : ''}${pen}.${why}`,
      };
    case 'short': {
      const sh = a.safeHarbor;
      const harbor = sh
        ? sh.shortfall.greaterThan(sh.limit)
          ? ` The shortfall ${formatMoney(sh.shortfall)} is over the safe-harbor limit ${formatMoney(sh.limit)} (greater of $100 or 2%).`
          : ` The shortfall ${formatMoney(sh.shortfall)} is within the safe-harbor limit ${formatMoney(sh.limit)} but was not made up by ${sh.makeupDate}.`
        : '';
      return {
        ...base,
        severity: 'error',
        code: 'DEPOSIT_SHORT',
        message: `${what} ${dueTxt}: ${formatMoney(a.paidOnTime)} deposited on time, ${formatMoney(o.amount.minus(a.paidOnTime))} short${lateTxt || unpaidTxt ? ` (${[lateTxt, unpaidTxt].filter(Boolean).join('; ')})` : ''}${pen}.${harbor}`,
      };
    }
    case 'short_safe_harbor': {
      const sh = a.safeHarbor!;
      return {
        ...base,
        severity: 'info',
        code: 'DEPOSIT_SHORT',
        message: sh.pending
          ? `${what} ${dueTxt}: ${formatMoney(sh.shortfall)} short, within the safe-harbor limit ${formatMoney(sh.limit)}; no penalty if made up by ${sh.makeupDate} (Accuracy of Deposits Rule).`
          : `${what} ${dueTxt}: ${formatMoney(sh.shortfall)} short, within the safe-harbor limit ${formatMoney(sh.limit)} and made up by ${sh.makeupDate}: no penalty (Accuracy of Deposits Rule).`,
      };
    }
  }
}

/** A deposit (or part of one) that no liability of its return period absorbed. */
export function excessFinding(d: DepositMade, amount: Decimal, rule: string, file: string): Finding {
  return {
    severity: 'warning',
    code: 'DEPOSIT_EXCESS',
    employee_id: '',
    pay_date: d.liabilityDate ?? d.paidDate,
    item: `deposit.${d.form}`,
    expected: '0.00',
    actual: formatMoney(amount),
    difference: formatMoney(amount),
    message: `${d.label ?? `Form ${d.form}`} deposit of ${formatMoney(d.amount)} paid ${d.paidDate}${d.reference ? ` (ref. ${d.reference})` : ''}${d.line ? ` (${file} line ${d.line})` : ''}: ${formatMoney(amount)} is more than the ${d.returnPeriod} liabilities the expected register shows.`,
    rule,
    details: { agency: d.agency, form: d.form, return_period: d.returnPeriod, paid_date: d.paidDate, reference: d.reference ?? null, deposit_amount: formatMoney(d.amount), excess: formatMoney(amount), line: d.line ?? null },
  };
}
