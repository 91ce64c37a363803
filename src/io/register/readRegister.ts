import { createReadStream, existsSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type { RegisterRow } from '../../model/registerRow.js';
import { InputError, type InputProblem } from '../problems.js';
import { CsvRecords } from './csvRecords.js';
import { EncodingError, decoder } from './decode.js';
import type { RegisterLayout } from './layout.js';
import { RegisterRecords } from './registerRecords.js';

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
  const res: ReadRegisterResult = { file: display, layout: layout.name, rows: 0, accepted: 0, rejected: 0, items: [], ignored: [] };
  let conv: RegisterRecords | undefined;

  const onRecord = (record: string[], line: number) => {
    if (!conv) {
      conv = new RegisterRecords(layout, record, display);
      res.items = conv.items;
      res.ignored = conv.bound.ignored;
      return;
    }
    res.rows++;
    const r = conv.convert(record, line);
    if ('reject' in r) {
      res.rejected++;
      sink.reject(r.reject);
    } else {
      res.accepted++;
      sink.row(r.row);
    }
  };

  const records = new CsvRecords(layout.delimiter, (record, line) => {
    if (conv && record.every((c) => c.trim() === '')) return; // a row of empty cells, as Excel leaves them
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
  if (!conv) throw new InputError([{ file: display, line: 1, message: 'the file is empty: expected a header row' }]);
  return res;
}
