import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, centsOf } from '../../src/money/index.js';
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

  it('gives the same totals, items in the same order, for rows added as cents by column (addCents) as for the same rows added as maps', () => {
    const KEYS = ['gross', 'us.fit', 'ded.401k', 'net_pay'];
    const cents = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constant(NaN));
    const crow = fc.record({ date: fc.constantFrom('2026-01-09', '2026-01-16'), cells: fc.array(cents, { minLength: 4, maxLength: 4 }), asCents: fc.boolean() });
    fc.assert(
      fc.property(fc.array(crow, { maxLength: 40 }), fc.boolean(), (rows, filtered) => {
        const items = filtered ? new Set(['us.fit', 'net_pay']) : new Set<string>();
        const mixed = new DateTotals(items), maps = new DateTotals(items);
        const buf = new Float64Array(4 * rows.length);
        rows.forEach((r, i) => {
          const values = new Map<string, Decimal>();
          r.cells.forEach((c, j) => {
            buf[4 * i + j] = c;
            if (c === c) values.set(KEYS[j]!, new Decimal(c).div(100));
          });
          maps.add(r.date, values);
          if (r.asCents) mixed.addCents(r.date, KEYS, buf, 4 * i);
          else mixed.add(r.date, values);
        });
        const norm = (t: DateTotals) => t.serial().map(([d, l]) => [d, l.map(([k, v]) => [k, centsOf(new Decimal(v))])]);
        expect(norm(mixed)).toEqual(norm(maps));
      }),
      { numRuns: 1500, seed: 42 },
    );
  });
});
