import { addDays, addMonths, makeDate, yearOf, type CivilDate } from '../../../dates/index.js';
import { PERIODS_PER_YEAR, employeeRowSchema, settingsSchema, type Employee, type PayFrequency, type Settings } from '../../../model/index.js';
import { Decimal, ZERO } from '../../../money/index.js';
import type { TaxInput } from '../../../calc/methods/types.js';

/**
 * Building a `TaxInput` without a company folder: for the property tests
 * (synthetic employees from a method's `profiles`) and for the worked
 * examples of `rules test` (the example's `input`).
 */

const CORE_COLUMNS = new Set(Object.keys(employeeRowSchema.shape));

/** An employee from employees.csv-like field values (`fed_filing_status: single`…). Jurisdiction-prefixed fields go to `fields`. */
export function syntheticEmployee(fields: Record<string, string>, frequency: PayFrequency): { ok: true; employee: Employee } | { ok: false; message: string } {
  const row: Record<string, string> = { employee_id: 'E1', hire_date: '2000-01-01', pay_type: 'salaried', pay_rate: '0', pay_frequency: frequency, ...fields };
  const parsed = employeeRowSchema.safeParse(row);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (!CORE_COLUMNS.has(k) && v !== '') extra[k] = v;
  return { ok: true, employee: { ...parsed.data, fields: extra, line: 0 } };
}

export function syntheticSettings(s: Record<string, unknown> = {}): { ok: true; settings: Settings } | { ok: false; message: string } {
  const parsed = settingsSchema.safeParse(s);
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

/** The pay period ending on the pay date, by frequency. */
export function periodEndingOn(payDate: CivilDate, frequency: PayFrequency): { start: CivilDate; end: CivilDate } {
  const start =
    frequency === 'weekly' ? addDays(payDate, -6)
    : frequency === 'biweekly' ? addDays(payDate, -13)
    : frequency === 'semimonthly' ? addDays(payDate, -14)
    : addDays(addMonths(payDate, -1), 1);
  return { start, end: payDate };
}

/** `n` pay dates spread over the calendar year of `date`, the first on or after `date`'s year start. */
export function payDatesInYear(date: CivilDate, n: number): readonly CivilDate[] {
  const key = `${yearOf(date)}/${n}`;
  let hit = payDateCache.get(key);
  if (!hit) {
    const first = makeDate(yearOf(date), 1, 1);
    hit = Array.from({ length: n }, (_, i) => addDays(first, Math.min(364, Math.floor((i * 365) / Math.max(1, n)) + 6)));
    payDateCache.set(key, hit);
  }
  return hit;
}
const payDateCache = new Map<string, CivilDate[]>();

export interface Payslip {
  employee: Employee;
  settings: Settings;
  frequency: PayFrequency;
  payDate: CivilDate;
  period?: { start: CivilDate; end: CivilDate };
  wages: Decimal;
  gross?: Decimal;
  supplemental?: Decimal;
  componentId: string;
  ytd: (item: string) => Decimal;
}

export function taxInput(p: Payslip): TaxInput {
  const period = p.period ?? periodEndingOn(p.payDate, p.frequency);
  return {
    employee: p.employee,
    payDate: p.payDate,
    periodStart: period.start,
    periodEnd: period.end,
    frequency: p.frequency,
    periodsPerYear: PERIODS_PER_YEAR[p.frequency],
    settings: p.settings,
    gross: p.gross ?? p.wages,
    wages: p.wages,
    supplemental: p.supplemental ?? ZERO,
    ytd: p.ytd,
    componentId: p.componentId,
  };
}

/**
 * Year-to-date for a simulated year of one component: the component's own
 * items (`<id>`, `<id>.wages`) are the sums of what it returned; `supplemental`
 * the supplemental pay fed; every other wage-like item (`*.wages`, `gross`,
 * `wages`) the wages fed — one wage definition for the whole simulation; any
 * other item (another component's amount) is 0. Items read are recorded, so a
 * counterexample can state the YTD a method actually saw.
 */
export class SimulatedYtd {
  wages: Decimal = ZERO;
  supplemental: Decimal = ZERO;
  amount: Decimal = ZERO;
  taxable: Decimal = ZERO;
  read = new Map<string, Decimal>();
  constructor(readonly componentId: string) {}

  get(item: string): Decimal {
    const v =
      item === this.componentId ? this.amount
      : item === `${this.componentId}.wages` ? this.taxable
      : item === 'supplemental' ? this.supplemental
      : item.endsWith('.wages') || item === 'gross' || item === 'wages' ? this.wages
      : ZERO;
    this.read.set(item, v);
    return v;
  }

  add(wages: Decimal, supplemental: Decimal, amount: Decimal, taxable: Decimal): void {
    this.wages = this.wages.plus(wages);
    this.supplemental = this.supplemental.plus(supplemental);
    this.amount = this.amount.plus(amount);
    this.taxable = this.taxable.plus(taxable);
  }

  /** The YTD the method read, as example input (`ytd: {item: amount}`). */
  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.read].map(([k, v]) => [k, v.toFixed(2)]));
  }
}
