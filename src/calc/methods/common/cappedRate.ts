import { z } from 'zod';
import { Decimal, ZERO, formatMoney, maxDec, minDec, roundCents } from '../../../money/index.js';
import { moneyParam, rateParam } from './paramTypes.js';
import { NO_LINES, type TaxInput, type TaxMethod } from '../types.js';

/**
 * A rate on wages up to an annual wage base (Social Security, state unemployment):
 * taxable = min(wages, base − taxable wages so far this year). The amount is
 * rounded per period, and never lets the year's total pass rate × base.
 */
export interface CappedAmount {
  ytdTaxable: Decimal;
  room: Decimal;
  taxable: Decimal;
  amount: Decimal;
}

/**
 * The shared arithmetic of every tax on wages up to an annual base (Social
 * Security, FUTA, state unemployment): taxable = min(wages, base − taxable
 * wages so far this year); amount rounded per period, and never letting the
 * year's total pass rate × base.
 */
export function cappedAmount(input: TaxInput, rate: Decimal, wageBase: Decimal, ytdWagesItem = input.wagesId ?? `${input.componentId}.wages`): CappedAmount {
  const ytdTaxable = input.ytd(ytdWagesItem);
  const ytdAmount = input.ytd(input.componentId);
  const room = maxDec(ZERO, wageBase.minus(ytdTaxable));
  const taxable = minDec(maxDec(ZERO, input.wages), room);
  const cap = roundCents(rate.times(wageBase));
  const amount = maxDec(ZERO, minDec(roundCents(taxable.times(rate)), cap.minus(ytdAmount)));
  return { ytdTaxable, room, taxable, amount };
}

export const cappedRate: TaxMethod<{ rate: Decimal; wage_base: Decimal; ytd_wages_item?: string | undefined }> = {
  kind: 'tax',
  name: 'capped_rate',
  summary: 'rate × wages up to an annual wage base (year-to-date aware)',
  /** `ytd_wages_item`: read the year's taxable wages so far from another item (the employer share reads the employee's, so one opening balance serves both). */
  params: z.object({ rate: rateParam, wage_base: moneyParam, ytd_wages_item: z.string().min(1).optional() }),
  monotone: true,
  annualCap: (p) => roundCents(p.rate.times(p.wage_base)),
  compute(input, p, prov) {
    const T = input.trace !== false; // build the explain trace only when asked
    const { ytdTaxable, room, taxable, amount } = cappedAmount(input, p.rate, p.wage_base, p.ytd_wages_item);
    return {
      amount,
      taxableWages: taxable,
      lines: !T ? NO_LINES : [
        { label: 'Wages this period', value: formatMoney(input.wages) },
        { label: 'Annual wage base', value: formatMoney(p.wage_base), ref: prov.wage_base },
        { label: `Taxable wages earlier this year (${p.ytd_wages_item ?? `${input.componentId}.wages`})`, value: formatMoney(ytdTaxable) },
        { label: 'Room left under the wage base', value: formatMoney(room) },
        { label: 'Taxable wages this period', value: formatMoney(taxable) },
        { label: 'Rate', value: p.rate.toString(), ref: prov.rate },
        { label: 'Taxable × rate, rounded to the cent (the year never passes rate × base)', value: formatMoney(amount) },
      ],
    };
  },
};
