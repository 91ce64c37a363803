import type { Deduction } from './deduction.js';
import type { Earning } from './earning.js';
import type { Employee } from './employee.js';
import type { PayPeriod } from './payCalendar.js';
import type { Settings } from './settings.js';
import type { TimeSheet } from './timeSheet.js';
import type { YtdBalance } from './ytd.js';

/** A company folder, read and validated, in memory. Lists are in file order unless said otherwise. */
export interface Company {
  dir: string;
  settings: Settings;
  /** Versions of each employee's master data, sorted by `effective_from` (hire first). */
  employees: Map<string, Employee[]>;
  /** Pay periods sorted by pay date, then frequency. */
  calendar: PayPeriod[];
  /** Time entries by employee, in date order. */
  time: Map<string, TimeSheet>;
  earnings: Map<string, Earning[]>;
  deductions: Map<string, Deduction[]>;
  /** Opening balances by employee, with their line in ytd.csv. */
  ytd: Map<string, Array<YtdBalance & { line: number }>>;
  /** Rows read per input file (for the summary: every row is used, rejected or reported). */
  rowsRead: Record<string, number>;
}
