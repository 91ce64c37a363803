import { z } from 'zod';
import { cellDate, cellDecimal, cellEnum, cellText, optionalCell } from './csvTypes.js';

export const TIME_CODES = ['reg', 'pto', 'hol', 'sick'] as const;
export type TimeCode = (typeof TIME_CODES)[number];

export const timeEntryRowSchema = z.object({
  employee_id: cellText,
  date: cellDate,
  hours: cellDecimal({ min: 0, max: 24, what: 'hours between 0 and 24' }),
  code: optionalCell(cellEnum(TIME_CODES)),
  rate: optionalCell(cellDecimal({ min: 0 })),
});
export type TimeEntry = z.output<typeof timeEntryRowSchema>;
