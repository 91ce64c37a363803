import { Decimal, ZERO, centsOf, scaledDecimal } from '../money/index.js';

/**
 * An employee's year-to-date figures by item, kept as whole cents in one
 * typed array per employee (a few hundred bytes, nothing allocated per
 * payslip), with a Decimal remainder for the rare value that is not a whole
 * number of cents or would leave the exact integer range. `get` gives the
 * exact sum either way.
 */
export class YearToDate {
  private readonly cents: Float64Array;
  private rest: Map<string, Decimal> | undefined;

  /** `slots`: item → position, shared by every employee of a computation. */
  constructor(private readonly slots: ReadonlyMap<string, number>) {
    this.cents = new Float64Array(slots.size);
  }

  get(item: string): Decimal {
    const i = this.slots.get(item);
    const c = i === undefined ? 0 : this.cents[i]!;
    const whole = c === 0 ? ZERO : scaledDecimal(c, 2);
    const r = this.rest?.get(item);
    return r === undefined ? whole : r.plus(whole);
  }

  add(item: string, v: Decimal): void {
    this.addAt(this.slots.get(item), item, v);
  }

  /** `add` for a caller that has the item's slot (`slots.get(item)`) at hand already. */
  addAt(i: number | undefined, item: string, v: Decimal): void {
    if (i !== undefined) {
      const c = centsOf(v);
      if (c !== undefined) {
        const t = this.cents[i]! + c;
        if (Number.isSafeInteger(t)) {
          this.cents[i] = t;
          return;
        }
      }
    }
    const rest = (this.rest ??= new Map());
    rest.set(item, (rest.get(item) ?? ZERO).plus(v));
  }
}

/** Positions for the items a computation keeps year to date. */
export function ytdSlots(items: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const it of items) if (!out.has(it)) out.set(it, out.size);
  return out;
}
