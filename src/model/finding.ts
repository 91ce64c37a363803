import { z } from 'zod';

/** The closed set of finding codes. Extend, never rename: users' scripts depend on them. */
export const FINDING_CODES = [
  'AMOUNT_MISMATCH',
  'WAGES_MISMATCH',
  'MISSING_IN_REGISTER',
  'UNEXPECTED_IN_REGISTER',
  'DUPLICATE_IN_REGISTER',
  'UNKNOWN_EMPLOYEE',
  'PAID_AFTER_TERMINATION',
  'REJECTED_ROW',
  'DEPOSIT_LATE',
  'DEPOSIT_SHORT',
  'DEPOSIT_MISSING',
  'DEPOSIT_EXCESS',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const findingSchema = z.object({
  severity: z.enum(SEVERITIES),
  code: z.enum(FINDING_CODES),
  employee_id: z.string().default(''),
  pay_date: z.string().default(''),
  item: z.string().default(''),
  /** Money as two-decimal strings, empty when not applicable. */
  expected: z.string().default(''),
  actual: z.string().default(''),
  difference: z.string().default(''),
  message: z.string(),
  /** Rule file, parameter and cited source behind the expected figure. */
  rule: z.string().default(''),
  /** Extra machine-readable detail (days late, penalty rate…), JSON only. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type Finding = z.input<typeof findingSchema>;

/** findings.csv columns, in order. */
export const FINDING_COLUMNS = ['severity', 'code', 'employee_id', 'pay_date', 'item', 'expected', 'actual', 'difference', 'message', 'rule'] as const;
