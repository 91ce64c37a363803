import { z } from 'zod';
import { cellDate, cellDecimal, cellText, optionalCell } from './csvTypes.js';

/** deposits.csv: tax deposits as the partner made them. */
export const depositRowSchema = z.object({
  agency: cellText,
  form: cellText,
  tax_period: cellText,
  amount: cellDecimal({ min: 0 }),
  paid_date: cellDate,
  reference: optionalCell(z.string()),
  liability_date: optionalCell(cellDate),
});
export type Deposit = z.output<typeof depositRowSchema>;
