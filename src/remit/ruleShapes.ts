import { z } from 'zod';
import { WEEKDAY_NAMES } from '../dates/index.js';
import { Decimal } from '../money/index.js';

/**
 * Shapes of the structured (`unit: table`) parameters of a deposit rule file
 * such as rules/us/irs-deposits.yaml. A state's deposit schedule reuses these
 * shapes (see docs/remittances.md).
 */

const weekday = z.enum(WEEKDAY_NAMES);

/** A rule-file number as a Decimal (YAML numbers arrive as JS numbers; their shortest text is exact). */
export const decimalSchema = z.union([z.number(), z.string()]).transform((v, ctx) => {
  try {
    return new Decimal(v);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a number' });
    return z.NEVER;
  }
});
const moneyParam = decimalSchema.refine((d) => d.gte(0), 'expected an amount of at least 0');
const rateParam = decimalSchema.refine((d) => d.gte(0) && d.lte(1), 'expected a rate between 0 and 1');
export const usdSchema = moneyParam;

/** A date relative to the end of a period: `months_after` the period's last month, on `day` (or the last day). */
export const dayRuleSchema = z.strictObject({
  months_after: z.number().int().min(0).max(24),
  day: z.union([z.number().int().min(1).max(31), z.literal('last')]),
});
export type DayRule = z.infer<typeof dayRuleSchema>;

/** Where the business-day calendar of the due dates lives. */
export const calendarRefSchema = z.strictObject({ jurisdiction: z.string().min(1), parameter: z.string().min(1).default('legal_holidays') });
export type CalendarRef = z.output<typeof calendarRefSchema>;

/**
 * How a return's deposits are scheduled (`deposit_rules` of a form). Each kind is one planner in
 * src/remit (obligations.ts for the federal kinds, statePlans.ts for the others); a state whose rule
 * fits an existing kind is rule data only.
 * - `schedule`: monthly/semiweekly with the $100,000 next-day and $2,500 de minimis rules (Form 941);
 * - `quarterly_accumulation`: FUTA (Form 940);
 * - `accumulated_tiers`: tiers by the amount accumulated since the last deposit, the top tier following
 *   the employer's federal schedule (California PIT and SDI, `accumulatedTiersSchema`);
 * - `after_payroll`: N business days after the payroll that brings the accumulation to a threshold,
 *   N by filer class (New York NYS-1, `afterPayrollSchema`);
 * - `with_return`: the whole return period's liability is due with the return (California UI and ETT).
 */
export const DEPOSIT_RULE_KINDS = ['schedule', 'quarterly_accumulation', 'accumulated_tiers', 'after_payroll', 'with_return'] as const;
export type DepositRuleKind = (typeof DEPOSIT_RULE_KINDS)[number];

/** A return (Form 941, Form 940, DE 9, NYS-45): the agency, the register items it reports, its period and due dates. */
export const formDefSchema = z
  .strictObject({
    agency: z.string().min(1),
    /** Spellings of the agency accepted in deposits.csv (compared case-insensitively). */
    agency_aliases: z.array(z.string().min(1)).default([]),
    /** Code of the return in remittances.csv and findings (`deposit.<form>`); default: the parameter name after `form_` (`form_941` → `941`). */
    form: z.string().min(1).optional(),
    /** Spellings of the `form` column of deposits.csv that pay this return (compared without case, spaces or punctuation). */
    form_aliases: z.array(z.string().min(1)).default([]),
    /** How messages name it (default `Form <form>`). */
    label: z.string().min(1).optional(),
    /** Register items whose sum is the liability of a pay date. */
    items: z.array(z.string().min(1)).min(1),
    return_period: z.enum(['quarter', 'year']),
    return_due: dayRuleSchema,
    /** The later filing date allowed when every deposit was made on time. */
    all_deposits_timely: dayRuleSchema.optional(),
    deposit_rules: z.enum(DEPOSIT_RULE_KINDS),
    /** The parameter of the same file holding the schedule (`accumulated_tiers`, `after_payroll`). */
    schedule: z.string().min(1).optional(),
    /** Whether the accuracy-of-deposits safe harbor applies. */
    safe_harbor: z.boolean(),
  })
  .superRefine((f, ctx) => {
    if ((f.deposit_rules === 'accumulated_tiers' || f.deposit_rules === 'after_payroll') && !f.schedule) {
      ctx.addIssue({ code: 'custom', path: ['schedule'], message: `deposit_rules: ${f.deposit_rules} needs \`schedule\`, the name of the parameter holding it` });
    }
  });
export type FormDef = z.output<typeof formDefSchema>;

export const monthlyScheduleSchema = z.strictObject({
  period: z.literal('month'),
  due: dayRuleSchema,
});
export type MonthlySchedule = z.infer<typeof monthlyScheduleSchema>;

export const semiweeklyScheduleSchema = z
  .strictObject({
    /** Deposit periods by payday weekday, with the weekday each period ends on. */
    periods: z.array(z.strictObject({ paydays: z.array(weekday).min(1), ends: weekday })).min(1),
    /** Business days after the close of the period: the deposit is due on the last of them. */
    business_days_after_period: z.number().int().min(1),
    /** Separate deposits when one period spans two return periods (quarters). */
    separate_by_return_period: z.boolean(),
  })
  .superRefine((s, ctx) => {
    const seen = s.periods.flatMap((p) => p.paydays);
    if (new Set(seen).size !== seen.length || seen.length !== 7) {
      ctx.addIssue({ code: 'custom', path: ['periods'], message: 'the periods must cover each weekday exactly once' });
    }
    s.periods.forEach((p, i) => {
      if (!p.paydays.includes(p.ends)) ctx.addIssue({ code: 'custom', path: ['periods', i, 'ends'], message: 'a period must end on one of its paydays' });
    });
  });
export type SemiweeklySchedule = z.infer<typeof semiweeklyScheduleSchema>;

export const nextDaySchema = z.strictObject({
  threshold: moneyParam,
  business_days_after: z.number().int().min(1),
  /** A monthly depositor that triggers the rule is semiweekly from the next day, for the rest of the year and the next. */
  monthly_becomes_semiweekly: z.boolean(),
});
export type NextDayRule = z.output<typeof nextDaySchema>;

/** Penalty rate by calendar days late: rows ascending, the last with `days_late_up_to: null`. */
export const penaltyTiersSchema = z
  .array(z.strictObject({ days_late_up_to: z.number().int().min(1).nullable(), rate: rateParam }))
  .min(1)
  .superRefine((rows, ctx) => {
    rows.forEach((r, i) => {
      const last = i === rows.length - 1;
      if (last !== (r.days_late_up_to === null)) ctx.addIssue({ code: 'custom', path: [i, 'days_late_up_to'], message: 'only the last tier has no upper bound (null)' });
      const prev = rows[i - 1]?.days_late_up_to;
      if (i > 0 && r.days_late_up_to !== null && prev != null && r.days_late_up_to <= prev) {
        ctx.addIssue({ code: 'custom', path: [i, 'days_late_up_to'], message: 'tiers must be in ascending order' });
      }
    });
  });
export type PenaltyTiers = z.output<typeof penaltyTiersSchema>;

export const afterNoticeSchema = z.strictObject({ days_after_notice: z.number().int().min(0), rate: rateParam });
export type AfterNotice = z.output<typeof afterNoticeSchema>;

export const safeHarborSchema = z.strictObject({
  minimum: moneyParam,
  rate: rateParam,
  /** Monthly depositor: the shortfall may be made up by the return due date. */
  monthly_makeup: z.literal('return_due_date'),
  /** Semiweekly depositor: the first of `weekdays` on or after `on_or_after_day` of the month after the shortfall, but not after the return due date. */
  semiweekly_makeup: z.strictObject({ months_after: z.number().int().min(0), on_or_after_day: z.number().int().min(1).max(31), weekdays: z.array(weekday).min(1) }),
  applies_to_next_day: z.boolean(),
});
export type SafeHarbor = z.output<typeof safeHarborSchema>;

export const quarterlyDepositSchema = z.strictObject({
  threshold: moneyParam,
  due: dayRuleSchema,
});
export type QuarterlyDeposit = z.output<typeof quarterlyDepositSchema>;

/**
 * `accumulated_tiers` (California PIT and SDI, EDD's deposit table): the amount of `accumulated` items
 * since the last deposit decides when everything accumulated is due. Under `with_return_below`: with the
 * quarterly return; from `monthly_from`: the `monthly` date; over `federal_schedule_over`: by the
 * employer's federal schedule for that payday (`by_federal_schedule` maps the federal schedule to one of
 * `next_day`, `semiweekly`, `monthly`).
 */
export const accumulatedTiersSchema = z
  .strictObject({
    /** Register items the thresholds test (EDD: "accumulated California PIT"); the deposit holds every item of the form. */
    accumulated: z.array(z.string().min(1)).min(1),
    with_return_below: moneyParam,
    monthly_from: moneyParam,
    monthly: monthlyScheduleSchema,
    federal_schedule_over: moneyParam,
    by_federal_schedule: z.strictObject({
      next_day: z.enum(['next_day', 'semiweekly', 'monthly']),
      semiweekly: z.enum(['next_day', 'semiweekly', 'monthly']),
      monthly: z.enum(['next_day', 'semiweekly', 'monthly']),
    }),
    next_day: z.strictObject({ business_days_after: z.number().int().min(1) }),
    semiweekly: semiweeklyScheduleSchema,
  })
  .refine((t) => t.with_return_below.lte(t.monthly_from) && t.monthly_from.lte(t.federal_schedule_over), { message: 'expected with_return_below ≤ monthly_from ≤ federal_schedule_over' });
export type AccumulatedTiers = z.output<typeof accumulatedTiersSchema>;

/**
 * `after_payroll` (New York NYS-1): after each payroll that brings the amount accumulated since the
 * last deposit to `threshold` or more, due `business_days[filer]` business days later; several
 * payrolls in one week (`week_starts` to the day before) count from the last of them. Under the
 * threshold at the end of the return period: with the return. The filer class comes from the
 * payrecon.yaml key named by `filer.setting` (default `filer.default`).
 */
export const afterPayrollSchema = z
  .strictObject({
    threshold: moneyParam,
    filer: z.strictObject({
      setting: z.string().min(1),
      default: z.string().min(1),
      business_days: z.record(z.string(), z.number().int().min(1)),
    }),
    week_starts: weekday,
    below_threshold: z.literal('with_return'),
  })
  .refine((a) => a.filer.business_days[a.filer.default] !== undefined, { message: 'filer.default must be a key of filer.business_days' });
export type AfterPayroll = z.output<typeof afterPayrollSchema>;

/**
 * A state agency's late-payment penalty (parameter `penalty`): `flat` = one rate on every late or
 * unpaid amount (California's 15%), with `interest` charged but not estimated; `not_estimated` = the
 * penalty is not in the rule data (days late are reported, no amount). The federal file uses
 * `penalty.tiers` and `penalty.after_notice` instead.
 */
export const statePenaltySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('flat'), rate: rateParam, interest: z.enum(['not_charged', 'not_estimated']) }),
  z.strictObject({ kind: z.literal('not_estimated'), reason: z.string().min(1) }),
]);
export type StatePenalty = z.output<typeof statePenaltySchema>;
