import { Decimal } from '../../src/money/index.js';
import type { ExpectedRow, ReconcileOptions } from '../../src/reconcile/index.js';
import type { RegisterRow } from '../../src/model/index.js';

export function row(employee_id: string, pay_date: string, values: Record<string, string>, extra: Partial<ExpectedRow> = {}): ExpectedRow {
  return { employee_id, pay_date, values: new Map(Object.entries(values).map(([k, v]) => [k, new Decimal(v)])), ...extra };
}

/** A copy of a row with some values replaced (a register row derived from an expected one). */
export function withValues(r: RegisterRow, values: Record<string, string>, extra: Partial<RegisterRow> = {}): RegisterRow {
  const m = new Map(r.values);
  for (const [k, v] of Object.entries(values)) m.set(k, new Decimal(v));
  return { employee_id: r.employee_id, pay_date: r.pay_date, values: m, ...extra };
}

export const TOL = { default: 0.01, items: {} };

export function opts(expected: ExpectedRow[], over: Partial<ReconcileOptions> = {}): ReconcileOptions {
  const ids = [...new Set(expected.map((r) => r.employee_id))];
  return { expected, employees: ids.map((employee_id) => ({ employee_id })), tolerance: TOL, ...over };
}
