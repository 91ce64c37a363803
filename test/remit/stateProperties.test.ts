import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../../src/dates/index.js';
import { sum } from '../../src/money/index.js';
import { audit, caCal, dep, nyCal, srow } from './stateHelpers.js';

const payday = fc.integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2026-12-31') }).map(fromDayNumber);
const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => (c / 100).toFixed(2));

describe('state deposit obligations (properties)', () => {
  it('every state due date is a business day of the state calendar, never before a payday it covers; each payday is in exactly one obligation per return and the amounts add up', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(payday, { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(cents(900), cents(150), cents(300), cents(1200), cents(60000)), { minLength: 25, maxLength: 25 }),
        fc.constantFrom('monthly', 'semiweekly') as fc.Arbitrary<'monthly' | 'semiweekly'>,
        fc.constantFrom('3-day', '5-day') as fc.Arbitrary<'3-day' | '5-day'>,
        (dates, amounts, schedule, filer) => {
          const sorted = [...dates].sort();
          const rows = sorted.map((d, i) => {
            const [pit, sdi, ui, ny, fit] = amounts[i]!;
            return srow(d, { 'us.ca.pit': pit, 'us.ca.sdi.ee': sdi, 'us.ca.sui.er': ui, 'us.ny.pit': ny, 'us.fit': fit });
          });
          // One token deposit per agency so that both states are audited.
          const res = audit(rows, [dep('CA-EDD', 'DE88', '2025Q1', '0.00', '2025-01-01'), dep('NY-DTF', 'NYS-1', '2025Q1', '0.00', '2025-01-01')], { deposit_schedule: schedule, ny_filer: filer });
          for (const [form, item, cal] of [
            ['DE9', ['us.ca.pit', 'us.ca.sdi.ee'], caCal],
            ['DE9-UI', ['us.ca.sui.er'], caCal],
            ['NYS-45', ['us.ny.pit'], nyCal],
          ] as const) {
            const obs = res.assessments.map((a) => a.obligation).filter((o) => o.form === form);
            for (const o of obs) {
              expect(cal.isBusinessDay(o.due.due)).toBe(true);
              for (const d of o.liabilityDates) expect(o.due.due > d).toBe(true);
            }
            const covered = obs.flatMap((o) => o.liabilityDates);
            const withAmount = rows.filter((r) => item.some((i) => !r.values.get(i)!.isZero())).map((r) => r.pay_date);
            expect([...covered].sort()).toEqual(withAmount);
            const total = sum(rows.flatMap((r) => item.map((i) => r.values.get(i)!)));
            expect(sum(obs.map((o) => o.amount)).equals(total)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
