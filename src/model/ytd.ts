import { z } from 'zod';
import { cellDate, cellDecimal, cellText } from './csvTypes.js';

/** Opening year-to-date balance, e.g. wages paid by the previous provider: `item` is an output column name. */
export const ytdRowSchema = z.object({
  employee_id: cellText,
  as_of: cellDate,
  item: cellText,
  amount: cellDecimal(),
});
export type YtdBalance = z.output<typeof ytdRowSchema>;
