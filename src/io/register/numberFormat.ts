import { Decimal, centsOfScaled, scaledDecimal } from '../../money/index.js';

export interface NumberFormat {
  decimal: '.' | ',';
  thousands: '' | ',' | '.' | ' ' | "'";
}

export const PLAIN_NUMBERS: NumberFormat = { decimal: '.', thousands: '' };

const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How a number should look in this format, for messages: `1,234.56`, `1 234,56`, `1234.56`. */
export function numberExample(f: NumberFormat): string {
  return `1${f.thousands}234${f.decimal}56`;
}

/**
 * A parser for amounts written in one register's number format. Accepts a
 * leading or trailing minus and accounting parentheses `(1,234.56)`; thousands
 * separators must sit between groups of three digits, so a file read with the
 * wrong profile (`1.234,56` as US) is rejected rather than misread.
 */
export function numberParser(f: NumberFormat): (text: string) => Decimal | undefined {
  const parse = generalNumberParser(f);
  // A register repeats most of its amounts ("0.00" in almost half its cells): each distinct text the
  // fast path does not read is parsed once (Decimals are immutable, so rows can share them).
  const seen = new Map<string, Decimal | null>();
  const decimalCode = f.decimal.charCodeAt(0);
  const thousandsCode = f.thousands === '' ? -1 : f.thousands.charCodeAt(0);
  return (text: string) => {
    const fast = plainAmount(text, decimalCode, thousandsCode);
    if (fast !== undefined) return fast;
    let d = seen.get(text);
    if (d === undefined) {
      d = parse(text) ?? null;
      if (seen.size >= 20_000) seen.clear(); // bounded: a register of a million rows has hundreds of thousands of distinct amounts
      seen.set(text, d);
    }
    return d ?? undefined;
  };
}

/** Every accepted shape, by regular expression (numberParser puts a fast path for the common one in front of it). */
export function generalNumberParser(f: NumberFormat): (text: string) => Decimal | undefined {
  const dec = esc(f.decimal);
  const grouped = f.thousands === '' ? '' : `|\\d{1,3}(?:${f.thousands === ' ' ? '[ \\u00a0\\u202f]' : esc(f.thousands)}\\d{3})+`;
  const body = new RegExp(`^(?:\\d+${grouped})(?:${dec}\\d*)?$|^${dec}\\d+$`);
  const strip = f.thousands === '' ? undefined : new RegExp(f.thousands === ' ' ? '[ \\u00a0\\u202f]' : esc(f.thousands), 'g');
  const parse = (text: string): Decimal | undefined => {
    let t = text.trim();
    if (t === '') return undefined;
    let neg = false;
    if (t.startsWith('(') && t.endsWith(')')) {
      neg = true;
      t = t.slice(1, -1).trim();
    }
    if (t.startsWith('-') || t.startsWith('+')) {
      neg = neg !== (t[0] === '-');
      t = t.slice(1).trim();
    } else if (t.endsWith('-')) {
      neg = !neg;
      t = t.slice(0, -1).trim();
    }
    if (!body.test(t)) return undefined;
    if (strip) t = t.replace(strip, '');
    if (f.decimal === ',') t = t.replace(',', '.');
    if (t.endsWith('.')) t = t.slice(0, -1);
    const d = new Decimal(t);
    return neg ? d.negated() : d;
  };
  return parse;
}

/**
 * The common shape read without regular expressions: an optional leading
 * minus, digits (grouped by threes with the thousands separator, or not
 * grouped), an optional decimal part, nothing else, digits that make a safe
 * integer. Exactly what the general parser accepts and gives for such text;
 * undefined for anything else (the general parser decides).
 */
function plainAmount(t: string, decimalCode: number, thousandsCode: number): Decimal | undefined {
  return scanAmount(t, undefined, 0, t.length, decimalCode, thousandsCode);
}

/**
 * plainAmount on the bytes buf[start, end) of a UTF-8 record: the same text,
 * the same answer (every character it accepts is ASCII, one byte each).
 */
export function plainAmountBytes(buf: Uint8Array, start: number, end: number, f: NumberFormat): Decimal | undefined {
  return scanAmount(undefined, buf, start, end, f.decimal.charCodeAt(0), f.thousands === '' ? -1 : f.thousands.charCodeAt(0));
}

/**
 * plainAmountBytes in whole cents, made without a Decimal: `centsOf` of the
 * amount it gives, or NaN where it gives none or the amount is not a whole
 * number of cents (a property test compares the two).
 */
export function plainCentsBytes(buf: Uint8Array, start: number, end: number, f: NumberFormat): number {
  const n = scanScaled(undefined, buf, start, end, f.decimal.charCodeAt(0), f.thousands === '' ? -1 : f.thousands.charCodeAt(0));
  if (n !== n) return NaN;
  return centsOfScaled(n, scanScale) ?? NaN;
}

function scanAmount(t: string | undefined, b: Uint8Array | undefined, from: number, len: number, decimalCode: number, thousandsCode: number): Decimal | undefined {
  const n = scanScaled(t, b, from, len, decimalCode, thousandsCode);
  return n !== n ? undefined : scaledDecimal(n, scanScale);
}

/** The decimals of the amount scanScaled read last. */
let scanScale = 0;

/**
 * The plain amount in t or b[from, len) as a signed safe integer n, its
 * decimals in scanScale (the amount is n / 10^scanScale); NaN when the text
 * is not in the plain shape.
 */
function scanScaled(t: string | undefined, b: Uint8Array | undefined, from: number, len: number, decimalCode: number, thousandsCode: number): number {
  const code = (i: number) => (b !== undefined ? b[i]! : t!.charCodeAt(i));
  let i = from;
  const neg = len > from && code(from) === 45; /* - */
  if (neg) i++;
  let n = 0, k = 0;
  let group = 0; // digits since the last thousands separator (or the start)
  let grouped = false;
  const start = i;
  for (; i < len; i++) {
    const c = code(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      group++;
    } else if (c === thousandsCode) {
      if (grouped ? group !== 3 : group < 1 || group > 3) return NaN;
      grouped = true;
      group = 0;
    } else break;
  }
  if (i === start || (grouped && group !== 3)) return NaN;
  if (i < len) {
    if (code(i) !== decimalCode) return NaN;
    for (i++; i < len; i++) {
      const c = code(i);
      if (c < 48 || c > 57) return NaN;
      n = n * 10 + (c - 48);
      k++;
    }
  }
  if (k > 20 || !Number.isSafeInteger(n)) return NaN; // n only grows: once past 2^53 it stays past it
  scanScale = k;
  return neg ? -n : n;
}
