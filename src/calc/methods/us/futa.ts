import { z } from 'zod';
import { Decimal, ZERO, formatMoney, maxDec, roundCents } from '../../../money/index.js';
import { cappedAmount } from '../common/cappedRate.js';
import { moneyParam, rateParam, decimalParam } from '../common/paramTypes.js';
import { NO_LINES, type TaxMethod } from '../types.js';

type FutaParams = { gross_rate: Decimal; max_credit: Decimal; wage_base: Decimal; credit_reduction: Record<string, Decimal> };

/**
 * FUTA (employer): (gross rate − credit for state unemployment tax + the
 * credit reduction of the employee's work state) × wages up to the annual base.
 */
export const usFuta: TaxMethod<FutaParams> = {
  kind: 'tax',
  name: 'us_futa',
  summary: 'FUTA net rate (6.0% − 5.4% credit + state credit reduction) on wages up to $7,000 a year',
  params: z.object({
    gross_rate: rateParam,
    max_credit: rateParam,
    wage_base: moneyParam,
    credit_reduction: z.record(z.string(), decimalParam).default({}),
  }),
  monotone: true,
  annualCap: (p) => {
    let worst = ZERO;
    for (const v of Object.values(p.credit_reduction)) worst = maxDec(worst, v);
    return roundCents(p.gross_rate.minus(p.max_credit).plus(worst).times(p.wage_base));
  },
  compute(input, p, prov) {
    const T = input.trace !== false; // build the explain trace only when asked
    const state = input.employee.work_state ?? '';
    const reduction = p.credit_reduction[state] ?? ZERO;
    const rate = p.gross_rate.minus(p.max_credit).plus(reduction);
    const { ytdTaxable, taxable, amount } = cappedAmount(input, rate, p.wage_base);
    return {
      amount,
      taxableWages: taxable,
      lines: !T ? NO_LINES : [
        { label: 'FUTA gross rate', value: p.gross_rate.toString(), ref: prov.gross_rate },
        { label: 'Maximum credit for state unemployment tax', value: p.max_credit.toString(), ref: prov.max_credit },
        { label: `Credit reduction for work state ${state || '(none)'}`, value: reduction.toString(), ref: prov.credit_reduction },
        { label: 'Net rate', value: rate.toString() },
        { label: 'Annual wage base', value: formatMoney(p.wage_base), ref: prov.wage_base },
        { label: 'FUTA wages earlier this year', value: formatMoney(ytdTaxable) },
        { label: 'Taxable wages this period', value: formatMoney(taxable) },
        { label: 'Taxable × net rate, rounded to the cent', value: formatMoney(amount) },
      ],
    };
  },
};
