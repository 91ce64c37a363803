import { isCivilDate, type CivilDate } from '../dates/index.js';
import { TIME_CODES, type TimeEntry } from '../model/index.js';
import { parseDecimal, type Decimal } from '../money/index.js';

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
