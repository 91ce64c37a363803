/**
 * Social Security (capped_rate with the bundled rule files): the wage-base
 * crossings of reference §2.1, the 2025 base and the Pub 15 (2025)
 * successor-employer example, and a property: however a year's pay is split
 * into paychecks, the year's tax never passes 6.2% of the wage base.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO } from '../../../../src/money/index.js';
import { federalTax } from '../../../helpers/rules.js';
import { cents, runFederal, taxInput } from '../../../helpers/taxInput.js';

describe('Social Security wage base, 2026 ($184,500)', () => {
  const payDate = '2026-11-30';
  const ytd = { 'us.ss.ee.wages': 180000, 'us.ss.ee': 11160, 'us.ss.er.wages': 180000, 'us.ss.er': 11160 };

  it('YTD SS wages 180,000 + a 10,000 check: 4,500 taxable → 279.00 employee and 279.00 employer', () => {
    for (const id of ['us.ss.ee', 'us.ss.er']) {
      const r = runFederal(id, { payDate, frequency: 'monthly', wages: 10000, ytd });
      expect(cents(r.amount), id).toBe('279.00');
      expect(cents(r.taxableWages), id).toBe('4500.00');
    }
  });

  it('Medicare on the same check has no wage base: 145.00 employee and employer', () => {
    for (const id of ['us.medicare.ee', 'us.medicare.er']) {
      const r = runFederal(id, { payDate, frequency: 'monthly', wages: 10000, ytd: { 'us.medicare.ee.wages': 180000 } });
      expect(cents(r.amount), id).toBe('145.00');
      expect(cents(r.taxableWages), id).toBe('10000.00');
    }
  });

  it('after the base is reached nothing more is taken; the year maximum is 11,439.00 (SSA)', () => {
    const t = federalTax('us.ss.ee', payDate);
    expect(t.method.annualCap!(t.params)!.toFixed(2)).toBe('11439.00');
    const r = runFederal('us.ss.ee', { payDate, wages: 10000, ytd: { 'us.ss.ee.wages': 184500, 'us.ss.ee': 11439 } });
    expect(cents(r.amount)).toBe('0.00');
    expect(cents(r.taxableWages)).toBe('0.00');
  });

  it('below the base: 6.2% rounded half up to the cent (980 → 60.76; 1,170 → 72.54)', () => {
    expect(cents(runFederal('us.ss.ee', { payDate, wages: 980 }).amount)).toBe('60.76');
    expect(cents(runFederal('us.ss.ee', { payDate, wages: 1170 }).amount)).toBe('72.54');
  });
});

describe('Social Security wage base, 2025 ($176,100)', () => {
  const payDate = '2025-12-15';

  it('YTD 172,000 + a 10,000 check: 4,100 taxable → 254.20; the year maximum is 10,918.20', () => {
    const r = runFederal('us.ss.ee', { payDate, wages: 10000, ytd: { 'us.ss.ee.wages': 172000, 'us.ss.ee': 10664 } });
    expect(cents(r.taxableWages)).toBe('4100.00');
    expect(cents(r.amount)).toBe('254.20');
    const t = federalTax('us.ss.ee', payDate);
    expect(t.method.annualCap!(t.params)!.toFixed(2)).toBe('10918.20');
  });

  it('Pub 15 (2025) successor employer: the predecessor paid 2,000, so SS applies to the first 174,100', () => {
    // predecessor: 2,000 wages, 124.00 tax (ytd.csv opening balances)
    const opening = { 'us.ss.ee.wages': 2000, 'us.ss.ee': 124 };
    const big = runFederal('us.ss.ee', { payDate, wages: 200000, ytd: opening });
    expect(cents(big.taxableWages)).toBe('174100.00');
    expect(cents(big.amount)).toBe('10794.20'); // 174,100 × 6.2%
    // paid in two checks: 174,000 then 1,000 → 100 taxable on the second
    const first = runFederal('us.ss.ee', { payDate, wages: 174000, ytd: opening });
    const second = runFederal('us.ss.ee', {
      payDate,
      wages: 1000,
      ytd: { 'us.ss.ee.wages': new Decimal(2000).plus(first.taxableWages), 'us.ss.ee': new Decimal(124).plus(first.amount) },
    });
    expect(cents(first.amount)).toBe('10788.00');
    expect(cents(second.taxableWages)).toBe('100.00');
    expect(cents(second.amount)).toBe('6.20');
  });

  it('the same YTD applied to a 2026 pay date uses the 2026 base: 184,500 − 2,000 = 182,500 taxable', () => {
    const r = runFederal('us.ss.ee', { payDate: '2026-01-02', wages: 200000, ytd: { 'us.ss.ee.wages': 2000, 'us.ss.ee': 124 } });
    expect(cents(r.taxableWages)).toBe('182500.00');
    expect(cents(r.amount)).toBe('11315.00');
  });
});

describe('property: however a year\'s pay is split, Social Security never exceeds 6.2% of the wage base', () => {
  for (const [year, payDate, base, max] of [
    ['2025', '2025-06-30', 176100, '10918.20'],
    ['2026', '2026-06-30', 184500, '11439.00'],
  ] as const) {
    it(`${year}: sum over the year ≤ ${max}, taxable wages = min(year's wages, ${base}), no check above its own 6.2%`, () => {
      const t = federalTax('us.ss.ee', payDate);
      const checkCents = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 10_000_000_00 }));
      fc.assert(
        fc.property(fc.array(checkCents, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 250_000_00 }), (checks, openingCents) => {
          // opening YTD (a previous provider) taxed at 6.2% per the same rule
          const items = new Map<string, Decimal>();
          const opening = Decimal.min(new Decimal(openingCents).div(100), base);
          items.set('us.ss.ee.wages', opening);
          items.set('us.ss.ee', opening.times(0.062).toDecimalPlaces(2));
          let total = ZERO;
          for (const c of checks) {
            const wages = new Decimal(c).div(100);
            total = total.plus(wages);
            const input = { ...taxInput({ payDate, wages }), componentId: 'us.ss.ee', ytd: (k: string) => items.get(k) ?? ZERO };
            const r = t.method.compute(input, t.params, t.prov as never);
            if (r.amount.lt(0) || r.taxableWages.lt(0) || r.taxableWages.gt(wages)) return false;
            // rounded per check, never more than the check's own 6.2% (the year cap may take cents back)
            if (r.amount.gt(r.taxableWages.times(0.062).toDecimalPlaces(2))) return false;
            items.set('us.ss.ee.wages', items.get('us.ss.ee.wages')!.plus(r.taxableWages));
            items.set('us.ss.ee', items.get('us.ss.ee')!.plus(r.amount));
          }
          const taxable = items.get('us.ss.ee.wages')!;
          const tax = items.get('us.ss.ee')!;
          expect(tax.lte(max)).toBe(true);
          expect(taxable.toFixed(2)).toBe(Decimal.min(opening.plus(total), base).toFixed(2));
          // and nothing is lost beyond half a cent of rounding per check
          expect(tax.gte(Decimal.min(max, taxable.times(0.062)).minus(0.005 * (checks.length + 1)))).toBe(true);
          return true;
        }),
        { numRuns: 200 },
      );
    });
  }
});
