/**
 * Yonkers resident income tax surcharge withholding (component us.ny.yonkers.pit,
 * method us_ny_yonkers_resident_surcharge, rules/us/ny-2025.yaml and
 * ny-2026.yaml): yonkers.resident_rate (16.75%, NYS-50-T-Y; `verified: false`)
 * × the New York State withholding of the same payslip, recomputed by the NY
 * method's code WITHOUT the IT-2104 line 3 amount (ny_extra), rounded once to
 * the cent (half up); 0.00 unless ny_locality is yonkers.
 *
 * All figures are hand computations (NYS-50-T-Y's own examples were not read).
 */
import { describe, expect, it } from 'vitest';
import { boundAt } from '../../../../../src/calc/boundRules.js';
import { bundledBook, cents, runState, stateTax } from './helpers.js';

type Freq = Parameters<typeof runState>[1]['frequency'];

const yonkers = (frequency: Freq, wages: number, fields: Record<string, string> = {}, payDate = '2026-06-30', supplemental?: number) =>
  runState('us.ny.yonkers.pit', { frequency, wages, fields: { ny_locality: 'yonkers', ...fields }, payDate, supplemental });
const nys = (frequency: Freq, wages: number, fields: Record<string, string> = {}, payDate = '2026-06-30', supplemental?: number) =>
  runState('us.ny.pit', { frequency, wages, fields, payDate, supplemental });

describe('Yonkers resident surcharge: hand-computed examples', () => {
  it('2026 weekly $1,000, single, 1 allowance: NYS 42.13 → × 16.75% = 7.06', () => {
    // net 1,000 − 142.30 (Table B) − 19.25 (Table C × 1) = 838.45
    // NYS Method II line 4: 11.27 + (838.45 − 267) × 5.4% = 42.1283 (NYS withholds 42.13)
    // Yonkers: 42.1283 × 0.1675 = 7.05649 → 7.06
    const fields = { ny_filing_status: 'single', ny_allowances: '1' };
    expect(cents(nys('weekly', 1000, fields).amount)).toBe('42.13');
    const r = yonkers('weekly', 1000, fields);
    expect(cents(r.amount)).toBe('7.06');
    expect(cents(r.taxableWages)).toBe('1000.00');
    expect(r.lines.find((l) => l.label.startsWith('Net wages'))?.value).toBe('838.45');
  });

  it('2025 weekly $1,000, single, 1 allowance: NYS 42.97 → × 16.75% = 7.20', () => {
    // 1/23 table line 4: 11.54 + 571.45 × 5.5% = 42.9698; × 0.1675 = 7.19744 → 7.20
    const fields = { ny_filing_status: 'single', ny_allowances: '1' };
    expect(cents(nys('weekly', 1000, fields, '2025-06-30').amount)).toBe('42.97');
    expect(cents(yonkers('weekly', 1000, fields, '2025-06-30').amount)).toBe('7.20');
  });

  it('2026 semimonthly $5,000, married, 3 allowances', () => {
    // net 5,000 − 331.25 − 3 × 41.65 = 4,543.80; married line 7: 243.96 + (4,543.80 − 4,485) × 7.07% = 248.11716
    // × 0.1675 = 41.55962 → 41.56
    const fields = { ny_filing_status: 'married', ny_allowances: '3' };
    expect(cents(nys('semimonthly', 5000, fields).amount)).toBe('248.12');
    expect(cents(yonkers('semimonthly', 5000, fields).amount)).toBe('41.56');
  });

  it('one rounding: the unrounded state tax × the rate, not the rounded state withholding × the rate', () => {
    // 2026 weekly $419, single, 0 allowances: net 419 − 142.30 = 276.70; line 4: 11.27 + 9.70 × 5.4% = 11.7938 (NYS 11.79)
    // Yonkers: 11.7938 × 0.1675 = 1.9754615 → 1.98 (the rounded 11.79 × 0.1675 = 1.974825 would give 1.97)
    expect(cents(nys('weekly', 419).amount)).toBe('11.79');
    expect(cents(yonkers('weekly', 419).amount)).toBe('1.98');
  });

  it('Method III: monthly $120,000 single (2026): net 119,383.30 × 10.45% = 12,475.55485 → × 16.75% = 2,089.66', () => {
    // 12,475.55485 × 0.1675 = 2,089.655437 → 2,089.66
    expect(cents(nys('monthly', 120000).amount)).toBe('12475.55');
    const r = yonkers('monthly', 120000);
    expect(r.lines.some((l) => l.label.startsWith('Method III'))).toBe(true);
    expect(cents(r.amount)).toBe('2089.66');
  });

  it('supplemental wages paid alone: wages × 11.7% × 16.75% = 1.95975%, rounded once', () => {
    // weekly $1,000 supplemental only: 1,000 × 0.117 × 0.1675 = 19.5975 → 19.60 (NYS: 117.00)
    expect(cents(nys('weekly', 1000, {}, '2026-06-30', 1000).amount)).toBe('117.00');
    expect(cents(yonkers('weekly', 1000, {}, '2026-06-30', 1000).amount)).toBe('19.60');
    // $333: 333 × 0.0195975 = 6.5259675 → 6.53 (the rounded NYS 38.96 × 0.1675 = 6.5258 → 6.53)
    expect(cents(yonkers('weekly', 333, {}, '2025-06-30', 333).amount)).toBe('6.53');
  });
});

describe('Yonkers resident surcharge: who and what', () => {
  for (const d of ['2025-06-30', '2026-06-30']) {
    const year = d.slice(0, 4);
    it(`${year}: the IT-2104 line 3 amount (ny_extra) enters the state withholding, not the surcharge`, () => {
      const base = { ny_filing_status: 'single', ny_allowances: '1' };
      const withExtra = { ...base, ny_extra: '50.00' };
      // NYS withholding goes up by 50.00; the surcharge does not move
      expect(nys('weekly', 1000, withExtra, d).amount.minus(nys('weekly', 1000, base, d).amount).toFixed(2)).toBe('50.00');
      expect(cents(yonkers('weekly', 1000, withExtra, d).amount)).toBe(cents(yonkers('weekly', 1000, base, d).amount));
      expect(cents(yonkers('weekly', 1000, withExtra, d).amount)).toBe(year === '2025' ? '7.20' : '7.06');
    });

    it(`${year}: not a Yonkers resident (no ny_locality, or nyc): 0.00 and 0.00 wages`, () => {
      for (const fields of [{ ny_filing_status: 'single', ny_allowances: '1' }, { ny_locality: 'nyc', ny_filing_status: 'single' }]) {
        const r = runState('us.ny.yonkers.pit', { frequency: 'weekly', wages: 1000, fields, payDate: d });
        expect(cents(r.amount)).toBe('0.00');
        expect(cents(r.taxableWages)).toBe('0.00');
        expect(r.lines[0]!.label).toContain('not yonkers');
      }
    });

    it(`${year}: the component applies to New York work-state employees and is bound next to us.ny.pit`, () => {
      const taxes = boundAt(bundledBook(), 'us.ny', d).taxes;
      expect(taxes.map((t) => t.id)).toEqual(expect.arrayContaining(['us.ny.pit', 'us.ny.yonkers.pit']));
      const t = stateTax('us.ny.yonkers.pit', d);
      expect(t.method.name).toBe('us_ny_yonkers_resident_surcharge');
      expect((t.params as { resident_rate: { toString(): string } }).resident_rate.toString()).toBe('0.1675');
    });
  }

  it('ny_locality is read case-insensitively; head of household and no IT-2104 use the single table', () => {
    expect(cents(yonkers('weekly', 1000, { ny_locality: ' Yonkers ', ny_filing_status: 'single', ny_allowances: '1' }).amount)).toBe('7.06');
    expect(cents(yonkers('weekly', 1000, { ny_filing_status: 'head_of_household', ny_allowances: '1' }).amount)).toBe('7.06');
  });

  it('uses IT-2104 line 1 (ny_allowances), not line 2 (ny_nyc_allowances)', () => {
    expect(cents(yonkers('weekly', 1000, { ny_filing_status: 'single', ny_allowances: '1', ny_nyc_allowances: '5' }).amount)).toBe('7.06');
  });

  it('validates its fields', () => {
    const f = stateTax('us.ny.yonkers.pit', '2026-06-30').method.employeeFields!;
    expect(f.safeParse({ ny_locality: 'yonkers', ny_allowances: '2', ny_extra: '10.00' }).success).toBe(true);
    expect(f.safeParse({ ny_locality: 'white plains' }).success).toBe(false);
    expect(f.safeParse({ ny_extra: 'ten' }).success).toBe(false);
  });
});
