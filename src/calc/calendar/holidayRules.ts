import { z } from 'zod';
import { WEEKDAY_NAMES } from '../../dates/index.js';
import { civilDateSchema } from '../../rules/schema.js';

/**
 * The shape of a business-day calendar in a rule file (parameter `unit:
 * calendar`): holidays as rules evaluated for any year, never a typed list of
 * dates. A rule gives the holiday's own (nominal) date in a year; the
 * observance policy then moves a weekend date to a weekday.
 */

const month = z.number().int().min(1).max(12);
const day = z.number().int().min(1).max(31);
const weekday = z.enum(WEEKDAY_NAMES);

export const holidayRuleSchema = z.discriminatedUnion('type', [
  /** The same day every year: January 1. */
  z.strictObject({ type: z.literal('fixed'), month, day }),
  /** The n-th (1–5) given weekday of a month: third Monday in January. */
  z.strictObject({ type: z.literal('nth_weekday'), month, weekday, n: z.number().int().min(1).max(5) }),
  /** The last given weekday of a month: last Monday in May. */
  z.strictObject({ type: z.literal('last_weekday'), month, weekday }),
  /** A fixed day every `every` years counted from `first_year`: Inauguration Day, January 20 of 2025, 2029… */
  z.strictObject({ type: z.literal('every_n_years'), month, day, every: z.number().int().min(1), first_year: z.number().int() }),
  /**
   * The first `weekday` after the n-th (1–5) `after.weekday` of a month: New York's Election Day is the
   * Tuesday after the first Monday in November; the day after Thanksgiving is the Friday after the fourth Thursday.
   */
  z.strictObject({ type: z.literal('weekday_after'), month, weekday, after: z.strictObject({ weekday, n: z.number().int().min(1).max(5) }) }),
  /** One date only (a national day of mourning proclaimed for one day). */
  z.strictObject({ type: z.literal('one_off'), date: civilDateSchema }),
]);
export type HolidayRule = z.infer<typeof holidayRuleSchema>;

/**
 * How a holiday whose date is a weekend day is observed:
 * - `weekend_shift`: Saturday → the Friday before, Sunday → the Monday after (federal and District of Columbia rule);
 * - `sunday_to_monday`: only a Sunday moves, to the Monday after (Inauguration Day: January 21 when January 20 is a Sunday);
 * - `none`: never moves.
 */
export const OBSERVANCES = ['weekend_shift', 'sunday_to_monday', 'none'] as const;
export type Observance = (typeof OBSERVANCES)[number];

export const holidayDefSchema = z
  .strictObject({
    name: z.string().min(1),
    rule: holidayRuleSchema,
    /** Overrides the calendar's default observance for this holiday. */
    observance: z.enum(OBSERVANCES).optional(),
    /** First and last nominal date on which the holiday is a legal holiday (dated validity of the rule). */
    from: civilDateSchema.optional(),
    to: civilDateSchema.optional(),
    source: z.string().optional(),
  })
  .refine((h) => !h.from || !h.to || h.from <= h.to, { message: '`from` must not be after `to`' });
export type HolidayDef = z.infer<typeof holidayDefSchema>;

export const calendarDefSchema = z.strictObject({
  /** Days of the week that are never business days. */
  weekend: z.array(weekday).default(['saturday', 'sunday']),
  /** Default observance of a holiday that falls on a weekend. */
  observance: z.enum(OBSERVANCES).default('weekend_shift'),
  holidays: z.array(holidayDefSchema).min(1),
});
export type CalendarDef = z.output<typeof calendarDefSchema>;
