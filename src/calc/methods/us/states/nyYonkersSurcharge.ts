import { z } from 'zod';
import { ZERO, formatMoney, roundCents } from '../../../../money/index.js';
import { rateParam } from '../../common/paramTypes.js';
import type { TaxMethod, TaxResult, TraceLine } from '../../types.js';
import { allowanceField, amountField, textField } from './stateFields.js';
import { filingStatusField, nyExactParamsSchema, nyLocalityField, nyTaxBeforeExtra, type NyExactParams } from './nyExactCalculation.js';

const paramsSchema = nyExactParamsSchema.extend({
  /** The Yonkers resident income tax surcharge, as a share of the New York State withholding (NYS-50-T-Y). */
  resident_rate: rateParam,
});
export type NyYonkersParams = z.output<typeof paramsSchema>;

const m = formatMoney;

/**
 * Yonkers resident income tax surcharge withholding (NYS-50-T-Y, resident
 * methods): a share (`resident_rate`, 16.75%) of the New York State
 * withholding of the same payslip, for employees whose `ny_locality` is
 * `yonkers`; 0.00 (and 0.00 wages) for everyone else.
 *
 * A method cannot read another component's amount, so the state withholding is
 * recomputed here by the New York method's own code (nyTaxBeforeExtra) with the
 * state parameters of the rule file (Table B, Table C, the Method II tables,
 * Method III, the supplemental rate) and the IT-2104 line 1 allowances — but
 * WITHOUT the additional state amount (line 3, `ny_extra`), which is not state
 * tax the surcharge is computed on. The state tax of the period is multiplied,
 * unrounded, by the surcharge rate and rounded once, to the cent (half up), as
 * the state method rounds. Supplemental wages paid without regular wages:
 * wages × the state supplemental rate × the surcharge rate (11.7% × 16.75% =
 * 1.95975%, the product 20 NYCRR 251.1(b) prescribes), rounded once.
 *
 * Not computed: the Yonkers NONRESIDENT earnings tax (needs where the work is
 * done), and any Yonkers additional amount the employee asks for.
 */
export const nyYonkersResidentSurcharge: TaxMethod<NyYonkersParams> = {
  kind: 'tax',
  name: 'us_ny_yonkers_resident_surcharge',
  summary: 'Yonkers resident income tax surcharge withholding: NYS-50-T-Y, resident_rate × the New York State withholding (NYS-50-T-NYS Method II/III, recomputed without the IT-2104 line 3 additional amount), for employees with ny_locality yonkers',
  params: paramsSchema,
  employeeFields: z.object({
    ny_filing_status: filingStatusField,
    ny_allowances: allowanceField,
    ny_extra: amountField,
    ny_locality: nyLocalityField,
  }),
  monotone: true,
  discontinuous:
    'a fixed share of the New York State withholding, so it steps wherever that does: by a cent or so at some Method II row boundaries (rounded column-5 amounts), and by design at the start of Method III (flat rate on the whole net wage)',
  profiles: [
    { name: 'not a Yonkers resident (no ny_locality)', fields: {} },
    { name: 'Yonkers resident, no IT-2104 (single, 0 allowances)', fields: { ny_locality: 'yonkers' } },
    { name: 'Yonkers resident, single, 1 allowance', fields: { ny_locality: 'yonkers', ny_filing_status: 'single', ny_allowances: '1' } },
    { name: 'Yonkers resident, married, 2 allowances, $20 additional state amount', fields: { ny_locality: 'yonkers', ny_filing_status: 'married', ny_allowances: '2', ny_extra: '20.00' } },
  ],
  compute(input, p, prov): TaxResult {
    const T = input.trace !== false;
    const lines: TraceLine[] = [];
    const loc = textField(input, 'ny_locality');
    if (loc !== 'yonkers') {
      T && lines.push({ label: `ny_locality is ${loc ? `"${loc}"` : 'empty'}, not yonkers: no Yonkers resident surcharge`, value: '0.00' });
      return { amount: ZERO, taxableWages: ZERO, lines };
    }
    T && lines.push({ label: 'ny_locality yonkers: Yonkers resident surcharge (NYS-50-T-Y) on the New York State withholding, recomputed here (NYS-50-T-NYS)', value: '' });
    const state = nyTaxBeforeExtra(
      { publication: 'NYS-50-T-NYS', taxName: 'New York State', allowancesField: 'ny_allowances', allowancesLabel: 'IT-2104 line 1' },
      input,
      p as NyExactParams,
      prov,
      lines,
      T,
    );
    // The flat supplemental path rounds the state figure; the surcharge takes the unrounded wages × rate (one rounding, at the end).
    const stateTax = state.flatSupplemental && p.supplemental_rate ? state.wages.times(p.supplemental_rate) : state.tax;
    T && lines.push({ label: 'New York State tax this period, unrounded, without the IT-2104 line 3 additional amount (ny_extra)', value: stateTax.toDecimalPlaces(6).toString() });
    const amount = roundCents(stateTax.times(p.resident_rate));
    T && lines.push({ label: 'Yonkers resident surcharge rate', value: p.resident_rate.toString(), ref: prov.resident_rate });
    T && lines.push({ label: 'Yonkers withholding this period: state tax × rate, rounded to the cent (half up)', value: m(amount) });
    return { amount, taxableWages: state.wages, lines };
  },
};
