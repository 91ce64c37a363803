import { describe, expect, it } from 'vitest';
import { findUnpaidTime, findUnusedYtd } from '../../src/calc/unpaidTime.js';
import { Decimal } from '../../src/money/index.js';
import { company } from '../helpers/company.js';

const calendar = [
  { pay_frequency: 'biweekly' as const, period_start: '2026-01-04', period_end: '2026-01-17', pay_date: '2026-01-23' },
  { pay_frequency: 'biweekly' as const, period_start: '2026-01-18', period_end: '2026-01-31', pay_date: '2026-02-06' },
];

describe('rows no payslip uses are reported, not dropped', () => {
  it('opening balances dated in a year without a later pay date, or after the last pay date', () => {
    const c = company({
      employees: [{ employee_id: 'A', pay_type: 'salaried', pay_rate: '52000', pay_frequency: 'biweekly', hire_date: '2020-01-01' }],
      calendar,
      ytd: [
        { employee_id: 'A', as_of: '2026-01-02', item: 'us.ss.ee.wages', amount: 1000 }, // used by both pay dates
        { employee_id: 'A', as_of: '2025-12-31', item: 'us.ss.ee.wages', amount: 1000 }, // a 2025 balance: 2026 starts from zero
        { employee_id: 'A', as_of: '2026-02-06', item: 'us.ss.ee.wages', amount: 1000 }, // no pay date after it
      ],
    });
    expect(findUnusedYtd(c).map((u) => [u.line, u.as_of])).toEqual([
      [3, '2025-12-31'],
      [4, '2026-02-06'],
    ]);
  });

  it('time outside every pay period, before the hire date or after the termination date', () => {
    const c = company({
      employees: [{ employee_id: 'H', pay_type: 'hourly', pay_rate: '20', pay_frequency: 'biweekly', hire_date: '2026-01-06', termination_date: '2026-01-28' }],
      calendar,
      time: [
        { employee_id: 'H', date: '2026-01-05', hours: new Decimal(8) },
        { employee_id: 'H', date: '2026-01-07', hours: new Decimal(8) },
        { employee_id: 'H', date: '2026-01-29', hours: new Decimal(8) },
        { employee_id: 'H', date: '2026-02-02', hours: new Decimal(8) },
      ],
    });
    expect(findUnpaidTime(c).map((u) => u.date)).toEqual(['2026-01-05', '2026-01-29', '2026-02-02']);
  });
});
