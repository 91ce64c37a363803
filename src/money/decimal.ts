import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The project's one Decimal type. Money is never a JavaScript float: every
 * amount, rate and hour count is a Decimal, and rounding happens only where a
 * rule says so (see round.ts).
 *
 * The semantics are decimal.js's, configured with 40 significant digits and
 * half-up rounding, and every result is the one decimal.js gives (a property
 * test compares them operation by operation). What differs is the cost: a
 * value that is a safe integer scaled by a power of ten (`n / 10^k`, |n| below
 * 2^53, k at most 20) is held as that pair, and the operations whose exact
 * result is again such a pair (plus, minus, times, comparisons, rounding, and
 * a division that comes out even) are done with integer arithmetic, exact by
 * construction: a product or sum of safe integers that is itself a safe
 * integer is computed exactly in IEEE-754 doubles, and the result is checked
 * with `Number.isSafeInteger` before it is used. Anything else (a division
 * that does not come out even, values beyond 2^53 or with more than 20
 * decimals) is computed by decimal.js, and its result turned back into a pair
 * when it fits. Signed zero follows decimal.js: it is IEEE-754's, as is
 * JavaScript's for these integer operations.
 */

const Js = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
type Js = InstanceType<typeof Js>;

export type DecimalInput = Decimal | string | number;
/** decimal.js's rounding modes (ROUND_UP 0 … ROUND_HALF_FLOOR 8). */
export type Rounding = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const MAX_SCALE = 20;
/** 10^0 … 10^22, every one exact as a double. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const HALF_UP: Rounding = 4;
/** For each divisor of 10^m (m ≤ 15) that is not 1: [10^m / divisor, m] with the smallest such m. */
const TENS_OVER = new Map<number, [number, number]>();
for (let m = 1; m <= 15; m++) {
  for (let a = 0; a <= m; a++) {
    for (let b = 0; b <= m; b++) {
      const d = 2 ** a * 5 ** b;
      if (d !== 1 && !TENS_OVER.has(d)) TENS_OVER.set(d, [POW10[m]! / d, m]);
    }
  }
}

/** decimal.js's copies of 0 … 1000 (pay periods, percent, thresholds), made once. decimal.js values are immutable. */
const SMALL_JS: readonly Js[] = Array.from({ length: 1001 }, (_, i) => new Js(i));

/** The internal constructor's tag: a Decimal made from a pair this module has checked. Like decimal.js, the public constructor ignores extra arguments. */
const SCALED: unique symbol = Symbol('scaled');

const isNeg = (n: number): boolean => n < 0 || Object.is(n, -0);

export class Decimal {
  static readonly ROUND_UP = 0 as const;
  static readonly ROUND_DOWN = 1 as const;
  static readonly ROUND_CEIL = 2 as const;
  static readonly ROUND_FLOOR = 3 as const;
  static readonly ROUND_HALF_UP = 4 as const;
  static readonly ROUND_HALF_DOWN = 5 as const;
  static readonly ROUND_HALF_EVEN = 6 as const;
  static readonly ROUND_HALF_CEIL = 7 as const;
  static readonly ROUND_HALF_FLOOR = 8 as const;

  /** @internal The scaled integer (when `big` is undefined). */
  n: number;
  /** @internal The number of decimals of `n`. */
  k: number;
  /** @internal The value as decimal.js holds it, when it is not a scaled safe integer. */
  big: Js | undefined;
  /** @internal decimal.js's copy of a scaled value, made when an operation needs it. */
  private twin: Js | undefined;

  constructor(x: DecimalInput);
  /** @internal `x / 10^k`, made by this module (the tag is private to it): no parsing, no checks. */
  constructor(x: number, k: number, tag: typeof SCALED);
  constructor(x: DecimalInput, k?: number, tag?: typeof SCALED) {
    this.twin = undefined;
    if (tag === SCALED) {
      this.n = x as number;
      this.k = k!;
      this.big = undefined;
      return;
    }
    this.n = 0;
    this.k = 0;
    this.big = undefined;
    if (x instanceof Decimal) {
      this.n = x.n;
      this.k = x.k;
      this.big = x.big;
    } else if (typeof x === 'number' && Number.isSafeInteger(x)) {
      this.n = x;
    } else {
      const text = typeof x === 'number' ? String(x) : x;
      if (typeof text !== 'string' || !parsePlain(this, text)) this.setFromJs(new Js(x as string | number));
    }
  }

  /** @internal */
  setFromJs(j: Js): void {
    if (!scaledFromJs(this, j)) {
      this.big = j;
      this.n = 0;
      this.k = 0;
    }
  }

  /** @internal decimal.js's value of this Decimal. */
  js(): Js {
    if (this.big !== undefined) return this.big;
    if (this.twin === undefined) {
      const n = this.n;
      this.twin = this.k === 0 && n >= 0 && n < SMALL_JS.length && !Object.is(n, -0) ? SMALL_JS[n]! : new Js(this.valueOf());
    }
    return this.twin;
  }

  // ---------------------------------------------------------------- arithmetic

  plus(y: DecimalInput): Decimal {
    return this.add(y instanceof Decimal ? y : new Decimal(y), 1);
  }

  minus(y: DecimalInput): Decimal {
    return this.add(y instanceof Decimal ? y : new Decimal(y), -1);
  }

  /** this + sign × o. For the integers, a − b is a + (−b) in IEEE-754, signed zeros included. */
  private add(o: Decimal, sign: 1 | -1): Decimal {
    if (this.big === undefined && o.big === undefined) {
      const k = align(this, o);
      const r = alignedA + sign * alignedB;
      if (k >= 0 && Number.isSafeInteger(r)) return new Decimal(r, k, SCALED);
    } else if (o.big === undefined && o.n === 0 && withinPrecision(this.big!)) return this; // x ± 0 = x, as decimal.js gives it
    else if (this.big === undefined && this.n === 0 && withinPrecision(o.big!)) return sign === 1 ? o : fromJs(o.big!.negated()); // 0 ± y
    return fromJs(sign === 1 ? this.js().plus(o.js()) : this.js().minus(o.js()));
  }

  times(y: DecimalInput): Decimal {
    const o = y instanceof Decimal ? y : new Decimal(y);
    if (this.big === undefined && o.big === undefined) {
      const r = this.n * o.n;
      let k = this.k + o.k;
      if (Number.isSafeInteger(r)) {
        if (k <= MAX_SCALE) return new Decimal(r, k, SCALED);
        let m = r;
        while (k > MAX_SCALE && m % 10 === 0 && m !== 0) { m /= 10; k--; }
        if (k <= MAX_SCALE) return new Decimal(m, k, SCALED);
      }
    }
    return fromJs(this.js().times(o.js()));
  }

  div(y: DecimalInput): Decimal {
    const o = y instanceof Decimal ? y : new Decimal(y);
    if (this.big === undefined && o.big === undefined && o.n !== 0) {
      // Only a quotient that is a whole number of the pair's unit: anything else goes to decimal.js.
      const f = TENS_OVER.get(Math.abs(o.n));
      if (f !== undefined) {
        // The divisor divides a power of ten (2, 4, 5, 8, 10, 20, 25, 100, …): x / y = x × (10^m / |y|) / 10^m, exact.
        const r = this.n * f[0];
        const k = this.k + f[1] - o.k;
        if (Number.isSafeInteger(r) && k >= 0 && k <= MAX_SCALE) return new Decimal(o.n < 0 ? -r : r, k, SCALED);
      }
      if (this.n % o.n === 0) {
        const q = this.n / o.n; // exact: the remainder (exact for doubles) is zero
        const k = this.k - o.k;
        if (k >= 0) return new Decimal(q, k, SCALED);
        const m = q * POW10[-k]!;
        if (Number.isSafeInteger(m)) return new Decimal(m, 0, SCALED);
      }
    }
    return fromJs(this.js().div(o.js()));
  }

  dividedBy(y: DecimalInput): Decimal {
    return this.div(y);
  }

  /**
   * `this.div(y).toDecimalPlaces(dp, rm)`: the same result, computed without
   * decimal.js where it can be. Both values scaled safe integers, half-up, at
   * most 4 places, and a quotient under 10^15: the exact quotient rounded once.
   * That equals decimal.js's 40-digit quotient rounded again: the exact quotient
   * N/D (D < 2^53, in units of 10^-dp) is either on a half or at least
   * 1/(2D) from one, farther than 40 digits can move it (D × 10^dp × |q| < 10^39).
   */
  divToDecimalPlaces(y: DecimalInput, dp: number, rm: Rounding = HALF_UP): Decimal {
    const o = y instanceof Decimal ? y : new Decimal(y);
    if (rm === HALF_UP && this.big === undefined && o.big === undefined && o.n !== 0 && (dp === 0 || dp === 1 || dp === 2 || dp === 3 || dp === 4)) {
      let a = Math.abs(this.n), b = Math.abs(o.n);
      const e = o.k + dp - this.k; // |q| × 10^dp = a × 10^e / b
      if (e >= 0) a *= POW10[e]!;
      else if (-e < POW10.length) b *= POW10[-e]!;
      else b = Infinity;
      if (a + b <= Number.MAX_SAFE_INTEGER && a < b * POW10[15 + dp]!) {
        let q = Math.floor(a / b); // a first guess: the float quotient may round up to the next integer
        let r = a - q * b; // exact: q × b ≤ a + b is a safe integer
        if (r < 0) {
          q--;
          r += b;
        } else if (r >= b) {
          q++;
          r -= b;
        }
        if (2 * r >= b) q++; // half-up: away from zero at the half
        return new Decimal(isNeg(this.n) !== isNeg(o.n) ? -q : q, dp, SCALED);
      }
    }
    return this.div(o).toDecimalPlaces(dp, rm);
  }

  negated(): Decimal {
    return this.big === undefined ? new Decimal(-this.n, this.k, SCALED) : fromJs(this.big.negated());
  }

  abs(): Decimal {
    return this.big === undefined ? new Decimal(Math.abs(this.n), this.k, SCALED) : fromJs(this.big.abs());
  }

  // ---------------------------------------------------------------- rounding

  /** Round to `dp` decimals (mode `rm`, half-up by default); without `dp`, the value itself. */
  toDecimalPlaces(dp?: number, rm: Rounding = HALF_UP): Decimal {
    if (dp === undefined) return this;
    if (this.big === undefined && validDp(dp) && validRm(rm)) {
      if (this.k <= dp) return this;
      return new Decimal(roundScaled(this.n, this.k - dp, rm), dp, SCALED);
    }
    return fromJs(this.js().toDecimalPlaces(dp, rm));
  }

  toDP(dp?: number, rm: Rounding = HALF_UP): Decimal {
    return this.toDecimalPlaces(dp, rm);
  }

  floor(): Decimal {
    return this.toDecimalPlaces(0, 3);
  }

  ceil(): Decimal {
    return this.toDecimalPlaces(0, 2);
  }

  round(): Decimal {
    return this.toDecimalPlaces(0, HALF_UP);
  }

  // ---------------------------------------------------------------- comparison

  comparedTo(y: DecimalInput): number {
    const o = y instanceof Decimal ? y : new Decimal(y);
    if (this.big === undefined && o.big === undefined) {
      if (align(this, o) >= 0) return alignedA > alignedB ? 1 : alignedA < alignedB ? -1 : 0;
    } else if (o.big === undefined && o.n === 0 && !this.big!.isNaN()) return this.big!.s; // a non-zero value against zero: its sign
    else if (this.big === undefined && this.n === 0 && !o.big!.isNaN()) return -o.big!.s;
    return this.js().comparedTo(o.js());
  }

  cmp(y: DecimalInput): number {
    return this.comparedTo(y);
  }

  equals(y: DecimalInput): boolean {
    return this.comparedTo(y) === 0;
  }

  eq(y: DecimalInput): boolean {
    return this.comparedTo(y) === 0;
  }

  greaterThan(y: DecimalInput): boolean {
    return this.comparedTo(y) > 0;
  }

  gt(y: DecimalInput): boolean {
    return this.comparedTo(y) > 0;
  }

  greaterThanOrEqualTo(y: DecimalInput): boolean {
    return this.comparedTo(y) >= 0;
  }

  gte(y: DecimalInput): boolean {
    return this.comparedTo(y) >= 0;
  }

  lessThan(y: DecimalInput): boolean {
    return this.comparedTo(y) < 0;
  }

  lt(y: DecimalInput): boolean {
    return this.comparedTo(y) < 0;
  }

  lessThanOrEqualTo(y: DecimalInput): boolean {
    return this.comparedTo(y) <= 0;
  }

  lte(y: DecimalInput): boolean {
    return this.comparedTo(y) <= 0;
  }

  // ---------------------------------------------------------------- predicates

  isZero(): boolean {
    return this.big === undefined ? this.n === 0 : this.big.isZero();
  }

  isNegative(): boolean {
    return this.big === undefined ? isNeg(this.n) : this.big.isNegative();
  }

  isNeg(): boolean {
    return this.isNegative();
  }

  isPositive(): boolean {
    return this.big === undefined ? !isNeg(this.n) : this.big.isPositive();
  }

  isPos(): boolean {
    return this.isPositive();
  }

  isInteger(): boolean {
    return this.big === undefined ? this.k === 0 || this.n % POW10[this.k]! === 0 : this.big.isInteger();
  }

  isInt(): boolean {
    return this.isInteger();
  }

  isFinite(): boolean {
    return this.big === undefined ? true : this.big.isFinite();
  }

  isNaN(): boolean {
    return this.big === undefined ? false : this.big.isNaN();
  }

  // ---------------------------------------------------------------- conversion

  /** Normal notation within decimal.js's limits (exponent below -30 or from 40 up: exponential), "-" only on a non-zero value. */
  toString(): string {
    if (this.big !== undefined) return this.big.toString();
    const s = plainString(Math.abs(this.n), this.k);
    return this.n < 0 ? `-${s}` : s;
  }

  /** As toString, but a negative zero keeps its sign ("-0"), as decimal.js's valueOf and toJSON do. */
  valueOf(): string {
    if (this.big !== undefined) return this.big.valueOf();
    const s = plainString(Math.abs(this.n), this.k);
    return isNeg(this.n) ? `-${s}` : s;
  }

  toJSON(): string {
    return this.valueOf();
  }

  /** Exactly `dp` decimals (rounded with `rm`, half-up by default); without `dp`, normal notation. */
  toFixed(dp?: number, rm: Rounding = HALF_UP): string {
    if (this.big !== undefined || (dp !== undefined && !validDp(dp)) || !validRm(rm)) return this.js().toFixed(dp as number, rm);
    const neg = this.n < 0; // a zero is written without its sign, as decimal.js does
    if (dp === undefined) return (neg ? '-' : '') + plainString(Math.abs(this.n), this.k);
    const m = this.k <= dp ? Math.abs(this.n) : Math.abs(roundScaled(this.n, this.k - dp, rm));
    const k = Math.min(this.k, dp);
    return (neg ? '-' : '') + fixedString(m, k, dp);
  }

  toNumber(): number {
    return Number(this.valueOf());
  }

  static max(...xs: DecimalInput[]): Decimal {
    return maxOrMin(xs, -1);
  }

  static min(...xs: DecimalInput[]): Decimal {
    return maxOrMin(xs, 1);
  }
}

/** Two scaled values brought to the larger scale, for add and comparedTo (module variables: no allocation per operation). */
let alignedA = 0, alignedB = 0;

/** The common scale of x and y, with alignedA and alignedB their integers at it; -1 when one of those would not be a safe integer. */
function align(x: Decimal, y: Decimal): number {
  let a = x.n, b = y.n;
  const k = x.k >= y.k ? x.k : y.k;
  if (x.k < k) a *= POW10[k - x.k]!;
  else if (y.k < k) b *= POW10[k - y.k]!;
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return -1;
  alignedA = a;
  alignedB = b;
  return k;
}

/** decimal.js's maxOrMin: on a tie, max takes the later value over a negative one, min over a positive one. */
function maxOrMin(xs: readonly DecimalInput[], n: -1 | 1): Decimal {
  let x = new Decimal(xs[0]!);
  for (let i = 1; i < xs.length; i++) {
    const y = new Decimal(xs[i]!);
    if (y.isNaN()) return y;
    const k = x.comparedTo(y);
    if (k === n || (k === 0 && (n === -1 ? x.isNegative() : x.isPositive()))) x = y;
  }
  return x;
}

/**
 * Whether decimal.js would leave `j` as it is when an operation rounds it to
 * the 40 significant digits of the configuration (true of every result of an
 * operation; a value read from long text may have more digits).
 */
function withinPrecision(j: Js): boolean {
  const w = j.d;
  if (!w) return false; // NaN, ±Infinity: decimal.js's own rules
  if (w.length <= 5) return true; // at most 35 digits
  const first = w[0]!;
  const lead = first >= 1e6 ? 7 : first >= 1e5 ? 6 : first >= 1e4 ? 5 : first >= 1e3 ? 4 : first >= 100 ? 3 : first >= 10 ? 2 : 1;
  let last = w[w.length - 1]!;
  let trailing = 0;
  while (last !== 0 && last % 10 === 0) { last /= 10; trailing++; }
  return lead + 7 * (w.length - 1) - trailing <= 40;
}

/** Arguments decimal.js accepts (it throws on the others, so those go to it): decimal places 0 … 1e9, rounding modes 0 … 8. */
const validDp = (dp: number): boolean => Number.isInteger(dp) && dp >= 0 && dp <= 1e9;
const validRm = (rm: number): boolean => Number.isInteger(rm) && rm >= 0 && rm <= 8;

/** A decimal.js result as a Decimal (a scaled integer when it is one). */
function fromJs(j: Js): Decimal {
  const d = new Decimal(0, 0, SCALED);
  d.setFromJs(j);
  return d;
}

/**
 * `|n| / 10^shift` rounded to an integer by `rm`, with n's sign (a result of
 * zero keeps the sign of n, as decimal.js's does). Integer division done
 * exactly: the float quotient is only a first guess, corrected by the remainder.
 */
function roundScaled(n: number, shift: number, rm: Rounding): number {
  const neg = isNeg(n);
  const a = Math.abs(n);
  if (shift >= POW10.length) {
    // |n| < 2^53 < 10^16 ≤ 10^shift / 2 for shift ≥ 17: the quotient is 0 and the remainder under a half.
    const up = a !== 0 && (rm === 0 || (rm === 2 && !neg) || (rm === 3 && neg));
    const q = up ? 1 : 0;
    return neg ? -q : q;
  }
  const f = POW10[shift]!;
  const r = a % f; // exact for doubles
  let q = (a - r) / f; // exact: a whole number
  let up = false;
  if (r !== 0) {
    switch (rm) {
      case 0: up = true; break; // UP (away from zero)
      case 1: break; // DOWN
      case 2: up = !neg; break; // CEIL
      case 3: up = neg; break; // FLOOR
      case 4: up = 2 * r >= f; break; // HALF_UP
      case 5: up = 2 * r > f; break; // HALF_DOWN
      case 6: up = 2 * r > f || (2 * r === f && q % 2 === 1); break; // HALF_EVEN
      case 7: up = 2 * r > f || (2 * r === f && !neg); break; // HALF_CEIL
      case 8: up = 2 * r > f || (2 * r === f && neg); break; // HALF_FLOOR
    }
  }
  if (up) q++;
  return neg ? -q : q;
}

/** The digits of a non-negative `m / 10^k`, trailing decimal zeros trimmed. */
function plainString(m: number, k: number): string {
  if (k === 0 || m === 0) return String(m);
  let digits = String(m);
  let kk = k;
  while (kk > 0 && digits.endsWith('0')) { digits = digits.slice(0, -1); kk--; }
  if (kk === 0) return digits;
  if (digits.length <= kk) return `0.${'0'.repeat(kk - digits.length)}${digits}`;
  return `${digits.slice(0, digits.length - kk)}.${digits.slice(digits.length - kk)}`;
}

/** A non-negative `m / 10^k` with exactly `dp` decimals (k ≤ dp). */
function fixedString(m: number, k: number, dp: number): string {
  let digits = String(m);
  if (dp === 0) return digits;
  if (digits.length <= k) digits = '0'.repeat(k - digits.length + 1) + digits;
  const int = digits.slice(0, digits.length - k);
  const frac = digits.slice(digits.length - k) + '0'.repeat(dp - k);
  return `${int}.${frac}`;
}

/**
 * Read a plain decimal (`-1234.56`, `+7`, `.5`, `5.`) whose digits make a
 * safe integer straight into `d`. Returns false for anything else
 * (exponents, more digits, text decimal.js rejects): decimal.js reads those.
 */
function parsePlain(d: Decimal, s: string): boolean {
  const len = s.length;
  if (len === 0 || len > 40) return false;
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 /* - */) { neg = true; i = 1; }
  else if (c0 === 43 /* + */) i = 1;
  let n = 0, k = 0, digits = 0, dot = false;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (dot) return false;
      dot = true;
      continue;
    }
    if (c < 48 || c > 57) return false;
    digits++;
    n = n * 10 + (c - 48); // exact while safe; once past 2^53 it stays past it, and the check below fails
    if (dot) k++;
  }
  if (digits === 0 || k > MAX_SCALE || !Number.isSafeInteger(n)) return false;
  d.n = neg ? -n : n;
  d.k = k;
  return true;
}

/** decimal.js's value as `n / 10^k` in `d`, if it is one with |n| < 2^53 and k ≤ 20. */
function scaledFromJs(d: Decimal, j: Js): boolean {
  const w = j.d;
  if (!w) return false; // NaN, ±Infinity
  if (w.length === 1 && w[0] === 0) {
    d.n = j.s < 0 ? -0 : 0;
    d.k = 0;
    d.big = undefined;
    return true;
  }
  // decimal.js: base-1e7 words, the first holding the units of 1e7^floor(e/7). A safe integer spans at
  // most 4 words (16 digits, the first and last words partly used).
  const len = w.length;
  if (len > 4) return false;
  const intWords = Math.floor(j.e / 7) + 1;
  // The last word's trailing zeros go first, so that a value like 1000000000.01 is not taken for
  // 1000000000.0100000 (too many digits for a safe integer).
  let last = w[len - 1]!;
  let t = 0;
  while (last !== 0 && last % 10 === 0) { last /= 10; t++; }
  let n = 0;
  for (let i = 0; i < len - 1; i++) n = n * 1e7 + w[i]!;
  n = n * POW10[7 - t]! + last;
  let k = 7 * (len - intWords) - t;
  if (!Number.isSafeInteger(n)) return false; // the words before it are a prefix, so exact while this is safe
  if (k < 0) {
    if (-k >= POW10.length) return false;
    n *= POW10[-k]!;
    k = 0;
    if (!Number.isSafeInteger(n)) return false;
  }
  while (k > 0 && n % 10 === 0) { n /= 10; k--; }
  if (k > MAX_SCALE) return false;
  d.n = j.s < 0 ? -n : n;
  d.k = k;
  d.big = undefined;
  return true;
}

/** `n / 10^k` for a safe integer `n` and 0 ≤ k ≤ 20 (for readers that have already found the digits). */
export function scaledDecimal(n: number, k: number): Decimal {
  if (!Number.isSafeInteger(n) || !Number.isInteger(k) || k < 0 || k > MAX_SCALE) throw new RangeError(`scaledDecimal: ${n} / 10^${k} is not a scaled safe integer`);
  return new Decimal(n, k, SCALED);
}

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
