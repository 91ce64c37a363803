import { isCivilDate, type CivilDate } from '../dates/index.js';
import { TIME_CODES, type TimeEntry } from '../model/index.js';
import { ZERO, parseDecimal, scaledDecimal, type Decimal } from '../money/index.js';
import type { ScanRecord } from './csvScan.js';

/**
 * Row converters for the files that reach millions of rows. Each gives exactly
 * what its zod schema gives for the rows it accepts and returns undefined for
 * any other row, which then goes through the schema (and its messages). A test
 * checks the two agree on generated cells, valid and not.
 */

/** A cell's number, validated once per distinct text (a time sheet repeats a few dozen values). */
function numberCells(min: number, max: number | undefined): (text: string) => Decimal | undefined {
  const seen = new Map<string, Decimal | null>();
  return (text) => {
    let d = seen.get(text);
    if (d === undefined) {
      const p = parseDecimal(text);
      d = p && !p.lessThan(min) && (max === undefined || !p.greaterThan(max)) ? p : null;
      if (seen.size < 10_000) seen.set(text, d);
    }
    return d ?? undefined;
  };
}

const CODES: ReadonlySet<string> = new Set(TIME_CODES);

/** time.csv: `timeEntryRowSchema` for the rows it accepts. */
export function fastTimeEntry(header: readonly string[]): ((record: readonly string[]) => TimeEntry | undefined) | undefined {
  const at = (c: string) => header.lastIndexOf(c); // as the schema's row object: a repeated column's last cell wins
  const id = at('employee_id'), date = at('date'), hours = at('hours'), code = at('code'), rate = at('rate');
  if (id < 0 || date < 0 || hours < 0) return undefined;
  const hoursOf = numberCells(0, 24);
  const rateOf = numberCells(0, undefined);
  const dates = new Map<string, boolean>();
  return (r) => {
    const e = r[id]!.trim();
    if (e === '') return undefined;
    const d = r[date]!.trim();
    let ok = dates.get(d);
    if (ok === undefined) {
      ok = isCivilDate(d);
      if (dates.size < 100_000) dates.set(d, ok);
    }
    if (!ok) return undefined;
    const h = hoursOf(r[hours]!.trim());
    if (!h) return undefined;
    const row: TimeEntry = { employee_id: e, date: d as CivilDate, hours: h };
    if (code >= 0) {
      const c = r[code]!.trim();
      if (c !== '') {
        const l = c.toLowerCase();
        if (!CODES.has(l)) return undefined;
        row.code = l as TimeEntry['code'];
      }
    }
    if (rate >= 0) {
      const t = r[rate]!.trim();
      if (t !== '') {
        const x = rateOf(t);
        if (!x) return undefined;
        row.rate = x;
      }
    }
    return row;
  };
}

/** Printable ASCII other than space: the bytes a plain cell may hold (anything else: the string path decides). */
const plainByte = (b: number) => b > 0x20 && b < 0x7f;

/**
 * A cell's bytes as a plain unsigned decimal (`8`, `7.5`, `.25`, `10.`), as `n / 10^k` with a safe
 * integer n; undefined for anything else (signs, spaces, exponents, long digit strings).
 */
function scaledAt(buf: Uint8Array, s: number, e: number): boolean {
  let n = 0, k = 0, digits = 0, dot = false;
  for (let i = s; i < e; i++) {
    const c = buf[i]!;
    if (c === 0x2e && !dot) {
      dot = true;
      continue;
    }
    if (c < 0x30 || c > 0x39) return false;
    n = n * 10 + (c - 0x30);
    digits++;
    if (dot) k++;
  }
  if (digits === 0 || k > 20 || !Number.isSafeInteger(n)) return false;
  scaledN = n;
  scaledK = k;
  return true;
}
/** scaledAt's result (module state rather than a pair per cell: read right after the call). */
let scaledN = 0, scaledK = 0;

/** What `make` gives for the Decimal `n / 10^k`, made once per distinct pair (a time sheet repeats a few dozen). */
function cachedValue<T>(cache: Map<number, T>, n: number, k: number, make: (d: Decimal) => T): T {
  const key = n < 2 ** 47 ? n * 32 + k : undefined; // k ≤ 20 fits 5 bits; a key only while it is an exact integer
  let v = key === undefined ? undefined : cache.get(key);
  if (v === undefined) {
    v = make(scaledDecimal(n, k));
    if (key !== undefined && cache.size < 10_000) cache.set(key, v);
  }
  return v;
}

/** cachedValue's makers for hours (none above 24) and rates (closures made once, not per row). */
const hoursAtMost24 = (x: Decimal): Decimal | null => (x.greaterThan(24) ? null : x);
const asIs = (x: Decimal): Decimal => x;

/** The positions of a yyyy-MM-dd date's digits. */
const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9] as const;

/**
 * time.csv straight from a scanned record's bytes: for the plain records it
 * takes (every cell it reads unquoted printable ASCII, no spaces), exactly
 * what `fastTimeEntry` gives for the record's cells (a property test compares
 * the two); undefined for any other record, which then takes the string path
 * (fastTimeEntry, then the schema and its messages). No string is made but
 * the employee id (reused while the id repeats) and each distinct date.
 * The entry it returns is one object, reused by the next call (a million rows
 * make no million objects): a caller copies what it keeps.
 */
export function fastTimeEntryBytes(header: readonly string[]): ((r: ScanRecord) => TimeEntry | undefined) | undefined {
  const at = (c: string) => header.lastIndexOf(c);
  const id = at('employee_id'), date = at('date'), hours = at('hours'), code = at('code'), rate = at('rate');
  if (id < 0 || date < 0 || hours < 0) return undefined;
  const dates = new Map<number, CivilDate | null>();
  const hourValues = new Map<number, Decimal | null>();
  const rateValues = new Map<number, Decimal>();
  const codeTexts: Array<{ bytes: Buffer; text: string | null }> = [];
  let prevId = '';
  let prevBytes = Buffer.alloc(0);
  const plainCell = (r: ScanRecord, i: number): boolean => {
    if (r.quoted[i]) return false;
    for (let j = r.fs[i]!; j < r.fe[i]!; j++) if (!plainByte(r.buf[j]!)) return false;
    return true;
  };
  const row: TimeEntry = { employee_id: '', date: '' as CivilDate, hours: ZERO, code: undefined, rate: undefined };
  return (r) => {
    const buf = r.buf;
    // Employee id.
    if (!plainCell(r, id)) return undefined;
    const is = r.fs[id]!, ie = r.fe[id]!;
    if (ie === is) return undefined;
    let employeeId = prevId;
    let same = ie - is === prevBytes.length; // the same id as the row before (a loop: ids are a few bytes)
    for (let j = 0; same && j < prevBytes.length; j++) if (buf[is + j] !== prevBytes[j]) same = false;
    if (!same) {
      employeeId = prevId = buf.toString('latin1', is, ie); // printable ASCII: the same text as UTF-8
      prevBytes = Buffer.from(buf.subarray(is, ie));
    }
    // Date: exactly yyyy-MM-dd.
    const ds = r.fs[date]!;
    if (r.quoted[date] || r.fe[date]! - ds !== 10 || buf[ds + 4] !== 0x2d || buf[ds + 7] !== 0x2d) return undefined;
    let key = 0;
    for (let i = 0; i < DATE_DIGITS.length; i++) {
      const c = buf[ds + DATE_DIGITS[i]!]!;
      if (c < 0x30 || c > 0x39) return undefined;
      key = key * 10 + (c - 0x30);
    }
    let d = dates.get(key);
    if (d === undefined) {
      const text = buf.toString('latin1', ds, ds + 10);
      d = isCivilDate(text) ? (text as CivilDate) : null;
      if (dates.size < 100_000) dates.set(key, d);
    }
    if (d === null) return undefined;
    // Hours: 0 to 24.
    if (r.quoted[hours]) return undefined;
    if (!scaledAt(buf, r.fs[hours]!, r.fe[hours]!)) return undefined;
    const hv = cachedValue(hourValues, scaledN, scaledK, hoursAtMost24);
    if (hv === null) return undefined;
    row.employee_id = employeeId;
    row.date = d;
    row.hours = hv;
    row.code = undefined;
    row.rate = undefined;
    // Code: one of the time codes, any case.
    if (code >= 0 && r.fe[code]! > r.fs[code]!) {
      if (!plainCell(r, code)) return undefined;
      // The code's text by its bytes: a file has a handful of distinct codes (a short list, checked in a loop).
      const cs = r.fs[code]!, ce = r.fe[code]!;
      let text: string | null | undefined;
      for (const c of codeTexts) {
        if (c.bytes.length !== ce - cs) continue;
        let same = true;
        for (let j = 0; same && j < c.bytes.length; j++) if (buf[cs + j] !== c.bytes[j]) same = false;
        if (same) {
          text = c.text;
          break;
        }
      }
      if (text === undefined) {
        const t = buf.toString('latin1', cs, ce).toLowerCase();
        text = CODES.has(t) ? t : null;
        if (codeTexts.length < 32) codeTexts.push({ bytes: Buffer.from(buf.subarray(cs, ce)), text });
      }
      if (text === null) return undefined;
      row.code = text as TimeEntry['code'];
    }
    // Rate: not negative (no sign is taken here).
    if (rate >= 0 && r.fe[rate]! > r.fs[rate]!) {
      if (r.quoted[rate]) return undefined;
      if (!scaledAt(buf, r.fs[rate]!, r.fe[rate]!)) return undefined;
      row.rate = cachedValue(rateValues, scaledN, scaledK, asIs);
    }
    return row;
  };
}
