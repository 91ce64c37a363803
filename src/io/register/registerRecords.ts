import type { RegisterRow } from '../../model/registerRow.js';
import type { Decimal } from '../../money/index.js';
import type { InputProblem } from '../problems.js';
import { dateParser } from './dateFormat.js';
import { bindLayout, type BoundLayout, type RegisterLayout } from './layout.js';
import { numberExample, numberParser, plainAmountBytes, plainCentsBytes } from './numberFormat.js';
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

  /**
   * `convert(cellsAt(buf, s, e, delim), line)`, without making a string of
   * each amount cell when the record is plain: cell bounds found in the
   * bytes, amounts in the common shape read from them. Any record that is not
   * plain (a doubled quote, a field count other than the header's, a key or
   * amount the fast readers do not take) goes through convert, so rows,
   * rejections and their messages are convert's. A property test compares the two.
   */
  convertBytes(buf: Buffer, s: number, e: number, line: number, delim: number): { row: RegisterRow } | { reject: RejectedRow } {
    const slow = () => this.convert(cellsAt(buf, s, e, delim), line);
    const n = this.cellBounds(buf, s, e, delim);
    if (n !== this.header.length) return slow();
    const { bound, display, cs, ce } = this;
    const text = (i: number) => buf.toString('utf8', cs[i]!, ce[i]!);
    const empRaw = text(bound.keys.employee_id).trim();
    if (empRaw === '') return slow();
    const payDate = this.date(text(bound.keys.pay_date));
    if (payDate === undefined) return slow();
    let periodStart: string | undefined, periodEnd: string | undefined;
    for (const k of ['period_start', 'period_end'] as const) {
      const i = bound.keys[k];
      if (i === undefined) continue;
      const raw = text(i);
      if (raw.trim() === '') continue;
      const d = this.date(raw);
      if (d === undefined) return slow();
      if (k === 'period_start') periodStart = d;
      else periodEnd = d;
    }
    const values = new Map<string, Decimal>();
    for (const c of bound.columns) {
      let v = plainAmountBytes(buf, cs[c.index]!, ce[c.index]!, this.layout.number);
      if (v === undefined) {
        const raw = text(c.index);
        if (raw.trim() === '') continue;
        v = this.num(raw);
        if (v === undefined) return slow();
      }
      values.set(c.key, c.negative ? v.negated() : v);
    }
    const row: RegisterRow = { employee_id: empRaw, pay_date: payDate, values, origin: { file: display, line } };
    if (periodStart) row.period_start = periodStart;
    if (periodEnd) row.period_end = periodEnd;
    return { row };
  }

  /**
   * convertBytes' common case without a RegisterRow: a plain record whose
   * amounts are all in the plain shape and whole cents. Writes the amount of
   * each mapped column (in `bound.columns` order, sign-corrected) in cents to
   * `out[at + j]`, NaN for an empty cell, and returns the row's key; for any
   * other record returns undefined (convertBytes reads it). For a record it
   * takes, convertBytes gives a row with exactly these values and key (a
   * property test compares them).
   */
  centsRow(buf: Buffer, s: number, e: number, delim: number, out: Float64Array, at: number): { employee_id: string; pay_date: string } | undefined {
    if (this.cellBounds(buf, s, e, delim) !== this.header.length) return undefined;
    const { bound, cs, ce } = this;
    const employee_id = buf.toString('utf8', cs[bound.keys.employee_id]!, ce[bound.keys.employee_id]!).trim();
    if (employee_id === '') return undefined;
    const pay_date = this.date(buf.toString('utf8', cs[bound.keys.pay_date]!, ce[bound.keys.pay_date]!));
    if (pay_date === undefined) return undefined;
    const ps = bound.keys.period_start, pe = bound.keys.period_end;
    if (ps !== undefined && cs[ps]! < ce[ps]! && !this.periodDateOk(buf, ps)) return undefined;
    if (pe !== undefined && cs[pe]! < ce[pe]! && !this.periodDateOk(buf, pe)) return undefined;
    const f = this.layout.number;
    const columns = bound.columns;
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j]!;
      const a = cs[c.index]!, b = ce[c.index]!;
      if (a === b) {
        out[at + j] = NaN;
        continue;
      }
      const v = plainCentsBytes(buf, a, b, f);
      if (v !== v) return undefined;
      out[at + j] = c.negative && v !== 0 ? -v : v;
    }
    return { employee_id, pay_date };
  }

  /** A period cell convertBytes accepts: blank, or a date. */
  private periodDateOk(buf: Buffer, i: number): boolean {
    const raw = buf.toString('utf8', this.cs[i]!, this.ce[i]!);
    return raw.trim() === '' || this.date(raw) !== undefined;
  }

  private cs = new Int32Array(64);
  private ce = new Int32Array(64);

  /** cellsAt's cells as byte bounds in cs/ce (inside the quotes); -1 for a quoted cell with a doubled or missing closing quote. */
  private cellBounds(buf: Buffer, s: number, e: number, delim: number): number {
    let n = 0;
    let i = s;
    for (;;) {
      if (n === this.cs.length) {
        const a = new Int32Array(n * 2), b = new Int32Array(n * 2);
        a.set(this.cs);
        b.set(this.ce);
        this.cs = a;
        this.ce = b;
      }
      if (i < e && buf[i] === 0x22) {
        let j = i + 1;
        while (j < e && buf[j] !== 0x22) j++;
        if (j >= e || (j + 1 < e && buf[j + 1] === 0x22)) return -1;
        this.cs[n] = i + 1;
        this.ce[n] = j;
        i = j + 1;
      } else {
        let j = i;
        while (j < e && buf[j] !== delim) j++;
        this.cs[n] = i;
        this.ce[n] = j;
        i = j;
      }
      n++;
      if (i < e && buf[i] === delim) {
        i++;
        continue;
      }
      return n;
    }
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

/** Split one record (no line breaks) of buf[s, e) into cells, RFC 4180 quotes. */
export function cellsAt(buf: Buffer, s: number, e: number, delim: number): string[] {
  const out: string[] = [];
  let i = s;
  for (;;) {
    if (i < e && buf[i] === 0x22) {
      let j = i + 1;
      let text = '';
      let from = j;
      for (;;) {
        if (buf[j] === 0x22) {
          if (j + 1 < e && buf[j + 1] === 0x22) {
            text += buf.toString('utf8', from, j + 1);
            j += 2;
            from = j;
            continue;
          }
          text += buf.toString('utf8', from, j);
          break;
        }
        j++;
      }
      out.push(text);
      i = j + 1;
    } else {
      let j = i;
      while (j < e && buf[j] !== delim) j++;
      out.push(buf.toString('utf8', i, j));
      i = j;
    }
    if (i < e && buf[i] === delim) {
      i++;
      continue;
    }
    return out;
  }
}
