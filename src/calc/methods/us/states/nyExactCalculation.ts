import { z } from 'zod';
import { Decimal, ZERO, formatMoney, maxDec, roundCents } from '../../../../money/index.js';
import { applyBrackets, bracketsParam, moneyParam, rateParam } from '../../common/paramTypes.js';
import type { TaxMethod, TaxResult, TraceLine } from '../../types.js';
import { allowanceField, amountField, amountOf, intField, textField, withExtra } from './stateFields.js';

const byStatus = <T extends z.ZodType>(t: T) => z.strictObject({ single: t, married: t });

const paramsSchema = z.object({
  /** Table B: deduction allowance per pay period, by status. */
  deduction_allowance: z.record(z.string(), byStatus(moneyParam)),
  /** Table C: exemption allowance per allowance, per pay period. */
  exemption_allowance: z.record(z.string(), moneyParam),
  /** Method II exact-calculation tables per pay period and status: tax = (net − at_least) × rate + base (column 5). */
  tax_tables: z.record(z.string(), byStatus(bracketsParam)),
  /**
   * Method III: net wages per period from which a flat rate applies to the whole
   * net wage (`from`, by period and status), and the rate by annualised net wage.
   */
  method_iii: z
    .strictObject({
      from: z.record(z.string(), byStatus(moneyParam)),
      rates: z.array(z.strictObject({ annual_at_least: moneyParam, rate: rateParam })).min(1),
    })
    .optional(),
  /** Flat rate for supplemental wages paid without regular wages. */
  supplemental_rate: rateParam.optional(),
});
export type NyExactParams = z.output<typeof paramsSchema>;

const m = formatMoney;
const u = (d: Decimal) => d.toDecimalPlaces(6).toString();

/**
 * New York State income tax withholding, NYS-50-T-NYS Method II (exact
 * calculation) with the per-pay-period tables; Method III above the top line.
 * Single and head of household use the single table. No IT-2104 on file:
 * single, zero allowances. New York City and Yonkers withholding are not
 * computed (docs/adding-a-state.md says why).
 */
export const nyExactCalculation: TaxMethod<NyExactParams> = {
  kind: 'tax',
  name: 'us_ny_exact_calculation',
  summary: 'New York State withholding: NYS-50-T-NYS Method II exact calculation, per-pay-period tables',
  params: paramsSchema,
  employeeFields: z.object({
    ny_filing_status: z.enum(['single', 'married', 'head_of_household'], { message: 'expected single or married (IT-2104 line 1)' }).optional(),
    ny_allowances: allowanceField,
    ny_extra: amountField,
  }),
  monotone: true,
  discontinuous: 'NYS-50-T-NYS Method II tables print rounded column-5 amounts and recapture rows, so the tax steps by a few cents at some row boundaries; the published figures are used as printed',
  profiles: [
    { name: 'no IT-2104 (single, 0 allowances)', fields: {} },
    { name: 'single, 1 allowance', fields: { ny_filing_status: 'single', ny_allowances: '1' } },
    { name: 'married, 2 allowances', fields: { ny_filing_status: 'married', ny_allowances: '2' } },
    { name: 'married, 0 allowances', fields: { ny_filing_status: 'married' } },
  ],
  compute(input, p, prov): TaxResult {
    const T = input.trace !== false; // build the explain trace only when asked
    const lines: TraceLine[] = [];
    const freq = input.frequency;
    const raw = textField(input, 'ny_filing_status');
    const status = raw === 'married' ? 'married' : 'single';
    const allowances = intField(input, 'ny_allowances');
    const extra = amountOf(input, 'ny_extra');
    T && lines.push({ label: `IT-2104: ${raw ? `${raw.replace(/_/g, ' ')}${raw === 'head_of_household' ? ' (single table)' : ''}` : 'none on file, so single'}, ${allowances} allowance(s)`, value: '' });
    const wages = maxDec(ZERO, input.wages);
    T && lines.push({ label: 'Wages subject to New York State withholding this period', value: m(wages) });

    const regularWages = wages.minus(input.supplemental);
    if (p.supplemental_rate && input.supplemental.gt(0) && regularWages.lte(0)) {
      const tax = roundCents(wages.times(p.supplemental_rate));
      T && lines.push({ label: 'Supplemental wages paid without regular wages: flat rate', value: p.supplemental_rate.toString(), ref: prov.supplemental_rate });
      const amount = roundCents(withExtra(tax, extra, wages, lines, 'Additional withholding per period (IT-2104 line 3)'));
      T && lines.push({ label: 'Withholding this period', value: m(amount) });
      return { amount, taxableWages: wages, lines };
    }

    const ded = p.deduction_allowance[freq]?.[status];
    const ex = p.exemption_allowance[freq];
    const table = p.tax_tables[freq]?.[status];
    if (!ded || !ex || !table) throw new Error(`NYS-50-T-NYS tables have no ${freq} ${status} entry in the rule file`);
    T && lines.push({ label: `Table B deduction allowance (${freq}, ${status})`, value: m(ded), ref: prov.deduction_allowance });
    const exAmount = ex.times(allowances);
    T && lines.push({ label: `Table C exemption allowance × ${allowances}`, value: m(exAmount), ref: prov.exemption_allowance });
    const net = wages.minus(ded).minus(exAmount);
    T && lines.push({ label: 'Net wages (wages − Table B − Table C × allowances)', value: m(net) });

    let tax = ZERO;
    if (net.gt(0)) {
      const iiiFrom = p.method_iii?.from[freq]?.[status];
      if (p.method_iii && iiiFrom && net.gte(iiiFrom)) {
        const annual = net.times(input.periodsPerYear);
        let rate = p.method_iii.rates[0]!.rate;
        for (const r of p.method_iii.rates) if (annual.gte(r.annual_at_least)) rate = r.rate;
        tax = net.times(rate);
        T && lines.push({ label: `Method III: net wages at or above ${m(iiiFrom)}; annualised net ${m(annual)}; flat rate on the whole net wage`, value: rate.toString(), ref: prov.method_iii });
      } else {
        const r = applyBrackets(table, net);
        tax = r.tax;
        T && lines.push({
          label: `Method II table (${freq}, ${status}), line ${r.index + 1}: (net − ${m(r.row.atLeast)}) × ${r.row.rate.times(100).toString()}% + ${m(r.row.base)}`,
          value: u(tax),
          ref: prov.tax_tables,
        });
      }
    } else {
      T && lines.push({ label: 'Net wages not above 0: no tax', value: '0.00' });
    }
    const amount = roundCents(withExtra(tax, extra, wages, lines, 'Additional withholding per period (IT-2104 line 3)'));
    T && lines.push({ label: 'Withholding this period, rounded to the cent (half up)', value: m(amount) });
    return { amount, taxableWages: wages, lines };
  },
};
