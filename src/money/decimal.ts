import { Decimal as DecimalBase } from 'decimal.js';

/**
 * The project's one Decimal constructor. Money is never a JavaScript float:
 * every amount, rate and hour count is a Decimal with 40 significant digits,
 * and rounding happens only where a rule says so (see round.ts).
 */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalInput = Decimal | string | number;

export const ZERO: Decimal = new Decimal(0);
export const ONE: Decimal = new Decimal(1);

export function dec(x: DecimalInput): Decimal {
  return x instanceof Decimal ? x : new Decimal(x);
}

export function sum(xs: Iterable<Decimal>): Decimal {
  let t = ZERO;
  for (const x of xs) t = t.plus(x);
  return t;
}

export function maxDec(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}

export function minDec(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}
