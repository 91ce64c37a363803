import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { YearToDate, ytdSlots } from '../../src/calc/yearToDate.js';
import { Decimal, ZERO } from '../../src/money/index.js';

const value = fc.oneof(
  fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }).map((c) => new Decimal(c).div(100)),
  fc.constantFrom('0.001', '-0.0049', '1e15', '90071992547409.91', '0').map((t) => new Decimal(t)),
);

describe('YearToDate', () => {
  it('gives the exact running sum of every item, kept in slots or not, whole cents or not', () => {
    const slots = ytdSlots(['gross', 'us.ss.ee', 'us.ss.ee.wages']);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('gross', 'us.ss.ee', 'us.ss.ee.wages', 'supplemental'), value), { maxLength: 60 }), (adds) => {
        const y = new YearToDate(slots);
        const want = new Map<string, Decimal>();
        for (const [item, v] of adds) {
          y.add(item, v);
          want.set(item, (want.get(item) ?? ZERO).plus(v));
        }
        for (const item of ['gross', 'us.ss.ee', 'us.ss.ee.wages', 'supplemental', 'us.fit']) {
          expect(y.get(item).toString()).toBe((want.get(item) ?? ZERO).toString());
        }
      }),
      { numRuns: 3000, seed: 3 },
    );
  });
});
