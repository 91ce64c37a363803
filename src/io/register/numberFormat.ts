import { Decimal } from '../../money/index.js';

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
  const dec = esc(f.decimal);
  const grouped = f.thousands === '' ? '' : `|\\d{1,3}(?:${f.thousands === ' ' ? '[ \\u00a0\\u202f]' : esc(f.thousands)}\\d{3})+`;
  const body = new RegExp(`^(?:\\d+${grouped})(?:${dec}\\d*)?$|^${dec}\\d+$`);
  const strip = f.thousands === '' ? undefined : new RegExp(f.thousands === ' ' ? '[ \\u00a0\\u202f]' : esc(f.thousands), 'g');
  // A register repeats most of its amounts ("0.00" in almost half its cells): each distinct text is
  // parsed once (Decimals are immutable, so rows can share them).
  const seen = new Map<string, Decimal | null>();
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
  return (text: string) => {
    let d = seen.get(text);
    if (d === undefined) {
      d = parse(text) ?? null;
      if (seen.size >= 20_000) seen.clear(); // bounded: a register of a million rows has hundreds of thousands of distinct amounts
      seen.set(text, d);
    }
    return d ?? undefined;
  };
}
