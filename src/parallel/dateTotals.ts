import { ByPosition } from '../model/index.js';
import { Tally, scaledDecimal, type Decimal } from '../money/index.js';

/**
 * Sums of row values per pay date and item (for the deposit audit and the
 * summary's item totals). Rows of one source list their items in the same
 * order, so an item's tally is found by its position in the previous row of the
 * same date and only looked up by name when that position holds another item.
 * With `items` given (not empty), only those items are summed.
 */
export class DateTotals {
  readonly byDate = new Map<string, Map<string, Tally>>();
  private date: string | undefined;
  private current: Map<string, Tally> | undefined;
  /** The current date's tally of an item, found by its position in the previous row. */
  private readonly tallyOf = new ByPosition<Tally>((item) => {
    let s = this.current!.get(item);
    if (!s) this.current!.set(item, (s = new Tally()));
    return s;
  });

  constructor(private readonly items: ReadonlySet<string> = new Set()) {}

  add(date: string, values: ReadonlyMap<string, Decimal>): void {
    if (date !== this.date || this.current === undefined) {
      let t = this.byDate.get(date);
      if (!t) this.byDate.set(date, (t = new Map()));
      this.current = t;
      this.date = date;
      this.tallyOf.clear();
    }
    const { items, tallyOf } = this;
    const all = items.size === 0;
    let i = 0;
    values.forEach((v, k) => {
      if (all || items.has(k)) tallyOf.get(k, i++).add(v);
    });
  }

  /** For addCents: the date and item keys its tallies are for, a tally per key once the key has a value. */
  private centsDate: string | undefined;
  private centsKeys: readonly string[] | undefined;
  private centsTallies: Array<Tally | undefined> = [];

  /**
   * `add` for a row held as cents: `cents[at + j]` is the value of `keys[j]`,
   * NaN for none. Tallies are made as values first appear, in the row's
   * order, as `add` makes them.
   */
  addCents(date: string, keys: readonly string[], cents: Float64Array, at: number): void {
    if (date !== this.centsDate || keys !== this.centsKeys) {
      this.centsDate = date;
      this.centsKeys = keys;
      this.centsTallies = new Array<Tally | undefined>(keys.length).fill(undefined);
      if (!this.byDate.has(date)) this.byDate.set(date, new Map()); // (listed, as `add` lists it, even with no value)
    }
    const tallies = this.centsTallies;
    for (let j = 0; j < keys.length; j++) {
      const c = cents[at + j]!;
      if (c !== c) continue;
      let t = tallies[j];
      if (t === undefined) {
        const k = keys[j]!;
        if (this.items.size !== 0 && !this.items.has(k)) continue;
        tallies[j] = t = this.tally(date, k);
      }
      t.addCents(c);
    }
  }

  /** Add a sum made elsewhere (whole cents, and a rest that is not) to one item of a date. */
  addSum(date: string, item: string, cents: number, rest: Decimal | undefined): void {
    if (this.items.size !== 0 && !this.items.has(item)) return;
    const s = this.tally(date, item);
    if (cents !== 0 || rest === undefined) s.add(scaledDecimal(cents, 2));
    if (rest !== undefined) s.add(rest);
  }

  /** Add one value to one item of a date. */
  addValue(date: string, item: string, v: Decimal): void {
    if (this.items.size !== 0 && !this.items.has(item)) return;
    this.tally(date, item).add(v);
  }

  private tally(date: string, item: string): Tally {
    let t = this.byDate.get(date);
    if (!t) this.byDate.set(date, (t = new Map()));
    let s = t.get(item);
    if (!s) t.set(item, (s = new Tally()));
    return s;
  }

  /** As the worker result carries them: [date, [item, total]…]… */
  serial(): Array<[string, Array<[string, string]>]> {
    return [...this.byDate].map(([d, t]) => [d, [...t].map(([k, v]) => [k, v.value.toString()] as [string, string])]);
  }
}
