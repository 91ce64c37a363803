/** New York State withholding, NYS-50-T-NYS Method II (reference §5.2 worked examples). */
import { describe, expect, it } from 'vitest';
import { cents, runState } from './helpers.js';

const pit = (frequency: Parameters<typeof runState>[1]['frequency'], wages: number, fields: Record<string, string> = {}) =>
  runState('us.ny.pit', { frequency, wages, fields, payDate: '2026-06-30' });

describe('New York exact calculation (2026)', () => {
  it('weekly $1,000, single, 1 allowance: net 838.45 → 11.27 + 5.4% × 571.45 = $42.13', () => {
    const r = pit('weekly', 1000, { ny_filing_status: 'single', ny_allowances: '1' });
    expect(cents(r.amount)).toBe('42.13');
    expect(r.lines.some((l) => l.label.startsWith('Net wages') && l.value === '838.45')).toBe(true);
  });

  it('annual $80,000, married, 2 allowances: 586 + 5.4% × 56,150 = $3,618.10', () => {
    expect(cents(pit('annual', 80000, { ny_filing_status: 'married', ny_allowances: '2' }).amount)).toBe('3618.10');
  });

  it('annual $120,000, single, 0 allowances: 5,906 + 7.53% × 4,950 = $6,278.74', () => {
    expect(cents(pit('annual', 120000, { ny_filing_status: 'single' }).amount)).toBe('6278.74');
  });

  it('no IT-2104: single, zero allowances (weekly $1,000: net 857.70 → 11.27 + 5.4% × 590.70 = $43.17)', () => {
    const r = pit('weekly', 1000);
    expect(cents(r.amount)).toBe('43.17');
    expect(r.lines[0]!.label).toContain('none on file');
  });

  it('head of household uses the single table', () => {
    expect(cents(pit('weekly', 1000, { ny_filing_status: 'head_of_household', ny_allowances: '1' }).amount)).toBe('42.13');
  });

  it('additional withholding (ny_extra) is added; wages below the deduction allowance give only that', () => {
    expect(cents(pit('weekly', 1000, { ny_filing_status: 'single', ny_allowances: '1', ny_extra: '5.00' }).amount)).toBe('47.13');
    expect(cents(pit('weekly', 100, { ny_filing_status: 'single' }).amount)).toBe('0.00');
  });
});
