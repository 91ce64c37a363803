import type { RegisterRow } from '../model/index.js';
import { formatMoney, formatQuantity } from '../money/index.js';
import { CsvWriter, csvCell, excelSafe } from '../io/writeCsv.js';

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

const KEY = 0, HOUR = 1, MONEY = 2;
const kindsOf = new WeakMap<readonly string[], Uint8Array>();

/**
 * One expected-register row as a CSV line: exactly `csvLine(expectedCells(row, columns))`, without the
 * per-cell checks where they cannot change anything (amounts and hours are our own digits, a minus sign
 * and a point: never a formula, never quoted); the key cells, which come from input, are checked.
 */
export function expectedLine(row: RegisterRow, columns: readonly string[]): string {
  let kinds = kindsOf.get(columns);
  if (!kinds) kindsOf.set(columns, (kinds = Uint8Array.from(columns, (c) => (KEYS.has(c) ? KEY : HOURS.has(c) ? HOUR : MONEY))));
  const values = row.values;
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    if (i > 0) line += ',';
    const kind = kinds[i];
    if (kind === KEY) {
      line += csvCell(excelSafe((row as unknown as Record<string, string | undefined>)[c] ?? ''));
      continue;
    }
    const v = values.get(c);
    if (v !== undefined) line += kind === HOUR ? formatQuantity(v) : formatMoney(v);
  }
  return line + '\n';
}

/** Stream the expected register to a CSV file. */
export async function writeExpectedCsv(path: string, columns: readonly string[], rows: Iterable<RegisterRow>): Promise<number> {
  const w = new CsvWriter(path, columns);
  let n = 0;
  for (const r of rows) {
    w.writeLine(expectedLine(r, columns));
    n++;
  }
  await w.close();
  return n;
}
