import { z } from 'zod';
import { isCivilDate } from '../dates/index.js';

/**
 * The rule-file format. One YAML file per jurisdiction and period of coverage
 * (usually a tax year). Numbers live here as dated values, each with its
 * source; formulas live in TypeScript methods that a component names.
 */

export const civilDateSchema = z
  .string()
  .refine(isCivilDate, { message: 'expected a date written YYYY-MM-DD' });

/** Where a value comes from, and how directly it was seen. */
export const sourceSchema = z.strictObject({
  publication: z.string().min(1),
  section: z.string().optional(),
  url: z.string().optional(),
  /** official: read in the agency's own document; transcription: a copy of it; derived: arithmetic on official inputs; memory: not seen. */
  seen: z.enum(['official', 'transcription', 'derived', 'memory']).optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** One dated value of a parameter. `to` is required: no value is carried past its end. */
export const datedValueSchema = z.strictObject({
  from: civilDateSchema,
  to: civilDateSchema,
  value: z.unknown(),
  source: sourceSchema,
  /** false when the figure could not be confirmed from an official source. */
  verified: z.boolean().default(true),
  /** Last day someone confirmed the value still holds. */
  confirmed_on: civilDateSchema.optional(),
  note: z.string().optional(),
});
export type DatedValue = z.infer<typeof datedValueSchema>;

export const parameterSchema = z.strictObject({
  description: z.string().min(1),
  /**
   * rate (a fraction, 0.062), usd, hours, count, multiplier, brackets (rows of
   * at_least/base/rate), table (any structured value a method validates),
   * list, text, date.
   */
  unit: z.enum(['rate', 'usd', 'eur', 'gbp', 'hours', 'count', 'multiplier', 'brackets', 'table', 'list', 'text', 'date', 'calendar']),
  /** For brackets whose thresholds are multiples of another parameter (a French ceiling): that parameter's name. */
  threshold_unit: z.string().optional(),
  /** Brackets whose base column is not rate × width of the row before (New York's benefit recapture): skip that check, and say why. */
  bases_not_cumulative: z.string().optional(),
  values: z.array(datedValueSchema).min(1),
});
export type Parameter = z.infer<typeof parameterSchema>;

const paramRef = z.string().min(1);

export const roundingSchema = z.strictObject({
  to: z.enum(['cents', 'dollars']).default('cents'),
  mode: z.enum(['half_up', 'half_even', 'down', 'up']).default('half_up'),
});

/** A figure on the payslip: a tax, a contribution, an overtime rule. */
export const componentSchema = z.strictObject({
  /** Output column, e.g. `us.ss.ee`. Its taxable wages go to `<id>.wages`. */
  id: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, 'expected a dotted lower-case id such as us.ss.ee'),
  description: z.string().optional(),
  kind: z.enum(['tax', 'overtime']).default('tax'),
  party: z.enum(['employee', 'employer']).default('employee'),
  /** Registered calculation method (see src/calc/methods). */
  method: z.string().min(1),
  /** Which wage definition the component starts from (a key of the `wage_bases` parameter). */
  wages: z.string().optional(),
  /** Method parameter name → this file's parameter name, or a literal: a number, a boolean, or `{ value: … }`. */
  params: z.record(z.string(), z.union([paramRef, z.number(), z.boolean(), z.strictObject({ value: z.union([z.string(), z.number(), z.boolean()]) })])).default({}),
  rounding: roundingSchema.optional(),
  /** Which employees it applies to: by work state (two-letter code), or all. */
  applies_to: z.strictObject({ work_state: z.array(z.string()).optional() }).optional(),
});
export type Component = z.infer<typeof componentSchema>;

/** A worked example carried beside the values (`payrecon rules test`). */
export const exampleSchema = z.strictObject({
  name: z.string().min(1),
  component: z.string().min(1),
  date: civilDateSchema,
  /** agency: published by the agency; hand: computed by a maintainer. */
  kind: z.enum(['agency', 'hand']),
  source: sourceSchema,
  input: z.record(z.string(), z.unknown()),
  output: z.record(z.string(), z.union([z.number(), z.string()])),
  /** Absolute tolerance per output (default 0). */
  tolerance: z.record(z.string(), z.number().nonnegative()).optional(),
});
export type Example = z.infer<typeof exampleSchema>;

export const ruleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().min(1),
  /** `us` (federal), `us.ca`, `us.ny`, `uk`, `fr`… The prefix of the component ids. */
  jurisdiction: z.string().regex(/^[a-z]{2}(\.[a-z0-9]+)*$/),
  title: z.string().min(1),
  /** The dates this file answers for; every parameter must cover them without gap. */
  coverage: z.strictObject({ from: civilDateSchema, to: civilDateSchema }),
  /** Maximum age in days of a `confirmed_on` before `rules check` reports the value as stale. */
  review_max_age_days: z.number().int().positive().optional(),
  parameters: z.record(z.string(), parameterSchema),
  components: z.array(componentSchema).default([]),
  examples: z.array(exampleSchema).default([]),
});
export type RuleFile = z.infer<typeof ruleFileSchema>;

/** Rows of a bracket table: at or above `at_least`, tax = base + rate × (wages − at_least). */
export const bracketRowSchema = z.strictObject({
  at_least: z.number().nonnegative(),
  base: z.number().nonnegative(),
  rate: z.number().min(0).max(1),
});
export const bracketsSchema = z.array(bracketRowSchema).min(1);
export type BracketRow = z.infer<typeof bracketRowSchema>;
