import { z } from 'zod';
import { cellDate, cellEnum } from './csvTypes.js';
import { PAY_FREQUENCIES } from './employee.js';

export const payCalendarRowSchema = z
  .object({
    pay_frequency: cellEnum(PAY_FREQUENCIES),
    period_start: cellDate,
    period_end: cellDate,
    pay_date: cellDate,
  })
  .refine((r) => r.period_start <= r.period_end, { message: 'period_end is before period_start', path: ['period_end'] });
export type PayPeriod = z.output<typeof payCalendarRowSchema>;
