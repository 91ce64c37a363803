import { z } from 'zod';
import { Decimal } from '../../../money/index.js';

/** A rule-file number as a Decimal (YAML numbers arrive as JS numbers; their shortest text is exact). */
export const decimalParam = z.union([z.number(), z.string()]).transform((v, ctx) => {
  try {
    return new Decimal(v);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a number' });
    return z.NEVER;
  }
});

export const rateParam = decimalParam.refine((d) => d.gte(0) && d.lte(1), 'expected a rate between 0 and 1');
export const moneyParam = decimalParam.refine((d) => d.gte(0), 'expected an amount of at least 0');

export interface Bracket {
  atLeast: Decimal;
  base: Decimal;
  rate: Decimal;
}

/** A bracket table: rows `{at_least, base, rate}` in ascending order of `at_least`, the first at 0. */
export const bracketsParam = z
  .array(z.strictObject({ at_least: decimalParam, base: decimalParam, rate: rateParam }))
  .min(1)
  .superRefine((rows, ctx) => {
    if (!rows[0]!.at_least.isZero()) ctx.addIssue({ code: 'custom', message: 'the first row must start at 0' });
    for (let i = 1; i < rows.length; i++) {
      if (!rows[i]!.at_least.greaterThan(rows[i - 1]!.at_least)) ctx.addIssue({ code: 'custom', path: [i, 'at_least'], message: 'rows must be in ascending order' });
    }
  })
  .transform((rows): Bracket[] => rows.map((r) => ({ atLeast: r.at_least, base: r.base, rate: r.rate })));

/** The row that applies to an amount: the last whose `at_least` ≤ amount. */
export function bracketFor(rows: readonly Bracket[], amount: Decimal): { row: Bracket; index: number } {
  let index = 0;
  for (let i = 1; i < rows.length; i++) {
    if (amount.gte(rows[i]!.atLeast)) index = i;
    else break;
  }
  return { row: rows[index]!, index };
}

/** base + rate × (amount − at_least), unrounded. */
export function applyBrackets(rows: readonly Bracket[], amount: Decimal): { tax: Decimal; row: Bracket; index: number } {
  const { row, index } = bracketFor(rows, amount);
  return { tax: row.base.plus(amount.minus(row.atLeast).times(row.rate)), row, index };
}
