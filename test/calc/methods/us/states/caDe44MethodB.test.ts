/**
 * California PIT withholding, EDD DE 44 Method B with the per-period tables of
 * rules/us/ca-2026.yaml: EDD's worked examples (reference §5.1; C, D and F
 * come out to the cent only with the per-period tables, not by annualising).
 */
import { describe, expect, it } from 'vitest';
import { cents, runState, stateInput, stateTax } from './helpers.js';

const pit = (frequency: Parameters<typeof runState>[1]['frequency'], wages: number, fields: Record<string, string> = {}, payDate = '2026-06-30') =>
  runState('us.ca.pit', { frequency, wages, fields, payDate });

describe('California DE 44 Method B (2026)', () => {
  it('EDD example A: weekly $210, single, 1 allowance → $0 (at or below the low-income exemption, $363)', () => {
    expect(cents(pit('weekly', 210, { ca_filing_status: 'single', ca_allowances: '1' }).amount)).toBe('0.00');
  });

  it('EDD example C: monthly $5,100, married, 5 allowances → $0.82', () => {
    const r = pit('monthly', 5100, { ca_filing_status: 'married', ca_allowances: '5' });
    expect(cents(r.amount)).toBe('0.82');
    // 5,100 − 951 = 4,149; 20.33 + 2.2% × (4,149 − 1,848) = 70.952; − 70.13
    expect(r.lines.some((l) => l.label.startsWith('Taxable income') && l.value === '4149.00')).toBe(true);
  });

  it('EDD example D: weekly $950, head of household, 3 allowances → $1.69 (tax $11.40 before the $9.71 credit)', () => {
    const r = pit('weekly', 950, { ca_filing_status: 'head_of_household', ca_allowances: '3' });
    expect(cents(r.amount)).toBe('1.69');
    expect(r.lines.some((l) => l.label.startsWith('Step 4') && l.value === '11.4')).toBe(true);
  });

  it('EDD example F: annual $57,000, married, 4 allowances → $86.00', () => {
    expect(cents(pit('annual', 57000, { ca_filing_status: 'married', ca_allowances: '4' }).amount)).toBe('86.00');
  });

  it('reference example G: biweekly $3,000, single, 1 allowance → $127.59', () => {
    expect(cents(pit('biweekly', 3000, { ca_filing_status: 'single', ca_allowances: '1' }).amount)).toBe('127.59');
  });

  it('no DE 4 on file: single, zero allowances (weekly $730 → 8.76 + 4.4% × 115 = $13.82)', () => {
    const r = pit('weekly', 730);
    expect(cents(r.amount)).toBe('13.82');
    expect(r.lines[0]!.label).toContain('none on file');
  });

  it('one cent over the low-income exemption the whole tax is due (weekly single: $363.00 → 0, $363.01 → $3.22)', () => {
    expect(cents(pit('weekly', 363).amount)).toBe('0.00');
    expect(cents(pit('weekly', 363.01).amount)).toBe('3.22');
  });

  it('estimated-deduction allowances (line 1b) reduce taxable income; married with 2+ allowances in total uses column 2', () => {
    // monthly married, 1 regular + 1 estimated allowance: column 2 (LIE 3,149; std 951); 5,100 − 83 − 951 = 4,066
    // 20.33 + 2.2% × (4,066 − 1,848) = 69.126; − 14.03 = 55.096 → 55.10
    expect(cents(pit('monthly', 5100, { ca_filing_status: 'married', ca_allowances: '1', ca_additional_allowances: '1' }).amount)).toBe('55.10');
  });

  it('more than 10 allowances: n × the one-allowance credit (weekly married 12 → 12 × 3.24)', () => {
    const r = pit('weekly', 3000, { ca_filing_status: 'married', ca_allowances: '12' });
    // 3,000 − 219 = 2,781; 84.16 + 8.8% × (2,781 − 2,214) = 134.056; − 38.88 = 95.176 → 95.18
    expect(cents(r.amount)).toBe('95.18');
  });

  it('additional withholding (ca_extra) is added per period', () => {
    expect(cents(pit('biweekly', 3000, { ca_filing_status: 'single', ca_allowances: '1', ca_extra: '10.00' }).amount)).toBe('137.59');
  });

  it('a bonus paid on its own is withheld at the flat 10.23%', () => {
    expect(cents(runState('us.ca.pit', { frequency: 'biweekly', wages: 1000, supplemental: 1000 }).amount)).toBe('102.30');
  });

  it('rejects a filing status the DE 4 does not have', () => {
    expect(() => pit('weekly', 500, { ca_filing_status: 'married_jointly' })).toThrow(/single, married or head_of_household/);
  });

  it('a year whose file gives only the annual tax rate table annualises, and says so (2025 tables with the per-period rows removed)', () => {
    // ca-2025.yaml now has per-period tables (derived; see ny2025Ca2025.test.ts); the method's annual fallback is kept for such a file.
    // weekly single 0 allowances, $730: 730 − 107 = 623 × 52 = 32,396; 442.67 + 4.4% × (32,396 − 25,499) = 746.138 / 52 = 14.3488
    const t = stateTax('us.ca.pit', '2025-06-27');
    const p = t.params as { tax_tables: Record<string, unknown> };
    const annualOnly = { ...p, tax_tables: { annual: p.tax_tables.annual } };
    const r = t.method.compute(stateInput('us.ca.pit', { frequency: 'weekly', wages: 730, payDate: '2025-06-27' }), annualOnly as never, t.prov as never);
    expect(cents(r.amount)).toBe('14.35');
    expect(r.lines.some((l) => l.label.includes('annualise'))).toBe(true);
  });
});
