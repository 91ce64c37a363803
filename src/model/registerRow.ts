import type { CivilDate } from '../dates/index.js';
import type { ItemValues } from './itemValues.js';

/**
 * One payslip as a row of a register, whether payrecon's expected register
 * (expected.csv) or the partner's after its mapping profile is applied:
 * key columns plus amounts by canonical item name (`gross`, `us.ss.ee`,
 * `us.ss.ee.wages`, `ded.401k`, `regular_hours`…).
 */
export interface RegisterRow {
  employee_id: string;
  pay_date: CivilDate;
  period_start?: CivilDate;
  period_end?: CivilDate;
  values: ItemValues;
  /** Where the row came from (file and line) for messages. */
  origin?: { file: string; line: number };
}

/** The key columns of a register, before the amounts. */
export const REGISTER_KEY_COLUMNS = ['employee_id', 'pay_date', 'period_start', 'period_end'] as const;
