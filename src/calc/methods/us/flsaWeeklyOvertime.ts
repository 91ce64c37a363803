import { z } from 'zod';
import { Decimal, ZERO, maxDec, sum } from '../../../money/index.js';
import { decimalParam } from '../common/paramTypes.js';
import type { OvertimeMethod } from '../types.js';

/** FLSA: hours worked over 40 in a workweek at 1.5 × the regular rate (29 U.S.C. §207(a)(1)). No daily overtime. */
export const flsaWeeklyOvertime: OvertimeMethod<{ weekly_threshold: Decimal; multiplier: Decimal }> = {
  kind: 'overtime',
  name: 'flsa_weekly',
  summary: 'hours worked over the weekly threshold (40) at the overtime multiplier (1.5)',
  params: z.object({ weekly_threshold: decimalParam, multiplier: decimalParam }),
  split(days, p, prov) {
    const worked = sum(days.map((d) => d.hours));
    const overtime = maxDec(ZERO, worked.minus(p.weekly_threshold));
    return {
      regular: worked.minus(overtime),
      overtime,
      doubletime: ZERO,
      overtimeMultiplier: p.multiplier,
      doubletimeMultiplier: p.multiplier,
      lines: [
        { label: 'Hours worked in the workweek', value: worked.toString() },
        { label: 'Weekly overtime threshold', value: p.weekly_threshold.toString(), ref: prov.weekly_threshold },
        { label: 'Overtime hours', value: overtime.toString() },
        { label: 'Overtime multiplier of the regular rate', value: p.multiplier.toString(), ref: prov.multiplier },
      ],
    };
  },
};
