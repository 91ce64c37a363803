import { z } from 'zod';
import { cellDate, cellDecimal, cellEnum, cellText, optionalCell } from './csvTypes.js';

export const DEDUCTION_KINDS = ['401k', 'roth401k', 'sec125', 'hsa', 'post_tax'] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

export const deductionRowSchema = z
  .object({
    employee_id: cellText,
    kind: cellEnum(DEDUCTION_KINDS),
    amount: optionalCell(cellDecimal({ min: 0 })),
    percent: optionalCell(cellDecimal({ min: 0, max: 100, what: 'a percent between 0 and 100 (4 = 4%)' })),
    effective_from: optionalCell(cellDate),
    effective_to: optionalCell(cellDate),
  })
  .refine((r) => (r.amount === undefined) !== (r.percent === undefined), {
    message: 'expected exactly one of amount or percent',
    path: ['amount'],
  });
export type Deduction = z.output<typeof deductionRowSchema>;
