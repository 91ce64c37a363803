import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, centsOf, type Rounding } from '../../src/money/index.js';

/** The reference: decimal.js as the project configured it before it had its own Decimal. */
const Ref = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
type Ref = InstanceType<typeof Ref>;

/** Decimal text of every shape the engine meets: cents, rates, hours, huge and tiny values, signed zeros, exponents. */
const decimalText = fc.oneof(
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 8 }))
    .map(([neg, digits, scale]) => {
      const s = digits.toString().padStart(scale + 1, '0');
      return `${neg ? '-' : ''}${scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s}`;
    }),
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 45n }), fc.integer({ min: 0, max: 35 }))
    .map(([neg, digits, scale]) => {
      const s = digits.toString().padStart(scale + 1, '0');
      return `${neg ? '-' : ''}${scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s}`;
    }),
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: -40, max: 40 })).map(([m, e]) => `${m}e${e}`),
  fc.constantFrom('0', '-0', '0.00', '-0.000', '1', '-1', '0.5', '-0.5', '2.5', '-2.5', '0.005', '-0.005', '9007199254740991', '-9007199254740991', '9007199254740992', '0.062', '0.0145', '184500', '1e-20', '1e-21', '123456789012345.67'),
);

const pair = (t: string): [Decimal, Ref] => [new Decimal(t), new Ref(t)];

/** Same value, same sign of zero, same notation: decimal.js's valueOf shows all three. */
function same(got: Decimal, want: Ref): void {
  expect(got.valueOf()).toBe(want.valueOf());
  expect(got.toString()).toBe(want.toString());
  expect(got.isNegative()).toBe(want.isNegative());
}

const MODES: Rounding[] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

describe('Decimal gives what decimal.js gives', () => {
  it('reads text and numbers the same way', () => {
    fc.assert(
      fc.property(decimalText, (t) => {
        const [x, r] = pair(t);
        same(x, r);
        expect(x.toNumber()).toBe(r.toNumber());
        const n = r.toNumber();
        same(new Decimal(n), new Ref(n));
      }),
      { numRuns: 4000, seed: 11 },
    );
    for (const n of [0, -0, 1, -1, 0.1, 0.062, 1e21, 1e-7, 123.456, -5.5, Number.MAX_SAFE_INTEGER, 2 ** 60]) same(new Decimal(n), new Ref(n));
    for (const bad of ['', '.', '-', 'abc', '1,5', '1e', ' 1']) expect(() => new Decimal(bad)).toThrow(/DecimalError/);
  });

  it('plus, minus, times, div and comparisons', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const [x, rx] = pair(a);
        const [y, ry] = pair(b);
        same(x.plus(y), rx.plus(ry));
        same(x.minus(y), rx.minus(ry));
        same(x.times(y), rx.times(ry));
        if (!ry.isZero()) same(x.div(y), rx.div(ry));
        expect(x.comparedTo(y)).toBe(rx.comparedTo(ry));
        expect([x.gt(y), x.gte(y), x.lt(y), x.lte(y), x.eq(y)]).toEqual([rx.gt(ry), rx.gte(ry), rx.lt(ry), rx.lte(ry), rx.eq(ry)]);
        same(Decimal.max(x, y), Ref.max(rx, ry));
        same(Decimal.min(x, y), Ref.min(rx, ry));
        // Mixed with plain inputs, as the engine writes them.
        same(x.plus(b), rx.plus(b));
        same(x.times(b), rx.times(b));
      }),
      { numRuns: 6000, seed: 12 },
    );
  });

  it('division by the divisors of a power of ten (done without decimal.js) and by the pay periods', () => {
    const divisor = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 6 }), fc.boolean()).map(([a, b, k, neg]) => {
        const n = 2n ** BigInt(a) * 5n ** BigInt(b);
        const s = n.toString().padStart(k + 1, '0');
        return `${neg ? '-' : ''}${k ? `${s.slice(0, -k)}.${s.slice(-k)}` : s}`;
      }),
      fc.constantFrom('26', '52', '12', '24', '1', '-1', '3', '100', '0.01', '7'),
    );
    fc.assert(
      fc.property(decimalText, divisor, (a, b) => {
        const [x, rx] = pair(a);
        const [y, ry] = pair(b);
        same(x.div(y), rx.div(ry));
      }),
      { numRuns: 6000, seed: 15 },
    );
  });

  it('rounding in every mode, toFixed, and the unary operations', () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...MODES), (t, dp, rm) => {
        const [x, r] = pair(t);
        same(x.toDecimalPlaces(dp, rm), r.toDecimalPlaces(dp, rm));
        same(x.toDecimalPlaces(dp), r.toDecimalPlaces(dp));
        expect(x.toFixed(dp)).toBe(r.toFixed(dp));
        expect(x.toFixed(dp, rm)).toBe(r.toFixed(dp, rm));
        expect(x.toFixed()).toBe(r.toFixed());
        same(x.floor(), r.floor());
        same(x.ceil(), r.ceil());
        same(x.round(), r.round());
        same(x.abs(), r.abs());
        same(x.negated(), r.negated());
        expect([x.isZero(), x.isInteger(), x.isPositive(), x.isFinite()]).toEqual([r.isZero(), r.isInteger(), r.isPositive(), r.isFinite()]);
        expect(JSON.stringify({ x })).toBe(JSON.stringify({ x: r }));
        expect(`${x}`).toBe(`${r}`);
      }),
      { numRuns: 6000, seed: 13 },
    );
  });

  it('chains of operations, where results move between the fast and the decimal.js representation', () => {
    const op = fc.tuple(fc.constantFrom('plus', 'minus', 'times', 'div', 'round2', 'round0even'), decimalText);
    fc.assert(
      fc.property(decimalText, fc.array(op, { maxLength: 12 }), (start, ops) => {
        let [x, r] = pair(start);
        for (const [o, t] of ops) {
          const [y, ry] = pair(t);
          if (o === 'plus') [x, r] = [x.plus(y), r.plus(ry)];
          else if (o === 'minus') [x, r] = [x.minus(y), r.minus(ry)];
          else if (o === 'times') [x, r] = [x.times(y), r.times(ry)];
          else if (o === 'div') {
            if (ry.isZero()) continue;
            [x, r] = [x.div(y), r.div(ry)];
          } else if (o === 'round2') [x, r] = [x.toDecimalPlaces(2), r.toDecimalPlaces(2)];
          else [x, r] = [x.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN), r.toDecimalPlaces(0, Ref.ROUND_HALF_EVEN)];
          same(x, r);
        }
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('a result that comes back from decimal.js as a whole number of cents is held as one (found in review: 1000000000.01 via decimal.js)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }), (c) => {
        const text = `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
        for (const x of [new Decimal(`${text}e0`), new Decimal(text).times(3).div(3), new Decimal(text).div('1.0'), new Decimal(Number(text))]) {
          if (!x.eq(text)) continue; // Number(text) may round (past 2^53): nothing to check then
          expect(centsOf(x)).toBe(c === 0 ? 0 : c);
        }
      }),
      { numRuns: 5000, seed: 16 },
    );
    expect(centsOf(new Decimal('1000000000.01e0'))).toBe(100000000001);
    expect(centsOf(new Decimal(-89400755241513.25))).toBe(-8940075524151325);
  });

  it('rejects what decimal.js rejects: rounding modes outside 0..8, decimal places outside 0..1e9; extra constructor arguments are ignored', () => {
    expect(() => new Decimal('1.5').toDecimalPlaces(0, 9 as Rounding)).toThrow(/DecimalError/);
    expect(() => new Decimal('5').toDecimalPlaces(1e10)).toThrow(/DecimalError/);
    expect(() => new Decimal('5').toFixed(2e9)).toThrow(/DecimalError/);
    expect(() => new Decimal('1.25').toFixed(1, 9 as Rounding)).toThrow(/DecimalError/);
    expect(() => new Decimal('1.25').toFixed(-1)).toThrow(/DecimalError/);
    expect((new (Decimal as unknown as new (x: number, k: number) => Decimal)(5, 2)).toString()).toBe('5');
  });

  it('divToDecimalPlaces is div then toDecimalPlaces (a 40-digit quotient rounded again), in every mode', () => {
    const places = fc.integer({ min: 0, max: 6 });
    const mode = fc.constantFrom<Rounding>(...MODES, 4, 4, 4);
    fc.assert(
      fc.property(decimalText, decimalText, places, mode, (a, b, dp, rm) => {
        const [x, rx] = pair(a);
        const [y, ry] = pair(b);
        if (ry.isZero()) return;
        same(x.divToDecimalPlaces(y, dp, rm), rx.div(ry).toDecimalPlaces(dp, rm));
      }),
      { numRuns: 6000, seed: 21 },
    );
    // The payroll shape (an annual amount over the pay periods), and values on a half or a hair from it.
    const periods = fc.constantFrom(1, 2, 4, 12, 24, 26, 52, 260, 365, 3, 7, 13, 27, 53);
    const cents = fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n });
    fc.assert(
      fc.property(cents, fc.integer({ min: 0, max: 8 }), periods, fc.integer({ min: 0, max: 4 }), fc.integer({ min: -3, max: 3 }), (m, k, p, dp, nudge) => {
        // m / 10^k, or a value exactly on a half of the last place times p, nudged by a few units of 10^-k
        const onHalf = (2n * m + 1n) * BigInt(p) * 10n ** BigInt(k);
        const forms = [m, onHalf / 2n / 10n ** BigInt(dp) + BigInt(nudge)];
        for (const n of forms) {
          const neg = n < 0n;
          const t = (neg ? -n : n).toString().padStart(k + 1, '0');
          const text = `${neg ? '-' : ''}${k ? `${t.slice(0, -k)}.${t.slice(-k)}` : t}`;
          same(new Decimal(text).divToDecimalPlaces(p, dp), new Ref(text).div(p).toDecimalPlaces(dp, 4));
        }
      }),
      { numRuns: 20000, seed: 22 },
    );
    same(new Decimal('-0.001').divToDecimalPlaces(26, 2), new Ref('-0.001').div(26).toDecimalPlaces(2, 4));
    same(new Decimal('0').divToDecimalPlaces(-26, 2), new Ref('0').div(-26).toDecimalPlaces(2, 4));
    same(new Decimal('32.5').divToDecimalPlaces(26, 2), new Ref('32.5').div(26).toDecimalPlaces(2, 4)); // 1.25 exactly
    same(new Decimal('0.13').divToDecimalPlaces(26, 2), new Ref('0.13').div(26).toDecimalPlaces(2, 4)); // 0.005: half-up to 0.01
  });

  it('the payroll cases: a rate times wages rounded to the cent, a salary divided by the periods', () => {
    const cases: Array<[string, string]> = [['1234.56', '0.062'], ['7125.005', '0.0145'], ['-0.004', '1'], ['184500', '0.062'], ['52000', '26'], ['100000', '52'], ['0.1', '0.2']];
    for (const [a, b] of cases) {
      same(new Decimal(a).times(b).toDecimalPlaces(2), new Ref(a).times(b).toDecimalPlaces(2));
      same(new Decimal(a).div(b), new Ref(a).div(b));
      same(new Decimal(a).div(b).toDecimalPlaces(2), new Ref(a).div(b).toDecimalPlaces(2));
    }
    expect(new Decimal('0.1').plus('0.2').toString()).toBe('0.3');
    expect(new Decimal('-0.001').toFixed(2)).toBe('-0.00');
    expect(new Decimal('-2.5').toDecimalPlaces(0).toString()).toBe('-3');
  });
});
