import type { CivilDate } from '../../dates/index.js';
import type { Deduction } from '../../model/index.js';
import { Decimal, ZERO, formatMoney, roundCents } from '../../money/index.js';
import type { TraceLine } from '../methods/types.js';

/**
 * An employee's deductions in force on a pay date (effective_from and
 * effective_to compared with the pay date, both inclusive): a fixed amount per
 * period, or a percent of gross rounded to the cent. Several rows of one kind add up.
 */
export function deductionsOn(rows: readonly Deduction[], payDate: CivilDate, gross: Decimal, trace = false): { byKind: Map<string, Decimal>; total: Decimal; lines: TraceLine[] } {
  const byKind = new Map<string, Decimal>();
  const lines: TraceLine[] = [];
  let total = ZERO;
  for (const d of rows) {
    if ((d.effective_from && d.effective_from > payDate) || (d.effective_to && d.effective_to < payDate)) continue;
    const amount = d.amount ?? roundCents(gross.times(d.percent!).div(100));
    byKind.set(d.kind, (byKind.get(d.kind) ?? ZERO).plus(amount));
    total = total.plus(amount);
    if (trace) lines.push({ label: `${d.kind}: ${d.amount ? 'fixed amount' : `${d.percent!.toString()}% of gross`}`, value: formatMoney(amount) });
  }
  return { byKind, total, lines };
}
