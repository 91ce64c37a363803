import { z } from 'zod';
import { Decimal, formatMoney, roundCents } from '../../../../money/index.js';
import { cappedAmount } from '../../common/cappedRate.js';
import { moneyParam, rateParam } from '../../common/paramTypes.js';
import { InputError } from '../../../../model/problems.js';
import type { Settings } from '../../../../model/index.js';
import { NO_LINES, type TaxInput, type TaxMethod, type TaxResult } from '../../types.js';

type SutaParams = { state: string; wage_base?: Decimal | undefined; new_employer_rate?: Decimal | undefined };

const propertyRate = (p: SutaParams): Decimal => p.new_employer_rate ?? new Decimal('0.05');
/** Property tests of a year whose file has no wage base run with this one, given as the settings' base. A test value, never a state's figure. */
const PROPERTY_WAGE_BASE = new Decimal(50000);
const propertyBase = (p: SutaParams): Decimal => p.wage_base ?? PROPERTY_WAGE_BASE;

const basesMemo = new WeakMap<Settings, Map<string, Decimal>>();

/** `suta_wage_bases.<state>.<year>` of payrecon.yaml, as a Decimal (remembered per settings object). */
function settingsBase(settings: Settings, state: string, year: string): Decimal | undefined {
  const given = settings.suta_wage_bases[state]?.[year];
  if (given === undefined) return undefined;
  let memo = basesMemo.get(settings);
  if (!memo) basesMemo.set(settings, (memo = new Map()));
  const key = `${state}.${year}`;
  let d = memo.get(key);
  if (!d) memo.set(key, (d = new Decimal(given)));
  return d;
}

/**
 * The year's taxable wage base: the rule file's, else the one payrecon.yaml gives from the state's
 * notice (`suta_wage_bases`), else an input error naming what to add. A settings figure that
 * disagrees with the rule file's is an error too: one of them is wrong.
 */
function wageBaseOf(input: TaxInput, p: SutaParams): Decimal {
  if (p.wage_base && input.settings.suta_wage_bases[p.state] === undefined) return p.wage_base;
  const year = input.payDate.slice(0, 4);
  const given = settingsBase(input.settings, p.state, year);
  const where = `suta_wage_bases.${p.state}.${year}`;
  if (p.wage_base) {
    if (given && !given.eq(p.wage_base)) {
      throw new InputError([{ file: 'payrecon.yaml', column: where, message: `${where} is ${given.toString()} but the ${p.state} rule file for ${year} gives ${formatMoney(p.wage_base)} (with its source): remove the setting, or correct the rule file if the state's notice says otherwise` }]);
    }
    return p.wage_base;
  }
  if (!given) {
    throw new InputError([{ file: 'payrecon.yaml', column: where, message: `no ${p.state} unemployment taxable wage base for ${year} in the rule files: add ${where} (the base on the state's ${year} rate notice), or a rule file with its source` }]);
  }
  return given;
}

/**
 * State unemployment tax (employer): the employer's own contribution rate
 * (`suta_rates` in payrecon.yaml, assigned to each employer by the state) on
 * wages up to the state's annual taxable wage base (rule file), year-to-date
 * aware like `capped_rate`. Without a rate in the settings, the state's
 * new-employer rate from the rule file, and the trace says so. Without a
 * wage base in the rule file (a year whose base was not found in a source),
 * the one payrecon.yaml gives from the state's notice (`suta_wage_bases`).
 */
export const sutaEmployerRate: TaxMethod<SutaParams> = {
  kind: 'tax',
  name: 'us_suta_employer_rate',
  summary: "employer's own state unemployment rate (payrecon.yaml suta_rates) × wages up to the state's wage base",
  params: z.object({ state: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter state code'), wage_base: moneyParam.optional(), new_employer_rate: rateParam.optional() }),
  monotone: true,
  /**
   * Property tests run with an employer rate of the new-employer rate, or 5% where the file has none,
   * and, where the file has no wage base, a test base given as the settings' one for the year.
   */
  propertySettings: (p, date) => ({
    suta_rates: { [p.state]: propertyRate(p).toNumber() },
    ...(p.wage_base ? {} : { suta_wage_bases: { [p.state]: { [date.slice(0, 4)]: PROPERTY_WAGE_BASE.toNumber() } } }),
  }),
  annualCap: (p) => roundCents(propertyRate(p).times(propertyBase(p))),
  compute(input, p, prov): TaxResult {
    const T = input.trace !== false; // build the explain trace only when asked
    const given = input.settings.suta_rates[p.state];
    const fallback = p.new_employer_rate;
    if (given === undefined && !fallback) {
      throw new InputError([{ file: 'payrecon.yaml', column: 'suta_rates', message: `no ${p.state} unemployment rate: add suta_rates.${p.state} (the rate the state assigned to this employer); the rule file has no sourced new-employer rate for ${p.state}` }]);
    }
    const rate = given !== undefined ? new Decimal(given) : fallback!;
    const base = wageBaseOf(input, p);
    const { ytdTaxable, taxable, amount } = cappedAmount(input, rate, base);
    return {
      amount,
      taxableWages: taxable,
      lines: !T ? NO_LINES : [
        { label: 'Wages this period', value: formatMoney(input.wages) },
        !p.wage_base
          ? { label: `${p.state} taxable wage base (payrecon.yaml suta_wage_bases.${p.state}.${input.payDate.slice(0, 4)}: the rule file has none for the year)`, value: formatMoney(base), ref: 'payrecon.yaml' }
          : { label: `${p.state} taxable wage base`, value: formatMoney(base), ref: prov.wage_base },
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
