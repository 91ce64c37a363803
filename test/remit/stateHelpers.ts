import { Decimal } from '../../src/money/index.js';
import type { Deposit, RegisterRow } from '../../src/model/index.js';
import { RuleBook } from '../../src/rules/index.js';
import { loadCalendar } from '../../src/calc/calendar/index.js';
import { auditRemittances, type RemittanceInput } from '../../src/remit/index.js';

/** The federal and state deposit rule files with their calendars (no tax computation files needed). */
export function stateDepositBook(): RuleBook {
  const { book, problems } = RuleBook.load([
    'rules/us/dc-holidays.yaml',
    'rules/us/irs-deposits.yaml',
    'rules/us/ca-holidays.yaml',
    'rules/us/ca-edd-deposits.yaml',
    'rules/us/ny-holidays.yaml',
    'rules/us/ny-dtf-deposits.yaml',
  ]);
  if (!book) throw new Error(problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return book;
}

export const stateBook = stateDepositBook();
export const caCal = loadCalendar(stateBook, 'us.ca.holidays').calendar;
export const nyCal = loadCalendar(stateBook, 'us.ny.holidays').calendar;

/** A register row of one pay date with the given items (`us.fit` keeps the federal liability obvious). */
export function srow(payDate: string, values: Record<string, string | number>, employee = 'E1'): RegisterRow {
  return { employee_id: employee, pay_date: payDate, values: new Map(Object.entries(values).map(([k, v]) => [k, new Decimal(v)])) };
}

export function dep(agency: string, form: string, taxPeriod: string, amount: string | number, paid: string, extra: Partial<Deposit> = {}): Deposit {
  return { agency, form, tax_period: taxPeriod, amount: new Decimal(amount), paid_date: paid, ...extra } as Deposit;
}

/** Run the audit on rows and deposits with the state rule files loaded. */
export function audit(rows: RegisterRow[], deposits: Deposit[], settings: RemittanceInput['settings'] = { deposit_schedule: 'semiweekly' }, extra: Partial<RemittanceInput> = {}) {
  return auditRemittances({ rows, deposits, settings, book: stateBook, ...extra });
}

/** The remittances.csv rows of one agency, as [kind, liability dates, amount, due date, status]. */
export function rowsOf(res: ReturnType<typeof audit>, agency: string): string[][] {
  return res.remittances.filter((r) => r.agency === agency).map((r) => [r.form, r.kind, r.liability_dates, r.amount_due, r.due_date, r.status]);
}
