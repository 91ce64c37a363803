import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalLayout, readRegister } from '../io/register/index.js';
import type { RegisterRow } from '../model/index.js';
import { Fallback, recordFields, scanCsv } from '../io/csvScan.js';
import { RegisterRecords } from '../io/register/registerRecords.js';
import { runPipeline } from './runner.js';

/**
 * The expected register of a company folder, computed on worker threads into
 * a scratch folder, then streamed back as rows (sorted by pay date, then
 * employee) to the row callback `start(columns)` returns. Used by the
 * synthetic register generator.
 */
export async function forEachExpectedRow(
  dir: string,
  scratch: string,
  start: (columns: string[]) => (r: RegisterRow) => void,
  opts: { workers?: number; rules?: string[] } = {},
): Promise<string[]> {
  const res = await runPipeline({ dir, out: scratch, workers: opts.workers, rules: opts.rules });
  const onRow = start(res.columns);
  const file = join(scratch, 'expected.csv');
  const fail = (line: number, msg?: string) => new Error(`expected.csv line ${line}: ${msg}`);
  let delivered = 0;
  try {
    let recs: RegisterRecords | undefined;
    scanCsv(file, (r) => {
      const fields = recordFields(r);
      if (!recs) return void (recs = new RegisterRecords(canonicalLayout(), fields, file));
      const x = recs.convert(fields, r.line);
      if ('reject' in x) throw fail(r.line, x.reject.problems[0]?.message);
      onRow(x.row);
      delivered++;
    });
  } catch (e) {
    if (!(e instanceof Fallback) || delivered > 0) throw e;
    await readRegister(file, canonicalLayout(), { row: onRow, reject: (r) => { throw fail(r.line, r.problems[0]?.message); } });
  }
  rmSync(scratch, { recursive: true, force: true });
  return res.columns;
}
