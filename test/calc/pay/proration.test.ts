/** Salaried pay prorated for a hire or termination inside the period (`hire_date` first day employed, `termination_date` last). */
import { describe, expect, it } from 'vitest';
import { prorateSalary } from '../../../src/calc/pay/proration.js';
import { Decimal } from '../../../src/money/index.js';

// Biweekly Sunday 2026-10-25 .. Saturday 2026-11-07: weekdays Oct 26-30 and Nov 2-6 = 10; 14 calendar days.
const biweekly = { start: '2026-10-25', end: '2026-11-07' };
const period = new Decimal(65000).div(26); // 2,500.00

describe('prorateSalary', () => {
  it('mid-period hire (Wednesday 2026-10-28), weekdays: 8 of 10 → 2,500 × 8/10 = 2,000.00', () => {
    const p = prorateSalary(period, biweekly, '2026-10-28', undefined, 'weekdays');
    expect([p.employedDays, p.periodDays, p.amount.toFixed(2), p.prorated]).toEqual([8, 10, '2000.00', true]);
  });

  it('mid-period hire, calendar days: 11 of 14 → 2,500 × 11/14 = 1,964.2857 → 1,964.29', () => {
    const p = prorateSalary(period, biweekly, '2026-10-28', undefined, 'calendar_days');
    expect([p.employedDays, p.periodDays, p.amount.toFixed(2)]).toEqual([11, 14, '1964.29']);
  });

  it('hire on a Saturday counts from the next weekday: 2026-10-31 → 5 of 10 → 1,250.00', () => {
    expect(prorateSalary(period, biweekly, '2026-10-31', undefined, 'weekdays').amount.toFixed(2)).toBe('1250.00');
  });

  it('termination inside the period (last day Tuesday 2026-11-03): weekdays 7/10 → 1,750.00; calendar 10/14 → 1,785.71', () => {
    expect(prorateSalary(period, biweekly, '2020-01-06', '2026-11-03', 'weekdays').amount.toFixed(2)).toBe('1750.00');
    expect(prorateSalary(period, biweekly, '2020-01-06', '2026-11-03', 'calendar_days').amount.toFixed(2)).toBe('1785.71');
  });

  it('hired and terminated in the same period: Wed 10-28 to Tue 11-03 → 5 weekdays → 1,250.00', () => {
    expect(prorateSalary(period, biweekly, '2026-10-28', '2026-11-03', 'weekdays').amount.toFixed(2)).toBe('1250.00');
  });

  it('monthly February 2026 (20 weekdays, 28 days), hire Monday 02-16 on $60,000: weekdays 10/20 → 2,500.00; calendar 13/28 → 2,321.43', () => {
    const feb = { start: '2026-02-01', end: '2026-02-28' };
    const m = new Decimal(60000).div(12);
    expect(prorateSalary(m, feb, '2026-02-16', undefined, 'weekdays').amount.toFixed(2)).toBe('2500.00');
    expect(prorateSalary(m, feb, '2026-02-16', undefined, 'calendar_days').amount.toFixed(2)).toBe('2321.43');
  });

  it('a full period is not prorated, and rounds the period pay to the cent (50,000 / 26 = 1,923.08)', () => {
    const p = prorateSalary(new Decimal(50000).div(26), biweekly, '2020-01-06', undefined, 'weekdays');
    expect([p.prorated, p.amount.toFixed(2)]).toEqual([false, '1923.08']);
  });
});
