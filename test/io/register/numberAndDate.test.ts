import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateParser, generalNumberParser, numberParser, type NumberFormat } from '../../../src/io/register/index.js';
import { plainAmountBytes, plainCentsBytes } from '../../../src/io/register/numberFormat.js';
import { centsOf } from '../../../src/money/index.js';

const s = (d: { toFixed(n: number): string } | undefined) => d?.toFixed(2);

describe('numberParser', () => {
  it('reads US, European, Swiss and space-grouped amounts', () => {
    expect(s(numberParser({ decimal: '.', thousands: ',' })('1,234.56'))).toBe('1234.56');
    expect(s(numberParser({ decimal: ',', thousands: '.' })('1.234,56'))).toBe('1234.56');
    expect(s(numberParser({ decimal: ',', thousands: ' ' })('1 234,56'))).toBe('1234.56');
    expect(s(numberParser({ decimal: ',', thousands: ' ' })('1\u00a0234\u00a0567,5'))).toBe('1234567.50');
    expect(s(numberParser({ decimal: '.', thousands: "'" })("12'345.00"))).toBe('12345.00');
    expect(s(numberParser({ decimal: '.', thousands: ',' })('1234.56'))).toBe('1234.56');
  });

  it('reads negatives written with a minus, a trailing minus or parentheses', () => {
    const p = numberParser({ decimal: '.', thousands: ',' });
    expect(s(p('-1,234.56'))).toBe('-1234.56');
    expect(s(p('1,234.56-'))).toBe('-1234.56');
    expect(s(p('(1,234.56)'))).toBe('-1234.56');
  });

  it('its fast path for the common shape gives what the general parser gives, for any text', () => {
    const formats: NumberFormat[] = [
      { decimal: '.', thousands: ',' }, { decimal: ',', thousands: '.' }, { decimal: ',', thousands: ' ' }, { decimal: '.', thousands: '' }, { decimal: '.', thousands: "'" },
    ];
    const text = fc.oneof(
      fc.stringMatching(/^[-+(]?[0-9]{0,4}([,. '][0-9]{0,4}){0,3}[-)]?$/),
      fc.array(fc.constantFrom('0', '1', '5', '9', ',', '.', ' ', '-', "'", '\u00a0'), { maxLength: 22 }).map((cs) => cs.join('')),
      fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 4 }), fc.boolean()).map(([n, k, neg]) => {
        const s = n.toString().padStart(k + 1, '0');
        return `${neg ? '-' : ''}${k ? `${s.slice(0, -k)}.${s.slice(-k)}` : s}`;
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...formats), text, (f, t) => {
        const got = numberParser(f)(t);
        const want = generalNumberParser(f)(t);
        expect(got?.valueOf()).toBe(want?.valueOf());
      }),
      { numRuns: 20000, seed: 7 },
    );
  });

  it('reads plain amounts as whole cents exactly where the Decimal reader gives a whole number of cents', () => {
    const formats: NumberFormat[] = [{ decimal: '.', thousands: ',' }, { decimal: ',', thousands: '.' }, { decimal: '.', thousands: '' }];
    const text = fc.oneof(
      fc.array(fc.constantFrom('0', '1', '5', '9', ',', '.', '-'), { maxLength: 22 }).map((cs) => cs.join('')),
      fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 5 }), fc.boolean()).map(([n, k, neg]) => {
        const s = n.toString().padStart(k + 1, '0');
        return `${neg ? '-' : ''}${k ? `${s.slice(0, -k)}.${s.slice(-k)}` : s}`;
      }),
    );
    let whole = 0;
    fc.assert(
      fc.property(fc.constantFrom(...formats), text, fc.integer({ min: 0, max: 3 }), (f, t, pad) => {
        const buf = Buffer.from(`${'#'.repeat(pad)}${t}#`);
        const d = plainAmountBytes(buf, pad, pad + t.length, f);
        const c = plainCentsBytes(buf, pad, pad + t.length, f);
        const want = d === undefined ? undefined : centsOf(d);
        if (want === undefined) expect(c).toBeNaN();
        else {
          whole++;
          expect(Object.is(c, want)).toBe(true); // (a zero of either sign is 0)
        }
      }),
      { numRuns: 20000, seed: 8 },
    );
    expect(whole).toBeGreaterThan(1500);
    expect(plainCentsBytes(Buffer.from('-0.00'), 0, 5, formats[0]!)).toBe(0);
    expect(plainCentsBytes(Buffer.from('1,234.5'), 0, 7, formats[0]!)).toBe(123450);
    expect(plainCentsBytes(Buffer.from('1.005'), 0, 5, formats[2]!)).toBeNaN();
  });

  it('rejects text and numbers in another format rather than misreading them', () => {
    const us = numberParser({ decimal: '.', thousands: ',' });
    expect(us('1.234,56')).toBeUndefined();
    expect(us('12O.00')).toBeUndefined();
    expect(us('1,23.00')).toBeUndefined();
    expect(numberParser({ decimal: ',', thousands: '.' })('1,234.56')).toBeUndefined();
    expect(us('')).toBeUndefined();
  });
});

describe('dateParser', () => {
  it('reads ISO, US and day-first dates and rejects impossible ones', () => {
    expect(dateParser('yyyy-MM-dd')('2026-03-13')).toBe('2026-03-13');
    expect(dateParser('MM/dd/yyyy')('03/13/2026')).toBe('2026-03-13');
    expect(dateParser('MM/dd/yyyy')('3/5/2026')).toBe('2026-03-05');
    expect(dateParser('dd/MM/yyyy')('13/03/2026')).toBe('2026-03-13');
    expect(dateParser('dd.MM.yyyy')('13.03.2026')).toBe('2026-03-13');
    expect(dateParser('MM/dd/yyyy')('13/03/2026')).toBeUndefined();
    expect(dateParser('yyyy-MM-dd')('2026-02-30')).toBeUndefined();
    expect(dateParser('MM/dd/yyyy')('')).toBeUndefined();
  });
});
