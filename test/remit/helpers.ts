import { Decimal } from '../../src/money/index.js';
import type { RegisterRow } from '../../src/model/index.js';
import { RuleBook } from '../../src/rules/index.js';
import { loadCalendar } from '../../src/calc/calendar/index.js';
import { DepositRuleSet } from '../../src/remit/index.js';

/** The two rule files this feature ships, loaded alone (other rule files are not needed). */
export function depositBook(): RuleBook {
  const { book, problems } = RuleBook.load(['rules/us/dc-holidays.yaml', 'rules/us/irs-deposits.yaml']);
  if (!book) throw new Error(problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return book;
}

export const book = depositBook();
export const rules = new DepositRuleSet(book);
export const dc = loadCalendar(book, 'us.dc').calendar;

/**
 * One register row whose Form 941 liability is `amount`, split as a payslip
 * would be (all of it put on us.fit keeps the arithmetic obvious), plus an
 * optional FUTA amount.
 */
export function row(payDate: string, amount: string | number, futa: string | number = 0, employee = 'E1'): RegisterRow {
  return {
    employee_id: employee,
    pay_date: payDate,
    values: new Map([
      ['gross', new Decimal(amount).times(4)],
      ['us.fit', new Decimal(amount)],
      ['us.futa.er', new Decimal(futa)],
    ]),
  };
}

/** A row with every Form 941 item, to check they are all summed. */
export function fullRow(payDate: string, employee = 'E1'): RegisterRow {
  return {
    employee_id: employee,
    pay_date: payDate,
    values: new Map([
      ['us.fit', new Decimal('100.00')],
      ['us.ss.ee', new Decimal('62.00')],
      ['us.ss.er', new Decimal('62.00')],
      ['us.medicare.ee', new Decimal('14.50')],
      ['us.medicare.er', new Decimal('14.50')],
      ['us.medicare_addl.ee', new Decimal('9.00')],
      ['us.futa.er', new Decimal('6.00')],
      ['net_pay', new Decimal('700.00')],
    ]),
  };
}
