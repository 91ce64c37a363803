import { z } from 'zod';
import { isCivilDate } from '../../dates/index.js';
import { PAY_FREQUENCIES } from '../../model/index.js';
import { Decimal } from '../../money/index.js';

/**
 * The `input` of a worked example (docs/rule-maintainers.md, "Worked examples").
 *
 * Tax components:
 *   frequency: weekly | biweekly | semimonthly | monthly   (required)
 *   wages: 1500.00          this component's wages this period (required)
 *   gross: 1500.00          gross pay (default: wages)
 *   supplemental: 0         of wages, the supplemental part (default 0)
 *   pay_date: 2026-01-15    default: the example's date
 *   period: { start, end }  default: the period of the frequency ending on the pay date
 *   ytd: { us.ss.ee.wages: 180000 }   year-to-date before this payslip, by item; others 0
 *   employee: { fed_filing_status: single, fed_step2: true, ... }   employees.csv columns
 *   settings: { fit_rounding: dollars, supplemental_method: flat }  payrecon.yaml keys
 *
 * Overtime components:
 *   days: [ { date: 2026-01-05, hours: 9 }, ... ]   one workweek's worked hours
 *
 * Outputs: tax — `amount`, `taxable_wages`, and `line:<label>` for a trace
 * line whose label is, or starts with, <label> (`line:2g`); overtime —
 * `regular`, `overtime`, `doubletime`. Numbers compare as decimals within the
 * output's tolerance (default 0); a non-numeric expected value compares as text.
 */

const date = z.string().refine(isCivilDate, 'expected a date written YYYY-MM-DD');
export const exampleMoney = z.union([z.number(), z.string()]).transform((v, ctx) => {
  try {
    const d = new Decimal(typeof v === 'string' ? v.trim() : v);
    if (d.isFinite()) return d;
  } catch {
    /* reported below */
  }
  ctx.addIssue({ code: 'custom', message: 'expected a plain decimal number such as 1234.56' });
  return z.NEVER;
});

const cell = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));

export const taxExampleInputSchema = z.strictObject({
  frequency: z.enum(PAY_FREQUENCIES),
  wages: exampleMoney,
  gross: exampleMoney.optional(),
  supplemental: exampleMoney.optional(),
  pay_date: date.optional(),
  period: z.strictObject({ start: date, end: date }).optional(),
  ytd: z.record(z.string(), exampleMoney).default({}),
  employee: z.record(z.string(), cell).default({}),
  settings: z.record(z.string(), z.unknown()).default({}),
});
export type TaxExampleInput = z.output<typeof taxExampleInputSchema>;

export const overtimeExampleInputSchema = z.strictObject({
  days: z.array(z.strictObject({ date, hours: exampleMoney })).min(1),
});
export type OvertimeExampleInput = z.output<typeof overtimeExampleInputSchema>;
