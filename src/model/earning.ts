import { z } from 'zod';
import { cellDate, cellDecimal, cellText } from './csvTypes.js';

/** Supplemental earnings (bonus, commission…) paid on a pay date. `code` becomes a lower-case output column. */
export const earningRowSchema = z.object({
  employee_id: cellText,
  pay_date: cellDate,
  code: cellText.pipe(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a code of letters, digits and _ such as BONUS')).transform((s) => s.toLowerCase()),
  amount: cellDecimal(),
});
export type Earning = z.output<typeof earningRowSchema>;
