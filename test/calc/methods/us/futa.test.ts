/** FUTA (reference §2.2): 6.0% − 5.4% credit = 0.6% on the first $7,000, plus the work state's credit reduction. */
import { describe, expect, it } from 'vitest';
import { cents, runFederal } from '../../../helpers/taxInput.js';

describe('FUTA', () => {
  it('2026, no credit reductions final: 10,000 first check → 7,000 taxable × 0.6% = 42.00', () => {
    const r = runFederal('us.futa.er', { payDate: '2026-02-13', wages: 10000, w4: { work_state: 'CA' } });
    expect(cents(r.taxableWages)).toBe('7000.00');
    expect(cents(r.amount)).toBe('42.00');
  });

  it('crossing the $7,000 base: YTD 6,500 + 1,000 → 500 × 0.6% = 3.00; after it, 0.00', () => {
    const r = runFederal('us.futa.er', { payDate: '2026-03-13', wages: 1000, ytd: { 'us.futa.er.wages': 6500, 'us.futa.er': 39 } });
    expect(cents(r.taxableWages)).toBe('500.00');
    expect(cents(r.amount)).toBe('3.00');
    expect(cents(runFederal('us.futa.er', { payDate: '2026-03-27', wages: 1000, ytd: { 'us.futa.er.wages': 7000, 'us.futa.er': 42 } }).amount)).toBe('0.00');
  });

  it('2025 credit reduction: California 1.2% → 1.8% × 7,000 = 126.00; Texas 42.00', () => {
    expect(cents(runFederal('us.futa.er', { payDate: '2025-03-14', wages: 10000, w4: { work_state: 'CA' } }).amount)).toBe('126.00');
    expect(cents(runFederal('us.futa.er', { payDate: '2025-03-14', wages: 10000, w4: { work_state: 'TX' } }).amount)).toBe('42.00');
  });
});
