import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../../src/dates/index.js';
import { Decimal, sum } from '../../src/money/index.js';
import { businessDaysBetween } from '../../src/calc/calendar/index.js';
import { liabilitiesByPayDate, monthlyDueDate, planForm941, planFuta, semiweeklyDueDate, type ScheduleChoice } from '../../src/remit/index.js';
import { dc, row, rules } from './helpers.js';

const payday = fc.integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2026-12-31') }).map(fromDayNumber);
const amount = fc.integer({ min: 1, max: 15_000_000 }).map((c) => (c / 100).toFixed(2));
const payroll = fc.uniqueArray(fc.tuple(payday, amount, fc.integer({ min: 0, max: 90_000 }).map((c) => (c / 100).toFixed(2))), { selector: (t) => t[0], minLength: 1, maxLength: 40 });
const schedule = fc.constantFrom<ScheduleChoice>({ schedule: 'monthly', basis: 'deposit_schedule', reason: '' }, { schedule: 'semiweekly', basis: 'deposit_schedule', reason: '' });

describe('due-date properties', () => {
  it('a deposit due date is never a weekend day or DC legal holiday, and never before a payday it covers', () => {
    fc.assert(
      fc.property(payroll, schedule, (pays, choice) => {
        const rows = pays.map(([d, a, f]) => row(d, a, f));
        const p941 = planForm941(liabilitiesByPayDate(rows, (d) => rules.at(d).forms['941'].items), choice, rules, dc);
        const futa = planFuta(liabilitiesByPayDate(rows, (d) => rules.at(d).forms['940'].items), rules, dc);
        for (const o of [...p941.obligations, ...futa.obligations]) {
          expect(dc.isBusinessDay(o.due.due)).toBe(true);
          for (const d of o.liabilityDates) expect(o.due.due > d).toBe(true);
        }
        // Every liability is owed exactly once (FUTA balances of a year not ended may still be carried).
        expect(sum(p941.obligations.map((o) => o.amount)).toFixed(2)).toBe(sum(pays.map(([, a]) => new Decimal(a))).toFixed(2));
      }),
      { numRuns: 60 },
    );
  });

  it('a semiweekly due date is at least three business days after its period ends, and the period holds the payday', () => {
    const s = rules.at('2026-01-01').semiweekly;
    fc.assert(
      fc.property(payday, (d) => {
        const due = semiweeklyDueDate(dc, d, s);
        expect(due.periodStart <= d && d <= due.periodEnd).toBe(true);
        expect(businessDaysBetween(dc, due.periodEnd, due.due)).toBeGreaterThanOrEqual(3);
        expect(dc.isBusinessDay(due.due)).toBe(true);
      }),
    );
  });

  it('a monthly due date is the 15th of the next month or the first business day after it', () => {
    const m = rules.at('2026-01-01').monthly;
    fc.assert(
      fc.property(payday, (d) => {
        const due = monthlyDueDate(dc, d, m);
        expect(due.nominal.slice(8)).toBe('15');
        expect(due.due >= due.nominal).toBe(true);
        expect(businessDaysBetween(dc, due.nominal, due.due)).toBe(due.due === due.nominal ? 0 : 1);
      }),
    );
  });
});
