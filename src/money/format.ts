import { centsOf, formatCents } from './cents.js';
import type { Decimal } from './decimal.js';

/** Two decimals, no exponent, never "-0.00". */
export function formatMoney(x: Decimal): string {
  const c = centsOf(x); // the common case, without decimal.js's general formatting
  if (c !== undefined) return formatCents(c);
  const s = x.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

/** Hours and other quantities: up to 4 decimals, trailing zeros trimmed, at least two. */
export function formatQuantity(x: Decimal): string {
  const c = centsOf(x); // at most two decimals: shown with exactly two
  if (c !== undefined) return formatCents(c);
  let s = x.toDecimalPlaces(4).toFixed(4);
  s = s.replace(/(\.\d\d\d?)0+$/, '$1').replace(/(\.\d\d)0$/, '$1');
  return s === '-0.00' ? '0.00' : s;
}
