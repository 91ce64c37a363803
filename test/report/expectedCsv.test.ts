import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/io/writeCsv.js';
import { SlotValues, type ItemValues, type RegisterRow } from '../../src/model/index.js';
import { Decimal, ZERO, centsOf } from '../../src/money/index.js';
import { ExpectedCsvBuffer, expectedCells, writeExpectedCsv } from '../../src/report/expectedCsv.js';

const COLUMNS = ['employee_id', 'pay_date', 'period_start', 'period_end', 'regular_hours', 'overtime_hours', 'gross', 'us.fit', 'us.fit.wages', 'net_pay'];

const amount = fc.oneof(
  fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 8 })).map(([n, k]) => {
    const neg = n < 0n;
    const s = (neg ? -n : n).toString().padStart(k + 1, '0');
    return new Decimal(`${neg ? '-' : ''}${k ? `${s.slice(0, -k)}.${s.slice(-k)}` : s}`);
  }),
  fc.constantFrom('0', '-0', '-0.001', '1e25', '123.456789', '21474836.47', '21474836.48', '-21474836.47', '-21474836.48', '90071992547409.91').map((t) => new Decimal(t)),
);
/** A row's values as a Map or as the SlotValues of a computed payslip (the writer reads each its own way). */
const valuesOf = (cells: ReadonlyArray<readonly [string, Decimal]>, slotted: boolean): ItemValues => {
  const v: ItemValues = slotted ? new SlotValues() : new Map<string, Decimal>();
  for (const [k, x] of cells) v.set(k, x);
  return v;
};
const keyText = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('=SUM(A1)', '+1', '-2', '@x', 'a,b', 'say "hi"', 'E001', '2026-01-09'));

describe('ExpectedCsvBuffer', () => {
  it('writes exactly the cells expectedCells gives, made safe and quoted as csvLine makes them', () => {
    fc.assert(
      fc.property(keyText, keyText, fc.option(keyText, { nil: undefined }), fc.array(fc.option(amount, { nil: undefined }), { minLength: 6, maxLength: 6 }), (id, date, start, amounts) => {
        const values = new Map<string, Decimal>();
        COLUMNS.slice(4).forEach((c, i) => {
          const v = amounts[i];
          if (v !== undefined) values.set(c, v);
        });
        const row = { employee_id: id, pay_date: date, ...(start !== undefined ? { period_start: start } : {}), values } as unknown as RegisterRow;
        const line = csvLine(expectedCells(row, COLUMNS));
        // The byte buffer expected.csv is written with: the same bytes, also after growing and after a take.
        const b = new ExpectedCsvBuffer(COLUMNS);
        for (let i = 0; i < 3; i++) b.add(row);
        expect(b.take().toString('utf8')).toBe(line.repeat(3));
        b.add(row);
        expect(b.take().toString('utf8')).toBe(line);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('writes key cells that repeat, change and come back (kept bytes reused only for the same text)', () => {
    const key = fc.constantFrom('E1', 'E2', '=SUM(A1)', 'a,b', 'say "hi"', '', '2026-01-09');
    const row = fc.tuple(key, key, fc.option(key, { nil: undefined })).map(([id, date, start]) => ({ employee_id: id, pay_date: date, ...(start !== undefined ? { period_start: start } : {}), values: new Map([['gross', new Decimal('1.5')]]) }) as unknown as RegisterRow);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        const b = new ExpectedCsvBuffer(COLUMNS);
        for (const r of rows) b.add(r);
        expect(b.take().toString('utf8')).toBe(rows.map((r) => csvLine(expectedCells(r, COLUMNS))).join(''));
      }),
      { numRuns: 1500, seed: 11 },
    );
  });

  it('places values whatever their order from row to row, with items that have no column, a repeated column, and a value named like a key (Map and SlotValues rows)', () => {
    const names = [...COLUMNS.slice(4), 'not.a.column', 'employee_id'];
    const row = fc.tuple(fc.array(fc.tuple(fc.constantFrom(...names), amount), { maxLength: 9 }), fc.boolean()).map(([cells, slotted]) => ({ employee_id: 'E1', pay_date: '2026-01-09', values: valuesOf(cells, slotted) }) as unknown as RegisterRow);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.boolean(), (rows, repeat) => {
        const cols = repeat ? [...COLUMNS, 'gross', 'us.fit'] : COLUMNS;
        const b = new ExpectedCsvBuffer(cols);
        for (const r of rows) b.add(r);
        expect(b.take().toString('utf8')).toBe(rows.map((r) => csvLine(expectedCells(r, cols))).join(''));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('keeps each row\'s values in cents by column, as a comparison reads them (absent: zero; not whole cents: NaN)', () => {
    const names = [...COLUMNS.slice(4), 'not.a.column'];
    const row = fc.tuple(fc.array(fc.tuple(fc.constantFrom(...names), amount), { maxLength: 9 }), fc.boolean()).map(([cells, slotted]) => ({ employee_id: 'E1', pay_date: '2026-01-09', values: valuesOf(cells, slotted) }) as unknown as RegisterRow);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 299 }), fc.boolean(), (rows, cut, repeat) => {
        const cols = repeat ? [...COLUMNS, 'gross', 'us.fit'] : COLUMNS;
        const b = new ExpectedCsvBuffer(cols);
        b.recordCents();
        const check = (part: RegisterRow[], cents: Float64Array) => {
          expect(cents.length).toBe(part.length * cols.length);
          part.forEach((r, i) =>
            cols.forEach((c, j) => {
              const got = cents[i * cols.length + j]!;
              if (j < 4) return expect(got).toBeNaN();
              const want = centsOf(r.values.get(c) ?? ZERO);
              if (want === undefined) expect(got).toBeNaN();
              else expect(got).toBe(want);
            }),
          );
        };
        const first = rows.slice(0, cut), second = rows.slice(cut);
        for (const r of first) b.add(r);
        check(first, b.takeCents());
        for (const r of second) b.add(r);
        check(second, b.takeCents());
        expect(b.columnOfItem('us.fit')).toBe(COLUMNS.indexOf('us.fit'));
        expect(b.columnOfItem('not.a.column')).toBe(-1);
        expect(b.columnOfItem('employee_id')).toBe(-1);
      }),
      { numRuns: 400, seed: 9 },
    );
  });

  it('grows past its first block without losing or reordering bytes, and writeExpectedCsv writes the header and those bytes', async () => {
    const b = new ExpectedCsvBuffer(COLUMNS);
    const rows: RegisterRow[] = [];
    let want = '';
    for (let i = 0; i < 30000; i++) {
      const values = new Map<string, Decimal>([['gross', new Decimal(i).times('1234.5')], ['us.fit', new Decimal(-i).div(3)], ['regular_hours', new Decimal(i % 80)]]);
      const row = { employee_id: `Ë${'x'.repeat(i % 50)}${i}`, pay_date: '2026-01-09', values } as unknown as RegisterRow;
      rows.push(row);
      b.add(row);
      want += csvLine(expectedCells(row, COLUMNS));
    }
    expect(b.take().toString('utf8')).toBe(want);
    const dir = mkdtempSync(join(tmpdir(), 'payrecon-expected-'));
    try {
      const file = join(dir, 'expected.csv');
      expect(await writeExpectedCsv(file, COLUMNS, rows)).toBe(rows.length); // more than one 1 MB block
      expect(readFileSync(file, 'utf8')).toBe(csvLine(COLUMNS) + want);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a run that fails part-way leaves the earlier expected.csv as it was and no partial file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'payrecon-expected-'));
    try {
      const file = join(dir, 'expected.csv');
      writeFileSync(file, 'the earlier run\n');
      function* rows(): Generator<RegisterRow> {
        for (let i = 0; i < 50000; i++) {
          if (i === 40000) throw new Error('no wage base for employee 40000');
          yield { employee_id: `E${i}`, pay_date: '2026-01-09', values: new Map([['gross', new Decimal(i)]]) } as unknown as RegisterRow;
        }
      }
      await expect(writeExpectedCsv(file, COLUMNS, rows())).rejects.toThrow('no wage base for employee 40000');
      expect(readFileSync(file, 'utf8')).toBe('the earlier run\n');
      expect(readdirSync(dir)).toEqual(['expected.csv']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sums each column as it writes (whole cents, the rest as Decimals, items with no column handed back): the plain sums of the values (Map and SlotValues rows)', () => {
    const money = fc.oneof(amount, fc.constantFrom('90071992547409.91', '-90071992547409.91').map((t) => new Decimal(t)));
    const row = fc.record({
      cells: fc.array(fc.tuple(fc.constantFrom(...COLUMNS.slice(4), 'not.a.column'), money), { maxLength: 8 }),
      slotted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 3 }), (rows, drains) => {
        const b = new ExpectedCsvBuffer(COLUMNS);
        b.sumColumns();
        const got = new Map<string, Decimal>();
        const put = (k: string, v: Decimal) => got.set(k, (got.get(k) ?? new Decimal(0)).plus(v));
        const drain = () =>
          b.drainSums(
            (item, cents, rest) => put(item, new Decimal(cents).div(100).plus(rest ?? 0)),
            (r, columns) => {
              for (const [k, v] of r.values) if (!columns.has(k)) put(k, v);
            },
          );
        const want = new Map<string, Decimal>();
        rows.forEach((r, i) => {
          const values = valuesOf(r.cells, r.slotted);
          b.add({ employee_id: 'E1', pay_date: '2026-01-09', values } as unknown as RegisterRow);
          for (const [k, v] of values) want.set(k, (want.get(k) ?? new Decimal(0)).plus(v));
          if (i % drains === 0) drain();
        });
        drain();
        expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [k, v] of want) expect(got.get(k)!.eq(v), k).toBe(true);
      }),
      { numRuns: 1500, seed: 6 },
    );
  });
});
