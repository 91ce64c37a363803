import { z } from 'zod';
import { WEEKDAY_NAMES } from '../dates/index.js';

const tol = z.strictObject({ abs: z.number().nonnegative().optional(), rel: z.number().nonnegative().optional() });

/** `payrecon.yaml` in the company folder. Every key is optional. */
export const settingsSchema = z.strictObject({
  workweek_start: z.enum(WEEKDAY_NAMES).default('sunday'),
  proration: z.enum(['weekdays', 'calendar_days']).default('weekdays'),
  supplemental_method: z.enum(['aggregate', 'flat']).default('aggregate'),
  fit_rounding: z.enum(['cents', 'dollars']).default('cents'),
  /** Reconciliation: the partner's register file, relative to the company folder (default register.csv). */
  register: z.string().optional(),
  /** Reconciliation: the register's mapping profile (YAML, relative to the company folder); absent = canonical layout. See docs/reconcile.md. */
  register_profile: z.string().optional(),
  tolerance: z
    .strictObject({ default: z.number().nonnegative().default(0.01), items: z.record(z.string(), z.union([z.number().nonnegative(), tol])).default({}) })
    .default({ default: 0.01, items: {} }),
  deposit_schedule: z.enum(['monthly', 'semiweekly']).optional(),
  lookback_total: z.number().nonnegative().optional(),
  /** New York NYS-1 filer class (withholding due 3 or 5 business days after the payroll reaching $700); absent = 5-day, the rule for a new employer. See docs/remittances.md. */
  ny_filer: z.enum(['3-day', '5-day']).optional(),
  /** Employer state unemployment rates, by state: { CA: 0.034 }. */
  suta_rates: z.record(z.string(), z.number().min(0).max(1)).default({}),
  /**
   * State unemployment taxable wage bases the rule files do not hold, by state and calendar year,
   * as the state's rate notice gives them: { NV: { 2026: 43700 } }. Used only for a year whose rule
   * file has no base; a figure that disagrees with a rule file's is an error.
   */
  suta_wage_bases: z
    .record(z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter state code'), z.record(z.string().regex(/^\d{4}$/, 'expected a calendar year (2026)'), z.number().positive()))
    .default({}),
});
export type Settings = z.output<typeof settingsSchema>;
