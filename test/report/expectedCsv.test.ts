import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/io/writeCsv.js';
import type { RegisterRow } from '../../src/model/index.js';
import { Decimal } from '../../src/money/index.js';
import { expectedCells, expectedLine } from '../../src/report/expectedCsv.js';

const COLUMNS = ['employee_id', 'pay_date', 'period_start', 'period_end', 'regular_hours', 'overtime_hours', 'gross', 'us.fit', 'us.fit.wages', 'net_pay'];

const amount = fc.oneof(
  fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 8 })).map(([n, k]) => {
    const neg = n < 0n;
    const s = (neg ? -n : n).toString().padStart(k + 1, '0');
    return new Decimal(`${neg ? '-' : ''}${k ? `${s.slice(0, -k)}.${s.slice(-k)}` : s}`);
  }),
  fc.constantFrom('0', '-0', '-0.001', '1e25', '123.456789').map((t) => new Decimal(t)),
);
const keyText = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('=SUM(A1)', '+1', '-2', '@x', 'a,b', 'say "hi"', 'E001', '2026-01-09'));

describe('expectedLine', () => {
  it('writes exactly the cells expectedCells gives, made safe and quoted as csvLine makes them', () => {
    fc.assert(
      fc.property(keyText, keyText, fc.option(keyText, { nil: undefined }), fc.array(fc.option(amount, { nil: undefined }), { minLength: 6, maxLength: 6 }), (id, date, start, amounts) => {
        const values = new Map<string, Decimal>();
        COLUMNS.slice(4).forEach((c, i) => {
          const v = amounts[i];
          if (v !== undefined) values.set(c, v);
        });
        const row = { employee_id: id, pay_date: date, ...(start !== undefined ? { period_start: start } : {}), values } as unknown as RegisterRow;
        expect(expectedLine(row, COLUMNS)).toBe(csvLine(expectedCells(row, COLUMNS)));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});
