import { Decimal, ZERO, scaledDecimal } from './decimal.js';

/**
 * Whole cents as exact integers, for the bulk paths (writing a million rows,
 * totals over them). A value is turned into cents only when it is a whole
 * number of cents whose magnitude stays below 2^53, where JavaScript integers
 * are exact; anything else stays a Decimal. No fraction of a cent is ever a
 * float: these are integer additions, checked to stay exact.
 */

const LIMIT = Number.MAX_SAFE_INTEGER;
const POW10 = [1, 10, 100];

/**
 * `x` in cents, or undefined when it is not a whole number of cents or too
 * large to be exact (a zero of either sign is 0).
 */
export function centsOf(x: Decimal): number | undefined {
  if (x.big !== undefined) return undefined; // not a scaled safe integer, so not a safe number of cents either
  return centsOfScaled(x.n, x.k);
}

/** centsOf the value n / 10^k (n a safe integer, 0 ≤ k ≤ 20), made without a Decimal. */
export function centsOfScaled(n: number, k: number): number | undefined {
  let c: number;
  if (k <= 2) {
    c = n * POW10[2 - k]!;
    if (!(c <= LIMIT && c >= -LIMIT)) return undefined;
  } else {
    const f = 10 ** (k - 2);
    if (n % f !== 0) return undefined;
    c = n / f;
  }
  return c === 0 ? 0 : c;
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

  /** add(c cents), for a caller holding whole cents (a safe integer) rather than a Decimal. */
  addCents(c: number): void {
    const t = this.cents + c;
    if (Number.isSafeInteger(t)) this.cents = t;
    else {
      const x = scaledDecimal(c, 2);
      this.rest = this.rest ? this.rest.plus(x) : x;
    }
  }

  /** Add another tally's total. */
  addTally(t: Tally): void {
    const t2 = this.cents + t.cents;
    if (Number.isSafeInteger(t2)) this.cents = t2;
    else this.rest = (this.rest ?? ZERO).plus(scaledDecimal(t.cents, 2));
    if (t.rest) this.rest = this.rest ? this.rest.plus(t.rest) : t.rest;
  }

  get value(): Decimal {
    const c = this.cents === 0 ? ZERO : scaledDecimal(this.cents, 2);
    return this.rest ? this.rest.plus(c) : c;
  }
}
