import type { CivilDate } from '../dates/index.js';
import type { RegisterRow } from '../model/index.js';
import { ZERO, type Decimal } from '../money/index.js';

/**
 * The partner register's amounts summed by pay date and item (as the register
 * names them: a column holding several items keeps its `a+b` key), for the
 * deposit audit's "partner's figure beside the expected liability". Streams:
 * one small map per pay date, whatever the register's size.
 */
export class PartnerTotals {
  private readonly byDate = new Map<CivilDate, Map<string, Decimal>>();

  add(row: RegisterRow): void {
    let m = this.byDate.get(row.pay_date);
    if (!m) this.byDate.set(row.pay_date, (m = new Map()));
    for (const [key, v] of row.values) m.set(key, (m.get(key) ?? ZERO).plus(v));
  }

  /** One row per pay date, in date order. */
  rows(): RegisterRow[] {
    return [...this.byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([pay_date, values]) => ({ employee_id: '*', pay_date, values }));
  }
}
