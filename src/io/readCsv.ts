import { createReadStream, existsSync } from 'node:fs';
import { parse } from 'csv-parse';
import type { z } from 'zod';
import { Fallback, keyMemo, recordFields, scanCsv, type ScanOptions, type ScanRecord } from './csvScan.js';
import type { InputProblem } from './problems.js';

export interface ReadCsvOptions<S extends z.ZodType> {
  /** Schema of one row (an object of the header's columns, cells as strings). */
  schema: S;
  /** Columns that must be in the header. */
  required: readonly string[];
  /**
   * Called for every valid row, in file order. `line` is the 1-based line of the row in the file;
   * `raw` the row's cells by column (undefined for a row the `fast` converter took).
   */
  onRow: (row: z.output<S>, line: number, raw: Record<string, string> | undefined) => void;
  /**
   * A converter for large files, made once from the header: it returns what `schema` returns
   * for the rows it accepts, and undefined for any other row, which the schema then validates
   * (and words the problems of). Skips building the row object and running zod per row.
   */
  fast?: (header: readonly string[]) => ((record: readonly string[]) => z.output<S> | undefined) | undefined;
  /**
   * The same from the scanned bytes, tried first on the records the byte scanner reads: it returns
   * what `fast` returns for the records it takes (its cells' bytes plain) and undefined for the others.
   * The row it returns may be one object it reuses for the next record: `onRow` copies what it keeps.
   */
  fastRecord?: (header: readonly string[]) => ((record: ScanRecord) => z.output<S> | undefined) | undefined;
  /** Text encoding (default utf8; a BOM is dropped). */
  encoding?: BufferEncoding;
  /** Stop collecting after this many problems (the file is still read to the end). */
  maxProblems?: number;
  /**
   * Read only the rows whose (trimmed) cell in `column` passes `test`; the
   * others are skipped before validation and not counted (a worker thread
   * reading its share of the employees). A missing cell reads as "".
   */
  keep?: { column: string; test: (value: string) => boolean };
  /**
   * Read only the records in bytes [from, to) of the file, which start at a
   * record (as a scan of the whole file found them), with this header and
   * line numbers from `firstLine`: rows read again (TimeIndex). The byte
   * scanner must be able to read them, as it read them the first time.
   */
  range?: { from: number; to: number; firstLine: number; header: readonly string[] };
}

export interface ReadCsvResult {
  rows: number;
  header: string[];
  problems: InputProblem[];
}

/**
 * Stream a CSV file with a header row: UTF-8 with or without BOM, CRLF or LF,
 * quoted fields. Every row is validated; every problem of the file is
 * reported together with its line and column.
 */
const STOP = Symbol('stop');

export async function readCsv<S extends z.ZodType>(file: string, opts: ReadCsvOptions<S>): Promise<ReadCsvResult> {
  const problems: InputProblem[] = [];
  const max = opts.maxProblems ?? 200;
  const add = (p: InputProblem) => {
    if (problems.length < max) problems.push(p);
    else if (problems.length === max) problems.push({ file, message: `more problems not shown (stopped at ${max})` });
  };
  if (!existsSync(file)) return { rows: 0, header: [], problems: [{ file, message: 'file not found' }] };
  let header: string[] = [];
  let rows = 0;
  let keepAt: number | undefined;
  let fast: ((record: readonly string[]) => z.output<S> | undefined) | undefined;
  let fastRecord: ((record: ScanRecord) => z.output<S> | undefined) | undefined;
  /** One record; true when reading must stop (the header lacks a required column). */
  const handle = (record: string[], info: { lines: number }): boolean => {
    {
      if (header.length === 0) {
        header = record.map((h) => h.trim());
        const missing = opts.required.filter((c) => !header.includes(c));
        for (const c of missing) add({ file, line: info.lines, column: c, message: `required column "${c}" is missing from the header` });
        if (missing.length) return true;
        if (opts.keep) keepAt = header.lastIndexOf(opts.keep.column); // as the row object: a repeated column's last cell wins
        fast = opts.fast?.(header);
        fastRecord = opts.fastRecord?.(header);
        return false;
      }
      if (keepAt !== undefined && !opts.keep!.test((record[keepAt] ?? '').trim())) return false;
      rows++;
      if (record.length !== header.length) {
        add({ file, line: info.lines, message: `expected ${header.length} fields as in the header, found ${record.length}` });
        return false;
      }
      if (fast) {
        const row = fast(record);
        if (row !== undefined) {
          opts.onRow(row, info.lines, undefined);
          return false;
        }
      }
      const raw: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) raw[header[i]!] = record[i]!;
      const parsed = opts.schema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const col = String(issue.path[0] ?? '');
          const value = col in raw ? ` (found "${raw[col]}")` : '';
          add({ file, line: info.lines, column: col || undefined, message: `${issue.message}${value}` });
        }
        return false;
      }
      opts.onRow(parsed.data, info.lines, raw);
      return false;
    }
  };

  // Fast path: the byte scanner, which reads records exactly as csv-parse does or hands over
  // (Fallback) at the first record it is not sure of; csv-parse then goes on from there.
  let delivered = 0;
  let finished = false;
  const range = opts.range;
  if (range && (opts.encoding ?? 'utf8') !== 'utf8') throw new Error('readCsv: a byte range is read in UTF-8 only');
  if (range && handle([...range.header], { lines: range.firstLine - 1 })) return { rows, header, problems };
  if ((opts.encoding ?? 'utf8') === 'utf8') {
    const info = { lines: 0 };
    // Another worker's row: only its key cell is read (as handle would read it), and the rest of its line is passed
    // over by the scanner when it plainly can be (set once the header gives the key's column).
    // The decision is remembered for the key's bytes (keyMemo), and a record the scanner asked about and kept
    // (r.kept) is not asked about again when it is delivered.
    const memo = opts.keep ? keyMemo(opts.keep.test) : undefined;
    const keeps = (r: ScanRecord): boolean => memo!(r, keepAt!) !== undefined;
    const skip: ScanOptions['skip'] = opts.keep
      ? { field: -2, test: (r) => header.length !== 0 && !keeps(r) }
      : undefined;
    try {
      scanCsv(file, (r) => {
        delivered++;
        info.lines = r.line;
        if (skip && skip.field === -2 && keepAt !== undefined && keepAt >= 0) skip.field = keepAt;
        if (keepAt !== undefined && header.length !== 0 && !r.kept && (keepAt < 0 || keepAt >= r.n ? !opts.keep!.test('') : !keeps(r))) return;
        if (fastRecord !== undefined && r.n === header.length) {
          // What handle does for a row its converter takes, without making the row's strings.
          const row = fastRecord(r);
          if (row !== undefined) {
            rows++;
            opts.onRow(row, r.line, undefined);
            return;
          }
        }
        if (handle(recordFields(r), info)) throw STOP;
      }, { ...(skip ? { skip } : {}), ...(range ? { from: range.from, to: range.to, firstLine: range.firstLine } : {}) });
      finished = true;
    } catch (e) {
      if (e === STOP) return { rows, header, problems };
      if (range) throw new Error(`${file}: bytes ${range.from} to ${range.to} could not be read again by the byte scanner (${(e as Error).message})`);
      if (e instanceof Fallback) delivered = e.records; // (the records the scanner passed over count too)
      else {
        add({ file, message: `cannot read as CSV: ${(e as Error).message}` });
        finished = true;
      }
    }
  }
  if (!finished) {
    let skip = delivered;
    const source = createReadStream(file, { encoding: opts.encoding ?? 'utf8' });
    const parser = source.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }));
    // .pipe() does not pass read errors on (a folder, no permission): hand them to the parser, reported below.
    source.on('error', (e) => parser.destroy(e));
    try {
      for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (skip > 0) {
          skip--;
          continue;
        }
        if (handle(rec.record, rec.info)) return { rows, header, problems };
      }
    } catch (e) {
      add({ file, message: `cannot read as CSV: ${(e as Error).message}` });
    } finally {
      source.destroy(); // stopped early or failed: the file is closed all the same
    }
  }
  if (header.length === 0 && problems.length === 0) add({ file, line: 1, message: 'the file is empty: expected a header row' });
  return { rows, header, problems };
}
