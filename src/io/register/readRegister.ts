import { createReadStream, existsSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type { RegisterRow } from '../../model/registerRow.js';
import type { Decimal } from '../../money/index.js';
import { InputError, type InputProblem } from '../problems.js';
import { dateParser } from './dateFormat.js';
import { CsvRecords } from './csvRecords.js';
import { EncodingError, decoder } from './decode.js';
import { bindLayout, type BoundLayout, type RegisterLayout } from './layout.js';
import { numberExample, numberParser } from './numberFormat.js';

/** A register row that could not be read. Counted and reported (REJECTED_ROW), never dropped silently. */
export interface RejectedRow {
  file: string;
  line: number;
  /** The key, when it could be read, so the expected payslip is not also reported missing. */
  employee_id?: string;
  pay_date?: string;
  problems: InputProblem[];
}

export interface RegisterSink {
  row(row: RegisterRow): void;
  reject(row: RejectedRow): void;
}

export interface ReadRegisterResult {
  file: string;
  layout: string;
  /** Data rows read (header excluded, blank lines skipped) = accepted + rejected. */
  rows: number;
  accepted: number;
  rejected: number;
  /** Value keys the register feeds (`gross`, `us.medicare.ee+us.medicare_addl.ee`…), in column order. */
  items: string[];
  /** Header columns the layout does not use. */
  ignored: string[];
}

/**
 * Stream a partner register through its layout. Each data row becomes a
 * RegisterRow (amounts by item, sign-corrected) or a RejectedRow naming the
 * line and column of every problem. Problems of the file as a whole (missing,
 * not decodable, header without a key column) throw InputError.
 *
 * `file` is opened as given; `display` is how it is named in messages.
 */
export async function readRegister(file: string, layout: RegisterLayout, sink: RegisterSink, display = file): Promise<ReadRegisterResult> {
  if (!existsSync(file)) throw new InputError([{ file: display, message: 'file not found' }]);
  const num = numberParser(layout.number);
  const date = dateParser(layout.dateFormat);
  const numHint = `an amount written like ${numberExample(layout.number)}`;
  const dateHint = `a date written ${layout.dateFormat}`;
  const res: ReadRegisterResult = { file: display, layout: layout.name, rows: 0, accepted: 0, rejected: 0, items: [], ignored: [] };
  let bound: BoundLayout | undefined;
  let header: string[] = [];

  const onRecord = (record: string[], line: number) => {
    if (!bound) {
      header = record.map((h) => h.trim());
      bound = bindLayout(layout, header, display);
      res.items = bound.columns.map((c) => c.key);
      res.ignored = bound.ignored;
      return;
    }
    res.rows++;
    const problems: InputProblem[] = [];
    const cell = (i: number | undefined) => (i === undefined ? undefined : record[i]);
    const empRaw = (cell(bound.keys.employee_id) ?? '').trim();
    const payRaw = cell(bound.keys.pay_date) ?? '';
    if (record.length !== header.length) {
      problems.push({ file: display, line, message: `expected ${header.length} fields as in the header, found ${record.length}` });
    }
    if (empRaw === '') problems.push({ file: display, line, column: layout.keys.employee_id, message: 'the employee id is missing' });
    const payDate = date(payRaw);
    if (payDate === undefined) {
      problems.push({
        file: display,
        line,
        column: layout.keys.pay_date,
        message: payRaw.trim() === '' ? 'the pay date is missing' : `expected ${dateHint} (found "${payRaw}")`,
      });
    }
    const period: Record<string, string> = {};
    for (const k of ['period_start', 'period_end'] as const) {
      const i = bound.keys[k];
      const raw = cell(i);
      if (raw === undefined || raw.trim() === '') continue;
      const d = date(raw);
      if (d === undefined) problems.push({ file: display, line, column: layout.keys[k], message: `expected ${dateHint} (found "${raw}")` });
      else period[k] = d;
    }
    const values = new Map<string, Decimal>();
    for (const c of bound.columns) {
      const raw = record[c.index];
      if (raw === undefined || raw.trim() === '') continue;
      const v = num(raw);
      if (v === undefined) {
        problems.push({ file: display, line, column: c.column, message: `expected ${numHint} (found "${raw}")` });
        continue;
      }
      values.set(c.key, c.negative ? v.negated() : v);
    }
    if (problems.length) {
      res.rejected++;
      sink.reject({ file: display, line, problems, ...(empRaw ? { employee_id: empRaw } : {}), ...(payDate ? { pay_date: payDate } : {}) });
      return;
    }
    res.accepted++;
    const row: RegisterRow = { employee_id: empRaw, pay_date: payDate!, values, origin: { file: display, line } };
    if (period.period_start) row.period_start = period.period_start;
    if (period.period_end) row.period_end = period.period_end;
    sink.row(row);
  };

  const records = new CsvRecords(layout.delimiter, (record, line) => {
    if (bound && record.every((c) => c.trim() === '')) return; // a row of empty cells, as Excel leaves them
    onRecord(record, line);
  });
  const consume = new Writable({
    objectMode: true,
    write(chunk: string, _enc, cb) {
      try {
        records.push(chunk);
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
    final(cb) {
      try {
        if (records.unterminated) throw new InputError([{ file: display, line: records.openLine, message: 'a quoted field starting on this line is never closed' }]);
        records.end();
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
  });
  try {
    await pipeline(createReadStream(file), decoder(layout.encoding), consume);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof EncodingError) throw new InputError([{ file: display, message: e.message }]);
    throw new InputError([{ file: display, message: `cannot read: ${(e as Error).message}` }]);
  }
  if (!bound) throw new InputError([{ file: display, line: 1, message: 'the file is empty: expected a header row' }]);
  return res;
}
