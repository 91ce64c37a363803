import type { CivilDate } from '../dates/index.js';
import { ZERO, type Decimal } from '../money/index.js';
import type { RegisterRow } from '../model/index.js';

/** The tax liability of one return on one pay date: the sum of its items over every payslip of the day. */
export interface PayDateLiability {
  payDate: CivilDate;
  amount: Decimal;
  /** Item → amount (us.fit, us.ss.ee…). */
  byItem: Map<string, Decimal>;
}

/** Register rows grouped by pay date (sorted), so each date's rules are resolved once. */
export function rowsByPayDate(rows: readonly RegisterRow[]): Map<CivilDate, RegisterRow[]> {
  const m = new Map<CivilDate, RegisterRow[]>();
  for (const r of rows) {
    const list = m.get(r.pay_date);
    if (list) list.push(r);
    else m.set(r.pay_date, [r]);
  }
  return new Map([...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** Sum the given items of one pay date's rows. */
export function liabilityOf(payDate: CivilDate, rows: readonly RegisterRow[], items: readonly string[]): PayDateLiability {
  const byItem = new Map<string, Decimal>();
  let amount = ZERO;
  for (const item of items) {
    let t = ZERO;
    for (const r of rows) {
      const v = r.values.get(item);
      if (v) t = t.plus(v);
    }
    byItem.set(item, t);
    amount = amount.plus(t);
  }
  return { payDate, amount, byItem };
}

/**
 * Liabilities of one return (its `items`) by pay date, in date order.
 * Pay dates with no liability are left out. `itemsAt` gives the items of the
 * return in force on a date (the rule file's `form_941.items`).
 */
export function liabilitiesByPayDate(rows: readonly RegisterRow[], itemsAt: (date: CivilDate) => readonly string[]): PayDateLiability[] {
  const out: PayDateLiability[] = [];
  for (const [date, list] of rowsByPayDate(rows)) {
    const l = liabilityOf(date, list, itemsAt(date));
    if (!l.amount.isZero()) out.push(l);
  }
  return out;
}
