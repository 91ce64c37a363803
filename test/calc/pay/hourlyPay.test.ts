/**
 * FLSA weekly overtime through hourlyPay with the bundled federal overtime
 * rule (40 hours, 1.5 × the regular rate): reference §4.1, DOL Fact Sheet #23
 * and 29 CFR §778.115 (weighted regular rate where rates differ in a week).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoundOvertime } from '../../../src/calc/boundRules.js';
import type { DayHours } from '../../../src/calc/methods/types.js';
import { hourlyPay, type HourlyInput } from '../../../src/calc/pay/hourlyPay.js';
import { Decimal } from '../../../src/money/index.js';
import { entry } from '../../helpers/company.js';
import { federalOvertime } from '../../helpers/rules.js';

const ot = federalOvertime('2026-01-16');
// Week of Sunday 2026-01-11 to Saturday 2026-01-17.
const week = ['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16', '2026-01-17'];
const pay = (over: Partial<HourlyInput> & Pick<HourlyInput, 'entries'>) =>
  hourlyPay({ periodStart: '2026-01-11', periodEnd: '2026-01-17', baseRate: new Decimal(20), workweekStart: 'sunday', overtime: ot, ...over });
const money = (x: Decimal) => x.toFixed(2);

describe('FLSA overtime (hourlyPay)', () => {
  it('single rate: 45 h at $20 → regular 800.00 (40 h) + overtime 150.00 (5 h × $30)', () => {
    const p = pay({ entries: [9, 9, 9, 9, 9].map((h, i) => entry('A', week[i]!, h)) });
    expect(money(p.regularPay)).toBe('800.00');
    expect(money(p.overtimePay)).toBe('150.00');
    expect(p.regularHours.toString()).toBe('40');
    expect(p.overtimeHours.toString()).toBe('5');
  });

  it('two rates in one week: 30 h × $20 + 15 h × $15 → regular rate 825 / 45 = 18.3333, total 870.83 (not 862.50, not 875.00)', () => {
    const entries = [
      entry('A', week[0]!, 10), entry('A', week[1]!, 10), entry('A', week[2]!, 10),
      entry('A', week[3]!, 8, { rate: 15 }), entry('A', week[4]!, 7, { rate: 15 }),
    ];
    const p = pay({ entries });
    expect(money(p.regularPay.plus(p.overtimePay))).toBe('870.83');
    // overtime premium on top of straight time: 825.00 + 0.5 × 18.3333 × 5 = 870.83; split as
    // regular 825 − 5 × 18.3333 = 733.33 and overtime 5 × 18.3333 × 1.5 = 137.50
    expect(money(p.regularPay)).toBe('733.33');
    expect(money(p.overtimePay)).toBe('137.50');
    expect(p.overtimeHours.toString()).toBe('5');
    expect(p.lines.some((l) => l.label.includes('Regular rate') && l.value === '18.333333')).toBe(true);
  });

  it('DOL Fact Sheet #23 piecework: $405 for 45 hours → regular rate $9.00, total $427.50', () => {
    const p = pay({ entries: [9, 9, 9, 9, 9].map((h, i) => entry('A', week[i]!, h, { rate: 9 })) });
    expect(money(p.regularPay.plus(p.overtimePay))).toBe('427.50');
  });

  it('exactly 40 hours: no overtime; 40.25 hours: 0.25 h of overtime', () => {
    const p40 = pay({ entries: [8, 8, 8, 8, 8].map((h, i) => entry('A', week[i]!, h)) });
    expect(money(p40.overtimePay)).toBe('0.00');
    expect(money(p40.regularPay)).toBe('800.00');
    const p = pay({ entries: [8, 8, 8, 8, '8.25'].map((h, i) => entry('A', week[i]!, h)) });
    expect(p.overtimeHours.toString()).toBe('0.25');
    expect(money(p.overtimePay)).toBe('7.50');
    expect(money(p.regularPay)).toBe('800.00');
  });

  it('leave (PTO, HOL, SICK) is paid but is not hours worked: 40 h worked + 8 h PTO → no overtime, leave pay 160.00', () => {
    const entries = [...[8, 8, 8, 8, 8].map((h, i) => entry('A', week[i]!, h)), entry('A', week[5]!, 8, { code: 'pto' })];
    const p = pay({ entries });
    expect(money(p.overtimePay)).toBe('0.00');
    expect(money(p.regularPay)).toBe('800.00');
    expect(money(p.leavePay)).toBe('160.00');
    expect(p.leaveHours.toString()).toBe('8');
  });

  it('an exempt employee (no overtime rule) gets straight time for every hour: 45 h × $20 = 900.00', () => {
    const p = pay({ entries: [9, 9, 9, 9, 9].map((h, i) => entry('A', week[i]!, h)), overtime: undefined });
    expect(money(p.regularPay)).toBe('900.00');
    expect(money(p.overtimePay)).toBe('0.00');
  });

  it('a workweek split across two periods: its overtime is paid in the period holding the week\'s last day', () => {
    // semimonthly 01-01..01-15 and 01-16..01-31; week Sun 01-11 .. Sat 01-17; 10 h a day Mon-Fri = 50 h
    const entries = ['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16'].map((d) => entry('A', d, 10));
    const first = pay({ entries, periodStart: '2026-01-01', periodEnd: '2026-01-15' });
    const second = pay({ entries, periodStart: '2026-01-16', periodEnd: '2026-01-31' });
    expect([money(first.regularPay), money(first.overtimePay)]).toEqual(['800.00', '0.00']);
    // second period: 10 h straight time (200.00) moved entirely to overtime: 10 h × 20 × 1.5 = 300.00
    expect([money(second.regularPay), money(second.overtimePay)]).toEqual(['0.00', '300.00']);
    expect(money(first.regularPay.plus(first.overtimePay).plus(second.regularPay).plus(second.overtimePay))).toBe('1100.00');
  });

  it('the workweek start setting decides which hours share a week', () => {
    // Sunday 01-11 10 h, Monday-Thursday 01-12..01-15 10 h each
    const entries = ['2026-01-11', '2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15'].map((d) => entry('A', d, 10));
    const sunday = pay({ entries, periodStart: '2026-01-05', periodEnd: '2026-01-18', workweekStart: 'sunday' });
    const monday = pay({ entries, periodStart: '2026-01-05', periodEnd: '2026-01-18', workweekStart: 'monday' });
    expect(sunday.overtimeHours.toString()).toBe('10'); // all 50 h in Sun 01-11 .. Sat 01-17
    expect(monday.overtimeHours.toString()).toBe('0'); // 10 h in Mon 01-05 .. Sun 01-11, 40 h in Mon 01-12 .. Sun 01-18
  });

  it('hands the overtime rule the hours of each day summed, days in the order first seen, whatever the order of the entries', () => {
    const cell = fc.record({ day: fc.integer({ min: 0, max: 5 }), quarters: fc.integer({ min: 1, max: 48 }) });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 20 }), (cells) => {
        const entries = cells.map((c) => entry('A', week[c.day]!, c.quarters / 4));
        let got: readonly DayHours[] = [];
        const spy: BoundOvertime = { ...ot, method: { ...ot.method, split: (days, p, prov, t) => ((got = days.map((d) => ({ ...d }))), ot.method.split(days, p, prov, t)) } };
        pay({ entries, overtime: spy });
        const want = new Map<string, number>();
        for (const c of cells) want.set(week[c.day]!, (want.get(week[c.day]!) ?? 0) + c.quarters);
        expect(got.map((d) => [d.date, d.hours.toString()])).toEqual([...want].map(([d, q]) => [d, new Decimal(q).div(4).toString()]));
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it('salaried non-exempt: overtime at 1.5 × (weekly salary ÷ 40); $52,000 a year, 45 h → 5 × $25 × 1.5 = 187.50', () => {
    const p = pay({ entries: [9, 9, 9, 9, 9].map((h, i) => entry('A', week[i]!, h)), baseRate: new Decimal(0), salariedRegularRate: new Decimal(52000).div(52).div(40) });
    expect(money(p.overtimePay)).toBe('187.50');
    expect(money(p.regularPay)).toBe('0.00');
  });
});
