/** Additional Medicare Tax (rate_over_annual_threshold, employee only): reference §2.1. */
import { describe, expect, it } from 'vitest';
import { boundAt } from '../../../../src/calc/boundRules.js';
import { cents, runFederal } from '../../../helpers/taxInput.js';
import { ruleBook } from '../../../helpers/rules.js';

describe('Additional Medicare Tax (0.9% of wages over $200,000 in the calendar year)', () => {
  it('2026: YTD Medicare wages 195,000 + a 10,000 check → 0.9% × 5,000 = 45.00, wages column 5,000.00', () => {
    const r = runFederal('us.medicare_addl.ee', { payDate: '2026-12-15', wages: 10000, ytd: { 'us.medicare.ee.wages': 195000 } });
    expect(cents(r.amount)).toBe('45.00');
    expect(cents(r.taxableWages)).toBe('5000.00');
  });

  it('2025: the same crossing → 45.00', () => {
    const r = runFederal('us.medicare_addl.ee', { payDate: '2025-12-15', wages: 10000, ytd: { 'us.medicare.ee.wages': 195000 } });
    expect(cents(r.amount)).toBe('45.00');
  });

  it('below the threshold nothing; above it the whole check (YTD 250,000 + 10,000 → 90.00)', () => {
    expect(cents(runFederal('us.medicare_addl.ee', { wages: 10000, ytd: { 'us.medicare.ee.wages': 189999.99 } }).amount)).toBe('0.00');
    expect(cents(runFederal('us.medicare_addl.ee', { wages: 10000, ytd: { 'us.medicare.ee.wages': 190000 } }).amount)).toBe('0.00');
    expect(cents(runFederal('us.medicare_addl.ee', { wages: 10000, ytd: { 'us.medicare.ee.wages': 250000 } }).amount)).toBe('90.00');
  });

  it('is withheld from the employee only: the rule files have no employer share', () => {
    for (const date of ['2025-06-30', '2026-06-30']) {
      const addl = boundAt(ruleBook(), 'us', date).taxes.filter((t) => t.id.startsWith('us.medicare_addl'));
      expect(addl.map((t) => [t.id, t.party])).toEqual([['us.medicare_addl.ee', 'employee']]);
    }
  });
});
