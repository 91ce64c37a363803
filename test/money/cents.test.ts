import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, Tally, centsOf, formatCents, formatMoney, formatQuantity } from '../../src/money/index.js';

const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 22n }), fc.integer({ min: 0, max: 12 }))
  .map(([neg, digits, scale]) => {
    const s = digits.toString().padStart(scale + 1, '0');
    return `${neg ? '-' : ''}${scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s}`;
  });

describe('centsOf', () => {
  it('is exact when defined, and defined for every whole number of cents in the exact range', () => {
    fc.assert(
      fc.property(decimalText, (t) => {
        const x = new Decimal(t);
        const c = centsOf(x);
        const hundred = x.times(100);
        const whole = hundred.isInteger() && hundred.abs().lte(Number.MAX_SAFE_INTEGER - 99);
        if (c === undefined) expect(whole && hundred.abs().lte(Number.MAX_SAFE_INTEGER / 1e9)).toBe(false);
        else {
          expect(Number.isSafeInteger(c)).toBe(true);
          expect(new Decimal(c).div(100).eq(x)).toBe(true);
        }
      }),
      { numRuns: 5000, seed: 20260101 },
    );
  });

  it('reads the representations decimal.js uses around the decimal point', () => {
    const cases: Array<[string, number | undefined]> = [
      ['0', 0], ['-0', 0], ['0.01', 1], ['-0.01', -1], ['0.1', 10], ['1.5', 150], ['12345678.9', 1234567890], ['1234567890123.45', 123456789012345],
      ['100', 10000], ['1e13', 1e15], ['1e14', undefined], ['0.001', undefined], ['1e-7', undefined], ['0.0000001', undefined], ['1.005', undefined], ['1e20', undefined],
    ];
    for (const [t, want] of cases) expect([t, centsOf(new Decimal(t))]).toEqual([t, want]);
  });
});

describe('formatting through cents', () => {
  it('formatMoney and formatQuantity give what decimal.js toFixed gives', () => {
    fc.assert(
      fc.property(decimalText, (t) => {
        const x = new Decimal(t);
        const slow = x.toFixed(2) === '-0.00' ? '0.00' : x.toFixed(2);
        expect(formatMoney(x)).toBe(slow);
        let q = x.toDecimalPlaces(4).toFixed(4).replace(/(\.\d\d\d?)0+$/, '$1').replace(/(\.\d\d)0$/, '$1');
        if (q === '-0.00') q = '0.00';
        expect(formatQuantity(x)).toBe(q);
      }),
      { numRuns: 5000, seed: 20260101 },
    );
    expect(formatCents(-5)).toBe('-0.05');
    expect(formatCents(123456)).toBe('1234.56');
  });
});

describe('Tally', () => {
  it('sums exactly, whatever mix of cents, fractions of a cent and huge values', () => {
    fc.assert(
      fc.property(fc.array(decimalText, { maxLength: 40 }), fc.integer({ min: 0, max: 40 }), (texts, cut) => {
        const a = new Tally(), b = new Tally();
        let want = new Decimal(0);
        texts.forEach((t, i) => {
          (i < cut ? a : b).add(new Decimal(t));
          want = want.plus(t);
        });
        a.addTally(b);
        expect(a.value.eq(want)).toBe(true);
      }),
      { numRuns: 2000, seed: 20260101 },
    );
  });

  it('adds whole cents held as numbers as it adds the same amounts as Decimals, also past the integer range', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0, -1)), { maxLength: 30 }), (cs) => {
        const a = new Tally(), b = new Tally();
        for (const c of cs) {
          a.addCents(c);
          b.add(new Decimal(c).div(100));
        }
        expect(a.value.eq(b.value)).toBe(true);
      }),
      { numRuns: 2000, seed: 21 },
    );
  });

  it('leaves the integer range for Decimals instead of losing a cent', () => {
    const t = new Tally();
    const big = new Decimal('90071992547409.91'); // 2^53 − 1 cents
    t.add(big);
    t.add(new Decimal('0.01'));
    t.add(new Decimal('0.01'));
    expect(t.value.toFixed(2)).toBe('90071992547409.93');
  });
});
