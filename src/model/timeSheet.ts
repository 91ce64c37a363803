import type { CivilDate } from '../dates/index.js';
import type { Decimal } from '../money/index.js';
import type { TimeEntry } from './timeEntry.js';

/**
 * One employee's time entries, in date order (entries of one date keep their
 * file order). A year of a large company has millions of entries, so the
 * loader keeps them compact and hands out `TimeEntry` objects only for the
 * dates a payslip asks for.
 */
export interface TimeSheet {
  readonly length: number;
  /** The entries dated from `from` to `to`, both included, in date order. */
  between(from: CivilDate, to: CivilDate): TimeEntry[];
  /** How many entries are dated from `from` to `to` (nothing is built). */
  countBetween(from: CivilDate, to: CivilDate): number;
  /** Every entry, in date order. */
  all(): TimeEntry[];
}

/** Index of the first of `n` dates (in order, read by `dateAt`) that is on or after `from`. */
export function firstOnOrAfter(n: number, dateAt: (i: number) => CivilDate, from: CivilDate): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dateAt(mid) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The date-range queries of a sheet, over its i-th date and entry (both sheets share them). */
abstract class IndexedSheet implements TimeSheet {
  abstract readonly length: number;
  protected abstract dateAt(i: number): CivilDate;
  protected abstract entry(i: number): TimeEntry;

  between(from: CivilDate, to: CivilDate): TimeEntry[] {
    const out: TimeEntry[] = [];
    for (let i = firstOnOrAfter(this.length, (j) => this.dateAt(j), from); i < this.length && this.dateAt(i) <= to; i++) out.push(this.entry(i));
    return out;
  }

  countBetween(from: CivilDate, to: CivilDate): number {
    const start = firstOnOrAfter(this.length, (j) => this.dateAt(j), from);
    let i = start;
    while (i < this.length && this.dateAt(i) <= to) i++;
    return i - start;
  }

  all(): TimeEntry[] {
    const out: TimeEntry[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.entry(i));
    return out;
  }
}

class ObjectSheet extends IndexedSheet {
  constructor(private readonly sorted: readonly TimeEntry[]) {
    super();
  }
  get length(): number {
    return this.sorted.length;
  }
  protected dateAt(i: number): CivilDate {
    return this.sorted[i]!.date;
  }
  protected entry(i: number): TimeEntry {
    return this.sorted[i]!;
  }
}

/** A time sheet over entry objects (tests, small companies); sorted here, stably. */
export function timeSheetOf(entries: readonly TimeEntry[]): TimeSheet {
  return new ObjectSheet([...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
}

/**
 * Shared value tables of a compact load: every distinct date, hours value,
 * time code and rate is stored once (strings and Decimals are immutable), and
 * an entry is four small integers.
 */
export class TimeValues {
  readonly dates: CivilDate[] = [];
  readonly hours: Decimal[] = [];
  /** Index 0: no code given. */
  readonly codes: Array<TimeEntry['code']> = [undefined];
  /** Index 0: no rate given. */
  readonly rates: Array<Decimal | undefined> = [undefined];
  private readonly dateIndex = new Map<string, number>();
  private readonly codeIndex = new Map<string, number>();
  // Hours and rates: by the Decimal itself first (a reader hands out one Decimal per distinct text), then by value.
  private readonly hourObjects = new Map<Decimal, number>();
  private readonly hourIndex = new Map<string, number>();
  private readonly rateObjects = new Map<Decimal, number>();
  private readonly rateIndex = new Map<string, number>();

  private static at<T>(table: T[], index: Map<string, number>, key: string, value: T): number {
    let i = index.get(key);
    if (i === undefined) {
      i = table.length;
      table.push(value);
      index.set(key, i);
    }
    return i;
  }

  private static byValue(table: Array<Decimal | undefined>, objects: Map<Decimal, number>, index: Map<string, number>, x: Decimal): number {
    let i = objects.get(x);
    if (i === undefined) {
      i = TimeValues.at(table, index, x.toString(), x);
      if (objects.size < 10_000) objects.set(x, i);
    }
    return i;
  }

  date(d: CivilDate): number {
    return TimeValues.at(this.dates, this.dateIndex, d, d);
  }
  hour(h: Decimal): number {
    return TimeValues.byValue(this.hours, this.hourObjects, this.hourIndex, h);
  }
  code(c: TimeEntry['code']): number {
    return c === undefined ? 0 : TimeValues.at(this.codes, this.codeIndex, c, c);
  }
  rate(r: Decimal | undefined): number {
    return r === undefined ? 0 : TimeValues.byValue(this.rates, this.rateObjects, this.rateIndex, r);
  }
}

/** Fields per entry in a builder's buffer: date, hours, code, rate (table indexes). */
const W = 4;

/** Collects one employee's entries as table indexes while a file is read; `build` sorts and packs them. */
export class TimeSheetBuilder {
  // Four table indexes per entry. (An array of small integers: typed arrays that double as they fill
  // were tried, and raised the peak RSS at the default size by about 100 MB, their buffers living
  // outside the workers' heap limit.)
  private buf: number[] = [];
  /** Whether the entries came in date order (the usual file), so build need not sort them. */
  private inOrder = true;
  private lastDate = '';
  constructor(
    private readonly employeeId: string,
    private readonly values: TimeValues,
  ) {}

  add(e: Pick<TimeEntry, 'date' | 'hours' | 'code' | 'rate'>): void {
    const v = this.values;
    if (e.date < this.lastDate) this.inOrder = false;
    this.lastDate = e.date;
    this.buf.push(v.date(e.date), v.hour(e.hours), v.code(e.code), v.rate(e.rate));
  }

  build(): TimeSheet {
    const { buf, values } = this;
    const n = buf.length / W;
    const date = new Int32Array(n), hours = new Int32Array(n), rate = new Int32Array(n), code = new Uint8Array(n);
    const put = (j: number, i: number) => {
      date[i] = buf[j * W]!;
      hours[i] = buf[j * W + 1]!;
      code[i] = buf[j * W + 2]!;
      rate[i] = buf[j * W + 3]!;
    };
    if (this.inOrder) for (let i = 0; i < n; i++) put(i, i);
    else {
      // Stable: entries of one date keep their file order.
      const order = Array.from({ length: n }, (_, i) => i);
      const dates = values.dates;
      order.sort((a, b) => {
        const da = dates[buf[a * W]!]!, db = dates[buf[b * W]!]!;
        return da < db ? -1 : da > db ? 1 : a - b;
      });
      order.forEach((j, i) => put(j, i));
    }
    this.buf = [];
    return new CompactTimeSheet(this.employeeId, values, date, hours, code, rate);
  }
}

class CompactTimeSheet extends IndexedSheet {
  constructor(
    private readonly employeeId: string,
    private readonly values: TimeValues,
    private readonly date: Int32Array,
    private readonly hours: Int32Array,
    private readonly code: Uint8Array,
    private readonly rate: Int32Array,
  ) {
    super();
  }

  get length(): number {
    return this.date.length;
  }

  protected dateAt(i: number): CivilDate {
    return this.values.dates[this.date[i]!]!;
  }

  protected entry(i: number): TimeEntry {
    const v = this.values;
    const e: TimeEntry = { employee_id: this.employeeId, date: v.dates[this.date[i]!]!, hours: v.hours[this.hours[i]!]! };
    const c = this.code[i]!, r = this.rate[i]!;
    if (c !== 0) e.code = v.codes[c];
    if (r !== 0) e.rate = v.rates[r];
    return e;
  }
}
