import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Fallback, fieldText, scanCsv } from '../io/csvScan.js';
import { byId } from './partition.js';

/** Employee ids of employees.csv (trimmed, unique, sorted), for the partition. */
export function employeeIds(file: string): string[] {
  const ids = new Set<string>();
  if (!existsSync(file)) return [];
  let at = -1;
  try {
    scanCsv(file, (r) => {
      if (at < 0) {
        for (let i = 0; i < r.n; i++) if (fieldText(r, i).trim() === 'employee_id') at = i;
        if (at < 0) at = r.n;
        return;
      }
      ids.add(fieldText(r, at).trim());
    });
  } catch (e) {
    if (!(e instanceof Fallback)) throw e;
    ids.clear();
    const rows = parse(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    const h = (rows[0] ?? []).map((x) => x.trim()).lastIndexOf('employee_id'); // as the scan above: the last such column
    for (const r of rows.slice(1)) ids.add((r[h] ?? '').trim());
  }
  return [...ids].sort(byId);
}

