import { ByPosition, SlotValues, itemSlot, type RegisterRow } from '../model/index.js';
import { centsOf, formatMoney, formatQuantity, type Decimal } from '../money/index.js';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { csvCell, csvLine, excelSafe } from '../io/writeCsv.js';

const HOURS = new Set(['regular_hours', 'overtime_hours', 'leave_hours', 'doubletime_hours']);
const KEYS = new Set(['employee_id', 'pay_date', 'period_start', 'period_end']);

/** One expected-register row as CSV cells: money with two decimals, hours trimmed, absent values empty. */
export function expectedCells(row: RegisterRow, columns: readonly string[]): string[] {
  return columns.map((c) => {
    if (KEYS.has(c)) return (row as unknown as Record<string, string | undefined>)[c] ?? '';
    const v = row.values.get(c);
    if (v === undefined) return '';
    return HOURS.has(c) ? formatQuantity(v) : formatMoney(v);
  });
}

const KEY = 0, HOUR = 1, MONEY = 2;

/**
 * Expected-register lines written straight into a byte buffer: exactly the
 * bytes of `csvLine(expectedCells(row, columns))` for each row (a property
 * test compares them), with whole-cent amounts written digit by digit, no
 * string made for them. Amounts and hours are our own digits, a minus sign and
 * a point: never a formula, never quoted, so only the key cells, which come
 * from input, go through the Excel-safety and quoting checks.
 */
export class ExpectedCsvBuffer {
  private buf = Buffer.allocUnsafe(1 << 16);
  private pos = 0;
  private readonly kinds: Uint8Array;
  private sums: Float64Array | undefined;
  private present: Uint8Array | undefined;
  private rests: Array<Decimal | undefined> | undefined;
  private readonly extra: RegisterRow[] = [];

  /** Each amount column's (first) position; a key column is not one: it is never given a value. */
  private readonly columnAt = new Map<string, number>();
  /** For each column, the position its value is kept at (its first occurrence: a repeated column repeats the value). */
  private readonly valueAt: Int32Array;
  /** The value of each column in the row being written (undefined again once written). */
  private readonly cells: Array<Decimal | undefined>;
  /** A value's column by its key, found by its position in the previous row (-1: no column). */
  private readonly columnOf = new ByPosition<number>((key) => this.columnAt.get(key) ?? -1);
  /** Each column's item slot (itemSlot; -1 for a key column): a payslip's SlotValues are read by it, no look-up by name. */
  private readonly slotOf: Int32Array;
  /** The columns given a value in the row being written, to clear them after. */
  private readonly filled: number[] = [];
  /** With recordCents: each row's values in cents by column since the last takeCents. */
  private centsRows: Float64Array | undefined;
  private centsCount = 0;

  constructor(private readonly columns: readonly string[]) {
    this.kinds = Uint8Array.from(columns, (c) => (KEYS.has(c) ? KEY : HOURS.has(c) ? HOUR : MONEY));
    columns.forEach((c, i) => {
      if (!KEYS.has(c) && !this.columnAt.has(c)) this.columnAt.set(c, i);
    });
    this.valueAt = Int32Array.from(columns, (c, i) => this.columnAt.get(c) ?? i);
    this.cells = new Array<Decimal | undefined>(columns.length).fill(undefined);
    this.slotOf = Int32Array.from(columns, (c) => (KEYS.has(c) ? -1 : itemSlot(c)));
  }

  get length(): number {
    return this.pos;
  }

  add(row: RegisterRow): void {
    const { columns, kinds, sums, cells } = this;
    const values = row.values;
    this.room(columns.length * 24 + 16);
    const { filled, slotOf, valueAt } = this;
    // A payslip's values are read by slot; a Map's are put in their columns first: by their position in the
    // previous row first (rows list their items in one order).
    const slotted = values instanceof SlotValues ? values : undefined;
    let placed = 0;
    if (slotted === undefined) {
      const { columnOf } = this;
      let p = 0;
      values.forEach((v, k) => {
        // (forEach: a for-of over the map makes an entry array per value)
        const at = columnOf.get(k, p++);
        if (at >= 0) {
          cells[at] = v;
          filled.push(at);
        }
      });
      placed = filled.length;
    }
    let rc = this.centsRows;
    let base = 0;
    if (rc !== undefined) {
      base = this.centsCount++ * columns.length;
      if (base + columns.length > rc.length) {
        const more = new Float64Array(rc.length * 2);
        more.set(rc);
        this.centsRows = rc = more;
      }
    }
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) this.buf[this.pos++] = 0x2c; // ,
      const kind = kinds[i];
      if (kind === KEY) {
        this.key(i, (row as unknown as Record<string, string | undefined>)[columns[i]!] ?? '');
        if (rc !== undefined) rc[base + i] = NaN;
        continue;
      }
      const v = slotted === undefined ? cells[valueAt[i]!] : slotted.getSlot(slotOf[i]!);
      if (v === undefined) {
        if (rc !== undefined) rc[base + i] = 0;
        continue;
      }
      if (slotted !== undefined && valueAt[i] === i) placed++; // (a value's first column)
      const cents = centsOf(v);
      if (rc !== undefined) rc[base + i] = cents ?? NaN;
      if (cents !== undefined) this.cents(cents);
      else this.text(kind === HOUR ? formatQuantity(v) : formatMoney(v));
      if (sums !== undefined) {
        this.present![i] = 1;
        const t = cents === undefined ? NaN : sums[i]! + cents;
        if (Number.isSafeInteger(t)) sums[i] = t;
        else this.rests![i] = this.rests![i] ? this.rests![i]!.plus(v) : v;
      }
    }
    this.buf[this.pos++] = 0x0a; // \n
    for (const at of filled) cells[at] = undefined;
    filled.length = 0;
    if (sums !== undefined && placed !== values.size) this.extra.push(row);
  }

  /**
   * Also sum each column's values as rows are added (the expected totals per pay
   * date, made while the amounts are at hand), until `drainSums`.
   */
  sumColumns(): void {
    this.sums = new Float64Array(this.columns.length);
    this.present = new Uint8Array(this.columns.length);
    this.rests = new Array(this.columns.length).fill(undefined);
  }

  /**
   * The sums since the last drain, per column in column order: whole cents and
   * any rest that is not (or would overflow) whole cents; then the values of
   * rows that held an item with no column, item by item. Resets the sums.
   */
  drainSums(to: (item: string, cents: number, rest: Decimal | undefined) => void, extra: (row: RegisterRow, columns: ReadonlySet<string>) => void): void {
    const { sums, present, rests } = this;
    if (!sums || !present || !rests) throw new Error('drainSums without sumColumns');
    for (let i = 0; i < sums.length; i++) {
      if (present[i] === 0) continue;
      to(this.columns[i]!, sums[i]!, rests[i]);
      sums[i] = 0;
      present[i] = 0;
      rests[i] = undefined;
    }
    if (this.extra.length) {
      const set = new Set(this.columns);
      for (const r of this.extra) extra(r, set);
      this.extra.length = 0;
    }
  }

  /**
   * Also keep each row's values in cents by column, until `takeCents`: for
   * comparing the payslips with the partner's register without a look-up by
   * item (the reconciliation's common case).
   */
  recordCents(): void {
    this.centsRows ??= new Float64Array(this.columns.length * 256);
  }

  /**
   * The rows added since the last takeCents, `columns.length` numbers each:
   * a value in cents, 0 where the row has none (a comparison reads an absent
   * value as zero), NaN where it is not a whole number of cents (and in key
   * columns). A view, valid until the next add.
   */
  takeCents(): Float64Array {
    if (!this.centsRows) throw new Error('takeCents without recordCents');
    const out = this.centsRows.subarray(0, this.centsCount * this.columns.length);
    this.centsCount = 0;
    return out;
  }

  /** The column whose cents hold an item's value (its first, if repeated), or -1 for none. */
  columnOfItem(item: string): number {
    return this.columnAt.get(item) ?? -1;
  }

  /** The bytes written since the last take: a view, valid until the next add. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.pos = 0;
    return out;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Each key column's last text and its bytes (made safe and quoted): a pay date and its period repeat row after row. */
  private readonly lastKey: Array<string | undefined> = [];
  private readonly lastKeyBytes: Array<Buffer | undefined> = [];

  private key(i: number, s: string): void {
    if (this.lastKey[i] !== s) {
      // (an employee id changes every row: written, its bytes kept only once it repeats)
      this.text(csvCell(excelSafe(s)));
      this.lastKey[i] = s;
      this.lastKeyBytes[i] = undefined;
      return;
    }
    const b = (this.lastKeyBytes[i] ??= Buffer.from(csvCell(excelSafe(s)), 'utf8'));
    this.room(b.length);
    for (let j = 0; j < b.length; j++) this.buf[this.pos++] = b[j]!;
  }

  private text(s: string): void {
    this.room(s.length * 3 + 24);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /** formatCents, as bytes: "-" when negative, the whole part, ".", two digits. */
  private cents(c: number): void {
    this.room(24);
    const buf = this.buf;
    let a = c;
    if (a < 0) {
      buf[this.pos++] = 0x2d; // -
      a = -a;
    }
    let r: number, q: number;
    let digits = 1;
    if (a <= 0x7fffffff) {
      // (The common case, below $21 million: int32 arithmetic, no floating-point remainder.)
      q = (a / 100) | 0;
      r = a - q * 100;
      for (let t = q; t >= 10; t = (t / 10) | 0) digits++;
      let at = this.pos + digits;
      this.pos = at;
      do {
        const n = (q / 10) | 0;
        buf[--at] = 0x30 + q - n * 10;
        q = n;
      } while (q > 0);
    } else {
      r = a % 100;
      q = (a - r) / 100;
      for (let t = q; t >= 10; t = (t - (t % 10)) / 10) digits++;
      let at = this.pos + digits;
      this.pos = at;
      do {
        const d = q % 10;
        buf[--at] = 0x30 + d;
        q = (q - d) / 10;
      } while (q > 0);
    }
    const tens = (r / 10) | 0; // (r: 0 … 99)
    buf[this.pos++] = 0x2e; // .
    buf[this.pos++] = 0x30 + tens;
    buf[this.pos++] = 0x30 + r - tens * 10;
  }
}

/**
 * Stream the expected register to a CSV file. The rows go to `<path>.partial`,
 * renamed to `path` once all are written: a run that stops on an input error
 * part-way (a rate or wage base missing for one employee) leaves no expected.csv
 * that looks complete, and an earlier run's file is not clobbered.
 */
export async function writeExpectedCsv(path: string, columns: readonly string[], rows: Iterable<RegisterRow>): Promise<number> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const closed = new Promise<void>((resolve) => out.on('close', resolve));
  const done = new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.on('finish', resolve);
  });
  let n = 0;
  try {
    out.write(csvLine(columns));
    const buf = new ExpectedCsvBuffer(columns);
    for (const r of rows) {
      buf.add(r);
      n++;
      if (buf.length > 1 << 20) out.write(Buffer.from(buf.take())); // a copy: the view is reused by the next add
    }
    out.end(Buffer.from(buf.take()));
    await done;
  } catch (e) {
    done.catch(() => undefined);
    out.destroy();
    await closed;
    rmSync(partial, { force: true });
    throw e;
  }
  renameSync(partial, path);
  return n;
}
