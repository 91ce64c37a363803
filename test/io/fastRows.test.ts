import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Fallback, recordFields, scanCsv } from '../../src/io/csvScan.js';
import { fastTimeEntry, fastTimeEntryBytes } from '../../src/io/fastRows.js';
import { timeEntryRowSchema, type TimeEntry } from '../../src/model/index.js';

const HEADERS = [
  ['employee_id', 'date', 'hours', 'code', 'rate'],
  ['date', 'employee_id', 'hours'],
  ['hours', 'rate', 'employee_id', 'note', 'date'],
  ['employee_id', 'date', 'hours', 'hours', 'code'],
];

// Cells near the edges of what the schema accepts.
const cell = fc.oneof(
  fc.constantFrom('', ' ', 'E1', ' E2 ', '2026-01-05', '2026-02-29', '2024-02-29', '2026-13-01', '26-01-05', ' 2026-01-05 ', '8', '8.25', ' 7.5 ', '24', '24.0001', '-0', '-1', '0', '1e3', '1,5', '.5', '5.', 'reg', 'REG', ' pto ', 'hol', 'Sick', 'vac', '25.50', 'abc'),
  fc.string({ maxLength: 6 }),
);

describe('fastTimeEntry', () => {
  it('gives what timeEntryRowSchema gives for every row it accepts, and accepts every valid row', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADERS), fc.array(cell, { minLength: 5, maxLength: 5 }), (header, cells) => {
        const record = header.map((_, i) => cells[i]!);
        const raw = Object.fromEntries(header.map((h, i) => [h, record[i]!]));
        const zod = timeEntryRowSchema.safeParse(raw);
        const fast = fastTimeEntry(header)!(record);
        if (!zod.success) {
          expect(fast).toBeUndefined();
          return;
        }
        expect(fast).toBeDefined();
        const norm = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
        expect(norm(fast as never)).toEqual(norm(zod.data as never));
      }),
      { numRuns: 3000, seed: 20260101 },
    );
  });

  it('is not used when the header lacks a required column', () => {
    expect(fastTimeEntry(['employee_id', 'date'])).toBeUndefined();
  });
});

describe('fastTimeEntryBytes', () => {
  it('gives exactly what fastTimeEntry gives for the cells of every record it takes, and takes the plain ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'payrecon-fastbytes-'));
    try {
      const odd = fc.oneof(cell, fc.string({ maxLength: 6 }).map((t) => `"${t.replace(/"/g, '""')}"`));
      const byColumn: Record<string, fc.Arbitrary<string>> = {
        employee_id: fc.constantFrom('E1', 'E2', 'E2', 'E000123', 'Ë4'),
        date: fc.oneof(
          fc.tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
          fc.constantFrom('2026-02-29', '2024-02-29', '2026-1-05'),
        ),
        hours: fc.oneof(
          fc.tuple(fc.integer({ min: 0, max: 2600 }), fc.boolean()).map(([c, frac]) => (frac ? `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}` : String(Math.floor(c / 100)))),
          fc.constantFrom('.5', '5.', '8.000000000000001', '8.000000000000002', '24.0001', '007.50'),
        ),
        code: fc.constantFrom('', 'reg', 'REG', 'Pto', 'hol', 'Sick', 'vac'),
        rate: fc.oneof(fc.constant(''), fc.constantFrom('25.50', '0', '31', '.75', '123456789012.3456')),
        note: fc.string({ maxLength: 4 }),
      };
      const cellOf = (name: string) => fc.oneof({ weight: 12, arbitrary: byColumn[name]! }, { weight: 1, arbitrary: odd });
      let taken = 0;
      fc.assert(
        fc.property(fc.constantFrom(...HEADERS).chain((header) => fc.tuple(fc.constant(header), fc.array(fc.tuple(...header.map(cellOf)), { minLength: 1, maxLength: 8 }))), ([header, rows]) => {
          const file = join(dir, 'time.csv');
          const lines = rows.map((cells) => header.map((_, i) => (/^"|[,"\r\n]/.test(cells[i]!) && !cells[i]!.startsWith('"') ? `"${cells[i]!.replace(/"/g, '""')}"` : cells[i]!)).join(','));
          writeFileSync(file, `${header.join(',')}\n${lines.join('\n')}\n`);
          const fromBytes = fastTimeEntryBytes(header)!;
          const fromCells = fastTimeEntry(header)!;
          let first = true;
          try {
            scanCsv(file, (r) => {
              if (first) return void (first = false);
              if (r.n !== header.length) return;
              const got = fromBytes(r);
              if (got === undefined) return;
              taken++;
              const want = fromCells(recordFields(r));
              expect(want).toBeDefined();
              const show = (e: TimeEntry) => ({ ...e, hours: e.hours.valueOf(), rate: e.rate?.valueOf() });
              expect(show(got)).toEqual(show(want!));
            });
          } catch (e) {
            if (!(e instanceof Fallback)) throw e; // a record the byte scanner leaves to csv-parse: not this converter's
          }
        }),
        { numRuns: 2000, seed: 9 },
      );
      expect(taken).toBeGreaterThan(500);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
