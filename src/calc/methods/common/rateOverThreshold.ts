import { z } from 'zod';
import { Decimal, ZERO, formatMoney, maxDec, roundCents } from '../../../money/index.js';
import { moneyParam, rateParam } from './paramTypes.js';
import { NO_LINES, type TaxMethod } from '../types.js';

/**
 * A rate on the year's wages above a threshold, withheld from the period in
 * which they pass it (Additional Medicare Tax: 0.9% over $200,000). The
 * year-to-date wages are read from the item the rule names (`ytd_wages_item`).
 */
export const rateOverAnnualThreshold: TaxMethod<{ rate: Decimal; threshold: Decimal; ytd_wages_item: string }> = {
  kind: 'tax',
  name: 'rate_over_annual_threshold',
  summary: 'rate × the part of the year\'s wages above an annual threshold',
  params: z.object({ rate: rateParam, threshold: moneyParam, ytd_wages_item: z.string().min(1) }),
  monotone: true,
  compute(input, p, prov) {
    const T = input.trace !== false; // build the explain trace only when asked
    const before = input.ytd(p.ytd_wages_item);
    const after = before.plus(input.wages);
    const over = maxDec(ZERO, after.minus(p.threshold)).minus(maxDec(ZERO, before.minus(p.threshold)));
    const taxable = maxDec(ZERO, over);
    const amount = roundCents(taxable.times(p.rate));
    return {
      amount,
      taxableWages: taxable,
      lines: !T ? NO_LINES : [
        { label: `Year-to-date wages before this period (${p.ytd_wages_item})`, value: formatMoney(before) },
        { label: 'Wages this period', value: formatMoney(input.wages) },
        { label: 'Annual threshold', value: formatMoney(p.threshold), ref: prov.threshold },
        { label: 'Wages this period above the threshold', value: formatMoney(taxable) },
        { label: 'Rate', value: p.rate.toString(), ref: prov.rate },
        { label: 'Amount, rounded to the cent', value: formatMoney(amount) },
      ],
    };
  },
};
