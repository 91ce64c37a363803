import { z } from 'zod';
import { Decimal, formatMoney, roundCents } from '../../../../money/index.js';
import { cappedAmount } from '../../common/cappedRate.js';
import { moneyParam, rateParam } from '../../common/paramTypes.js';
import { InputError } from '../../../../model/problems.js';
import type { TaxMethod, TaxResult } from '../../types.js';

type SutaParams = { state: string; wage_base: Decimal; new_employer_rate?: Decimal | undefined };

const propertyRate = (p: SutaParams): Decimal => p.new_employer_rate ?? new Decimal('0.05');

/**
 * State unemployment tax (employer): the employer's own contribution rate
 * (`suta_rates` in payrecon.yaml, assigned to each employer by the state) on
 * wages up to the state's annual taxable wage base (rule file), year-to-date
 * aware like `capped_rate`. Without a rate in the settings, the state's
 * new-employer rate from the rule file, and the trace says so.
 */
export const sutaEmployerRate: TaxMethod<SutaParams> = {
  kind: 'tax',
  name: 'us_suta_employer_rate',
  summary: "employer's own state unemployment rate (payrecon.yaml suta_rates) × wages up to the state's wage base",
  params: z.object({ state: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter state code'), wage_base: moneyParam, new_employer_rate: rateParam.optional() }),
  monotone: true,
  /** Property tests run with an employer rate of the new-employer rate, or 5% where the file has none. */
  propertySettings: (p) => ({ suta_rates: { [p.state]: propertyRate(p).toNumber() } }),
  annualCap: (p) => roundCents(propertyRate(p).times(p.wage_base)),
  compute(input, p, prov): TaxResult {
    const T = input.trace !== false; // build the explain trace only when asked
    const given = input.settings.suta_rates[p.state];
    const fallback = p.new_employer_rate;
    if (given === undefined && !fallback) {
      throw new InputError([{ file: 'payrecon.yaml', column: 'suta_rates', message: `no ${p.state} unemployment rate: add suta_rates.${p.state} (the rate the state assigned to this employer); the rule file has no sourced new-employer rate for ${p.state}` }]);
    }
    const rate = given !== undefined ? new Decimal(given) : fallback!;
    const { ytdTaxable, taxable, amount } = cappedAmount(input, rate, p.wage_base);
    return {
      amount,
      taxableWages: taxable,
      lines: !T ? [] : [
        { label: 'Wages this period', value: formatMoney(input.wages) },
        { label: `${p.state} taxable wage base`, value: formatMoney(p.wage_base), ref: prov.wage_base },
        { label: 'Taxable wages earlier this year', value: formatMoney(ytdTaxable) },
        { label: 'Taxable wages this period', value: formatMoney(taxable) },
        given !== undefined
          ? { label: `Employer's ${p.state} rate (payrecon.yaml suta_rates.${p.state})`, value: rate.toString(), ref: 'payrecon.yaml' }
          : { label: `No ${p.state} rate in payrecon.yaml suta_rates: the state's new-employer rate is used`, value: rate.toString(), ref: prov.new_employer_rate! },
        { label: 'Taxable × rate, rounded to the cent (the year never passes rate × base)', value: formatMoney(amount) },
      ],
    };
  },
};
