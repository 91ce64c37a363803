import { z } from 'zod';
import { Decimal, ZERO, formatMoney, maxDec, roundCents } from '../../../../money/index.js';
import { applyBrackets, bracketsParam, moneyParam, rateParam, type Bracket } from '../../common/paramTypes.js';
import type { TaxMethod, TaxResult, TraceLine } from '../../types.js';
import { allowanceField, amountField, amountOf, intField, textField, withExtra } from './stateFields.js';

const STATUSES = ['single', 'married', 'head_of_household'] as const;
type CaStatus = (typeof STATUSES)[number];

/** Per pay period: [column 1, column 2] of EDD Tables 1 and 3. */
const twoColumns = z.tuple([moneyParam, moneyParam]);
/** Per pay period: the amounts for 1, 2, … 10 allowances (EDD Tables 2 and 4). */
const perAllowance = z.array(moneyParam).length(10);
const statusTables = z.strictObject({ single: bracketsParam, married: bracketsParam, head_of_household: bracketsParam });

const paramsSchema = z.object({
  /** Table 1: low-income exemption by pay period, [column 1, column 2]. */
  low_income_exemption: z.record(z.string(), twoColumns),
  /** Table 2: estimated deduction for 1..10 additional allowances (DE 4 line 1b), by pay period. */
  estimated_deduction: z.record(z.string(), perAllowance),
  /** Table 3: standard deduction by pay period, [column 1, column 2]. */
  standard_deduction: z.record(z.string(), twoColumns),
  /** Table 4: exemption allowance credit for 1..10 regular allowances (DE 4 line 1a), by pay period. */
  exemption_credit: z.record(z.string(), perAllowance),
  /**
   * Tables 5-28: tax rate tables by pay period and filing status. A year
   * whose per-period tables are not in the rule file may give only `annual`:
   * the method then annualises (EDD allows either; results can differ by cents).
   */
  tax_tables: z.record(z.string(), statusTables),
  /** Flat rate for supplemental wages paid without regular wages (bonuses). */
  supplemental_rate: rateParam.optional(),
});
export type CaMethodBParams = z.output<typeof paramsSchema>;

const PERIODS: Record<string, number> = { weekly: 52, biweekly: 26, semimonthly: 24, monthly: 12, quarterly: 4, semiannual: 2, annual: 1 };

/** The amount for `n` allowances: the table's row for 1..10, n × the one-allowance amount above 10. */
function forAllowances(rows: readonly Decimal[], n: number): Decimal {
  if (n <= 0) return ZERO;
  return n <= rows.length ? rows[n - 1]! : rows[0]!.times(n);
}

const m = formatMoney;
const u = (d: Decimal) => d.toDecimalPlaces(6).toString();

/**
 * California personal income tax withholding, EDD DE 44 Method B (exact
 * calculation), with EDD's per-pay-period tables: low-income exemption,
 * estimated deduction (DE 4 line 1b), standard deduction, tax rate table,
 * exemption allowance credit (DE 4 line 1a), additional withholding.
 * No DE 4 on file: single, zero allowances (DE 44).
 */
export const caDe44MethodB: TaxMethod<CaMethodBParams> = {
  kind: 'tax',
  name: 'us_ca_de44_method_b',
  summary: 'California PIT withholding: EDD DE 44 Method B (exact calculation), per-pay-period tables',
  params: paramsSchema,
  employeeFields: z.object({
    ca_filing_status: z.enum(STATUSES, { message: 'expected single, married or head_of_household (DE 4 line 1)' }).optional(),
    ca_allowances: allowanceField,
    ca_additional_allowances: allowanceField,
    ca_extra: amountField,
  }),
  // Non-decreasing in wages. Not continuous: the low-income exemption is a cliff in EDD's
  // method itself (one cent over it, the whole tax is due), so `rules check` no_jump flags it.
  monotone: true,
  discontinuous: 'DE 44 Method B step 1: wages at or below the low-income exemption owe nothing, one cent above owe the full table amount (a cliff in the law)',
  profiles: [
    { name: 'no DE 4 (single, 0 allowances)', fields: {} },
    { name: 'single, 1 allowance', fields: { ca_filing_status: 'single', ca_allowances: '1' } },
    { name: 'married, 1 allowance', fields: { ca_filing_status: 'married', ca_allowances: '1' } },
    { name: 'married, 4 allowances', fields: { ca_filing_status: 'married', ca_allowances: '4' } },
    { name: 'head of household, 3 allowances, 2 estimated deductions', fields: { ca_filing_status: 'head_of_household', ca_allowances: '3', ca_additional_allowances: '2' } },
    { name: 'married, 12 allowances', fields: { ca_filing_status: 'married', ca_allowances: '12' } },
  ],
  compute(input, p, prov): TaxResult {
    const T = input.trace !== false; // build the explain trace only when asked
    const lines: TraceLine[] = [];
    const freq = input.frequency;
    const status = (textField(input, 'ca_filing_status') ?? 'single') as CaStatus;
    const onFile = input.employee.fields.ca_filing_status !== undefined;
    const regular = intField(input, 'ca_allowances');
    const additional = intField(input, 'ca_additional_allowances');
    const extra = amountOf(input, 'ca_extra');
    T && lines.push({
      label: `DE 4: ${onFile ? status.replace(/_/g, ' ') : 'none on file, so single'}, ${regular} regular allowance(s) (line 1a), ${additional} estimated-deduction allowance(s) (line 1b)`,
      value: '',
    });
    const wages = maxDec(ZERO, input.wages);
    T && lines.push({ label: 'Wages subject to California PIT this period', value: m(wages) });

    const lie = p.low_income_exemption[freq];
    const std = p.standard_deduction[freq];
    const est = p.estimated_deduction[freq];
    const credit = p.exemption_credit[freq];
    if (!lie || !std || !est || !credit) throw new Error(`California Method B tables have no ${freq} column in the rule file`);

    // Supplemental wages paid on their own (no regular wages this period): the flat rate.
    const regularWages = wages.minus(input.supplemental);
    if (p.supplemental_rate && input.supplemental.gt(0) && regularWages.lte(0)) {
      const tax = roundCents(wages.times(p.supplemental_rate));
      T && lines.push({ label: 'Supplemental wages paid without regular wages: flat rate', value: p.supplemental_rate.toString(), ref: prov.supplemental_rate });
      const amount = roundCents(withExtra(tax, extra, wages, lines, 'Additional withholding per period (DE 4 line 2)'));
      T && lines.push({ label: 'Withholding this period', value: m(amount) });
      return { amount, taxableWages: wages, lines };
    }

    // Column 2 of Tables 1 and 3: married with two or more allowances, or head of household.
    const totalAllowances = regular + additional;
    const col = status === 'head_of_household' || (status === 'married' && totalAllowances >= 2) ? 1 : 0;
    T && lines.push({ label: `Column ${col + 1} of Tables 1 and 3 (${col ? 'married with 2 or more allowances, or head of household' : 'single, or married with 0 or 1 allowance'})`, value: '' });

    let tax = ZERO;
    T && lines.push({ label: `Step 1: Table 1 low-income exemption (${freq})`, value: m(lie[col]!), ref: prov.low_income_exemption });
    if (wages.lte(lie[col]!)) {
      T && lines.push({ label: 'Wages at or below the low-income exemption: no tax', value: '0.00' });
    } else {
      const estAmount = forAllowances(est, additional);
      T && lines.push({ label: `Step 2: Table 2 estimated deduction for ${additional} allowance(s)`, value: m(estAmount), ref: prov.estimated_deduction });
      T && lines.push({ label: `Step 3: Table 3 standard deduction (${freq})`, value: m(std[col]!), ref: prov.standard_deduction });
      const taxable = maxDec(ZERO, wages.minus(estAmount).minus(std[col]!));
      T && lines.push({ label: 'Taxable income (wages − estimated deduction − standard deduction)', value: m(taxable) });
      let table: readonly Bracket[] | undefined = p.tax_tables[freq]?.[status];
      let periods = 1;
      if (!table) {
        table = p.tax_tables.annual?.[status];
        periods = PERIODS[freq] ?? 0;
        if (!table || !periods) throw new Error(`California Method B has no ${freq} or annual tax rate table for ${status}`);
        T && lines.push({ label: `No ${freq} tax rate table in the rule file: annualise (× ${periods}) and use the annual table`, value: '' });
      }
      const { row, index, tax: periodTax } = applyBrackets(table, taxable.times(periods));
      const fromTable = periodTax.div(periods);
      T && lines.push({
        label: `Step 4: tax rate table (${periods === 1 ? freq : 'annual'}, ${status.replace(/_/g, ' ')}), row ${index + 1}: over ${m(row.atLeast)}, ${m(row.base)} plus ${row.rate.times(100).toString()}% of the excess`,
        value: u(fromTable),
        ref: prov.tax_tables,
      });
      const creditAmount = forAllowances(credit, regular);
      T && lines.push({ label: `Step 5: Table 4 exemption allowance credit for ${regular} allowance(s)`, value: m(creditAmount), ref: prov.exemption_credit });
      tax = maxDec(ZERO, fromTable.minus(creditAmount));
      T && lines.push({ label: 'Tax less the credit, not below 0', value: u(tax) });
    }
    const amount = roundCents(withExtra(tax, extra, wages, lines, 'Step 6: additional withholding per period (DE 4 line 2)'));
    T && lines.push({ label: 'Withholding this period, rounded to the cent (half up)', value: m(amount) });
    return { amount, taxableWages: wages, lines };
  },
};
