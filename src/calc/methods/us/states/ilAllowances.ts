import { z } from 'zod';
import { ZERO, formatMoney, maxDec, roundCents, type Decimal } from '../../../../money/index.js';
import { moneyParam, rateParam } from '../../common/paramTypes.js';
import { NO_LINES, type TaxMethod, type TaxResult } from '../../types.js';
import { allowanceField, intField } from './stateFields.js';

type IlParams = { rate: Decimal; basic_allowance: Decimal; additional_allowance: Decimal };

/**
 * Illinois income tax withholding (IL-700-T automated formula): the flat
 * rate × (wages − (line 1 allowances × the basic allowance + line 2
 * allowances × the additional allowance) ÷ pay periods per year).
 * No IL-W-4 on file: zero allowances.
 */
export const ilAllowances: TaxMethod<IlParams> = {
  kind: 'tax',
  name: 'us_il_allowances',
  summary: 'Illinois withholding: flat rate on wages less the IL-W-4 allowances per period',
  params: z.object({ rate: rateParam, basic_allowance: moneyParam, additional_allowance: moneyParam }),
  employeeFields: z.object({ il_allowances: allowanceField, il_additional_allowances: allowanceField }),
  monotone: true,
  profiles: [
    { name: 'no IL-W-4', fields: {} },
    { name: '1 basic allowance', fields: { il_allowances: '1' } },
    { name: '2 basic, 1 additional', fields: { il_allowances: '2', il_additional_allowances: '1' } },
  ],
  compute(input, p, prov): TaxResult {
    const T = input.trace !== false; // build the explain trace only when asked
    const basic = intField(input, 'il_allowances');
    const additional = intField(input, 'il_additional_allowances');
    const annual = p.basic_allowance.times(basic).plus(p.additional_allowance.times(additional));
    const perPeriod = annual.div(input.periodsPerYear);
    const wages = maxDec(ZERO, input.wages);
    const taxable = maxDec(ZERO, wages.minus(perPeriod));
    const amount = roundCents(taxable.times(p.rate));
    return {
      amount,
      taxableWages: wages,
      lines: !T ? NO_LINES : [
        { label: `IL-W-4: ${basic} basic allowance(s) (line 1), ${additional} additional allowance(s) (line 2)${input.employee.fields.il_allowances === undefined && input.employee.fields.il_additional_allowances === undefined ? ' (none on file)' : ''}`, value: '' },
        { label: 'Wages subject to Illinois withholding this period', value: formatMoney(wages) },
        { label: 'Basic allowance (line 1), per year', value: formatMoney(p.basic_allowance), ref: prov.basic_allowance },
        { label: 'Additional allowance (line 2), per year', value: formatMoney(p.additional_allowance), ref: prov.additional_allowance },
        { label: `Allowances per period (${formatMoney(annual)} ÷ ${input.periodsPerYear})`, value: perPeriod.toDecimalPlaces(6).toString() },
        { label: 'Wages less allowances, not below 0', value: taxable.toDecimalPlaces(6).toString() },
        { label: 'Rate', value: p.rate.toString(), ref: prov.rate },
        { label: 'Withholding, rounded to the cent (half up)', value: formatMoney(amount) },
      ],
    };
  },
};
