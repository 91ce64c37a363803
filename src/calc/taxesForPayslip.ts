import { InputError } from '../model/problems.js';
import type { Employee, SlotValues } from '../model/index.js';
import { Decimal, ZERO, formatMoney } from '../money/index.js';
import type { BoundJurisdiction, BoundTax } from './boundRules.js';
import { describeTaxRule } from './describeRule.js';
import type { TaxInput } from './methods/types.js';
import type { PayslipTrace } from './payslipTrace.js';

const validated = new WeakMap<Employee, Set<string>>();
/** Per employee version, the fields key (fieldsKeyOf) of the components its fields were last checked for. */
const fieldsCheckedFor = new WeakMap<Employee, string>();
const fieldsKeys = new WeakMap<readonly BoundJurisdiction[], string>();

/**
 * What checking an employee's fields against a list of components depends on: the methods that read
 * employee fields and the work states each applies to. Lists of different pay dates usually have the same
 * key, so an employee version is checked once, not on every pay date.
 */
function fieldsKeyOf(bound: readonly BoundJurisdiction[]): string {
  let key = fieldsKeys.get(bound);
  if (key === undefined) {
    key = bound
      .flatMap((b) => b.taxes)
      .filter((t) => t.method.employeeFields)
      .map((t) => `${t.method.name}@${t.workStates?.join('/') ?? '*'}`)
      .join(',');
    fieldsKeys.set(bound, key);
  }
  return key;
}

/** A method's jurisdiction-prefixed employee fields, checked once per employee version. */
function checkEmployeeFields(t: BoundTax, emp: Employee): void {
  if (!t.method.employeeFields) return;
  let done = validated.get(emp);
  if (done?.has(t.method.name)) return;
  const ok = t.method.employeeFields.safeParse(emp.fields);
  if (!ok.success) {
    throw new InputError(ok.error.issues.map((i) => ({ file: 'employees.csv', line: emp.line, column: String(i.path[0] ?? ''), message: `${i.message} (needed by ${t.id})` })));
  }
  if (!done) validated.set(emp, (done = new Set()));
  done.add(t.method.name);
}

/**
 * Apply every tax component that covers the employee: each starts from gross
 * less the pre-tax deductions its wage base excludes. Writes `<id>` and
 * `<id>.wages` into `values` (by their slots); returns the employee taxes (they reduce net pay).
 * `input` is the payslip's one TaxInput: its wages, componentId and wagesId are
 * set here for each component in turn (no copy per tax on the hot path).
 */
export function applyTaxes(
  bound: readonly BoundJurisdiction[],
  input: TaxInput,
  deductions: ReadonlyMap<string, Decimal>,
  values: SlotValues,
  trace: PayslipTrace | undefined,
): Decimal {
  const emp = input.employee;
  // Employee fields are checked the first time an employee version meets a list of components (by its fields key).
  const fieldsKey = fieldsKeyOf(bound);
  const check = fieldsCheckedFor.get(emp) !== fieldsKey;
  const workState = emp.work_state ?? '';
  let employeeTaxes = ZERO;
  // Components with the same wage definition share one base (Social Security and Medicare, both shares).
  const wagesFor = new Map<string, Decimal>();
  for (const b of bound) {
    for (const t of b.taxes) {
      if (t.workStates && !t.workStates.includes(workState)) continue;
      if (check) checkEmployeeFields(t, emp);
      let wages = wagesFor.get(t.wagesKey);
      if (wages === undefined) {
        wages = input.gross;
        for (const k of t.reducedBy) {
          const d = deductions.get(k);
          if (d !== undefined && !d.isZero()) wages = wages.minus(d);
        }
        wagesFor.set(t.wagesKey, wages);
      }
      input.wages = wages;
      input.componentId = t.id;
      input.wagesId = t.wagesId;
      const r = t.method.compute(input, t.params, t.prov as never);
      values.setSlot(t.slot, r.amount);
      values.setSlot(t.wagesSlot, r.taxableWages);
      if (t.party === 'employee') employeeTaxes = employeeTaxes.plus(r.amount);
      if (trace) {
        const reduced = [...t.reducedBy].filter((k) => deductions.get(k)?.gt(0));
        trace.items.push({
          item: t.id,
          title: t.resolved.component.description ?? t.id,
          rule: describeTaxRule(t),
          lines: [{ label: `Wages for ${t.id}: gross${reduced.length ? ` less ${reduced.join(', ')}` : ''}`, value: formatMoney(wages), ref: t.wageBaseProv }, ...r.lines],
        });
      }
    }
  }
  if (check) fieldsCheckedFor.set(emp, fieldsKey);
  return employeeTaxes;
}
