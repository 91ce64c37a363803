import { formatMoney } from '../money/index.js';
import type { Decimal } from '../money/index.js';
import type { Assessment } from './assess.js';

/** remittances.csv columns, in order (docs/remittances.md describes each). */
export const REMITTANCE_COLUMNS = [
  'agency',
  'form',
  'return_period',
  'deposit_period',
  'kind',
  'liability_dates',
  'amount_due',
  'partner_amount',
  'due_date',
  'due_rule',
  'amount_paid',
  'payments',
  'amount_on_time',
  'days_late',
  'status',
  'penalty_rate',
  'estimated_penalty',
] as const;
export type RemittanceColumn = (typeof REMITTANCE_COLUMNS)[number];
export type RemittanceRow = Record<RemittanceColumn, string>;

/** One remittances.csv row for an assessed liability. */
export function remittanceRow(a: Assessment, partnerAmount?: Decimal): RemittanceRow {
  const o = a.obligation;
  return {
    agency: o.agency,
    form: o.form,
    return_period: o.returnPeriod,
    deposit_period: o.period,
    kind: o.kind,
    liability_dates: o.liabilityDates.join(';'),
    amount_due: formatMoney(o.amount),
    partner_amount: partnerAmount ? formatMoney(partnerAmount) : '',
    due_date: o.due.due,
    due_rule: o.due.why,
    amount_paid: formatMoney(a.paid),
    payments: a.applications.map((p) => `${p.deposit.paidDate} ${formatMoney(p.amount)}${p.deposit.reference ? ` ${p.deposit.reference}` : ''}`).join('; '),
    amount_on_time: formatMoney(a.paidOnTime),
    days_late: a.daysLate !== undefined ? String(a.daysLate) : '',
    status: a.status,
    penalty_rate: a.penaltyRate ? a.penaltyRate.toString() : '',
    // Blank when the agency's penalty is not in the rule data (New York): not estimated, not zero.
    estimated_penalty: a.penaltyEstimated ? formatMoney(a.penalty) : '',
  };
}
