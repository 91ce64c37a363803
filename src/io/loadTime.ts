import { existsSync } from 'node:fs';
import { timeEntryRowSchema, type TimeEntry, type TimeSheet, TimeSheetBuilder, TimeValues } from '../model/index.js';
import { Fallback, fieldText, keyMemo, scanCsv, type ScanOptions, type ScanRecord } from './csvScan.js';
import { fastTimeEntry, fastTimeEntryBytes } from './fastRows.js';
import type { InputProblem } from './problems.js';
import { readCsv } from './readCsv.js';

const REQUIRED = ['employee_id', 'date', 'hours'];

export interface ReadTimeOptions {
  /** Read only these employees' rows (a worker's share). */
  keep?: (employeeId: string) => boolean;
  /** Whether a row's employee is in employees.csv; false when it is not, after reporting it. */
  known?: (line: number, employeeId: string) => boolean;
}

/** Time rows gathered into compact sheets by employee; the last employee's sheet is at hand (its rows usually follow each other). */
class SheetCollector {
  private readonly builders = new Map<string, TimeSheetBuilder>();
  private lastId: string | undefined;
  private lastSheet: TimeSheetBuilder | undefined;
  private readonly values = new TimeValues();

  constructor(private readonly known?: (line: number, employeeId: string) => boolean) {}

  add(row: TimeEntry, line: number): void {
    if (row.employee_id === this.lastId && this.lastSheet) return this.lastSheet.add(row);
    if (this.known && !this.known(line, row.employee_id)) return;
    let b = this.builders.get(row.employee_id);
    if (!b) this.builders.set(row.employee_id, (b = new TimeSheetBuilder(row.employee_id, this.values)));
    this.lastId = row.employee_id;
    this.lastSheet = b;
    b.add(row);
  }

  build(): Map<string, TimeSheet> {
    const time = new Map<string, TimeSheet>();
    for (const [id, b] of this.builders) time.set(id, b.build());
    return time;
  }
}

/** Read time.csv's rows (those `keep` passes; in `range` only, when given) into `into`. */
function readInto(file: string, into: SheetCollector, opts: { keep?: (employeeId: string) => boolean; range?: { from: number; to: number; firstLine: number; header: readonly string[] } }) {
  return readCsv(file, {
    schema: timeEntryRowSchema,
    fast: fastTimeEntry,
    fastRecord: fastTimeEntryBytes,
    ...(opts.keep ? { keep: { column: 'employee_id', test: opts.keep } } : {}),
    ...(opts.range ? { range: opts.range } : {}),
    required: REQUIRED,
    onRow: (row, line) => into.add(row, line),
  });
}

/**
 * time.csv as compact time sheets by employee: millions of rows at scale,
 * kept compact (equal dates, hours, codes and rates are stored once).
 */
export async function readTimeSheets(file: string, opts: ReadTimeOptions = {}): Promise<{ time: Map<string, TimeSheet>; rows: number; problems: InputProblem[] }> {
  const sheets = new SheetCollector(opts.known);
  const r = await readInto(file, sheets, opts);
  return { time: sheets.build(), rows: r.rows, problems: r.problems };
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
    const memo = keyMemo(keep);
    const keptId = (r: ScanRecord): string | undefined => memo(r, idAt);
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
    // One collector for the block: an employee's runs apart in the file make one sheet.
    const sheets = new SheetCollector();
    const problems: InputProblem[] = [];
    for (const [from, to, firstLine] of merged) {
      const r = await readInto(this.file, sheets, { keep: (id) => want.has(id), range: { from: from!, to: to!, firstLine: firstLine!, header: this.header } });
      problems.push(...r.problems);
    }
    return { time: sheets.build(), problems };
  }
}
