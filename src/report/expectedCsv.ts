import type { RegisterRow } from '../model/index.js';
import { formatMoney, formatQuantity } from '../money/index.js';
import { CsvWriter } from '../io/writeCsv.js';

const HOURS = new Set(['regular_hours', 'overtime_hours', 'leave_hours', 'doubletime_hours']);
const KEYS = new Set(['employee_id', 'pay_date', 'period_start', 'period_end']);

/** One expected-register row as CSV cells: money with two decimals, hours trimmed, absent values empty. */
export function expectedCells(row: RegisterRow, columns: readonly string[]): string[] {
  return columns.map((c) => {
    if (KEYS.has(c)) return (row as unknown as Record<string, string | undefined>)[c] ?? '';
    const v = row.values.get(c);
    if (v === undefined) return '';
    return HOURS.has(c) ? formatQuantity(v) : formatMoney(v);
  });
}

/** Stream the expected register to a CSV file. */
export async function writeExpectedCsv(path: string, columns: readonly string[], rows: Iterable<RegisterRow>): Promise<number> {
  const w = new CsvWriter(path, columns);
  let n = 0;
  for (const r of rows) {
    w.write(expectedCells(r, columns));
    n++;
  }
  await w.close();
  return n;
}
