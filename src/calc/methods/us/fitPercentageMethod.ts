import { z } from 'zod';
import { Decimal, ZERO, formatMoney, maxDec, minDec, roundTo } from '../../../money/index.js';
import { applyBrackets, bracketsParam, decimalParam, moneyParam, rateParam, type Bracket } from '../common/paramTypes.js';
import { NO_LINES, type TaxMethod, type TaxResult, type TraceLine } from '../types.js';

const statusTables = z.strictObject({ married_jointly: bracketsParam, single: bracketsParam, head_of_household: bracketsParam });

const paramsSchema = z.object({
  /** Pub 15-T Table 3: pay periods per year by frequency. */
  periods_per_year: z.record(z.string(), decimalParam),
  /** Annual Percentage Method tables, standard (Step 2 not checked, and 2019-or-earlier forms). */
  standard: statusTables,
  /** Annual tables for a 2020+ W-4 with the Step 2 box checked. */
  step2: statusTables,
  /** Worksheet 1A line 1g. */
  line_1g: z.strictObject({ married_jointly: moneyParam, other: moneyParam }),
  /** Worksheet 1A line 1k: value of one allowance on a 2019-or-earlier W-4. */
  allowance_value: moneyParam,
  supplemental_rate: rateParam,
  supplemental_mandatory_rate: rateParam,
  supplemental_mandatory_threshold: moneyParam,
  /** Pub 15-T nonresident alien add-on per pay period: Table 1 (2019-or-earlier W-4) and Table 2 (2020-or-later W-4). */
  nra_addition: z.strictObject({ legacy: z.record(z.string(), moneyParam), w4_2020: z.record(z.string(), moneyParam) }).optional(),
});
export type FitParams = z.output<typeof paramsSchema>;

const m = formatMoney;
const u = (d: Decimal) => d.toDecimalPlaces(6).toString();

/**
 * Federal income tax withholding, IRS Publication 15-T, Worksheet 1A
 * (percentage method for automated payroll systems), for 2020-or-later and
 * 2019-or-earlier Forms W-4, with supplemental wages by the aggregate or the
 * optional flat-rate method and the mandatory rate above $1 million.
 * Worksheet values stay unrounded; the period amount is rounded once at the end.
 */
export const usFitPercentageMethod: TaxMethod<FitParams> = {
  kind: 'tax',
  name: 'us_fit_percentage_automated',
  summary: 'Pub 15-T Worksheet 1A, Annual Percentage Method tables (automated payroll)',
  params: paramsSchema,
  monotone: true,
  profiles: [
    { name: '2020+ single', fields: { fed_w4: '2020', fed_filing_status: 'single' } },
    { name: '2020+ married jointly', fields: { fed_w4: '2020', fed_filing_status: 'married_jointly' } },
    { name: '2020+ head of household', fields: { fed_w4: '2020', fed_filing_status: 'head_of_household' } },
    { name: '2020+ single, Step 2', fields: { fed_w4: '2020', fed_filing_status: 'single', fed_step2: 'true' } },
    { name: '2020+ married jointly, Step 2', fields: { fed_w4: '2020', fed_filing_status: 'married_jointly', fed_step2: 'true' } },
    { name: '2020+ head of household, Step 2', fields: { fed_w4: '2020', fed_filing_status: 'head_of_household', fed_step2: 'true' } },
    { name: '2020+ married jointly, Steps 3 and 4', fields: { fed_w4: '2020', fed_filing_status: 'married_jointly', fed_dependents: '4400', fed_other_income: '5000', fed_deductions: '12000', fed_extra: '25' } },
    { name: '2019-or-earlier single, 2 allowances', fields: { fed_w4: 'legacy', fed_filing_status: 'single', fed_allowances: '2' } },
    { name: '2019-or-earlier married, 4 allowances', fields: { fed_w4: 'legacy', fed_filing_status: 'married', fed_allowances: '4' } },
  ],
  compute(input, p, prov): TaxResult {
    const T = input.trace !== false; // build the explain trace only when asked
    const e = input.employee;
    const lines: TraceLine[] = T ? [] : NO_LINES;
    const rounding = input.settings.fit_rounding;
    const periods = p.periods_per_year[input.frequency];
    if (!periods) throw new Error(`Pub 15-T Table 3 has no entry for pay frequency ${input.frequency}`);

    // Supplemental wages: the part above $1 million in the year is withheld at the mandatory rate.
    const ytdSupp = input.ytd('supplemental');
    const suppAbove = maxDec(ZERO, ytdSupp.plus(input.supplemental).minus(p.supplemental_mandatory_threshold)).minus(
      maxDec(ZERO, ytdSupp.minus(p.supplemental_mandatory_threshold)),
    );
    const mandatory = suppAbove.times(p.supplemental_mandatory_rate);
    const flat = input.settings.supplemental_method === 'flat';
    const suppBelow = input.supplemental.minus(suppAbove);
    const flatTax = flat ? suppBelow.times(p.supplemental_rate) : ZERO;
    const regularWages = flat ? input.wages.minus(input.supplemental) : input.wages.minus(suppAbove);

    if (e.fed_exempt) {
      const amount = roundTo(mandatory, rounding);
      T && lines.push({ label: 'Employee claims exemption from withholding (Form W-4): no income tax withheld', value: '0.00' });
      if (suppAbove.gt(0)) T && lines.push({ label: 'Supplemental wages above $1,000,000 this year × mandatory rate', value: m(mandatory), ref: prov.supplemental_mandatory_rate });
      return { amount, taxableWages: input.wages, lines };
    }

    const legacy = e.fed_w4 === 'legacy';
    const status = e.fed_filing_status ?? 'single';
    T && lines.push({ label: `Form W-4: ${legacy ? '2019 or earlier' : '2020 or later'}, ${status.replace(/_/g, ' ')}${!legacy && e.fed_step2 ? ', Step 2 checked' : ''}`, value: '' });
    if (flat && input.supplemental.gt(0)) {
      T && lines.push({ label: 'Supplemental wages withheld at the flat rate (optional flat-rate method)', value: m(suppBelow) });
      T && lines.push({ label: 'Flat rate', value: p.supplemental_rate.toString(), ref: prov.supplemental_rate });
      T && lines.push({ label: 'Flat-rate withholding on supplemental wages', value: u(flatTax) });
    }

    let a1 = regularWages;
    T && lines.push({ label: '1a Taxable wages this payroll period', value: m(regularWages) });
    if (e.fed_nra) {
      const add = p.nra_addition?.[e.fed_w4 === 'legacy' ? 'legacy' : 'w4_2020'][input.frequency];
      if (!add) throw new Error(`no nonresident alien add-on for ${input.frequency} pay in the rule file`);
      a1 = a1.plus(add);
      T && lines.push({ label: `Nonresident alien: add ${e.fed_w4 === 'legacy' ? 'Table 1' : 'Table 2'} amount for income tax only`, value: m(add), ref: prov.nra_addition });
      T && lines.push({ label: '1a with the nonresident alien add-on', value: m(a1) });
    }
    T && lines.push({ label: '1b Pay periods per year (Table 3)', value: periods.toString(), ref: prov.periods_per_year });
    const c1 = a1.times(periods);
    T && lines.push({ label: '1c Line 1a × line 1b', value: u(c1) });

    let adjusted: Decimal;
    let table: readonly Bracket[];
    let tableName: string;
    let tableRef = prov.standard;
    if (!legacy) {
      const d = e.fed_other_income ?? ZERO;
      const f = e.fed_deductions ?? ZERO;
      const mfj = status === 'married_jointly';
      const g = e.fed_step2 ? ZERO : mfj ? p.line_1g.married_jointly : p.line_1g.other;
      T && lines.push({ label: '1d Step 4(a) other income', value: m(d) });
      T && lines.push({ label: '1e Line 1c + line 1d', value: u(c1.plus(d)) });
      T && lines.push({ label: '1f Step 4(b) deductions', value: m(f) });
      T && lines.push({ label: `1g ${e.fed_step2 ? 'Step 2 box checked: 0' : mfj ? 'married filing jointly' : 'single or head of household'}`, value: m(g), ref: prov.line_1g });
      T && lines.push({ label: '1h Line 1f + line 1g', value: m(f.plus(g)) });
      adjusted = maxDec(ZERO, c1.plus(d).minus(f.plus(g)));
      T && lines.push({ label: '1i Adjusted Annual Wage Amount (line 1e − line 1h, not below 0)', value: u(adjusted) });
      const key = (status === 'married' ? 'married_jointly' : status) as 'married_jointly' | 'single' | 'head_of_household';
      table = e.fed_step2 ? p.step2[key] : p.standard[key];
      tableRef = e.fed_step2 ? prov.step2 : prov.standard;
      tableName = `${e.fed_step2 ? 'Step 2 checkbox' : 'standard'} ${key.replace(/_/g, ' ')}`;
    } else {
      const j = new Decimal(e.fed_allowances ?? 0);
      const k = j.times(p.allowance_value);
      T && lines.push({ label: '1j Allowances on the 2019-or-earlier Form W-4', value: j.toString() });
      T && lines.push({ label: '1k Line 1j × allowance value', value: m(k), ref: prov.allowance_value });
      adjusted = maxDec(ZERO, c1.minus(k));
      T && lines.push({ label: '1l Adjusted Annual Wage Amount (line 1c − line 1k, not below 0)', value: u(adjusted) });
      const key = status === 'married' || status === 'married_jointly' ? 'married_jointly' : 'single';
      table = p.standard[key];
      tableName = `standard ${key.replace(/_/g, ' ')}`;
    }

    const { row, index } = applyBrackets(table, adjusted);
    const next = table[index + 1];
    T && lines.push({ label: `2a-2d Annual table (${tableName}), row ${index + 1}: at least ${m(row.atLeast)}${next ? `, less than ${m(next.atLeast)}` : ''}; C ${m(row.base)}; D ${row.rate.times(100).toString()}%`, value: '', ref: tableRef });
    const e2 = adjusted.minus(row.atLeast);
    const f2 = e2.times(row.rate);
    const g2 = row.base.plus(f2);
    const a3 = legacy ? ZERO : (e.fed_dependents ?? ZERO);
    const a4 = e.fed_extra ?? ZERO;
    // The period's amount in exact arithmetic, rounded once: lines 2h to 4b are (2g ÷ 1b) − (3a ÷ 1b), not below 0,
    // + 4a, so the total is (max(0, 2g − 3a) + (4a + flat + mandatory) × 1b) ÷ 1b. One division, exact
    // (Decimal.divToDecimalPlaces), where computing each line's 40-digit quotient first can land a total that is
    // exactly on a half cent just below it (2g 29,929.88, 3a 6,500, 24 periods: 976.245, not 976.2449…).
    // The trace below shows the lines; this is the amount either way.
    const owed = maxDec(ZERO, g2.minus(a3)).plus(a4.plus(flatTax).plus(mandatory).times(periods));
    const rounded = owed.divToDecimalPlaces(periods, rounding === 'dollars' ? 0 : 2);
    const amount = minDec(rounded, maxDec(ZERO, input.wages));
    if (!T) return { amount, taxableWages: input.wages, lines };
    const h2 = g2.div(periods);
    T && lines.push({ label: '2e Line 2a − line 2b', value: u(e2) });
    T && lines.push({ label: '2f Line 2e × line 2d', value: u(f2) });
    T && lines.push({ label: '2g Tentative Annual Withholding Amount (2c + 2f)', value: u(g2) });
    T && lines.push({ label: '2h Tentative Withholding Amount (2g ÷ 1b)', value: u(h2) });
    const b3 = a3.div(periods);
    const c3 = maxDec(ZERO, h2.minus(b3));
    T && lines.push({ label: '3a Step 3 amount', value: m(a3) });
    T && lines.push({ label: '3b Line 3a ÷ line 1b', value: u(b3) });
    T && lines.push({ label: '3c Line 2h − line 3b, not below 0', value: u(c3) });
    const b4 = c3.plus(a4);
    T && lines.push({ label: '4a Additional withholding (Step 4(c), or line 6 of a 2019-or-earlier form)', value: m(a4) });
    T && lines.push({ label: '4b Amount to withhold (3c + 4a)', value: u(b4) });
    const total = b4.plus(flatTax).plus(mandatory);
    if (suppAbove.gt(0)) T && lines.push({ label: 'Supplemental wages above $1,000,000 this year × mandatory rate', value: u(mandatory), ref: prov.supplemental_mandatory_rate });
    T && lines.push({ label: `Withholding this period: (max(0, 2g − 3a) + (4a + flat + mandatory) × 1b) ÷ 1b in exact arithmetic (${u(total)}), rounded to the ${rounding === 'dollars' ? 'dollar' : 'cent'} (half up)`, value: m(rounded) });
    if (amount.lt(rounded)) T && lines.push({ label: 'Limited to the wages paid this period (nothing more can be withheld)', value: m(amount) });
    return { amount, taxableWages: input.wages, lines };
  },
};
