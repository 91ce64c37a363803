import { InputError } from '../model/problems.js';
import type { Employee, SlotValues } from '../model/index.js';
import { Decimal, ZERO, formatMoney } from '../money/index.js';
import type { BoundJurisdiction, BoundTax } from './boundRules.js';
import { describeTaxRule } from './describeRule.js';
import type { TaxInput } from './methods/types.js';
import type { PayslipTrace } from './payslipTrace.js';

const validated = new WeakMap<Employee, Set<string>>();

/** The components of a list that apply in a work state, in order, and what checking an employee's fields against them depends on. */
interface Applicable {
  taxes: readonly BoundTax[];
  /**
   * The methods among them that read employee fields: lists of different pay dates usually have the same
   * key, so an employee version's fields are checked once, not on every pay date.
   */
  fieldsKey: string;
}
const applicableLists = new WeakMap<readonly BoundJurisdiction[], Map<string, Applicable>>();

/** The components of `bound` that apply in `workState` (a component with no work states applies in all), once per list and state. */
function applicableIn(bound: readonly BoundJurisdiction[], workState: string): Applicable {
  let byState = applicableLists.get(bound);
  if (!byState) applicableLists.set(bound, (byState = new Map()));
  let a = byState.get(workState);
  if (!a) {
    const taxes = bound.flatMap((b) => b.taxes).filter((t) => !t.workStates || t.workStates.includes(workState));
    a = { taxes, fieldsKey: taxes.filter((t) => t.method.employeeFields).map((t) => t.method.name).join(',') };
    byState.set(workState, a);
  }
  return a;
}

/** Which employee version's fields were last checked, and for which fields key: kept by the caller per employee. */
export interface FieldsChecked {
  checkedEmployee?: Employee;
  checkedKey?: string;
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
  checked: FieldsChecked,
): Decimal {
  const emp = input.employee;
  const { taxes, fieldsKey } = applicableIn(bound, emp.work_state ?? '');
  // Employee fields are checked when an employee version first meets a fields key.
  const check = checked.checkedEmployee !== emp || checked.checkedKey !== fieldsKey;
  let employeeTaxes = ZERO;
  // Components with the same wage definition share one base (Social Security and Medicare, both shares):
  // the bases made so far, by wage definition (a few).
  const baseKeys: string[] = [];
  const bases: Decimal[] = [];
  for (const t of taxes) {
    if (check) checkEmployeeFields(t, emp);
    const at = baseKeys.indexOf(t.wagesKey);
    let wages = at >= 0 ? bases[at]! : undefined;
    if (wages === undefined) {
      wages = input.gross;
      for (const k of t.reducedBy) {
        const d = deductions.get(k);
        if (d !== undefined && !d.isZero()) wages = wages.minus(d);
      }
      baseKeys.push(t.wagesKey);
      bases.push(wages);
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
  if (check) {
    checked.checkedEmployee = emp;
    checked.checkedKey = fieldsKey;
  }
  return employeeTaxes;
}
