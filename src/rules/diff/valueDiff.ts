import { toDecimal, isPlainObject } from '../check/numbers.js';

/** One difference inside a value: where (`single[3]`, `.rate`), old and new, as text. */
export interface ValueChange {
  at: string;
  /** YAML path of the changed part inside the value (for its line). */
  path: (string | number)[];
  old: string;
  new: string;
}

export const NONE = '(none)';

/** Compact one-line rendering of a value (rows of a table as `{at_least: 0, base: 0, rate: 0.1}`). */
export function render(v: unknown): string {
  if (v === undefined) return NONE;
  if (Array.isArray(v)) return `[${v.map(render).join(', ')}]`;
  if (isPlainObject(v)) return `{${Object.entries(v).map(([k, x]) => `${k}: ${render(x)}`).join(', ')}}`;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function same(a: unknown, b: unknown): boolean {
  const da = toDecimal(a), db = toDecimal(b);
  if (da && db && typeof a !== 'string' && typeof b !== 'string') return da.equals(db);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return a === b;
}

const isRow = (v: unknown) => isPlainObject(v) && Object.values(v).every((x) => !Array.isArray(x) && !isPlainObject(x));

/**
 * Differences between two values. Objects are compared key by key; lists of
 * rows (bracket tables) row by row, a changed row shown whole; anything else
 * as a whole. Numbers compare as decimals (0.10 = 0.1).
 */
export function diffValues(a: unknown, b: unknown, at = '', path: (string | number)[] = []): ValueChange[] {
  if (same(a, b)) return [];
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => diffValues(a[k], b[k], `${at}.${k}`, [...path, k]));
  }
  if (Array.isArray(a) && Array.isArray(b) && [...a, ...b].every(isRow)) {
    const out: ValueChange[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (!same(a[i], b[i])) out.push({ at: `${at} row ${i + 1}`, path: i < b.length ? [...path, i] : path, old: render(a[i]), new: render(b[i]) });
    }
    return out;
  }
  return [{ at, path, old: render(a), new: render(b) }];
}
