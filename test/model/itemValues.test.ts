import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlotValues, itemName, itemSlot } from '../../src/model/index.js';
import { Decimal } from '../../src/money/index.js';

/** A snapshot of a map-like object through every reader. */
function readAll(m: ReadonlyMap<string, Decimal>, names: readonly string[]) {
  const each: Array<[string, string]> = [];
  m.forEach((v, k, self) => {
    expect(self).toBe(m);
    each.push([k, v.toString()]);
  });
  return {
    size: m.size,
    each,
    entries: [...m.entries()].map(([k, v]) => [k, v.toString()]),
    iterated: [...m].map(([k, v]) => [k, v.toString()]),
    keys: [...m.keys()],
    values: [...m.values()].map(String),
    got: names.map((n) => [m.has(n), m.get(n)?.toString()]),
  };
}

describe('item slots', () => {
  it('give a name one slot, the same every time, and the name back', () => {
    const a = itemSlot('test.slot.a');
    const b = itemSlot('test.slot.b');
    expect(b).not.toBe(a);
    expect(itemSlot('test.slot.a')).toBe(a);
    expect(itemName(b)).toBe('test.slot.b');
    expect(() => itemName(1e9)).toThrow(RangeError); // (a slot no name was given)
  });
});

describe('SlotValues', () => {
  it('reads as a Map given the same sets and deletes, iteration order included', () => {
    // Names slotted before a row is made, and names first seen after (slots beyond its arrays).
    const names = ['gross', 'net_pay', 'us.fit', 'test.late.1', 'test.late.2', 'us.ss.ee', 'us.ss.ee.wages'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), name: fc.constantFrom(...names), cents: fc.integer({ min: -1e6, max: 1e6 }), bySlot: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom(...names) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        itemSlot('gross');
        const m = new Map<string, Decimal>();
        const s = new SlotValues();
        for (const o of ops) {
          if (o.kind === 'set') {
            const v = new Decimal(o.cents).div(100);
            m.set(o.name, v);
            expect(o.bySlot ? s.setSlot(itemSlot(o.name), v) : s.set(o.name, v)).toBe(s);
            expect(s.getSlot(itemSlot(o.name))).toBe(v);
          } else expect(s.delete(o.name)).toBe(m.delete(o.name));
        }
        expect(readAll(s, [...names, 'test.never.set'])).toEqual(readAll(m, [...names, 'test.never.set']));
        const bySlot: Array<[string, string]> = [];
        s.forEachSlot((v, slot) => bySlot.push([itemName(slot), v.toString()]));
        expect(bySlot).toEqual([...m].map(([k, v]) => [k, v.toString()]));
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
