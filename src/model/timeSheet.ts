import type { CivilDate } from '../dates/index.js';
import type { Decimal } from '../money/index.js';
import type { TimeEntry } from './timeEntry.js';
import { placeIn } from './tableIndex.js';

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

  private static byValue(table: Array<Decimal | undefined>, objects: Map<Decimal, number>, index: Map<string, number>, x: Decimal): number {
    let i = objects.get(x);
    if (i === undefined) {
      i = placeIn(table, index, x.toString(), x);
      if (objects.size < 10_000) objects.set(x, i);
    }
    return i;
  }

  date(d: CivilDate): number {
    return placeIn(this.dates, this.dateIndex, d, d);
  }
  hour(h: Decimal): number {
    return TimeValues.byValue(this.hours, this.hourObjects, this.hourIndex, h);
  }
  code(c: TimeEntry['code']): number {
    return c === undefined ? 0 : placeIn(this.codes, this.codeIndex, c, c);
  }
  rate(r: Decimal | undefined): number {
    return r === undefined ? 0 : TimeValues.byValue(this.rates, this.rateObjects, this.rateIndex, r);
  }
}

/** Fields per pending entry: date, hours, code, rate (table indexes). */
const W = 4;

/** One run of an employee's entries, packed: table indexes by field. */
interface Packed {
  date: Int32Array;
  hours: Int32Array;
  code: Uint8Array;
  rate: Int32Array;
}

/**
 * The entries being added for one builder, four table indexes each, in one
 * buffer shared by every builder of a load: when another builder adds, the
 * run so far is packed into its owner's typed arrays. A file lists each
 * employee's rows together, so each builder is handed one run of exactly the
 * size it needs, and the sheet is made of it without a copy; nothing grows
 * per employee (a growing array per employee made about twice its size in
 * garbage, and growing typed arrays raised the peak RSS by about 100 MB, their
 * buffers living outside the workers' heap limit).
 */
class PendingEntries {
  private buf = new Int32Array(W * 1024);
  private n = 0;
  owner: TimeSheetBuilder | undefined;

  add(b: TimeSheetBuilder, date: number, hours: number, code: number, rate: number): void {
    if (this.owner !== b) {
      this.release();
      this.owner = b;
    }
    if ((this.n + 1) * W > this.buf.length) {
      const more = new Int32Array(this.buf.length * 2);
      more.set(this.buf);
      this.buf = more;
    }
    const at = this.n++ * W;
    this.buf[at] = date;
    this.buf[at + 1] = hours;
    this.buf[at + 2] = code;
    this.buf[at + 3] = rate;
  }

  /** Pack the run into its owner. */
  release(): void {
    const { owner, n, buf } = this;
    if (owner && n > 0) {
      const p: Packed = { date: new Int32Array(n), hours: new Int32Array(n), code: new Uint8Array(n), rate: new Int32Array(n) };
      for (let i = 0; i < n; i++) {
        p.date[i] = buf[i * W]!;
        p.hours[i] = buf[i * W + 1]!;
        p.code[i] = buf[i * W + 2]!;
        p.rate[i] = buf[i * W + 3]!;
      }
      owner.runs.push(p);
    }
    this.owner = undefined;
    this.n = 0;
  }
}

const pendingOf = new WeakMap<TimeValues, PendingEntries>();

/** Collects one employee's entries as table indexes while a file is read; `build` sorts and packs them. */
export class TimeSheetBuilder {
  /** Runs of entries in file order (one, when the file lists the employee's rows together). */
  readonly runs: Packed[] = [];
  /** Whether the entries came in date order (the usual file), so build need not sort them. */
  private inOrder = true;
  private lastDate = '';
  private readonly pending: PendingEntries;
  constructor(
    private readonly employeeId: string,
    private readonly values: TimeValues,
  ) {
    let p = pendingOf.get(values);
    if (!p) pendingOf.set(values, (p = new PendingEntries()));
    this.pending = p;
  }

  add(e: Pick<TimeEntry, 'date' | 'hours' | 'code' | 'rate'>): void {
    const v = this.values;
    if (e.date < this.lastDate) this.inOrder = false;
    this.lastDate = e.date;
    this.pending.add(this, v.date(e.date), v.hour(e.hours), v.code(e.code), v.rate(e.rate));
  }

  build(): TimeSheet {
    if (this.pending.owner === this) this.pending.release();
    const runs = this.runs.splice(0);
    let all: Packed;
    if (runs.length === 1) all = runs[0]!;
    else {
      const n = runs.reduce((t, r) => t + r.date.length, 0);
      all = { date: new Int32Array(n), hours: new Int32Array(n), code: new Uint8Array(n), rate: new Int32Array(n) };
      let at = 0;
      for (const r of runs) {
        all.date.set(r.date, at);
        all.hours.set(r.hours, at);
        all.code.set(r.code, at);
        all.rate.set(r.rate, at);
        at += r.date.length;
      }
    }
    if (!this.inOrder) {
      // Stable: entries of one date keep their file order.
      const n = all.date.length;
      const order = Array.from({ length: n }, (_, i) => i);
      const dates = this.values.dates;
      order.sort((a, b) => {
        const da = dates[all.date[a]!]!, db = dates[all.date[b]!]!;
        return da < db ? -1 : da > db ? 1 : a - b;
      });
      const s: Packed = { date: new Int32Array(n), hours: new Int32Array(n), code: new Uint8Array(n), rate: new Int32Array(n) };
      order.forEach((j, i) => {
        s.date[i] = all.date[j]!;
        s.hours[i] = all.hours[j]!;
        s.code[i] = all.code[j]!;
        s.rate[i] = all.rate[j]!;
      });
      all = s;
    }
    return new CompactTimeSheet(this.employeeId, this.values, all.date, all.hours, all.code, all.rate);
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
    // Every field in one literal (code and rate undefined when not given): all entries share one object shape.
    return { employee_id: this.employeeId, date: v.dates[this.date[i]!]!, hours: v.hours[this.hours[i]!]!, code: v.codes[this.code[i]!], rate: v.rates[this.rate[i]!] };
  }
}
