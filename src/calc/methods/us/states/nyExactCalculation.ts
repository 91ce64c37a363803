import { z } from 'zod';
import { Decimal, ZERO, formatMoney, maxDec, roundCents } from '../../../../money/index.js';
import { applyBrackets, bracketsParam, moneyParam, rateParam } from '../../common/paramTypes.js';
import type { ProvenanceOf, TaxInput, TaxMethod, TaxResult, TraceLine } from '../../types.js';
import { allowanceField, amountField, amountOf, intField, textField, withExtra } from './stateFields.js';

const byStatus = <T extends z.ZodType>(t: T) => z.strictObject({ single: t, married: t });

/** Method III bands on annualised net wages: the rate of the last band whose `annual_at_least` ≤ the annualised net wage (the first band below it). */
const methodIiiBands = z.array(z.strictObject({ annual_at_least: moneyParam, rate: rateParam })).min(1);

export const nyExactParamsSchema = z.object({
  /** Table B: deduction allowance per pay period, by status. */
  deduction_allowance: z.record(z.string(), byStatus(moneyParam)),
  /** Table C: exemption allowance per allowance, per pay period. */
  exemption_allowance: z.record(z.string(), moneyParam),
  /** Method II exact-calculation tables per pay period and status: tax = (net − at_least) × rate + base (column 5). */
  tax_tables: z.record(z.string(), byStatus(bracketsParam)),
  /**
   * Method III (NYS-50-T-NYS, "top income tax rates"): `from` is the net wage
   * per period (by period and status) of each Method II table's last printed
   * line ("… and over: use Method III"); at or above it a flat rate, chosen by
   * the annualised net wage (`rates`, by status), applies to the WHOLE net wage.
   */
  method_iii: z
    .strictObject({
      from: z.record(z.string(), byStatus(moneyParam)),
      rates: byStatus(methodIiiBands),
    })
    .optional(),
  /** Flat rate for supplemental wages paid without regular wages. */
  supplemental_rate: rateParam.optional(),
});
export type NyExactParams = z.output<typeof nyExactParamsSchema>;

const m = formatMoney;
const u = (d: Decimal) => d.toDecimalPlaces(6).toString();

/** IT-2104 filing status (line 1 boxes; shared by New York State and New York City withholding). */
export const filingStatusField = z.enum(['single', 'married', 'head_of_household'], { message: 'expected single, married or head_of_household (IT-2104 filing status)' }).optional();

/**
 * `ny_locality`: the New York locality whose resident withholding applies
 * (IT-2104: resident of New York City or of Yonkers). `nyc` selects New York
 * City resident withholding (`us.ny.nyc.pit`), `yonkers` the Yonkers resident
 * surcharge (`us.ny.yonkers.pit`, nyYonkersSurcharge.ts); empty means neither.
 */
export const nyLocalityField = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => v === '' || v === 'nyc' || v === 'yonkers', { message: 'expected nyc (New York City resident), yonkers (Yonkers resident) or empty' })
  .optional();

interface Variant {
  name: string;
  summary: string;
  /** Publication named in the trace and errors. */
  publication: string;
  /** Whose wages: "New York State", "New York City". */
  taxName: string;
  /** employees.csv column with the allowances (IT-2104 line 1 or line 2) and the additional amount per period (line 3 or 4). */
  allowancesField: string;
  allowancesLabel: string;
  extraField: string;
  extraLabel: string;
  /** When set, the employee must have `ny_locality` equal to it, else nothing is withheld. */
  locality?: string;
  employeeFields: z.ZodType;
  discontinuous: string;
  profiles: Array<{ name: string; fields: Record<string, string> }>;
}

/**
 * New York exact calculation (NYS-50-T-NYS / NYS-50-T-NYC Method II) with the
 * per-pay-period tables: net wages = wages − Table B − Table C × allowances;
 * tax = (net − column 1) × column 4 + column 5, rounded to the cent at the end.
 * New York State adds Method III above each table's last line; New York City's
 * top line is open-ended. Single and head of household use the single table.
 * No IT-2104 on file: single, zero allowances.
 */
function nyExactCalculationMethod(v: Variant): TaxMethod<NyExactParams> {
  return {
    kind: 'tax',
    name: v.name,
    summary: v.summary,
    params: nyExactParamsSchema,
    employeeFields: v.employeeFields,
    monotone: true,
    discontinuous: v.discontinuous,
    profiles: v.profiles,
    compute(input, p, prov): TaxResult {
      const T = input.trace !== false; // build the explain trace only when asked
      const lines: TraceLine[] = [];
      if (v.locality !== undefined) {
        const loc = textField(input, 'ny_locality');
        if (loc !== v.locality) {
          T && lines.push({ label: `ny_locality is ${loc ? `"${loc}"` : 'empty'}, not ${v.locality}: no ${v.taxName} resident withholding`, value: '0.00' });
          return { amount: ZERO, taxableWages: ZERO, lines };
        }
        T && lines.push({ label: `ny_locality ${v.locality}: ${v.taxName} resident withholding (${v.publication})`, value: '' });
      }
      return exact(v, input, p, prov, lines, T);
    },
  };
}

/** What the shared New York computation needs to know about whose tax it computes. */
export type NyTaxVariant = Pick<Variant, 'publication' | 'taxName' | 'allowancesField' | 'allowancesLabel'>;

/** The tax of the period before the employee's additional amount (IT-2104 line 3 / 4) and before the final rounding. */
export interface NyTaxBeforeExtra {
  /** Unrounded, except on the flat supplemental path (rounded to the cent there, as that path always was). */
  tax: Decimal;
  /** Wages subject to the tax this period (never below 0). */
  wages: Decimal;
  /** True when supplemental wages were paid without regular wages and the flat rate applied. */
  flatSupplemental: boolean;
}

/**
 * The shared New York computation up to the tax of the period, without the
 * employee's additional amount: flat supplemental rate when supplemental wages
 * are paid alone; otherwise net wages = wages − Table B − Table C × allowances,
 * then Method II (the table line) or Method III (flat rate on the whole net
 * wage at or above the table's last line). Used by the state and city methods
 * (which then add the additional amount and round) and by the Yonkers resident
 * surcharge (which multiplies the state figure by the surcharge rate).
 */
export function nyTaxBeforeExtra(v: NyTaxVariant, input: TaxInput, p: NyExactParams, prov: ProvenanceOf<NyExactParams>, lines: TraceLine[], T: boolean): NyTaxBeforeExtra {
  const freq = input.frequency;
  const raw = textField(input, 'ny_filing_status');
  const status = raw === 'married' ? 'married' : 'single';
  const allowances = intField(input, v.allowancesField);
  T && lines.push({ label: `IT-2104: ${raw ? `${raw.replace(/_/g, ' ')}${raw === 'head_of_household' ? ' (single table)' : ''}` : 'none on file, so single'}, ${allowances} allowance(s) (${v.allowancesLabel})`, value: '' });
  const wages = maxDec(ZERO, input.wages);
  T && lines.push({ label: `Wages subject to ${v.taxName} withholding this period`, value: m(wages) });
  const ref = (k: keyof NyExactParams): TraceLine['ref'] => prov[k];

  const regularWages = wages.minus(input.supplemental);
  if (p.supplemental_rate && input.supplemental.gt(0) && regularWages.lte(0)) {
    const tax = roundCents(wages.times(p.supplemental_rate));
    T && lines.push({ label: 'Supplemental wages paid without regular wages: flat rate', value: p.supplemental_rate.toString(), ref: ref('supplemental_rate') });
    return { tax, wages, flatSupplemental: true };
  }

  const ded = p.deduction_allowance[freq]?.[status];
  const ex = p.exemption_allowance[freq];
  const table = p.tax_tables[freq]?.[status];
  if (!ded || !ex || !table) throw new Error(`${v.publication} tables have no ${freq} ${status} entry in the rule file`);
  T && lines.push({ label: `Table B deduction allowance (${freq}, ${status})`, value: m(ded), ref: ref('deduction_allowance') });
  const exAmount = ex.times(allowances);
  T && lines.push({ label: `Table C exemption allowance × ${allowances}`, value: m(exAmount), ref: ref('exemption_allowance') });
  const net = wages.minus(ded).minus(exAmount);
  T && lines.push({ label: 'Net wages (wages − Table B − Table C × allowances)', value: m(net) });

  let tax = ZERO;
  if (net.gt(0)) {
    const iiiFrom = p.method_iii?.from[freq]?.[status];
    if (p.method_iii && iiiFrom && net.gte(iiiFrom)) {
      const annual = net.times(input.periodsPerYear);
      const bands = p.method_iii.rates[status];
      let rate = bands[0]!.rate;
      for (const b of bands) if (annual.gte(b.annual_at_least)) rate = b.rate;
      // Annualised net × rate ÷ periods = net × rate; rounded once, at the end (no worked example is printed).
      tax = net.times(rate);
      T && lines.push({ label: `Method III: net wages at or above the table's last line (${m(iiiFrom)}); annualised net ${m(annual)} × rate ÷ ${input.periodsPerYear} periods (flat rate on the whole net wage)`, value: rate.toString(), ref: ref('method_iii') });
      T && lines.push({ label: 'Method III tax this period, unrounded', value: u(tax) });
    } else {
      const r = applyBrackets(table, net);
      tax = r.tax;
      T && lines.push({
        label: `Method II table (${freq}, ${status}), line ${r.index + 1}: (net − ${m(r.row.atLeast)}) × ${r.row.rate.times(100).toString()}% + ${m(r.row.base)}`,
        value: u(tax),
        ref: ref('tax_tables'),
      });
    }
  } else {
    T && lines.push({ label: 'Net wages not above 0: no tax', value: '0.00' });
  }
  return { tax, wages, flatSupplemental: false };
}

function exact(v: Variant, input: TaxInput, p: NyExactParams, prov: ProvenanceOf<NyExactParams>, lines: TraceLine[], T: boolean): TaxResult {
  const extra = amountOf(input, v.extraField);
  const { tax, wages, flatSupplemental } = nyTaxBeforeExtra(v, input, p, prov, lines, T);
  const amount = roundCents(withExtra(tax, extra, wages, lines, v.extraLabel));
  T && lines.push({ label: flatSupplemental ? 'Withholding this period' : 'Withholding this period, rounded to the cent (half up)', value: m(amount) });
  return { amount, taxableWages: wages, lines };
}

/** New York State income tax withholding, NYS-50-T-NYS Method II (exact calculation) and Method III above the top line. */
export const nyExactCalculation: TaxMethod<NyExactParams> = nyExactCalculationMethod({
  name: 'us_ny_exact_calculation',
  summary: 'New York State withholding: NYS-50-T-NYS Method II exact calculation (per-pay-period tables); Method III above the last line when the rule file passes method_iii',
  publication: 'NYS-50-T-NYS',
  taxName: 'New York State',
  allowancesField: 'ny_allowances',
  allowancesLabel: 'IT-2104 line 1',
  extraField: 'ny_extra',
  extraLabel: 'Additional withholding per period (IT-2104 line 3)',
  employeeFields: z.object({
    ny_filing_status: filingStatusField,
    ny_allowances: allowanceField,
    ny_extra: amountField,
    ny_locality: nyLocalityField,
  }),
  discontinuous:
    'NYS-50-T-NYS Method II tables print rounded column-5 amounts and recapture rows, so the tax steps by a few cents at some row boundaries; the published figures are used as printed. Method III (above the last line of each table) taxes the whole net wage at a flat rate: the tax jumps there by design',
  profiles: [
    { name: 'no IT-2104 (single, 0 allowances)', fields: {} },
    { name: 'single, 1 allowance', fields: { ny_filing_status: 'single', ny_allowances: '1' } },
    { name: 'married, 2 allowances', fields: { ny_filing_status: 'married', ny_allowances: '2' } },
    { name: 'married, 0 allowances', fields: { ny_filing_status: 'married' } },
  ],
});

/**
 * New York City resident income tax withholding, NYS-50-T-NYC Method II (exact
 * calculation): the same steps and table layout as New York State, with the
 * city's own tables, IT-2104 line 2 allowances and line 4 additional amount,
 * for employees whose `ny_locality` is `nyc`; nothing for everyone else.
 */
export const nycExactCalculation: TaxMethod<NyExactParams> = nyExactCalculationMethod({
  name: 'us_ny_nyc_exact_calculation',
  summary: 'New York City resident withholding: NYS-50-T-NYC Method II exact calculation (per-pay-period tables), for employees with ny_locality nyc',
  publication: 'NYS-50-T-NYC',
  taxName: 'New York City',
  allowancesField: 'ny_nyc_allowances',
  allowancesLabel: 'IT-2104 line 2',
  extraField: 'ny_nyc_extra',
  extraLabel: 'Additional New York City withholding per period (IT-2104 line 4)',
  locality: 'nyc',
  employeeFields: z.object({
    ny_filing_status: filingStatusField,
    ny_locality: nyLocalityField,
    ny_nyc_allowances: allowanceField,
    ny_nyc_extra: amountField,
  }),
  discontinuous:
    'NYS-50-T-NYC Method II tables print column-5 amounts as the annual amount divided by the periods, not cumulated from the line before, so the tax steps by a cent or two at some row boundaries; the published figures are used as printed',
  profiles: [
    { name: 'not a New York City resident (no ny_locality)', fields: {} },
    { name: 'NYC resident, no IT-2104 (single, 0 allowances)', fields: { ny_locality: 'nyc' } },
    { name: 'NYC resident, single, 1 allowance', fields: { ny_locality: 'nyc', ny_filing_status: 'single', ny_nyc_allowances: '1' } },
    { name: 'NYC resident, married, 2 allowances', fields: { ny_locality: 'nyc', ny_filing_status: 'married', ny_nyc_allowances: '2' } },
  ],
});
