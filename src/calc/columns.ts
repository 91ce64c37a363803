import type { Company, InputProblem } from '../model/index.js';
import { DEDUCTION_KINDS, itemSlot } from '../model/index.js';
import type { RuleBook } from '../rules/index.js';
import { boundAt } from './boundRules.js';

export const KEY_COLUMNS = ['employee_id', 'pay_date', 'period_start', 'period_end'] as const;
export const HOURS_COLUMNS = ['regular_hours', 'overtime_hours', 'leave_hours', 'doubletime_hours'] as const;
/** The contract's hours-and-pay block, in its order; double time (California) extends it after gross. */
export const PAY_COLUMNS = ['regular_hours', 'overtime_hours', 'leave_hours', 'regular_pay', 'overtime_pay', 'leave_pay', 'gross', 'doubletime_hours', 'doubletime_pay'] as const;
export const DEDUCTION_COLUMNS = DEDUCTION_KINDS.map((k) => `ded.${k}`);
/** The item slots (itemSlot) of DEDUCTION_COLUMNS. */
export const DEDUCTION_SLOTS = Int32Array.from(DEDUCTION_COLUMNS, itemSlot);
/** The item slots of the hours-and-pay block and net pay, by name. */
export const PAY_SLOTS = Object.fromEntries([...PAY_COLUMNS, 'net_pay'].map((c) => [c, itemSlot(c)])) as Record<(typeof PAY_COLUMNS)[number] | 'net_pay', number>;

export interface ColumnPlan {
  /** Every column of expected.csv, in order. */
  columns: string[];
  earningCodes: string[];
  /** Tax component ids in output order (federal first, then states). */
  taxes: string[];
  /** Employee-party tax ids (they reduce net pay). */
  employeeTaxes: Set<string>;
  /** Items kept year to date: gross, each tax and its wages. */
  ytdItems: string[];
}

/**
 * The expected register's columns: keys, hours and pay, one column per
 * earnings code, one per deduction kind, the taxes of every rule file in
 * force on the calendar's pay dates (rule-file order), net pay, then each
 * tax's `.wages`.
 */
export function planColumns(company: Company, book: RuleBook): ColumnPlan {
  // Cached by the objects it reads: the what-if hints re-compute single employees
  // with a copy of the company that shares its earnings and calendar.
  let byEarnings = planCache.get(book);
  if (!byEarnings) planCache.set(book, (byEarnings = new WeakMap()));
  const hit = byEarnings.get(company.earnings);
  if (hit && hit.calendar === company.calendar) return hit.plan;
  const plan = buildPlan(company, book);
  byEarnings.set(company.earnings, { calendar: company.calendar, plan });
  return plan;
}

const planCache = new WeakMap<RuleBook, WeakMap<object, { calendar: object; plan: ColumnPlan }>>();

function buildPlan(company: Company, book: RuleBook): ColumnPlan {
  const codes = new Set<string>();
  for (const list of company.earnings.values()) for (const e of list) codes.add(e.code);
  const earningCodes = [...codes].sort();
  const taxes: string[] = [];
  const employeeTaxes = new Set<string>();
  const payDates = [...new Set(company.calendar.map((p) => p.pay_date))];
  for (const j of book.jurisdictions()) {
    for (const d of payDates) {
      if (!book.fileFor(j, d)) continue;
      for (const t of boundAt(book, j, d).taxes) {
        if (!taxes.includes(t.id)) taxes.push(t.id);
        if (t.party === 'employee') employeeTaxes.add(t.id);
      }
    }
  }
  const columns = [...KEY_COLUMNS, ...PAY_COLUMNS, ...earningCodes, ...DEDUCTION_COLUMNS, ...taxes, 'net_pay', ...taxes.map((t) => `${t}.wages`)];
  return { columns, earningCodes, taxes, employeeTaxes, ytdItems: ['gross', ...taxes, ...taxes.map((t) => `${t}.wages`)] };
}

/** Opening YTD rows whose item is not an output column (or `supplemental`): a typo would silently do nothing. */
export function unknownYtdItems(company: Company, plan: ColumnPlan): InputProblem[] {
  const known = new Set([...plan.columns.filter((c) => !KEY_COLUMNS.includes(c as never)), 'supplemental']);
  const out: InputProblem[] = [];
  for (const rows of company.ytd.values()) {
    for (const r of rows) {
      if (!known.has(r.item)) out.push({ file: 'ytd.csv', line: r.line, column: 'item', message: `unknown item "${r.item}": expected an expected.csv column such as us.ss.ee.wages, or supplemental` });
    }
  }
  return out;
}
