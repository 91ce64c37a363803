import { createReadStream, existsSync } from 'node:fs';
import { parse } from 'csv-parse';
import type { z } from 'zod';
import type { InputProblem } from './problems.js';

export interface ReadCsvOptions<S extends z.ZodType> {
  /** Schema of one row (an object of the header's columns, cells as strings). */
  schema: S;
  /** Columns that must be in the header. */
  required: readonly string[];
  /** Called for every valid row, in file order. `line` is the 1-based line of the row in the file. */
  onRow: (row: z.output<S>, line: number, raw: Record<string, string>) => void;
  /** Text encoding (default utf8; a BOM is dropped). */
  encoding?: BufferEncoding;
  /** Stop collecting after this many problems (the file is still read to the end). */
  maxProblems?: number;
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
  const parser = createReadStream(file, { encoding: opts.encoding ?? 'utf8' }).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }),
  );
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = rec;
      if (header.length === 0) {
        header = record.map((h) => h.trim());
        const missing = opts.required.filter((c) => !header.includes(c));
        for (const c of missing) add({ file, line: info.lines, column: c, message: `required column "${c}" is missing from the header` });
        if (missing.length) return { rows, header, problems };
        continue;
      }
      rows++;
      if (record.length !== header.length) {
        add({ file, line: info.lines, message: `expected ${header.length} fields as in the header, found ${record.length}` });
        continue;
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
        continue;
      }
      opts.onRow(parsed.data, info.lines, raw);
    }
  } catch (e) {
    add({ file, message: `cannot read as CSV: ${(e as Error).message}` });
  }
  if (header.length === 0 && problems.length === 0) add({ file, line: 1, message: 'the file is empty: expected a header row' });
  return { rows, header, problems };
}
