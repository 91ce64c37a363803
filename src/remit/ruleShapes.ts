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

/** A return (Form 941, Form 940): the agency, the register items it reports, its period and due dates. */
export const formDefSchema = z.strictObject({
  agency: z.string().min(1),
  /** Spellings of the agency accepted in deposits.csv (compared case-insensitively). */
  agency_aliases: z.array(z.string().min(1)).default([]),
  /** Register items whose sum is the liability of a pay date. */
  items: z.array(z.string().min(1)).min(1),
  return_period: z.enum(['quarter', 'year']),
  return_due: dayRuleSchema,
  /** The later filing date allowed when every deposit was made on time. */
  all_deposits_timely: dayRuleSchema.optional(),
  /** How deposits are scheduled: `schedule` = monthly/semiweekly with the next-day and de minimis rules; `quarterly_accumulation` = FUTA. */
  deposit_rules: z.enum(['schedule', 'quarterly_accumulation']),
  /** Whether the accuracy-of-deposits safe harbor applies. */
  safe_harbor: z.boolean(),
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
