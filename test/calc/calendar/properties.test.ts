import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from '../../../src/dates/index.js';
import { RuleBook } from '../../../src/rules/index.js';
import { addBusinessDays, businessDayOnOrAfter, businessDaysBetween, loadCalendar, nextBusinessDay } from '../../../src/calc/calendar/index.js';

const dc = loadCalendar(RuleBook.load(['rules/us/dc-holidays.yaml']).book!, 'us.dc').calendar;
const date = fc.integer({ min: toDayNumber('2020-02-01'), max: toDayNumber('2030-11-30') }).map(fromDayNumber);

describe('calendar properties', () => {
  it('nextBusinessDay is a weekday, not a holiday, after the date, with no business day between', () => {
    fc.assert(
      fc.property(date, (d) => {
        const n = nextBusinessDay(dc, d);
        expect(n > d).toBe(true);
        expect([0, 6]).not.toContain(dayOfWeek(n));
        expect(dc.holidayOn(n)).toBeUndefined();
        for (let x = addDays(d, 1); x < n; x = addDays(x, 1)) expect(dc.isBusinessDay(x)).toBe(false);
      }),
    );
  });
  it('addBusinessDays(d, n) has exactly n business days after d and lands on one', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 10 }), (d, n) => {
        const r = addBusinessDays(dc, d, n);
        expect(dc.isBusinessDay(r)).toBe(true);
        expect(businessDaysBetween(dc, d, r)).toBe(n);
        expect(addBusinessDays(dc, r, -n) <= d).toBe(true);
      }),
    );
  });
  it('businessDayOnOrAfter is the identity on business days', () => {
    fc.assert(
      fc.property(date, (d) => {
        expect(businessDayOnOrAfter(dc, d) === d).toBe(dc.isBusinessDay(d));
      }),
    );
  });
  it('every year 2021-2030 has 11 to 14 holidays, and only Inauguration Day (never shifted to a Friday) can stay on a weekend', () => {
    for (let y = 2021; y <= 2030; y++) {
      const hs = dc.holidaysIn(y);
      expect(hs.length).toBeGreaterThanOrEqual(11);
      expect(hs.length).toBeLessThanOrEqual(14);
      for (const h of hs) if ([0, 6].includes(dayOfWeek(h.date))) expect(h.name).toBe('Inauguration Day');
    }
  });
});
