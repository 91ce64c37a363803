import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/money/index.js';
import { DateTotals } from '../../src/parallel/dateTotals.js';

const ITEMS = ['gross', 'us.fit', 'us.ss.ee', 'net_pay', 'regular_hours'];
const amount = fc.oneof(fc.integer({ min: -10_000_00, max: 10_000_00 }).map((c) => new Decimal(c).div(100)), fc.constantFrom('0.001', '1e20', '-0', '12.3456').map((t) => new Decimal(t)));
/** A row: some of the items, in the usual order or shuffled (another source, or a row with cells left empty). */
const row = fc.record({
  date: fc.constantFrom('2026-01-09', '2026-01-16', '2026-01-23'),
  cells: fc.array(fc.tuple(fc.constantFrom(...ITEMS), amount), { maxLength: 6 }),
  sorted: fc.boolean(),
});

describe('DateTotals', () => {
  it('sums each item per date as a plain sum does, whatever the order and mix of items from row to row', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.boolean(), (rows, filtered) => {
        const items = filtered ? new Set(['us.fit', 'net_pay']) : new Set<string>();
        const t = new DateTotals(items);
        const want = new Map<string, Map<string, Decimal>>();
        for (const r of rows) {
          const cells = r.sorted ? [...r.cells].sort((a, b) => ITEMS.indexOf(a[0]) - ITEMS.indexOf(b[0])) : r.cells;
          const values = new Map(cells);
          t.add(r.date, values);
          for (const [k, v] of values) {
            if (items.size && !items.has(k)) continue;
            const d = want.get(r.date) ?? want.set(r.date, new Map()).get(r.date)!;
            d.set(k, (d.get(k) ?? new Decimal(0)).plus(v));
          }
        }
        // a date whose rows had none of the items is listed with no totals (as before this class)
        const got = new Map(t.serial().filter(([, l]) => l.length > 0).map(([d, l]) => [d, new Map(l)]));
        expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [d, m] of want) {
          expect([...got.get(d)!.keys()].sort()).toEqual([...m.keys()].sort());
          for (const [k, v] of m) expect(new Decimal(got.get(d)!.get(k)!).eq(v), `${d} ${k}`).toBe(true);
        }
      }),
      { numRuns: 1500, seed: 41 },
    );
  });
});
