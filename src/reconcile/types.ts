import type { CivilDate } from '../dates/index.js';
import type { Finding, RegisterRow, Settings } from '../model/index.js';
import type { Decimal } from '../money/index.js';

/**
 * A payslip of payrecon's expected register, with where each figure came
 * from. `rules` maps an item (`us.ss.ee`) to its provenance as one line
 * (`rules/us/federal-2026.yaml:42 ss.wage_base (SSA, COLA fact sheet 2026)`),
 * e.g. built with `formatProvenance` from src/rules. Items without an entry
 * get an empty rule. A `ruleFor` option can replace the map.
 */
export interface ExpectedRow extends RegisterRow {
  rules?: ReadonlyMap<string, string>;
}

/** What reconciliation needs to know about an employee (a subset of employees.csv). */
export interface EmployeeFacts {
  employee_id: string;
  name?: string;
  termination_date?: CivilDate;
  /** When several versions of an employee exist, the latest wins. */
  effective_from?: CivilDate;
  fed_w4?: '2020' | 'legacy';
  fed_step2?: boolean;
}

/** A what-if figure for an item (prior-year tables, W-4 Step 2 ignored…): when the partner's amount matches it, its hint explains the difference. */
export interface Alternative {
  value: Decimal;
  /** Plain language, completes "— …": "prior-year federal tables were used?" */
  hint: string;
}

export interface ReconcileOptions {
  /** The expected register (unique by employee and pay date). Indexed once; the partner's rows stream past it. */
  expected: readonly ExpectedRow[];
  /** The employees (or, as a map, their facts by id as indexEmployees makes it: the latest version of each). */
  employees: Iterable<EmployeeFacts> | ReadonlyMap<string, EmployeeFacts>;
  tolerance: Settings['tolerance'];
  /** Provenance of an item's expected figure. Default: `row.rules?.get(item)`. */
  ruleFor?: (row: ExpectedRow, item: string) => string | undefined;
  /** What-if figures for a mismatching item, asked only on a mismatch. */
  alternatives?: (row: ExpectedRow, item: string) => readonly Alternative[];
  /** The pay period of an employee's pay date from the pay calendar, for rows the register gives without one. */
  periodOf?: (employee_id: string, pay_date: CivilDate) => { start: CivilDate; end: CivilDate } | undefined;
  /** false: leave the per-item totals to the caller, who sums the same rows already (`totals` comes back empty). */
  itemTotals?: boolean;
}

/** How every row was accounted for. register.read = matched + unexpected + unknownEmployee + paidAfterTermination + duplicate + rejected. */
export interface Accounting {
  register: {
    read: number;
    matched: number;
    unexpected: number;
    unknownEmployee: number;
    paidAfterTermination: number;
    duplicate: number;
    rejected: number;
  };
  /** expected.rows = matched + missing + rejectedInRegister. */
  expected: { rows: number; matched: number; missing: number; rejectedInRegister: number };
}

/** Amount comparisons on matched payslips: compared = exact + withinTolerance + explained + mismatched. */
export interface ComparisonCounts {
  compared: number;
  exact: number;
  /** Rounding noise: a difference within tolerance, counted, not reported. */
  withinTolerance: number;
  /** A gross or net pay difference that the item differences on the same payslip fully account for (reported there). */
  explained: number;
  /** Differences reported as findings. */
  mismatched: number;
}

export interface ItemTotal {
  /** Register value key: an item, or items joined with `+`. */
  item: string;
  /** Over every expected payslip. */
  expected: Decimal;
  /** Over every register row read (matched, unexpected, duplicate…). */
  register: Decimal;
  /** register − expected. */
  difference: Decimal;
}

export interface ReconcileResult {
  findings: Finding[];
  accounting: Accounting;
  comparisons: ComparisonCounts;
  totals: ItemTotal[];
}

/** A problem on one register row, located for a person to fix it. */
export interface RowProblem {
  file: string;
  line?: number;
  column?: string;
  message: string;
}

/** A register row that could not be read (src/io/register produces these). Counted and reported, never dropped. */
export interface RejectedRow {
  file: string;
  line: number;
  /** The key, when it could be read, so the expected payslip is not also reported missing. */
  employee_id?: string;
  pay_date?: string;
  problems: RowProblem[];
}
