import { z } from 'zod';
import { Decimal, ZERO, formatMoney, maxDec, minDec, roundCents } from '../../../money/index.js';
import { moneyParam, rateParam } from './paramTypes.js';
import type { TaxMethod } from '../types.js';

/**
 * A rate on wages up to an annual wage base (Social Security, state unemployment):
 * taxable = min(wages, base − taxable wages so far this year). The amount is
 * rounded per period, and never lets the year's total pass rate × base.
 */
export const cappedRate: TaxMethod<{ rate: Decimal; wage_base: Decimal }> = {
  kind: 'tax',
  name: 'capped_rate',
  summary: 'rate × wages up to an annual wage base (year-to-date aware)',
  params: z.object({ rate: rateParam, wage_base: moneyParam }),
  monotone: true,
  annualCap: (p) => roundCents(p.rate.times(p.wage_base)),
  compute(input, p, prov) {
    const ytdTaxable = input.ytd(`${input.componentId}.wages`);
    const ytdAmount = input.ytd(input.componentId);
    const room = maxDec(ZERO, p.wage_base.minus(ytdTaxable));
    const taxable = minDec(maxDec(ZERO, input.wages), room);
    const cap = roundCents(p.rate.times(p.wage_base));
    const amount = maxDec(ZERO, minDec(roundCents(taxable.times(p.rate)), cap.minus(ytdAmount)));
    return {
      amount,
      taxableWages: taxable,
      lines: [
        { label: 'Wages this period', value: formatMoney(input.wages) },
        { label: 'Annual wage base', value: formatMoney(p.wage_base), ref: prov.wage_base },
        { label: 'Taxable wages earlier this year', value: formatMoney(ytdTaxable) },
        { label: 'Room left under the wage base', value: formatMoney(room) },
        { label: 'Taxable wages this period', value: formatMoney(taxable) },
        { label: 'Rate', value: p.rate.toString(), ref: prov.rate },
        { label: 'Taxable × rate, rounded to the cent (the year never passes rate × base)', value: formatMoney(amount) },
      ],
    };
  },
};
