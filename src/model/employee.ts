import { z } from 'zod';
import { cellBool, cellDate, cellDecimal, cellEnum, cellInt, cellText, optionalCell } from './csvTypes.js';

export const PAY_FREQUENCIES = ['weekly', 'biweekly', 'semimonthly', 'monthly'] as const;
export type PayFrequency = (typeof PAY_FREQUENCIES)[number];
export const PERIODS_PER_YEAR: Record<PayFrequency, number> = { weekly: 52, biweekly: 26, semimonthly: 24, monthly: 12 };

export const FED_FILING_STATUSES = ['single', 'married_jointly', 'head_of_household', 'married'] as const;

/** Columns of employees.csv the core knows. Columns with a jurisdiction prefix (`ca_…`, `ny_…`) are kept in `fields` for that jurisdiction's methods. */
export const employeeRowSchema = z.object({
  employee_id: cellText,
  name: optionalCell(z.string()),
  ssn: optionalCell(z.string()),
  hire_date: cellDate,
  termination_date: optionalCell(cellDate),
  pay_type: cellEnum(['hourly', 'salaried'] as const),
  pay_rate: cellDecimal({ min: 0, what: 'an hourly rate or annual salary such as 25.50' }),
  pay_frequency: cellEnum(PAY_FREQUENCIES),
  work_state: optionalCell(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'expected a two-letter state code such as CA')),
  resident_state: optionalCell(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'expected a two-letter state code such as NY')),
  flsa_exempt: optionalCell(cellBool),
  fed_w4: optionalCell(cellEnum(['2020', 'legacy'] as const)),
  fed_filing_status: optionalCell(cellEnum(FED_FILING_STATUSES)),
  fed_step2: optionalCell(cellBool),
  fed_dependents: optionalCell(cellDecimal({ min: 0 })),
  fed_other_income: optionalCell(cellDecimal({ min: 0 })),
  fed_deductions: optionalCell(cellDecimal({ min: 0 })),
  fed_extra: optionalCell(cellDecimal({ min: 0 })),
  fed_allowances: optionalCell(cellInt({ min: 0, max: 99 })),
  fed_exempt: optionalCell(cellBool),
  /** Nonresident alien: Pub 15-T adds an amount to wages for the income-tax computation only. */
  fed_nra: optionalCell(cellBool),
  effective_from: optionalCell(cellDate),
});
export type EmployeeRow = z.output<typeof employeeRowSchema>;

/** One version of an employee's master data, in force from `effective_from` (or from hire). */
export interface Employee extends EmployeeRow {
  /** Jurisdiction-prefixed columns (`ca_filing_status`…), raw text, empty cells left out. */
  fields: Record<string, string>;
  /** File line, for messages. */
  line: number;
}

/**
 * An employee version made from its parsed row: every field written in one
 * object literal, in one order, so all employees share one object shape (a
 * spread of the parsed row gave each employee a shape of its own, and every
 * read of an employee's field a slow look-up, millions of times a run).
 * Defaults: FLSA exempt when salaried, a 2020-or-later Form W-4.
 */
export function employeeOf(row: EmployeeRow, fields: Record<string, string>, line: number): Employee {
  const e = {
    employee_id: row.employee_id,
    name: row.name,
    ssn: row.ssn,
    hire_date: row.hire_date,
    termination_date: row.termination_date,
    pay_type: row.pay_type,
    pay_rate: row.pay_rate,
    pay_frequency: row.pay_frequency,
    work_state: row.work_state,
    resident_state: row.resident_state,
    flsa_exempt: row.flsa_exempt ?? row.pay_type === 'salaried',
    fed_w4: row.fed_w4 ?? '2020',
    fed_filing_status: row.fed_filing_status,
    fed_step2: row.fed_step2,
    fed_dependents: row.fed_dependents,
    fed_other_income: row.fed_other_income,
    fed_deductions: row.fed_deductions,
    fed_extra: row.fed_extra,
    fed_allowances: row.fed_allowances,
    fed_exempt: row.fed_exempt,
    fed_nra: row.fed_nra,
    effective_from: row.effective_from,
    fields,
    line,
  } satisfies Record<keyof Employee, unknown>; // (every field: a column added to the schema must be added here)
  return e;
}

export const EMPLOYEE_REQUIRED_COLUMNS = ['employee_id', 'hire_date', 'pay_type', 'pay_rate', 'pay_frequency'] as const;
