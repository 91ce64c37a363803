import { Decimal, ZERO } from './decimal.js';

/**
 * Whole cents as exact integers, for the bulk paths (writing a million rows,
 * totals over them). A value is turned into cents only when it is a whole
 * number of cents whose magnitude stays below 2^53, where JavaScript integers
 * are exact; anything else stays a Decimal. No fraction of a cent is ever a
 * float: these are integer additions, checked to stay exact.
 */

const WORD = 1e7; // decimal.js stores digits in words of 7, aligned on the decimal point
const LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * `x` in cents, or undefined when it is not a whole number of cents or too
 * large to be exact. Reads decimal.js's documented representation: `d` the
 * base-1e7 digit words, `e` the exponent, `s` the sign.
 */
export function centsOf(x: Decimal): number | undefined {
  const d = x.d;
  if (!d) return undefined; // NaN, ±Infinity
  const k = Math.floor(x.e / 7); // power of 1e7 of the first word
  if (k < -1) return undefined; // a non-zero value below 1e-7
  const intWords = k + 1;
  let n = 0;
  for (let i = 0; i < intWords; i++) {
    if (n > LIMIT / WORD / 100) return undefined;
    n = n * WORD + (i < d.length ? d[i]! : 0);
  }
  if (n > (LIMIT - 99) / 100) return undefined;
  let c = n * 100;
  if (d.length > intWords + 1) return undefined; // non-zero digits past the 7th decimal
  if (d.length === intWords + 1) {
    const w = d[intWords]!; // the first seven decimals
    if (w % 1e5 !== 0) return undefined;
    c += w / 1e5;
  }
  return x.s < 0 && c !== 0 ? -c : c;
}

/** Cents written with two decimals: 123456 → "1234.56", -5 → "-0.05". */
export function formatCents(c: number): string {
  const neg = c < 0;
  const a = neg ? -c : c;
  const r = a % 100;
  const q = (a - r) / 100;
  return `${neg ? '-' : ''}${q}.${r < 10 ? '0' : ''}${r}`;
}

/**
 * A running total: whole-cent values add up as exact integers, anything else
 * (fractions of a cent, huge values, or a total that would leave the exact
 * range) as Decimals. `value` is the exact sum either way.
 */
export class Tally {
  private cents = 0;
  private rest: Decimal | undefined;

  add(x: Decimal): void {
    const c = centsOf(x);
    if (c !== undefined) {
      const t = this.cents + c;
      if (Number.isSafeInteger(t)) {
        this.cents = t;
        return;
      }
    }
    this.rest = this.rest ? this.rest.plus(x) : x;
  }

  /** Add another tally's total. */
  addTally(t: Tally): void {
    const t2 = this.cents + t.cents;
    if (Number.isSafeInteger(t2)) this.cents = t2;
    else this.rest = (this.rest ?? ZERO).plus(new Decimal(t.cents).div(100));
    if (t.rest) this.rest = this.rest ? this.rest.plus(t.rest) : t.rest;
  }

  get value(): Decimal {
    const c = this.cents === 0 ? ZERO : new Decimal(this.cents).div(100);
    return this.rest ? this.rest.plus(c) : c;
  }
}
