import type { RegisterRow } from '../../model/registerRow.js';
import type { Decimal } from '../../money/index.js';
import type { InputProblem } from '../problems.js';
import { dateParser } from './dateFormat.js';
import { bindLayout, type BoundLayout, type RegisterLayout } from './layout.js';
import { numberExample, numberParser } from './numberFormat.js';
import type { RejectedRow } from './readRegister.js';

/**
 * One register record (cells as text) to a RegisterRow (amounts by item,
 * sign-corrected) or a RejectedRow naming the line and column of every
 * problem. Used by readRegister and by readers that find the records
 * themselves (the worker threads, which each read only their employees' rows).
 */
export class RegisterRecords {
  readonly bound: BoundLayout;
  readonly header: string[];
  private readonly num: (s: string) => Decimal | undefined;
  readonly date: (s: string) => string | undefined;
  private readonly numHint: string;
  private readonly dateHint: string;

  constructor(
    readonly layout: RegisterLayout,
    headerRecord: readonly string[],
    readonly display: string,
  ) {
    this.header = headerRecord.map((h) => h.trim());
    this.bound = bindLayout(layout, this.header, display);
    this.num = numberParser(layout.number);
    this.date = dateParser(layout.dateFormat);
    this.numHint = `an amount written like ${numberExample(layout.number)}`;
    this.dateHint = `a date written ${layout.dateFormat}`;
  }

  get items(): string[] {
    return this.bound.columns.map((c) => c.key);
  }

  convert(record: readonly string[], line: number): { row: RegisterRow } | { reject: RejectedRow } {
    const { bound, layout, display, header } = this;
    const problems: InputProblem[] = [];
    const cell = (i: number | undefined) => (i === undefined ? undefined : record[i]);
    const empRaw = (cell(bound.keys.employee_id) ?? '').trim();
    const payRaw = cell(bound.keys.pay_date) ?? '';
    if (record.length !== header.length) {
      problems.push({ file: display, line, message: `expected ${header.length} fields as in the header, found ${record.length}` });
    }
    if (empRaw === '') problems.push({ file: display, line, column: layout.keys.employee_id, message: 'the employee id is missing' });
    const payDate = this.date(payRaw);
    if (payDate === undefined) {
      problems.push({
        file: display,
        line,
        column: layout.keys.pay_date,
        message: payRaw.trim() === '' ? 'the pay date is missing' : `expected ${this.dateHint} (found "${payRaw}")`,
      });
    }
    const period: Record<string, string> = {};
    for (const k of ['period_start', 'period_end'] as const) {
      const i = bound.keys[k];
      const raw = cell(i);
      if (raw === undefined || raw.trim() === '') continue;
      const d = this.date(raw);
      if (d === undefined) problems.push({ file: display, line, column: layout.keys[k], message: `expected ${this.dateHint} (found "${raw}")` });
      else period[k] = d;
    }
    const values = new Map<string, Decimal>();
    for (const c of bound.columns) {
      const raw = record[c.index];
      if (raw === undefined || raw.trim() === '') continue;
      const v = this.num(raw);
      if (v === undefined) {
        problems.push({ file: display, line, column: c.column, message: `expected ${this.numHint} (found "${raw}")` });
        continue;
      }
      values.set(c.key, c.negative ? v.negated() : v);
    }
    if (problems.length) {
      return { reject: { file: display, line, problems, ...(empRaw ? { employee_id: empRaw } : {}), ...(payDate ? { pay_date: payDate } : {}) } };
    }
    const row: RegisterRow = { employee_id: empRaw, pay_date: payDate!, values, origin: { file: display, line } };
    if (period.period_start) row.period_start = period.period_start;
    if (period.period_end) row.period_end = period.period_end;
    return { row };
  }
}
