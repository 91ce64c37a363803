import { z } from 'zod';
import { isCivilDate, type CivilDate } from '../dates/index.js';
import { Decimal, parseDecimal } from '../money/index.js';

/**
 * zod types for CSV cells. Every cell arrives as a string; an empty cell means
 * "not given". These types turn the text into the model's values and say, in
 * words a payroll clerk understands, what was expected when they cannot.
 */

const trimmed = z.string().transform((s) => s.trim());

/** Treat an empty cell as absent. */
export function optionalCell<T extends z.ZodType>(inner: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), inner.optional());
}

export const cellText = trimmed.pipe(z.string().min(1, 'expected a value'));

export const cellDate = trimmed.refine(isCivilDate, 'expected a date written YYYY-MM-DD').transform((s) => s as CivilDate);

export const cellBool = trimmed.transform((s, ctx) => {
  const t = s.toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  ctx.addIssue({ code: 'custom', message: 'expected true or false' });
  return z.NEVER;
});

export function cellDecimal(opts: { min?: number; max?: number; what?: string } = {}) {
  const what = opts.what ?? 'a plain decimal number such as 1234.56';
  return trimmed.transform((s, ctx) => {
    const d = parseDecimal(s);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: `expected ${what}` });
      return z.NEVER;
    }
    if (opts.min !== undefined && d.lessThan(opts.min)) {
      ctx.addIssue({ code: 'custom', message: `expected a number of at least ${opts.min}` });
      return z.NEVER;
    }
    if (opts.max !== undefined && d.greaterThan(opts.max)) {
      ctx.addIssue({ code: 'custom', message: `expected a number of at most ${opts.max}` });
      return z.NEVER;
    }
    return d as Decimal;
  });
}

export function cellInt(opts: { min?: number; max?: number } = {}) {
  return trimmed.transform((s, ctx) => {
    if (!/^[+-]?\d+$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: 'expected a whole number' });
      return z.NEVER;
    }
    const n = Number(s);
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      ctx.addIssue({ code: 'custom', message: `expected a whole number from ${opts.min ?? '-∞'} to ${opts.max ?? '∞'}` });
      return z.NEVER;
    }
    return n;
  });
}

export function cellEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return trimmed.transform((s, ctx) => {
    const i = (values as readonly string[]).indexOf(s.toLowerCase());
    if (i >= 0) return values[i] as T[number]; // (the constant itself: later comparisons are of one string)
    ctx.addIssue({ code: 'custom', message: `expected one of ${values.join(', ')}` });
    return z.NEVER;
  });
}
