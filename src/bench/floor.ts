import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';

export const FLOOR_FILES = ['employees.csv', 'pay_calendar.csv', 'time.csv', 'earnings.csv', 'deductions.csv', 'ytd.csv', 'register.csv', 'deposits.csv'];

/**
 * The floor: the time one thread takes just to read and parse the input
 * files with csv-parse in its fastest configuration (records as arrays,
 * stream 'readable' events, no async iterator), touching every field.
 */
export async function measureFloor(dir: string): Promise<{ seconds: number; rows: number; bytes: number }> {
  const t0 = performance.now();
  let rows = 0;
  let touched = 0;
  for (const f of FLOOR_FILES) {
    const file = join(dir, f);
    if (!existsSync(file)) continue;
    await new Promise<void>((resolve, reject) => {
      const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
      parser.on('readable', () => {
        let rec: string[] | null;
        while ((rec = parser.read() as string[] | null) !== null) {
          rows++;
          for (let i = 0; i < rec.length; i++) touched += rec[i]!.length;
        }
      });
      parser.on('error', reject);
      parser.on('end', () => resolve());
      createReadStream(file).on('error', reject).pipe(parser);
    });
  }
  return { seconds: (performance.now() - t0) / 1000, rows, bytes: touched };
}
