import type { Decimal } from '../money/index.js';
import { placeIn } from './tableIndex.js';

/**
 * A register row's amounts by item name (`gross`, `us.ss.ee`, `ded.401k`…):
 * a Map, or, for the payslips payrecon computes, a SlotValues. Iteration is in
 * the order the items were first set, as a Map's.
 */
export interface ItemValues extends ReadonlyMap<string, Decimal> {
  set(item: string, value: Decimal): this;
  delete(item: string): boolean;
}

const slotByName = new Map<string, number>();
const names: string[] = [];

/**
 * An item name's slot: a small number, the same for the name wherever it is
 * used in this thread (given on the name's first use). The names are those of
 * expected.csv's columns, so there are a few dozen of them.
 */
export function itemSlot(name: string): number {
  return placeIn(names, slotByName, name, name);
}

/** The item name of a slot. */
export function itemName(slot: number): string {
  const n = names[slot];
  if (n === undefined) throw new RangeError(`no item has slot ${slot}`);
  return n;
}

/**
 * A payslip's amounts in an array by item slot: no hash table is built per
 * row (a million payslips of some thirty items each), and a writer that knows
 * an item's slot reads or sets it without looking the name up. Behaves as a
 * Map<string, Decimal> for every other reader, iteration order included
 * (a test compares the two under random operations).
 */
export class SlotValues implements ItemValues {
  /** By slot; undefined where the row has no value. */
  private readonly vals: Array<Decimal | undefined>;
  /** The slots given a value, in the order they were first set (the first `count`). */
  private readonly order: number[];
  private count = 0;

  constructor() {
    const n = names.length;
    this.vals = new Array<Decimal | undefined>(n);
    this.order = new Array<number>(n);
  }

  get size(): number {
    return this.count;
  }

  get(item: string): Decimal | undefined {
    const s = slotByName.get(item);
    return s === undefined ? undefined : this.vals[s];
  }

  /** The value at a slot (itemSlot), if the row has one. */
  getSlot(slot: number): Decimal | undefined {
    return this.vals[slot];
  }

  has(item: string): boolean {
    return this.get(item) !== undefined;
  }

  set(item: string, value: Decimal): this {
    return this.setSlot(itemSlot(item), value);
  }

  /** `set` for a writer that has the item's slot (itemSlot) at hand. */
  setSlot(slot: number, value: Decimal): this {
    if (this.vals[slot] === undefined) this.order[this.count++] = slot;
    this.vals[slot] = value;
    return this;
  }

  delete(item: string): boolean {
    const s = slotByName.get(item);
    if (s === undefined || this.vals[s] === undefined) return false;
    this.vals[s] = undefined;
    const { order } = this;
    const at = order.indexOf(s);
    order.copyWithin(at, at + 1, this.count);
    this.count--;
    return true;
  }

  /** Each value with its slot, in insertion order. */
  forEachSlot(fn: (value: Decimal, slot: number) => void): void {
    const { vals, order } = this;
    for (let j = 0; j < this.count; j++) {
      const s = order[j]!;
      fn(vals[s]!, s);
    }
  }

  forEach(fn: (value: Decimal, item: string, map: ReadonlyMap<string, Decimal>) => void, thisArg?: unknown): void {
    const { vals, order } = this;
    for (let j = 0; j < this.count; j++) {
      const s = order[j]!;
      fn.call(thisArg, vals[s]!, names[s]!, this);
    }
  }

  *entries(): MapIterator<[string, Decimal]> {
    for (let j = 0; j < this.count; j++) {
      const s = this.order[j]!;
      yield [names[s]!, this.vals[s]!];
    }
  }

  *keys(): MapIterator<string> {
    for (let j = 0; j < this.count; j++) yield names[this.order[j]!]!;
  }

  *values(): MapIterator<Decimal> {
    for (let j = 0; j < this.count; j++) yield this.vals[this.order[j]!]!;
  }

  [Symbol.iterator](): MapIterator<[string, Decimal]> {
    return this.entries();
  }
}
