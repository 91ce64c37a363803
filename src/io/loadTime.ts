import { existsSync } from 'node:fs';
import { timeEntryRowSchema, type TimeSheet, TimeSheetBuilder, TimeValues } from '../model/index.js';
import { Fallback, fieldText, scanCsv, type ScanOptions, type ScanRecord } from './csvScan.js';
import { fastTimeEntry, fastTimeEntryBytes } from './fastRows.js';
import type { InputProblem } from './problems.js';
import { readCsv } from './readCsv.js';

const REQUIRED = ['employee_id', 'date', 'hours'];

export interface ReadTimeOptions {
  /** Read only these employees' rows (a worker's share, or a block of it). */
  keep?: (employeeId: string) => boolean;
  /** Whether a row's employee is in employees.csv; false when it is not, after reporting it. */
  known?: (line: number, employeeId: string) => boolean;
  /** Read only these bytes of the file, with this header (rows read again: see TimeIndex). */
  range?: { from: number; to: number; firstLine: number; header: readonly string[] };
  /** Value tables shared with other sheets of the same load. */
  values?: TimeValues;
}

/**
 * time.csv as compact time sheets by employee: millions of rows at scale,
 * kept compact (equal dates, hours, codes and rates are stored once).
 */
export async function readTimeSheets(file: string, opts: ReadTimeOptions = {}): Promise<{ time: Map<string, TimeSheet>; rows: number; problems: InputProblem[] }> {
  const values = opts.values ?? new TimeValues();
  const sheets = new Map<string, TimeSheetBuilder>();
  let lastId: string | undefined;
  let lastSheet: TimeSheetBuilder | undefined;
  const r = await readCsv(file, {
    schema: timeEntryRowSchema,
    fast: fastTimeEntry,
    fastRecord: fastTimeEntryBytes,
    ...(opts.keep ? { keep: { column: 'employee_id', test: opts.keep } } : {}),
    ...(opts.range ? { range: opts.range } : {}),
    required: REQUIRED,
    onRow: (row, line) => {
      // Rows of one employee usually follow each other: the last employee's sheet is at hand.
      if (row.employee_id === lastId && lastSheet) return lastSheet.add(row);
      if (opts.known && !opts.known(line, row.employee_id)) return;
      let b = sheets.get(row.employee_id);
      if (!b) sheets.set(row.employee_id, (b = new TimeSheetBuilder(row.employee_id, values)));
      lastId = row.employee_id;
      lastSheet = b;
      b.add(row);
    },
  });
  const time = new Map<string, TimeSheet>();
  for (const [id, b] of sheets) time.set(id, b.build());
  return { time, rows: r.rows, problems: r.problems };
}

/**
 * Where each employee's rows are in time.csv, so the time sheets of a block
 * of employees can be read when the block is computed and dropped after it:
 * the memory for time then depends on the block, not on the company. Made in
 * one pass of the byte scanner that only finds the rows (they are validated
 * when read); an employee's rows that follow each other are one byte range.
 */
export class TimeIndex {
  private constructor(
    private readonly file: string,
    private readonly header: readonly string[],
    /** Per employee: [from, to, first line] of each run of its rows, in file order. */
    private readonly runs: Map<string, number[]>,
    /** The rows of the employees kept (counted as readCsv counts them). */
    readonly rows: number,
  ) {}

  /**
   * Index the rows of the employees `keep` passes. Undefined when the file
   * needs the full reader instead (a record the byte scanner does not read, a
   * missing required column, a row whose employee `isKnown` does not know):
   * readTimeSheets then reads it and reports what it finds.
   */
  static build(file: string, keep: (employeeId: string) => boolean, isKnown: (employeeId: string) => boolean): TimeIndex | undefined {
    if (!existsSync(file)) return undefined;
    let header: string[] | undefined;
    let idAt = -1;
    let rows = 0;
    const runs = new Map<string, number[]>();
    let lastId = '';
    let last: number[] | undefined;
    /** A row of an employee kept: counted, and its bytes added to the employee's runs. */
    const note = (r: ScanRecord, id: string): void => {
      rows++;
      if (!isKnown(id)) throw new Fallback(0, 'unknown employee');
      // The range ends after the record's line end (the next record's start; past the end of a file with no last line end, which reads to the end).
      const at = r.end - r.base;
      const to = r.end + (r.buf[at] === 0x0d ? 2 : 1);
      let list = id === lastId ? last : runs.get(id);
      if (!list) runs.set(id, (list = []));
      lastId = id;
      last = list;
      if (list.length && list[list.length - 2] === r.start) list[list.length - 2] = to;
      else list.push(r.start, to, r.line);
    };
    // Every plain line is passed over once its employee id is read (nothing else is split here: the rows are read
    // when their block is computed); the others come to the record callback, split.
    // The id and decision of the last key's bytes (a file's rows for one employee come together).
    let lastKey: Buffer | undefined, lastQuoted = 0, lastKept: string | undefined;
    const keptId = (r: ScanRecord): string | undefined => {
      const s = r.fs[idAt]!, e = r.fe[idAt]!, k = lastKey;
      if (k !== undefined && r.quoted[idAt] === lastQuoted && e - s === k.length) {
        let same = true;
        for (let i = 0; same && i < k.length; i++) if (r.buf[s + i] !== k[i]) same = false;
        if (same) return lastKept;
      }
      const id = fieldText(r, idAt).trim();
      lastKept = keep(id) ? id : undefined;
      lastKey = Buffer.from(r.buf.subarray(s, e));
      lastQuoted = r.quoted[idAt]!;
      return lastKept;
    };
    const skip: ScanOptions['skip'] = {
      field: -2,
      test: (r) => {
        const id = keptId(r);
        if (id !== undefined) note(r, id);
        return true;
      },
    };
    try {
      scanCsv(
        file,
        (r) => {
          if (header === undefined) {
            header = [];
            for (let i = 0; i < r.n; i++) header.push(fieldText(r, i).trim());
            if (REQUIRED.some((c) => !header!.includes(c))) throw new Fallback(0, 'header');
            idAt = header.lastIndexOf('employee_id'); // (as the row object: a repeated column's last cell wins)
            skip.field = idAt;
            return;
          }
          const id = idAt < r.n ? keptId(r) : keep('') ? '' : undefined;
          if (id !== undefined) note(r, id);
        },
        { skip },
      );
    } catch (e) {
      if (e instanceof Fallback) return undefined;
      throw e;
    }
    if (header === undefined) return undefined;
    return new TimeIndex(file, header, runs, rows);
  }

  /** The time sheets of these employees, read from their rows' byte ranges (adjacent ranges read as one). */
  async sheets(ids: Iterable<string>): Promise<{ time: Map<string, TimeSheet>; problems: InputProblem[] }> {
    const want = new Set(ids);
    const ranges: number[][] = [];
    for (const id of want) {
      const l = this.runs.get(id);
      if (l) for (let i = 0; i < l.length; i += 3) ranges.push([l[i]!, l[i + 1]!, l[i + 2]!]);
    }
    ranges.sort((a, b) => a[0]! - b[0]!);
    const merged: number[][] = [];
    for (const r of ranges) {
      const m = merged[merged.length - 1];
      if (m && m[1] === r[0]) m[1] = r[1]!;
      else merged.push([...r]);
    }
    const time = new Map<string, TimeSheet>();
    const problems: InputProblem[] = [];
    const values = new TimeValues();
    // One reader per range, each building whole sheets: an employee's runs apart in the file are read together.
    const byEmployee = new Map<string, TimeSheetBuilder>();
    for (const [from, to, firstLine] of merged) {
      let lastId: string | undefined;
      let lastSheet: TimeSheetBuilder | undefined;
      const r = await readCsv(this.file, {
        schema: timeEntryRowSchema,
        fast: fastTimeEntry,
        fastRecord: fastTimeEntryBytes,
        keep: { column: 'employee_id', test: (id) => want.has(id) },
        range: { from: from!, to: to!, firstLine: firstLine!, header: this.header },
        required: REQUIRED,
        onRow: (row) => {
          if (row.employee_id === lastId && lastSheet) return lastSheet.add(row);
          let b = byEmployee.get(row.employee_id);
          if (!b) byEmployee.set(row.employee_id, (b = new TimeSheetBuilder(row.employee_id, values)));
          lastId = row.employee_id;
          lastSheet = b;
          b.add(row);
        },
      });
      problems.push(...r.problems);
    }
    for (const [id, b] of byEmployee) time.set(id, b.build());
    return { time, problems };
  }
}
