import type { BoundTax } from '../../src/calc/boundRules.js';
import type { TaxInput, TaxResult } from '../../src/calc/methods/types.js';
import type { CivilDate } from '../../src/dates/index.js';
import { PERIODS_PER_YEAR, employeeOf, employeeRowSchema, settingsSchema, type Employee, type PayFrequency, type Settings } from '../../src/model/index.js';
import { Decimal, ZERO } from '../../src/money/index.js';
import { federalTax } from './rules.js';

type Num = number | string | Decimal;
const d = (x: Num) => (x instanceof Decimal ? x : new Decimal(x));

/**
 * An employee as employees.csv would give it: the cells (text) go through the
 * real row schema, then the defaults loadCompany applies (fed_w4 2020,
 * flsa_exempt by pay type).
 */
export function employee(fields: Record<string, string> = {}): Employee {
  const row = employeeRowSchema.parse({
    employee_id: 'T1',
    hire_date: '2020-01-06',
    pay_type: 'salaried',
    pay_rate: '0',
    pay_frequency: 'biweekly',
    ...fields,
  });
  return employeeOf(row, {}, 2);
}

export interface TaxInputSpec {
  /** employees.csv cells (fed_w4, fed_filing_status, …). */
  w4?: Record<string, string>;
  /** This component's wages this period. */
  wages: Num;
  gross?: Num;
  supplemental?: Num;
  /** Pay frequency; `daily` (Pub 15-T Table 3, 260) is accepted for method-level tests. */
  frequency?: PayFrequency | 'daily';
  payDate?: CivilDate;
  /** Year-to-date before this payslip, by item (`us.ss.ee.wages`…). */
  ytd?: Record<string, Num>;
  settings?: Partial<Settings>;
  componentId?: string;
}

export function taxInput(spec: TaxInputSpec): TaxInput {
  const frequency = (spec.frequency ?? 'biweekly') as PayFrequency;
  const payDate = spec.payDate ?? '2026-06-30';
  const ytd = new Map(Object.entries(spec.ytd ?? {}).map(([k, v]) => [k, d(v)]));
  return {
    employee: employee({ pay_frequency: PERIODS_PER_YEAR[frequency] ? frequency : 'biweekly', ...(spec.w4 ?? {}) }),
    payDate,
    periodStart: payDate,
    periodEnd: payDate,
    frequency,
    periodsPerYear: PERIODS_PER_YEAR[frequency] ?? 260,
    settings: settingsSchema.parse(spec.settings ?? {}),
    gross: d(spec.gross ?? spec.wages),
    wages: d(spec.wages),
    supplemental: d(spec.supplemental ?? 0),
    ytd: (item) => ytd.get(item) ?? ZERO,
    componentId: spec.componentId ?? 'test',
  };
}

/** Run a federal component of the bundled rules on one input (the pay date picks the rule file). */
export function runFederal(id: string, spec: TaxInputSpec): TaxResult {
  const t: BoundTax = federalTax(id, spec.payDate ?? '2026-06-30');
  return t.method.compute(taxInput({ ...spec, componentId: id }), t.params, t.prov as never);
}

/** Two-decimal text of an amount, for exact to-the-cent assertions. */
export const cents = (x: Decimal) => x.toFixed(2);
