import { describe, expect, it } from 'vitest';
import { dateParser, numberParser } from '../../../src/io/register/index.js';

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
