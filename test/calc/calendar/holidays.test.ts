import { describe, expect, it } from 'vitest';
import { RuleBook, ruleFileSchema } from '../../../src/rules/index.js';
import { loadRuleFile } from '../../../src/rules/load.js';
import {
  addBusinessDays,
  BusinessCalendar,
  businessDayOnOrAfter,
  CalendarRangeError,
  calendarDefSchema,
  holidaysInYear,
  isBusinessDay,
  loadCalendar,
  nextBusinessDay,
} from '../../../src/calc/calendar/index.js';

const { book } = RuleBook.load(['rules/us/dc-holidays.yaml']);
const dc = loadCalendar(book!, 'us.dc').calendar;
const list = (year: number) => dc.holidaysIn(year).map((h) => [h.date, h.name]);

describe('DC legal holidays (rules/us/dc-holidays.yaml)', () => {
  it('validates against the rule-file schema and its calendar shape', () => {
    const r = loadRuleFile('rules/us/dc-holidays.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(ruleFileSchema.safeParse(r.file.rules).success).toBe(true);
    for (const v of r.file.rules.parameters['legal_holidays']!.values) expect(calendarDefSchema.safeParse(v.value).success).toBe(true);
  });

  it('reproduces the 2025 list printed in Publication 15 (2025), section 11', () => {
    expect(list(2025)).toEqual([
      ['2025-01-01', "New Year's Day"],
      ['2025-01-20', 'Birthday of Martin Luther King, Jr./Inauguration Day'],
      ['2025-02-17', "Washington's Birthday"],
      ['2025-04-16', 'District of Columbia Emancipation Day'],
      ['2025-05-26', 'Memorial Day'],
      ['2025-06-19', 'Juneteenth National Independence Day'],
      ['2025-07-04', 'Independence Day'],
      ['2025-09-01', 'Labor Day'],
      ['2025-10-13', "Indigenous Peoples' Day (Columbus Day)"],
      ['2025-11-11', 'Veterans Day'],
      ['2025-11-27', 'Thanksgiving Day'],
      ['2025-12-25', 'Christmas Day'],
    ]);
  });

  it('reproduces the 2026 list printed in Publication 15 (2026), Independence Day observed on Friday July 3', () => {
    expect(list(2026)).toEqual([
      ['2026-01-01', "New Year's Day"],
      ['2026-01-19', 'Birthday of Martin Luther King, Jr.'],
      ['2026-02-16', "Washington's Birthday"],
      ['2026-04-16', 'District of Columbia Emancipation Day'],
      ['2026-05-25', 'Memorial Day'],
      ['2026-06-19', 'Juneteenth National Independence Day'],
      ['2026-07-03', 'Independence Day'],
      ['2026-09-07', 'Labor Day'],
      ['2026-10-12', "Indigenous Peoples' Day (Columbus Day)"],
      ['2026-11-11', 'Veterans Day'],
      ['2026-11-26', 'Thanksgiving Day'],
      ['2026-12-25', 'Christmas Day'],
    ]);
    expect(dc.holidayOn('2026-07-03')?.nominal).toBe('2026-07-04');
  });

  it('moves a Saturday New Year into the previous year (observed Friday December 31, 2021)', () => {
    expect(dc.holidayOn('2021-12-31')?.name).toBe("New Year's Day");
    expect(dc.holidaysIn(2022).some((h) => h.date.startsWith('2022-01-0'))).toBe(false);
  });

  it('keeps Inauguration Day 2029 on Saturday January 20 (never moved to Friday) and has none in other years', () => {
    expect(dc.holidayOn('2029-01-19')).toBeUndefined();
    expect(dc.holidaysIn(2029).filter((h) => h.name.includes('Inauguration')).map((h) => h.date)).toEqual(['2029-01-20']);
    expect(dc.isBusinessDay('2029-01-19')).toBe(true);
    expect(dc.holidaysIn(2026).filter((h) => h.name.includes('Inauguration'))).toEqual([]);
  });

  it('has Emancipation Day only from 2005 and Juneteenth only from June 2021 (dated validity)', () => {
    const def = calendarDefSchema.parse(book!.param('us.dc', 'legal_holidays', '2026-01-01').value);
    expect(holidaysInYear(def, 2004).map((h) => h.date)).not.toContain('2004-04-16');
    expect(holidaysInYear(def, 2020).map((h) => h.date)).not.toContain('2020-06-19');
    expect(holidaysInYear(def, 2021).find((h) => h.name.startsWith('Juneteenth'))?.date).toBe('2021-06-18');
  });
});

describe('holiday rule kinds', () => {
  const def = calendarDefSchema.parse({
    holidays: [
      { name: 'Inauguration Day', rule: { type: 'every_n_years', month: 1, day: 20, every: 4, first_year: 1965 }, observance: 'sunday_to_monday' },
      { name: 'Day of Mourning', rule: { type: 'one_off', date: '2025-01-09' } },
      { name: 'Memorial Day', rule: { type: 'last_weekday', month: 5, weekday: 'monday' } },
      { name: 'Fifth Friday', rule: { type: 'nth_weekday', month: 2, weekday: 'friday', n: 5 } },
      { name: 'Fixed', rule: { type: 'fixed', month: 7, day: 4 }, observance: 'none' },
    ],
  });
  it('Inauguration Day on a Sunday is observed Monday January 21 (2013)', () => {
    expect(holidaysInYear(def, 2013).map((h) => h.date)).toContain('2013-01-21');
  });
  it('a one-off date counts in its year only', () => {
    expect(holidaysInYear(def, 2025).map((h) => h.date)).toContain('2025-01-09');
    expect(holidaysInYear(def, 2026).map((h) => h.date)).not.toContain('2026-01-09');
  });
  it('last weekday of a month, n-th weekday absent in a short month, and no observance shift', () => {
    expect(holidaysInYear(def, 2027).map((h) => h.date)).toEqual(['2027-05-31', '2027-07-04']);
    expect(holidaysInYear(def, 2030).map((h) => h.date)).not.toContain('2030-02-29');
  });
  it('rejects a malformed rule with a message', () => {
    const r = calendarDefSchema.safeParse({ holidays: [{ name: 'x', rule: { type: 'nth_weekday', month: 13, weekday: 'monday', n: 1 } }] });
    expect(r.success).toBe(false);
  });
});

describe('business days', () => {
  it('weekends and legal holidays are not business days; the day after Thanksgiving is', () => {
    expect(isBusinessDay(dc, '2026-11-26')).toBe(false);
    expect(isBusinessDay(dc, '2026-11-27')).toBe(true);
    expect(isBusinessDay(dc, '2026-11-28')).toBe(false);
    expect(isBusinessDay(dc, '2026-04-16')).toBe(false);
  });
  it('nextBusinessDay, businessDayOnOrAfter and addBusinessDays', () => {
    expect(nextBusinessDay(dc, '2026-01-16')).toBe('2026-01-20');
    expect(businessDayOnOrAfter(dc, '2026-02-15')).toBe('2026-02-17');
    expect(businessDayOnOrAfter(dc, '2026-02-18')).toBe('2026-02-18');
    expect(addBusinessDays(dc, '2026-04-14', 3)).toBe('2026-04-20');
    expect(addBusinessDays(dc, '2026-04-20', -3)).toBe('2026-04-14');
    expect(addBusinessDays(dc, '2026-04-18', 0)).toBe('2026-04-18');
  });
  it('refuses dates the rules do not cover instead of guessing', () => {
    expect(() => isBusinessDay(dc, '2031-01-02')).toThrow(CalendarRangeError);
    const cal = new BusinessCalendar('x', [{ from: '2026-01-01', to: '2026-12-31', def: calendarDefSchema.parse({ holidays: [{ name: 'a', rule: { type: 'fixed', month: 1, day: 1 } }] }) }]);
    expect(() => nextBusinessDay(cal, '2026-12-31')).toThrow(/covers 2026-01-01 to 2026-12-31/);
  });
});
