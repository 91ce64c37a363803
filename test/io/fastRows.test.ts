import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastTimeEntry } from '../../src/io/fastRows.js';
import { timeEntryRowSchema } from '../../src/model/index.js';

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
