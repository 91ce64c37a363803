/**
 * Pennsylvania (flat 3.07%, 401(k) deferrals are PA wages) and Illinois (flat
 * 4.95% less IL-W-4 allowances), reference §5.3 and §5.4.
 */
import { describe, expect, it } from 'vitest';
import { computeCompany } from '../../../../../src/calc/computeCompany.js';
import { Decimal } from '../../../../../src/money/index.js';
import { company } from '../../../../helpers/company.js';
import { bundledBook, cents, runState, stateTax } from './helpers.js';

describe('Pennsylvania', () => {
  it('biweekly $2,000 → $61.40', () => {
    expect(cents(runState('us.pa.pit', { frequency: 'biweekly', wages: 2000 }).amount)).toBe('61.40');
  });

  it('401(k) deferrals do not reduce PA wages (they reduce federal income-tax wages)', () => {
    expect([...stateTax('us.pa.pit', '2026-06-30').reducedBy]).not.toContain('401k');
    const c = company({
      employees: [{ employee_id: 'P1', pay_type: 'salaried', pay_rate: '52000', pay_frequency: 'biweekly', work_state: 'PA' }],
      calendar: [{ pay_frequency: 'biweekly', period_start: '2026-01-04', period_end: '2026-01-17', pay_date: '2026-01-23' }],
      deductions: [{ employee_id: 'P1', kind: '401k', amount: new Decimal(200) }],
      settings: { suta_rates: { PA: 0.0365 } },
    });
    const row = computeCompany(c, bundledBook()).rows[0]!;
    expect(cents(row.values.get('us.fit.wages')!)).toBe('1800.00');
    expect(cents(row.values.get('us.pa.pit.wages')!)).toBe('2000.00');
    expect(cents(row.values.get('us.pa.pit')!)).toBe('61.40');
    // Unemployment compensation: the employer's own rate on wages up to the $10,000 base; 401(k) stays in UC wages.
    expect(cents(row.values.get('us.pa.sui.er.wages')!)).toBe('2000.00');
    expect(cents(row.values.get('us.pa.sui.er')!)).toBe('73.00');
  });
});

describe('Illinois', () => {
  it('monthly $4,000, 1 basic allowance: (4,000 − 2,925/12) × 4.95% = $185.93', () => {
    expect(cents(runState('us.il.pit', { frequency: 'monthly', wages: 4000, fields: { il_allowances: '1' } }).amount)).toBe('185.93');
  });

  it('no IL-W-4: no allowances (monthly $4,000 × 4.95% = $198.00)', () => {
    expect(cents(runState('us.il.pit', { frequency: 'monthly', wages: 4000 }).amount)).toBe('198.00');
  });

  it('line 2 allowances at $1,000 a year each (weekly $1,000, 2 + 1: (1,000 − 6,850/52) × 4.95% = $42.98)', () => {
    // 6,850 / 52 = 131.730769…; 868.269231 × 0.0495 = 42.979
    expect(cents(runState('us.il.pit', { frequency: 'weekly', wages: 1000, fields: { il_allowances: '2', il_additional_allowances: '1' } }).amount)).toBe('42.98');
  });

  it('2025 uses the 2025 basic allowance ($2,850): monthly $4,000, 1 allowance → (4,000 − 237.50) × 4.95% = $186.24', () => {
    expect(cents(runState('us.il.pit', { frequency: 'monthly', wages: 4000, fields: { il_allowances: '1' }, payDate: '2025-06-30' }).amount)).toBe('186.24');
  });
});
