import { z } from 'zod';
import { Decimal, formatMoney, roundCents } from '../../../money/index.js';
import { rateParam } from './paramTypes.js';
import { NO_LINES, type TaxMethod } from '../types.js';

/** A flat rate on all the component's wages (Medicare, Pennsylvania income tax, California SDI). */
export const flatRate: TaxMethod<{ rate: Decimal }> = {
  kind: 'tax',
  name: 'flat_rate',
  summary: 'rate × wages, no wage base',
  params: z.object({ rate: rateParam }),
  monotone: true,
  compute(input, p, prov) {
    const T = input.trace !== false; // build the explain trace only when asked
    const amount = roundCents(input.wages.times(p.rate));
    return {
      amount,
      taxableWages: input.wages,
      lines: !T ? NO_LINES : [
        { label: 'Wages this period', value: formatMoney(input.wages) },
        { label: 'Rate', value: p.rate.toString(), ref: prov.rate },
        { label: 'Wages × rate, rounded to the cent', value: formatMoney(amount) },
      ],
    };
  },
};
