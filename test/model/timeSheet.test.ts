import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type CivilDate } from '../../src/dates/index.js';
import { TimeSheetBuilder, TimeValues, timeSheetOf, type TimeEntry } from '../../src/model/index.js';
import { Decimal } from '../../src/money/index.js';

const day = (n: number): CivilDate => addDays('2026-01-01', n);
const entryArb = fc.record({
  d: fc.integer({ min: 0, max: 40 }),
  h: fc.constantFrom('8', '7.5', '0.25', '12'),
  code: fc.constantFrom(undefined, 'reg', 'pto', 'sick'),
  rate: fc.constantFrom(undefined, '20', '31.125'),
});

describe('TimeSheet', () => {
  it('the compact sheet and the object sheet give the same entries, in date order then file order', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 60 }), fc.boolean(), fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 45 }), (raw, sorted, a, b) => {
        // Files usually come in date order (the builder then skips its sort): both kinds of input.
        const xs = sorted ? [...raw].sort((p, q) => p.d - q.d) : raw;
        const entries: TimeEntry[] = xs.map((x) => ({ employee_id: 'E', date: day(x.d), hours: new Decimal(x.h), ...(x.code ? { code: x.code as TimeEntry['code'] } : {}), ...(x.rate ? { rate: new Decimal(x.rate) } : {}) }));
        const builder = new TimeSheetBuilder('E', new TimeValues());
        for (const e of entries) builder.add(e);
        const compact = builder.build();
        const plain = timeSheetOf(entries);
        const show = (l: TimeEntry[]) => l.map((e) => `${e.date} ${e.hours.toString()} ${e.code ?? '-'} ${e.rate?.toString() ?? '-'}`);
        const stable = [...entries].sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0));
        expect(show(compact.all())).toEqual(show(stable));
        expect(show(plain.all())).toEqual(show(stable));
        const [from, to] = [day(Math.min(a, b)), day(Math.max(a, b))];
        const want = stable.filter((e) => e.date >= from && e.date <= to);
        expect(show(compact.between(from, to))).toEqual(show(want));
        expect(show(plain.between(from, to))).toEqual(show(want));
        expect(compact.countBetween(from, to)).toBe(want.length);
        expect(plain.countBetween(from, to)).toBe(want.length);
        expect(compact.length).toBe(entries.length);
      }),
      { numRuns: 500, seed: 20260101 },
    );
  });

  it('builders of one load that take turns (an employee\'s rows apart in the file) each get all their entries, in date order then file order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), entryArb), { maxLength: 80 }), fc.boolean(), (raw, sorted) => {
        const xs = sorted ? [...raw].sort((p, q) => p[1].d - q[1].d) : raw;
        const values = new TimeValues();
        const builders = new Map<string, TimeSheetBuilder>();
        const byId = new Map<string, TimeEntry[]>();
        for (const [id, x] of xs) {
          const e: TimeEntry = { employee_id: id, date: day(x.d), hours: new Decimal(x.h), ...(x.code ? { code: x.code as TimeEntry['code'] } : {}), ...(x.rate ? { rate: new Decimal(x.rate) } : {}) };
          (builders.get(id) ?? builders.set(id, new TimeSheetBuilder(id, values)).get(id)!).add(e);
          (byId.get(id) ?? byId.set(id, []).get(id)!).push(e);
        }
        const show = (l: TimeEntry[]) => l.map((e) => `${e.employee_id} ${e.date} ${e.hours.toString()} ${e.code ?? '-'} ${e.rate?.toString() ?? '-'}`);
        // Built in another order than they were filled.
        for (const id of [...builders.keys()].reverse()) expect(show(builders.get(id)!.build().all())).toEqual(show(timeSheetOf(byId.get(id)!).all()));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('equal values are stored once across sheets', () => {
    const values = new TimeValues();
    for (const id of ['A', 'B']) {
      const b = new TimeSheetBuilder(id, values);
      b.add({ date: '2026-01-05', hours: new Decimal('8') });
      b.add({ date: '2026-01-06', hours: new Decimal('8'), code: 'pto', rate: new Decimal(20) });
      b.build();
    }
    expect(values.dates).toEqual(['2026-01-05', '2026-01-06']);
    expect(values.hours.map(String)).toEqual(['8']);
    expect(values.codes).toEqual([undefined, 'pto']);
  });
});
