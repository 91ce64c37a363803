/**
 * California daily overtime (Labor Code §510(a)) through the real pay code:
 * reference §4.2's seventh-day example, $1,480.00 at $20/h where FLSA alone gives $1,460.00.
 */
import { describe, expect, it } from 'vitest';
import { hourlyPay } from '../../../../../src/calc/pay/hourlyPay.js';
import { Decimal } from '../../../../../src/money/index.js';
import { entry } from '../../../../helpers/company.js';
import { federalOvertime } from '../../../../helpers/rules.js';
import { stateOvertime } from './helpers.js';

// Workweek Monday 2026-01-05 to Sunday 2026-01-11.
const days = ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10', '2026-01-11'];
const ca = stateOvertime('us.ca', '2026-01-16');
const pay = (hours: number[], overtime = ca, rate = 20) =>
  hourlyPay({
    entries: hours.map((h, i) => entry('A', days[i]!, h)).filter((e) => e.hours.gt(0)),
    periodStart: '2026-01-05',
    periodEnd: '2026-01-11',
    baseRate: new Decimal(rate),
    workweekStart: 'monday',
    overtime,
  });
const money = (x: Decimal) => x.toFixed(2);

describe('California daily overtime', () => {
  it('is bound to California work only', () => {
    expect(ca.workStates).toEqual(['CA']);
    expect(ca.method.name).toBe('us_ca_daily_overtime');
  });

  it('seventh consecutive day (10, 13, 8, 8, 8, 6, 9 h at $20): 40 h regular, 20 h at 1.5×, 2 h at 2× = $1,480.00', () => {
    const p = pay([10, 13, 8, 8, 8, 6, 9]);
    expect(p.regularHours.toString()).toBe('40');
    expect(p.overtimeHours.toString()).toBe('20');
    expect(p.doubletimeHours.toString()).toBe('2');
    expect(money(p.regularPay)).toBe('800.00');
    expect(money(p.overtimePay)).toBe('600.00');
    expect(money(p.doubletimePay)).toBe('80.00');
    expect(money(p.regularPay.plus(p.overtimePay).plus(p.doubletimePay))).toBe('1480.00');
  });

  it('the same week under the FLSA weekly rule alone: $1,460.00', () => {
    const p = pay([10, 13, 8, 8, 8, 6, 9], federalOvertime('2026-01-16'));
    expect(money(p.regularPay.plus(p.overtimePay).plus(p.doubletimePay))).toBe('1460.00');
  });

  it('no seventh-day premium when a day of the workweek was not worked (Sunday off): daily 1.5×/2× and weekly only', () => {
    // Mon 10 (8+2), Tue 13 (8+4+1), Wed-Fri 8, Sat 6 → straight 46 → 6 weekly OT; total OT 12, DT 1
    const p = pay([10, 13, 8, 8, 8, 6, 0]);
    expect(p.overtimeHours.toString()).toBe('12');
    expect(p.doubletimeHours.toString()).toBe('1');
    expect(p.regularHours.toString()).toBe('40');
  });

  it('daily overtime with no weekly overtime: four 10-hour days → 8 h at 1.5× (FLSA: none)', () => {
    const p = pay([10, 10, 10, 10, 0, 0, 0]);
    expect(p.overtimeHours.toString()).toBe('8');
    expect(money(p.overtimePay)).toBe('240.00');
    expect(pay([10, 10, 10, 10, 0, 0, 0], federalOvertime('2026-01-16')).overtimeHours.toString()).toBe('0');
  });

  it('no pyramiding: daily overtime hours do not count again toward the 40 (five 12-hour days → 40 regular, 20 overtime)', () => {
    const p = pay([12, 12, 12, 12, 12, 0, 0]);
    expect(p.regularHours.toString()).toBe('40');
    expect(p.overtimeHours.toString()).toBe('20');
    expect(p.doubletimeHours.toString()).toBe('0');
  });
});
